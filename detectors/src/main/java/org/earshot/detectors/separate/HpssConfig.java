package org.earshot.detectors.separate;

/**
 * Settings of an {@link HpssNode}. Durations are in milliseconds and converted at the graph rate.
 *
 * @param name               node name
 * @param windowMs           STFT window (square-root Hann, hop a quarter of it), 5 to 90 ms
 * @param harmonicPastMs     span of past frames in the harmonic (time) median, 0 to 1000 ms
 * @param lookAheadMs        span of future frames in the harmonic median: the look-ahead, 0 to 200 ms
 * @param percussiveWidthHz  width of the percussive (frequency) median, 50 to 5000 Hz
 * @param maskPower          exponent of the soft masks {@code H^p / (H^p + P^p)}, 0.5 to 8
 */
public record HpssConfig(String name, double windowMs, double harmonicPastMs, double lookAheadMs,
    double percussiveWidthHz, double maskPower) {
    /** Default node name. */
    public static final String DEFAULT_NAME = "hpss";

    /**
     * @throws IllegalArgumentException naming the field, its range and the value
     */
    public HpssConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        check("windowMs", windowMs, 5, 90);
        check("harmonicPastMs", harmonicPastMs, 0, 1000);
        check("lookAheadMs", lookAheadMs, 0, 200);
        check("percussiveWidthHz", percussiveWidthHz, 50, 5000);
        check("maskPower", maskPower, 0.5, 8);
    }

    private static void check(final String field, final double v, final double lo, final double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(field + " must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(v));
        }
    }

    private static String fmt(final double v) {
        return v == Math.rint(v) ? Long.toString((long)v) : Double.toString(v);
    }

    /**
     * The defaults: 23 ms window (1,024 points at 44.1 kHz), harmonic median over 70 ms of past and 23 ms
     * of future frames, percussive median over 700 Hz, Wiener-like masks (power 2). Declared latency is the
     * window plus the look-ahead, under 50 ms.
     *
     * @return the default separator
     */
    public static HpssConfig defaults() {
        return new HpssConfig(DEFAULT_NAME, 23.0, 70.0, 23.0, 700.0, 2.0);
    }

    /**
     * @param ms look-ahead
     * @return a copy with it
     */
    public HpssConfig withLookAheadMs(final double ms) {
        return new HpssConfig(name, windowMs, harmonicPastMs, ms, percussiveWidthHz, maskPower);
    }

    /**
     * @param ms harmonic median's past span
     * @return a copy with it
     */
    public HpssConfig withHarmonicPastMs(final double ms) {
        return new HpssConfig(name, windowMs, ms, lookAheadMs, percussiveWidthHz, maskPower);
    }

    /**
     * @param ms window
     * @return a copy with it
     */
    public HpssConfig withWindowMs(final double ms) {
        return new HpssConfig(name, ms, harmonicPastMs, lookAheadMs, percussiveWidthHz, maskPower);
    }

    /**
     * @param hz percussive median width
     * @return a copy with it
     */
    public HpssConfig withPercussiveWidthHz(final double hz) {
        return new HpssConfig(name, windowMs, harmonicPastMs, lookAheadMs, hz, maskPower);
    }

    /**
     * @param n node name
     * @return a copy with it
     */
    public HpssConfig withName(final String n) {
        return new HpssConfig(n, windowMs, harmonicPastMs, lookAheadMs, percussiveWidthHz, maskPower);
    }
}
