package org.earshot.io.sink.spool;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A durable first-in-first-out queue of messages on disk, so that alerts survive a dead broker and a
 * killed process: messages are appended to segment files (written through to the operating system, so
 * a {@code kill -9} loses nothing already appended; {@link #sync()} forces them to the device) and
 * removed only when acknowledged. Every message gets an id, increasing across restarts, for receivers
 * to drop duplicates (delivery is at least once).
 *
 * <p>Layout of a directory: {@code NNNNNNNNNNNNNNNNNNNN.seg} segments (named by their first id) of
 * records {@code [int length][int crc32][long id][short topicLength][topic UTF-8][payload]}, and
 * {@code acked} holding the highest acknowledged id. A torn last record (the process died while writing
 * it) is cut off on open. When the spool holds more than {@code maxBytes} the oldest messages are
 * dropped and counted.
 *
 * <p>Thread-safe: one thread appends (the event agent), another delivers; methods are synchronized and
 * short (local file writes only).
 */
public final class Spool implements AutoCloseable {
    private static final int SEGMENT_BYTES = 1 << 20;

    /**
     * One spooled message.
     *
     * @param id      message id
     * @param topic   destination (topic, or empty)
     * @param payload the bytes
     */
    public record Message(long id, String topic, byte[] payload) {
    }

    private final Path dir;
    private final long maxBytes;
    private final ArrayDeque<Message> pending = new ArrayDeque<>();
    private final ArrayDeque<long[]> segments = new ArrayDeque<>();
    private FileChannel current;
    private long currentBytes;
    private long totalBytes;
    private long nextId;
    private long acked;
    private long dropped;
    private final RandomAccessFile ackFile;

    /**
     * Opens (or creates) a spool, reading back every unacknowledged message.
     *
     * @param dir      its directory
     * @param maxBytes most bytes kept before the oldest messages are dropped
     * @throws IOException naming the directory if it cannot be used
     */
    public Spool(final Path dir, final long maxBytes) throws IOException {
        this.dir = dir;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
            ackFile = new RandomAccessFile(dir.resolve("acked").toFile(), "rw");
            acked = ackFile.length() >= 8 ? ackFile.readLong() : 0L;
            nextId = acked + 1;
            final List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".seg")).sorted().toList();
            }
            for (final Path f : files) {
                load(f);
            }
        } catch (final IOException ex) {
            throw new IOException("spool " + dir + ": " + ex.getMessage(), ex);
        }
    }

    private void load(final Path file) throws IOException {
        final byte[] all = Files.readAllBytes(file);
        final ByteBuffer b = ByteBuffer.wrap(all);
        long lastId = -1;
        int valid = 0;
        while (b.remaining() >= 8) {
            final int len = b.getInt();
            final int crc = b.getInt();
            if (len < 10 || len > b.remaining()) {
                break;
            }
            final CRC32 c = new CRC32();
            c.update(all, b.position(), len);
            if ((int)c.getValue() != crc) {
                break;
            }
            final long id = b.getLong();
            final int topicLength = b.getShort() & 0xffff;
            final byte[] topic = new byte[topicLength];
            b.get(topic);
            final byte[] payload = new byte[len - 10 - topicLength];
            b.get(payload);
            valid = b.position();
            lastId = id;
            nextId = Math.max(nextId, id + 1);
            if (id > acked) {
                pending.add(new Message(id, new String(topic, StandardCharsets.UTF_8), payload));
            }
        }
        if (valid < all.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(valid);
            }
        }
        if (lastId < 0) {
            Files.deleteIfExists(file);
            return;
        }
        segments.add(new long[] {idOf(file), lastId, valid});
        totalBytes += valid;
    }

    private static long idOf(final Path f) {
        final String n = f.getFileName().toString();
        return Long.parseLong(n.substring(0, n.length() - 4));
    }

    /** @return the id the next appended message will get */
    public synchronized long nextId() {
        return nextId;
    }

    /**
     * Appends a message with the id {@link #nextId()} returned.
     *
     * @param topic   destination
     * @param payload bytes
     * @return its id
     * @throws IOException if the write fails
     */
    public synchronized long append(final String topic, final byte[] payload) throws IOException {
        final long id = nextId++;
        final byte[] t = topic.getBytes(StandardCharsets.UTF_8);
        final int len = 8 + 2 + t.length + payload.length;
        final ByteBuffer b = ByteBuffer.allocate(8 + len);
        b.putInt(len).putInt(0).putLong(id).putShort((short)t.length).put(t).put(payload);
        final CRC32 c = new CRC32();
        c.update(b.array(), 8, len);
        b.putInt(4, (int)c.getValue());
        b.flip();
        if (current == null || currentBytes >= SEGMENT_BYTES) {
            if (current != null) {
                current.close();
            }
            current = FileChannel.open(dir.resolve(String.format("%020d.seg", id)), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            currentBytes = 0;
            segments.add(new long[] {id, id, 0});
        }
        while (b.hasRemaining()) {
            current.write(b);
        }
        currentBytes += 8 + len;
        totalBytes += 8 + len;
        final long[] seg = segments.peekLast();
        seg[1] = id;
        seg[2] += 8 + len;
        pending.add(new Message(id, topic, payload));
        while (totalBytes > maxBytes && pending.size() > 1) {
            ack(pending.peekFirst().id());
            dropped++;
        }
        notifyAll();
        return id;
    }

    /** Forces appended messages to the storage device. @throws IOException on failure */
    public synchronized void sync() throws IOException {
        if (current != null) {
            current.force(false);
        }
    }

    /** @return the oldest unacknowledged message, or null */
    public synchronized Message peek() {
        return pending.peekFirst();
    }

    /**
     * Waits until a message is pending.
     *
     * @param timeoutMs most time to wait
     * @return the oldest unacknowledged message, or null after the timeout
     * @throws InterruptedException if interrupted
     */
    public synchronized Message await(final long timeoutMs) throws InterruptedException {
        if (pending.isEmpty() && timeoutMs > 0) {
            wait(timeoutMs);
        }
        return pending.peekFirst();
    }

    /**
     * Acknowledges every message up to and including {@code id}; fully acknowledged segments are deleted.
     *
     * @param id a message id
     * @throws IOException if the acknowledgement cannot be recorded
     */
    public synchronized void ack(final long id) throws IOException {
        while (!pending.isEmpty() && pending.peekFirst().id() <= id) {
            pending.pollFirst();
        }
        if (id > acked) {
            acked = id;
            ackFile.seek(0);
            ackFile.writeLong(acked);
        }
        while (!segments.isEmpty() && segments.peekFirst()[1] <= acked && segments.size() > 1) {
            final long[] s = segments.pollFirst();
            totalBytes -= s[2];
            Files.deleteIfExists(dir.resolve(String.format("%020d.seg", s[0])));
        }
    }

    /** @return messages not yet acknowledged */
    public synchronized int size() {
        return pending.size();
    }

    /** @return messages dropped because the spool was full */
    public synchronized long dropped() {
        return dropped;
    }

    /** @return a snapshot of the pending messages, oldest first */
    public synchronized List<Message> pending() {
        return new ArrayList<>(pending);
    }

    @Override
    public synchronized void close() throws IOException {
        if (current != null) {
            current.force(false);
            current.close();
            current = null;
        }
        ackFile.close();
        notifyAll();
    }
}
