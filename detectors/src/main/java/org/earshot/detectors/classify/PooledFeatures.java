package org.earshot.detectors.classify;

/**
 * Turns a context window of log-mel frames into one fixed-length vector that does not depend on the
 * input gain: per band the mean (relative to the window's mean level), the spread, the peak above the
 * mean and the mean frame-to-frame change; the spectral shape of the loudest frame; and a few statistics
 * of the frame energy. Training and the live classifier both call {@link #compute}, so they see the same
 * numbers. Allocation-free after construction.
 *
 * <p>Layout for {@code B} bands: {@code [0,B)} mean − level, {@code [B,2B)} standard deviation,
 * {@code [2B,3B)} max − mean, {@code [3B,4B)} mean |Δ|, {@code [4B,5B)} loudest-frame shape, then
 * {@value #GLOBALS} energy statistics.
 */
public final class PooledFeatures {
    /** Version of this recipe; recorded in model files. Bump when the numbers change. */
    public static final int VERSION = 1;
    /** Number of global (not per-band) features. */
    public static final int GLOBALS = 4;
    /** Band values are clamped up from this level before pooling, dB. */
    public static final float CLAMP_DB = -100f;

    private final int bands;
    private final double[] sum;
    private final double[] sumSq;
    private final float[] max;
    private final double[] delta;
    /** Bands whose maximum left the window with the oldest frame and must be found again. */
    private final boolean[] maxLeft;
    /** Frames the window held after the last {@link #pushAndCompute}; -1 when the running sums are not valid. */
    private int runningFilled = -1;
    /** Pushes since the running sums were last computed from scratch. */
    private int sincePooled;

    /**
     * @param bands bands per frame
     */
    public PooledFeatures(final int bands) {
        this.bands = bands;
        this.sum = new double[bands];
        this.sumSq = new double[bands];
        this.max = new float[bands];
        this.delta = new double[bands];
        this.maxLeft = new boolean[bands];
    }

    /**
     * @param bands bands per frame
     * @return length of the vector {@link #compute} writes
     */
    public static int dimension(final int bands) {
        return 5 * bands + GLOBALS;
    }

    /** @return length of the vector {@link #compute} writes */
    public int dimension() {
        return dimension(bands);
    }

    /**
     * Pools the window into {@code out}. A window with no frame gives zeros.
     *
     * @param window the context
     * @param out    at least {@link #dimension()} values; overwritten
     */
    public void compute(final ContextWindow window, final float[] out) {
        runningFilled = -1;
        if (window.filled() == 0) {
            java.util.Arrays.fill(out, 0, dimension(), 0f);
            return;
        }
        poolBands(window);
        finish(window, out);
    }

    /**
     * Pushes a frame into the window and pools it into {@code out}: the same numbers as {@link #compute} after
     * {@link ContextWindow#push} (to float rounding), at a fraction of the cost. The per-band sums are kept
     * running: the frame that leaves is subtracted and the new one added, a band's maximum is searched again
     * only when it leaves with the oldest frame, and every {@code capacity} pushes the sums are computed from
     * scratch so rounding cannot accumulate. Falls back to a full computation whenever the window was changed
     * other than by this method since its last call (cleared, or pushed to directly).
     *
     * @param window the context; only this method may push to it between calls
     * @param frame  band values in dB
     * @param energy total energy in dB
     * @param out    at least {@link #dimension()} values; overwritten
     */
    public void pushAndCompute(final ContextWindow window, final float[] frame, final float energy,
        final float[] out) {
        final int n = window.filled();
        final boolean running = runningFilled == n && n > 1 && sincePooled < window.capacity();
        final boolean leaving = n == window.capacity();
        if (running && leaving) {
            final float[] oldest = window.frame(n - 1);
            final float[] next = window.frame(n - 2);
            for (int b = 0; b < bands; b++) {
                final float v = Math.max(CLAMP_DB, oldest[b]);
                sum[b] -= v;
                sumSq[b] -= (double)v * v;
                delta[b] -= Math.abs(Math.max(CLAMP_DB, next[b]) - v);
                maxLeft[b] = v >= max[b];
            }
        }
        final float[] previous = n > 0 ? window.frame(0) : null;
        window.push(frame, energy);
        if (running) {
            // the previous newest frame's array is not the one the push overwrote (capacity > 1)
            for (int b = 0; b < bands; b++) {
                final float v = Math.max(CLAMP_DB, frame[b]);
                sum[b] += v;
                sumSq[b] += (double)v * v;
                delta[b] += Math.abs(v - Math.max(CLAMP_DB, previous[b]));
                if (leaving && maxLeft[b]) {
                    max[b] = bandMax(window, b);
                } else if (v > max[b]) {
                    max[b] = v;
                }
            }
            sincePooled++;
        } else {
            poolBands(window);
            sincePooled = 0;
        }
        runningFilled = window.filled();
        finish(window, out);
    }

