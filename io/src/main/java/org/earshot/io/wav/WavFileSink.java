package org.earshot.io.wav;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.earshot.engine.runtime.AudioRing;

/**
 * Drains an {@link AudioRing} into a {@link WavWriter} on its own thread until the ring is closed and empty.
 * With the tap in offline mode the graph waits for room, so nothing is lost; in live mode what the ring drops
 * is counted by the ring. Optionally discards the first {@code skipFrames} (a graph's declared latency, so an
 * offline output file is aligned with its input) and stops after {@code maxFrames} (the input's length).
 */
public final class WavFileSink implements AutoCloseable {
    private final AudioRing ring;
    private final WavWriter writer;
    private final long skipFrames;
    private final long maxFrames;
    private final Thread thread;
    private final float[] chunk = new float[8192];
    private volatile IOException failure;
    private volatile boolean done;
    private long skipped;

    /**
     * Starts the writer thread.
     *
     * @param ring       the audio to write (mono)
     * @param writer     the file
     * @param skipFrames frames to discard first
     * @param maxFrames  most frames to write, or {@code Long.MAX_VALUE}
     */
    public WavFileSink(final AudioRing ring, final WavWriter writer, final long skipFrames, final long maxFrames) {
        this.ring = ring;
        this.writer = writer;
        this.skipFrames = skipFrames;
        this.maxFrames = maxFrames;
        this.thread = new Thread(this::drain, "earshot-wav-" + writer.path().getFileName());
        this.thread.setDaemon(true);
        this.thread.start();
    }

    private void drain() {
        try {
            while (true) {
                final int n = ring.read(chunk, 0, chunk.length);
                if (n == 0) {
                    if (ring.isClosed() && ring.available() == 0) {
                        break;
                    }
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(500));
                    continue;
                }
                int from = 0;
                if (skipped < skipFrames) {
                    final int s = (int)Math.min(n, skipFrames - skipped);
                    skipped += s;
                    from = s;
                }
                final long room = maxFrames - writer.framesWritten();
                final int count = (int)Math.min(n - from, Math.max(0, room));
                if (count > 0) {
                    writer.write(chunk, from, count);
                }
            }
        } catch (final IOException ex) {
            failure = ex;
        } finally {
            done = true;
        }
    }

    /**
     * Waits until the ring is closed and drained (the producer must close it), then closes the file.
     *
     * @param timeoutMs how long to wait
     * @return true if everything was written in time
     * @throws IOException          the first write error, naming the file
     * @throws InterruptedException if interrupted
     */
    public boolean finish(final long timeoutMs) throws IOException, InterruptedException {
        thread.join(timeoutMs);
        final boolean finished = done;
        writer.close();
        if (failure != null) {
            throw failure;
        }
        return finished;
    }

    /** @return frames written so far */
    public long framesWritten() {
        return writer.framesWritten();
    }

    /** @return the writer */
    public WavWriter writer() {
        return writer;
    }

    @Override
    public void close() throws IOException {
        ring.close();
        try {
            thread.join(10_000);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        writer.close();
    }
}
