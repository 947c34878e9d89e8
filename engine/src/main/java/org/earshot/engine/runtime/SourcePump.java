package org.earshot.engine.runtime;

import java.util.concurrent.locks.LockSupport;

/**
 * The source side of a graph, on its own thread: reads blocks of exactly {@code blockFrames} from an
 * {@link AudioSource}, stamps them with their absolute frame and capture time, and publishes them.
 *
 * <p>Live sources never wait for the graph: a full ring drops the block and counts a capture overrun,
 * and the next block is flagged as a stream break (nodes reset). Offline sources wait (back-pressure).
 * Non-finite samples are counted and zeroed. At the end the pump appends the graph's latency in silent
 * frames, so that every node can decide what its look-ahead still held, then publishes the end slot.
 */
public final class SourcePump implements Runnable {
    private final AudioSource source;
    private final FramePublisher publisher;
    private final GraphCounters counters;
    private final int blockFrames;
    private final int tailFrames;
    private final float[] block;
    private volatile boolean stopRequested;
    private volatile Throwable failure;
    private volatile long framesRead;

    /**
     * @param source      where samples come from
     * @param publisher   the graph's frame ring
     * @param counters    the graph's counters
     * @param blockFrames frames per block
     * @param tailFrames  silent frames appended at the end (the graph latency)
     */
    public SourcePump(
        final AudioSource source,
        final FramePublisher publisher,
        final GraphCounters counters,
        final int blockFrames,
        final int tailFrames) {
        this.source = source;
        this.publisher = publisher;
        this.counters = counters;
        this.blockFrames = blockFrames;
        this.tailFrames = tailFrames;
        this.block = new float[blockFrames];
    }

    /** Asks the pump to stop after the current block; it then ends the stream as usual. */
    public void requestStop() {
        stopRequested = true;
    }

    /** @return the source's failure, or null */
    public Throwable failure() {
        return failure;
    }

    /** @return frames read from the source so far */
    public long framesRead() {
        return framesRead;
    }

    @Override
    public void run() {
        long frame = 0;
        int pendingFlags = 0;
        final boolean live = source.live();
        try {
            boolean end = false;
            while (!end && !stopRequested) {
                int filled = 0;
                while (filled < blockFrames && !stopRequested) {
                    final int n = source.read(block, filled, blockFrames - filled);
                    if (n == AudioSource.END_OF_STREAM) {
                        end = true;
                        break;
                    }
                    if (n == 0) {
                        LockSupport.parkNanos(200_000);
                    }
                    filled += n;
                }
                final long lost = source.takeLostFrames();
                if (lost > 0) {
                    frame += lost;
                    counters.captureOverruns.incrementRelease();
                    pendingFlags |= FrameSlot.FLAG_STREAM_BREAK;
                }
                if (filled == 0) {
                    continue;
                }
                zeroNonFinite(filled);
                final long captureNs = System.nanoTime();
                if (live) {
                    if (publisher.tryPublish(block, 0, filled, frame, captureNs, pendingFlags)) {
                        pendingFlags = 0;
                    } else {
                        counters.captureOverruns.incrementRelease();
                        pendingFlags |= FrameSlot.FLAG_STREAM_BREAK;
                    }
                } else {
                    publisher.publish(block, 0, filled, frame, captureNs, pendingFlags);
                    pendingFlags = 0;
                }
                frame += filled;
                framesRead += filled;
            }
        } catch (final Throwable t) {
            failure = t;
        } finally {
            finish(frame, pendingFlags);
        }
    }

    private void finish(final long endFrame, final int pendingFlags) {
        java.util.Arrays.fill(block, 0f);
        long frame = endFrame;
        int flags = pendingFlags;
        int remaining = tailFrames;
        while (remaining > 0) {
            final int n = Math.min(remaining, blockFrames);
            publisher.publish(block, 0, n, frame, System.nanoTime(), flags);
            flags = 0;
            frame += n;
            remaining -= n;
        }
        publisher.publish(block, 0, 0, frame, System.nanoTime(), flags | FrameSlot.FLAG_END_OF_STREAM);
    }

    private void zeroNonFinite(final int frames) {
        for (int i = 0; i < frames; i++) {
            if (!Float.isFinite(block[i])) {
                block[i] = 0f;
                counters.nonFiniteSamples.incrementRelease();
            }
        }
    }
}