    private static float bandMax(final ContextWindow window, final int b) {
        float m = CLAMP_DB;
        for (int age = 0; age < window.filled(); age++) {
            m = Math.max(m, window.frame(age)[b]);
        }
        return m;
    }

    /** Per-band sums, squares, maxima and absolute frame-to-frame changes of the whole window. */
    private void poolBands(final ContextWindow window) {
        final int n = window.filled();
        java.util.Arrays.fill(sum, 0.0);
        java.util.Arrays.fill(sumSq, 0.0);
        java.util.Arrays.fill(delta, 0.0);
        java.util.Arrays.fill(max, CLAMP_DB);
        float[] previous = null;
        for (int age = n - 1; age >= 0; age--) {
            final float[] x = window.frame(age);
            for (int b = 0; b < bands; b++) {
                final float v = Math.max(CLAMP_DB, x[b]);
                sum[b] += v;
                sumSq[b] += (double)v * v;
                if (v > max[b]) {
                    max[b] = v;
                }
                if (previous != null) {
                    delta[b] += Math.abs(v - Math.max(CLAMP_DB, previous[b]));
                }
            }
            previous = x;
        }
    }

    /** Writes the vector from the per-band sums and the window's energies. */
    private void finish(final ContextWindow window, final float[] out) {
        final int n = window.filled();
        double eSum = 0.0;
        double eSumSq = 0.0;
        float eMax = -Float.MAX_VALUE;
        float eMin = Float.MAX_VALUE;
        int loudest = 0;
        for (int age = n - 1; age >= 0; age--) {
            final float e = Math.max(CLAMP_DB, window.energyDb(age));
            eSum += e;
            eSumSq += (double)e * e;
            if (e > eMax) {
                eMax = e;
                loudest = age;
            }
            if (e < eMin) {
                eMin = e;
            }
        }
        double level = 0.0;
        for (int b = 0; b < bands; b++) {
            level += sum[b] / n;
        }
        level /= bands;
        final int deltas = Math.max(1, n - 1);
        for (int b = 0; b < bands; b++) {
            final double mean = sum[b] / n;
            out[b] = (float)(mean - level);
            out[bands + b] = (float)Math.sqrt(Math.max(0.0, sumSq[b] / n - mean * mean));
            out[2 * bands + b] = (float)(max[b] - mean);
            out[3 * bands + b] = (float)(delta[b] / deltas);
        }
        final float[] peak = window.frame(loudest);
        double peakMean = 0.0;
        for (int b = 0; b < bands; b++) {
            peakMean += Math.max(CLAMP_DB, peak[b]);
        }
        peakMean /= bands;
        for (int b = 0; b < bands; b++) {
            out[4 * bands + b] = (float)(Math.max(CLAMP_DB, peak[b]) - peakMean);
        }
        final double eMean = eSum / n;
        int loud = 0;
        for (int age = 0; age < n; age++) {
            if (window.energyDb(age) > eMax - 10f) {
                loud++;
            }
        }
        final int g = 5 * bands;
        out[g] = (float)(eMax - eMean);
        out[g + 1] = (float)Math.sqrt(Math.max(0.0, eSumSq / n - eMean * eMean));
        out[g + 2] = (float)(eMean - eMin);
        out[g + 3] = (float)loud / window.capacity();
    }
}
