package org.earshot.detectors.display;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A single-producer, single-consumer ring of display columns, allocated once: the graph thread writes one
 * column per column hop, a dashboard or report thread reads them. No locks and no allocation on either
 * side; positions are monotonically increasing column counts published with release/acquire ordering (as
 * in the engine's {@code AudioRing}).
 *
 * <p>A column is {@link #stride()} floats: {@link #SCALARS} scalars, then {@link #bands()} log-mel values in
 * dB. The scalars are the onset novelty (its largest value in the column, {@code NaN} when the graph has
 * no novelty node), the input's RMS and peak level in dBFS, and the processed output's RMS level in dBFS
 * ({@code NaN} when no processed audio is tapped).
 *
 * <pre>{@code
 * int slot = columns.tryClaim();            // producer: -1 when full
 * if (slot >= 0) {
 *     columns.data()[columns.offset(slot) + DisplayColumns.IN_RMS_DB] = level;
 *     columns.commit(slot, frame);
 * }
 * columns.drain(handler, 64);               // consumer
 * }</pre>
 */
public final class DisplayColumns {
    /** Scalar: largest onset novelty value in the column, or NaN. */
    public static final int NOVELTY = 0;
    /** Scalar: input RMS level over the column, dBFS. */
    public static final int IN_RMS_DB = 1;
    /** Scalar: input peak level over the column, dBFS. */
    public static final int IN_PEAK_DB = 2;
    /** Scalar: processed output RMS level over the column, dBFS, or NaN. */
    public static final int OUT_RMS_DB = 3;
    /** Number of scalars before the bands. */
    public static final int SCALARS = 4;
    /** Level written for digital silence, dBFS. */
    public static final float FLOOR_DB = -120f;

    /** Receives columns on the consumer thread. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param frame  absolute sample frame of the column's centre
         * @param data   the ring's storage; the column is {@code data[offset .. offset + stride)}, valid during
         *               the call only
         * @param offset first index of the column
         */
        void onColumn(long frame, float[] data, int offset);
    }

    private final int bands;
    private final int stride;
    private final int mask;
    private final float[] data;
    private final long[] frames;
    private final AtomicLong head = new AtomicLong();
    private final AtomicLong tail = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile int hopFrames;
    private volatile int sampleRateHz;

    /**
     * @param bands    log-mel bands per column, 1 or more
     * @param capacity columns held, a power of two, 2 or more
     */
    public DisplayColumns(final int bands, final int capacity) {
        if (bands < 1) {
            throw new IllegalArgumentException("bands must be >= 1, got " + bands);
        }
        if (capacity < 2 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 2, got " + capacity);
        }
        this.bands = bands;
        this.stride = SCALARS + bands;
        this.mask = capacity - 1;
        this.data = new float[capacity * stride];
        this.frames = new long[capacity];
    }

    /** @return log-mel bands per column */
    public int bands() {
        return bands;
    }

    /** @return floats per column, {@link #SCALARS} + {@link #bands()} */
    public int stride() {
        return stride;
    }

    /** @return columns the ring holds */
    public int capacity() {
        return frames.length;
    }

    /** @return frames between columns, set when the tap is prepared (0 before) */
    public int hopFrames() {
        return hopFrames;
    }

    /** @return the graph's rate, set when the tap is prepared (0 before) */
    public int sampleRateHz() {
        return sampleRateHz;
    }

    /**
     * Records the geometry (the tap's prepare, off the audio thread).
     *
     * @param rateHz graph rate
     * @param hop    frames between columns
     */
    void geometry(final int rateHz, final int hop) {
        this.sampleRateHz = rateHz;
        this.hopFrames = hop;
    }

    /**
     * Producer: claims the next column's room.
     *
     * @return the slot, or -1 if the ring is full
     */
    public int tryClaim() {
        final long t = tail.get();
        if (t - head.getAcquire() >= frames.length) {
            return -1;
        }
        return (int)(t & mask);
    }

    /** @return the storage the producer writes into at {@link #offset(int)} and the consumer reads */
    public float[] data() {
        return data;
    }

    /**
     * @param slot a claimed slot
     * @return index of the slot's first float in {@link #data()}
     */
    public int offset(final int slot) {
        return slot * stride;
    }

    /**
     * Producer: publishes the claimed column.
     *
     * @param slot  the slot {@link #tryClaim()} returned
     * @param frame absolute sample frame of the column's centre
     */
    public void commit(final int slot, final long frame) {
        frames[slot] = frame;
        written.getAndIncrement();
        tail.setRelease(tail.get() + 1);
    }

    /** Producer: counts a column that did not fit. */
    public void countDropped() {
        dropped.getAndIncrement();
    }

    /**
     * Consumer: hands up to {@code limit} columns to a handler, oldest first, then frees their room.
     *
     * @param handler receives each column
     * @param limit   most columns read
     * @return columns read
     */
    public int drain(final Handler handler, final int limit) {
        final long h = head.get();
        final long available = tail.getAcquire() - h;
        final int n = (int)Math.min(available, limit);
        for (int i = 0; i < n; i++) {
            final int slot = (int)((h + i) & mask);
            handler.onColumn(frames[slot], data, slot * stride);
        }
        if (n > 0) {
            head.setRelease(h + n);
        }
        return n;
    }

    /** @return columns waiting to be read */
    public int available() {
        return (int)(tail.getAcquire() - head.getAcquire());
    }

    /** @return columns dropped because the ring was full (live mode) */
    public long dropped() {
        return dropped.get();
    }

    /** @return columns written */
    public long written() {
        return written.get();
    }
}
