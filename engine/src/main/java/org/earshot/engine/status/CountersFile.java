package org.earshot.engine.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.agrona.BufferUtil;
import org.agrona.IoUtil;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.status.CountersManager;
import org.agrona.concurrent.status.CountersReader;

/**
 * A memory-mapped file of counters, after Aeron's CnC file: the engine writes, {@code earshot stat} in
 * another process maps the same file read-only and reads the values live.
 *
 * <pre>
 *   0  int   magic (0x45415253 "EARS")
 *   4  int   version
 *   8  long  pid
 *  16  long  start time, epoch ms
 *  24  int   metadata length
 *  28  int   values length
 *  32..HEADER_LENGTH-1 reserved
 *  HEADER_LENGTH: metadata buffer, then values buffer (Agrona CountersManager layout)
 * </pre>
 */
public final class CountersFile implements AutoCloseable {
    /** File magic. */
    public static final int MAGIC = 0x45415253;
    /** Layout version. */
    public static final int VERSION = 1;
    /** Header length in bytes, a multiple of the cache line. */
    public static final int HEADER_LENGTH = 128;
    /** File name suffix. */
    public static final String SUFFIX = ".counters";
    private static final int DEFAULT_COUNTERS = 1024;

    private final Path path;
    private final MappedByteBuffer mapped;
    private final CountersManager manager;

    /**
     * Counters kept on the heap only, for tests and tools that need no other process to read them.
     *
     * @return counters with no file behind them
     */
    public static CountersFile inMemory() {
        final int valuesLength = DEFAULT_COUNTERS * CountersReader.COUNTER_LENGTH;
        final int metadataLength = DEFAULT_COUNTERS * CountersReader.METADATA_LENGTH;
        return new CountersFile(null, null, new CountersManager(
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(metadataLength, 64)),
            new UnsafeBuffer(BufferUtil.allocateDirectAligned(valuesLength, 64))));
    }

    private CountersFile(final Path path, final MappedByteBuffer mapped, final CountersManager manager) {
        this.path = path;
        this.mapped = mapped;
        this.manager = manager;
    }

    /**
     * The directory where engines publish their counters: {@code $EARSHOT_DIR}, else
     * {@code /dev/shm/earshot-USER} when {@code /dev/shm} exists, else {@code java.io.tmpdir/earshot-USER}.
     *
     * @return the directory (not necessarily existing)
     */
    public static Path defaultDirectory() {
        final String env = System.getenv("EARSHOT_DIR");
        if (env != null && !env.isEmpty()) {
            return Path.of(env);
        }
        final String user = System.getProperty("user.name", "user");
        final Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            return shm.resolve("earshot-" + user);
        }
        return Path.of(System.getProperty("java.io.tmpdir")).resolve("earshot-" + user);
    }

    /**
     * Creates the counters file of this process in a directory.
     *
     * @param directory where to create {@code PID.counters}
     * @return the open file
     */
    public static CountersFile create(final Path directory) {
        final long pid = ProcessHandle.current().pid();
        final int valuesLength = DEFAULT_COUNTERS * CountersReader.COUNTER_LENGTH;
        final int metadataLength = DEFAULT_COUNTERS * CountersReader.METADATA_LENGTH;
        final Path path = directory.resolve(pid + SUFFIX);
        try {
            Files.createDirectories(directory);
            Files.deleteIfExists(path);
            final long length = HEADER_LENGTH + (long)metadataLength + valuesLength;
            final MappedByteBuffer mapped;
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0, length);
            }
            final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
            header.putLong(8, pid);
            header.putLong(16, System.currentTimeMillis());
            header.putInt(24, metadataLength);
            header.putInt(28, valuesLength);
            header.putInt(4, VERSION);
            header.putIntVolatile(0, MAGIC);
            final AtomicBuffer metadata = new UnsafeBuffer(mapped, HEADER_LENGTH, metadataLength);
            final AtomicBuffer values = new UnsafeBuffer(mapped, HEADER_LENGTH + metadataLength, valuesLength);
            return new CountersFile(path, mapped, new CountersManager(metadata, values));
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot create counters file " + path + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Allocates a counter.
     *
     * @param counter the kind
     * @param label   full label, e.g. {@code "main: blocks processed"}
     * @return the counter
     */
    public AtomicCounter newCounter(final SystemCounter counter, final String label) {
        synchronized (manager) {
            return manager.newCounter(label, counter.typeId());
        }
    }

    /** @return the file path, or null for in-memory counters */
    public Path path() {
        return path;
    }

    /** @return a reader over this file's counters */
    public CountersReader reader() {
        return manager;
    }

    /** Unmaps and deletes the file. */
    @Override
    public void close() {
        if (mapped == null) {
            return;
        }
        IoUtil.unmap(mapped);
        try {
            Files.deleteIfExists(path);
        } catch (final IOException ignored) {
            // best effort: stat skips files of dead processes
        }
    }

    /** A counters file of some engine, mapped read-only by another process. */
    public record Published(long pid, long startEpochMs, Path path, CountersReader reader) {
        /** @return whether the engine process still runs */
        public boolean alive() {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
    }

    /**
     * Maps every counters file in a directory whose process is alive.
     *
     * @param directory the counters directory
     * @return the files found, in pid order
     */
    public static List<Published> findPublished(final Path directory) {
        final List<Published> found = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return found;
        }
        try (var stream = Files.list(directory)) {
            for (final Path p : stream.sorted().toList()) {
                if (p.getFileName().toString().endsWith(SUFFIX)) {
                    open(p).filter(Published::alive).ifPresent(found::add);
                }
            }
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot list " + directory + ": " + ex.getMessage(), ex);
        }
        return found;
    }

    /**
     * Maps one counters file read-only.
     *
     * @param path the file
     * @return the mapping, or empty if the file is not a complete counters file
     */
    public static Optional<Published> open(final Path path) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            final long size = channel.size();
            if (size < HEADER_LENGTH) {
                return Optional.empty();
            }
            final MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
            final UnsafeBuffer header = new UnsafeBuffer(mapped, 0, HEADER_LENGTH);
            if (header.getIntVolatile(0) != MAGIC || header.getInt(4) != VERSION) {
                return Optional.empty();
            }
            final int metadataLength = header.getInt(24);
            final int valuesLength = header.getInt(28);
            if (HEADER_LENGTH + (long)metadataLength + valuesLength > size) {
                return Optional.empty();
            }
            final CountersReader reader = new CountersReader(
                new UnsafeBuffer(mapped, HEADER_LENGTH, metadataLength),
                new UnsafeBuffer(mapped, HEADER_LENGTH + metadataLength, valuesLength));
            return Optional.of(new Published(header.getLong(8), header.getLong(16), path, reader));
        } catch (final IOException ex) {
            return Optional.empty();
        }
    }
}
