package org.earshot.app.web;

import java.util.Base64;

import org.earshot.detectors.display.DisplayColumns;

/**
 * The last few seconds of one graph's display columns, on the hub's thread: copied out of the tap's ring
 * (so the ring's room is freed at once), log-mel values quantised to one byte each, numbered by a sequence
 * so that each client can be sent what it has not seen.
 */
final class ColumnHistory {
    /** dB mapped to byte 0. */
    static final float MEL_FLOOR_DB = -110f;
    /** dB mapped to byte 255. */
    static final float MEL_TOP_DB = 0f;

    private final DisplayColumns ring;
    private final int bands;
    private final int capacity;
    private final long[] frame;
    private final byte[] mel;
    private final float[] novelty;
    private final float[] inDb;
    private final float[] peakDb;
    private final float[] outDb;
    private final DisplayColumns.Handler copier = this::copy;
    private long next;

    /**
     * @param ring     the tap's ring
     * @param capacity columns kept
     */
    ColumnHistory(final DisplayColumns ring, final int capacity) {
        this.ring = ring;
        this.bands = ring.bands();
        this.capacity = capacity;
        this.frame = new long[capacity];
        this.mel = new byte[capacity * bands];
        this.novelty = new float[capacity];
        this.inDb = new float[capacity];
        this.peakDb = new float[capacity];
        this.outDb = new float[capacity];
    }

    /**
     * Moves every waiting column out of the ring.
     *
     * @return columns moved
     */
    int poll() {
        int total = 0;
        int n;
        while ((n = ring.drain(copier, 256)) > 0) {
            total += n;
        }
        return total;
    }

    private void copy(final long f, final float[] data, final int offset) {
        final int i = (int)(next % capacity);
        frame[i] = f;
        novelty[i] = data[offset + DisplayColumns.NOVELTY];
        inDb[i] = data[offset + DisplayColumns.IN_RMS_DB];
        peakDb[i] = data[offset + DisplayColumns.IN_PEAK_DB];
        outDb[i] = data[offset + DisplayColumns.OUT_RMS_DB];
        final int base = i * bands;
        final float scale = 255f / (MEL_TOP_DB - MEL_FLOOR_DB);
        for (int b = 0; b < bands; b++) {
            final float q = (data[offset + DisplayColumns.SCALARS + b] - MEL_FLOOR_DB) * scale;
            mel[base + b] = (byte)Math.max(0, Math.min(255, Math.round(q)));
        }
        next++;
    }

    /** @return sequence number the next column will get (= columns seen so far) */
    long next() {
        return next;
    }

    /** @return oldest sequence still held */
    long oldest() {
        return Math.max(0, next - capacity);
    }

    /** @return the tap's ring */
    DisplayColumns ring() {
        return ring;
    }

    /** @return frame of the newest column, or -1 */
    long newestFrame() {
        return next == 0 ? -1 : frame[(int)((next - 1) % capacity)];
    }

    /**
     * Appends columns {@code [from, to)} as a JSON object.
     *
     * @param b       where
     * @param graphId the graph
     * @param from    first sequence, at least {@link #oldest()}
     * @param to      end sequence, at most {@link #next()}
     * @param skipped columns the client misses before {@code from}
     */
    void appendJson(final StringBuilder b, final int graphId, final long from, final long to, final long skipped) {
        final int n = (int)(to - from);
        b.append("{\"g\":").append(graphId).append(",\"n\":").append(n).append(",\"skipped\":").append(skipped);
        b.append(",\"f\":[");
        for (long s = from; s < to; s++) {
            if (s > from) {
                b.append(',');
            }
            b.append(frame[(int)(s % capacity)]);
        }
        b.append("],\"mel\":\"");
        final byte[] bytes = new byte[n * bands];
        for (long s = from; s < to; s++) {
            System.arraycopy(mel, (int)(s % capacity) * bands, bytes, (int)(s - from) * bands, bands);
        }
        b.append(Base64.getEncoder().encodeToString(bytes)).append('"');
        appendFloats(b, "nov", novelty, from, to, false);
        appendFloats(b, "in", inDb, from, to, true);
        appendFloats(b, "pk", peakDb, from, to, true);
        appendFloats(b, "out", outDb, from, to, true);
        b.append('}');
    }

    private void appendFloats(final StringBuilder b, final String name, final float[] values, final long from,
        final long to, final boolean db) {
        b.append(",\"").append(name).append("\":[");
        for (long s = from; s < to; s++) {
            if (s > from) {
                b.append(',');
            }
            final float v = values[(int)(s % capacity)];
            if (db) {
                Json.tenths(b, v);
            } else {
                Json.number(b, Float.isNaN(v) ? v : Math.round(v * 1e4) / 1e4);
            }
        }
        b.append(']');
    }
}
