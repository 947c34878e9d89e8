package org.earshot.engine.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-producer, single-consumer ring of float samples carrying audio from the graph thread to an
 * output thread (playback device, WAV writer), without locks or allocation. Positions are monotonically
 * increasing frame counts published with release/acquire ordering.
 *
 * <p>The producer never waits in live mode: what does not fit is dropped and counted. The consumer
 * counts underruns when it asks for more than is there.
 */
public final class AudioRing {
    private final float[] buffer;
    private final int mask;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong droppedFrames = new AtomicLong();
    private final AtomicLong underrunFrames = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param capacityFrames capacity, a power of two from 64 to 2^24
     */
    public AudioRing(final int capacityFrames) {
        if (capacityFrames < 64 || capacityFrames > (1 << 24) || Integer.bitCount(capacityFrames) != 1) {
            throw new IllegalArgumentException("capacityFrames must be a power of two in [64, 16777216], got "
                + capacityFrames);
        }
        this.buffer = new float[capacityFrames];
        this.mask = capacityFrames - 1;
    }

    /**
     * Writes as many frames as fit (producer thread).
     *
     * @param src    samples
     * @param offset first sample
     * @param frames frames offered
     * @return frames written
     */
    public int write(final float[] src, final int offset, final int frames) {
        final long t = tail.get();
        final long h = head.getAcquire();
        final int n = (int)Math.min(frames, buffer.length - (t - h));
        for (int i = 0; i < n; i++) {
            buffer[(int)((t + i) & mask)] = src[offset + i];
        }
        tail.setRelease(t + n);
        return n;
    }

    /**
     * Writes, dropping and counting what does not fit (live producer).
     *
     * @param src    samples
     * @param offset first sample
     * @param frames frames offered
     */
    public void writeOrDrop(final float[] src, final int offset, final int frames) {
        final int n = write(src, offset, frames);
        if (n < frames) {
            droppedFrames.getAndAdd(frames - n);
        }
    }

    /**
     * Reads up to {@code frames} (consumer thread).
     *
     * @param dst    destination
     * @param offset first index
     * @param frames frames wanted
     * @return frames read
     */
    public int read(final float[] dst, final int offset, final int frames) {
        final long h = head.get();
        final long t = tail.getAcquire();
        final int n = (int)Math.min(frames, t - h);
        for (int i = 0; i < n; i++) {
            dst[offset + i] = buffer[(int)((h + i) & mask)];
        }
        head.setRelease(h + n);
        return n;
    }

    /**
     * Reads exactly {@code frames}, filling what is missing with silence and counting it as underrun
     * (a live playback thread that must hand the device a full buffer).
     *
     * @param dst    destination
     * @param offset first index
     * @param frames frames wanted
     * @return frames that were real samples
     */
    public int readOrSilence(final float[] dst, final int offset, final int frames) {
        final int n = read(dst, offset, frames);
        if (n < frames) {
            java.util.Arrays.fill(dst, offset + n, offset + frames, 0f);
            underrunFrames.getAndAdd(frames - n);
        }
        return n;
    }

    /** @return frames waiting to be read */
    public int available() {
        return (int)(tail.getAcquire() - head.getAcquire());
    }

    /** @return free room in frames */
    public int remaining() {
        return buffer.length - available();
    }

    /** @return frames dropped by the producer */
    public long droppedFrames() {
        return droppedFrames.get();
    }

    /** @return silent frames the consumer had to insert */
    public long underrunFrames() {
        return underrunFrames.get();
    }

    /** Marks the stream as finished: the consumer drains what is left and stops. */
    public void close() {
        closed = true;
    }

    /** @return whether the producer has finished */
    public boolean isClosed() {
        return closed;
    }
}
