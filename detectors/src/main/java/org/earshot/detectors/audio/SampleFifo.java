package org.earshot.detectors.audio;

import java.util.Arrays;

/**
 * A first-in first-out queue of samples with a fixed power-of-two capacity, for one thread. A node that
 * produces output a hop at a time pre-fills it with its latency in zeros, pushes every hop and pops exactly
 * as many samples as each block brings in: the output then trails the input by exactly that latency,
 * whatever the block sizes. Used as a delay line it does the same for the dry signal.
 */
public final class SampleFifo {
    private final float[] buffer;
    private final int mask;
    private long head;
    private long tail;

    /**
     * @param minCapacity samples it must hold at once; rounded up to a power of two
     */
    public SampleFifo(final int minCapacity) {
        if (minCapacity < 1 || minCapacity > (1 << 28)) {
            throw new IllegalArgumentException("minCapacity must be in [1, 268435456], got " + minCapacity);
        }
        final int cap = Integer.highestOneBit(Math.max(1, minCapacity - 1)) << 1;
        this.buffer = new float[Math.max(2, cap)];
        this.mask = buffer.length - 1;
    }

    /** @return samples held */
    public int size() {
        return (int)(tail - head);
    }

    /** @return most samples it can hold */
    public int capacity() {
        return buffer.length;
    }

    /** Empties it. */
    public void clear() {
        head = 0;
        tail = 0;
    }

    /**
     * Empties it and appends {@code n} zeros.
     *
     * @param n zeros, at most the capacity
     */
    public void clearAndFill(final int n) {
        Arrays.fill(buffer, 0f);
        head = 0;
        tail = Math.min(n, buffer.length);
    }

    /**
     * Appends samples; what does not fit is not written (a sizing bug, never a runtime condition).
     *
     * @param src    samples
     * @param offset first index
     * @param n      count
     * @return samples appended
     */
    public int push(final float[] src, final int offset, final int n) {
        final int m = Math.min(n, buffer.length - size());
        for (int i = 0; i < m; i++) {
            buffer[(int)((tail + i) & mask)] = src[offset + i];
        }
        tail += m;
        return m;
    }

    /**
     * Removes samples into {@code dst}; missing ones are written as zeros.
     *
     * @param dst    destination
     * @param offset first index
     * @param n      count
     * @return samples that were held
     */
    public int pop(final float[] dst, final int offset, final int n) {
        final int m = Math.min(n, size());
        for (int i = 0; i < m; i++) {
            dst[offset + i] = buffer[(int)((head + i) & mask)];
        }
        for (int i = m; i < n; i++) {
            dst[offset + i] = 0f;
        }
        head += m;
        return m;
    }
}
