package org.earshot.dsp.window;

/**
 * Window shapes, evaluated in their <em>periodic</em> (DFT-even) form: for length {@code N} and
 * {@code 0 <= n < N}, the phase is {@code 2 pi n / N} (not {@code / (N - 1)}).
 *
 * <p>Coefficients are computed in double precision. {@link #fillPeriodic} allocates nothing and may be
 * used anywhere; {@link #periodic(int)} allocates and is meant for setup code.
 */
public enum WindowType {
    /** von Hann: {@code 0.5 - 0.5 cos(2 pi n / N)}; sums to {@code N/2}. */
    HANN,
    /** Hamming: {@code 0.54 - 0.46 cos(2 pi n / N)}. */
    HAMMING,
    /** Classic Blackman: {@code 0.42 - 0.5 cos(2 pi n / N) + 0.08 cos(4 pi n / N)}. */
    BLACKMAN,
    /**
     * Square root of {@link #HANN}: used as both analysis and synthesis window, their product is a Hann
     * window, so hop {@code N/2} reconstructs with unit gain.
     */
    SQRT_HANN,
    /** All ones. */
    RECTANGULAR;

    /**
     * One coefficient of the periodic window.
     *
     * @param n      sample index, {@code 0 <= n < length}
     * @param length window length {@code N}, 1 or more
     * @return the coefficient {@code w[n]}
     */
    public double coefficient(final int n, final int length) {
        final double phase = 2.0 * Math.PI * n / length;
        switch (this) {
            case HANN:
                return 0.5 - 0.5 * Math.cos(phase);
            case HAMMING:
                return 0.54 - 0.46 * Math.cos(phase);
            case BLACKMAN:
                // clamp: the three-term sum is -1.4e-17 at n = 0 in double arithmetic
                return Math.max(0.0, 0.42 - 0.5 * Math.cos(phase) + 0.08 * Math.cos(2.0 * phase));
            case SQRT_HANN:
                return Math.sqrt(0.5 - 0.5 * Math.cos(phase));
            case RECTANGULAR:
                return 1.0;
            default:
                throw new IllegalStateException("unknown window " + this);
        }
    }

    /**
     * Writes the periodic window of length {@code length} into {@code out[offset, offset + length)}.
     * Allocation-free.
     *
     * @param out    destination
     * @param offset index of {@code w[0]} in {@code out}
     * @param length window length {@code N}, 1 or more
     */
    public void fillPeriodic(final float[] out, final int offset, final int length) {
        checkLength(length);
        for (int n = 0; n < length; n++) {
            out[offset + n] = (float)coefficient(n, length);
        }
    }

    /**
     * Writes the periodic window of length {@code length} into {@code out[offset, offset + length)} in
     * double precision. Allocation-free.
     *
     * @param out    destination
     * @param offset index of {@code w[0]} in {@code out}
     * @param length window length {@code N}, 1 or more
     */
    public void fillPeriodic(final double[] out, final int offset, final int length) {
        checkLength(length);
        for (int n = 0; n < length; n++) {
            out[offset + n] = coefficient(n, length);
        }
    }

    /**
     * Allocates and fills a periodic window (setup code only).
     *
     * @param length window length {@code N}, 1 or more
     * @return a new array holding {@code w[0..N)}
     */
    public float[] periodic(final int length) {
        checkLength(length);
        final float[] w = new float[length];
        fillPeriodic(w, 0, length);
        return w;
    }

    private static void checkLength(final int length) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be >= 1, got " + length);
        }
    }
}
