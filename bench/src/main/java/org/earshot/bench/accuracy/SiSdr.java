package org.earshot.bench.accuracy;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Scale-invariant signal-to-distortion ratio (Le Roux et al., "SDR - half-baked or well done?", ICASSP
 * 2019), with both signals made zero-mean, and its variant at the best integer alignment within a
 * window of lags.
 */
public final class SiSdr {
    private SiSdr() {
    }

    /**
     * SI-SDR of {@code estimate[n]} against {@code reference[n - lag]}, over the samples both cover.
     *
     * @param reference the clean source
     * @param estimate  the estimate
     * @param lag       how many samples the estimate trails the reference
     * @return SI-SDR in dB
     */
    public static double atLag(final float[] reference, final float[] estimate, final int lag) {
        final int n0 = Math.max(0, lag);
        final int n1 = Math.min(estimate.length, reference.length + lag);
        final int n = n1 - n0;
        if (n <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        double mr = 0;
        double me = 0;
        for (int i = n0; i < n1; i++) {
            mr += reference[i - lag];
            me += estimate[i];
        }
        mr /= n;
        me /= n;
        double rr = 0;
        double re = 0;
        double ee = 0;
        for (int i = n0; i < n1; i++) {
            final double r = reference[i - lag] - mr;
            final double e = estimate[i] - me;
            rr += r * r;
            re += r * e;
            ee += e * e;
        }
        if (rr <= 0) {
            return Double.NEGATIVE_INFINITY;
        }
        final double a = re / rr;
        final double target = a * a * rr;
        final double noise = Math.max(ee - 2 * a * re + target, 1e-30 * Math.max(target, 1e-30));
        return 10 * Math.log10(Math.max(target, 1e-300) / noise);
    }

    /**
     * SI-SDR at the best integer lag within {@code [-maxLag, maxLag]}: the cross-correlation (by FFT) gives
     * the candidate lags, the exact SI-SDR is evaluated around its peak and at lag 0.
     *
     * @param reference the clean source
     * @param estimate  the estimate
     * @param maxLag    largest lag tried, samples
     * @return the best SI-SDR in dB and the lag found
     */
    public static double[] best(final float[] reference, final float[] estimate, final int maxLag) {
        final int n = Math.max(reference.length, estimate.length);
        final int size = Integer.highestOneBit(Math.max(2, n + maxLag) - 1) << 2;
        final double[] a = new double[2 * size];
        final double[] b = new double[2 * size];
        for (int i = 0; i < reference.length; i++) {
            a[2 * i] = reference[i];
        }
        for (int i = 0; i < estimate.length; i++) {
            b[2 * i] = estimate[i];
        }
        final DoubleFFT_1D fft = new DoubleFFT_1D(size);
        fft.complexForward(a);
        fft.complexForward(b);
        for (int k = 0; k < size; k++) {
            final double ar = a[2 * k];
            final double ai = a[2 * k + 1];
            final double br = b[2 * k];
            final double bi = b[2 * k + 1];
            a[2 * k] = br * ar + bi * ai;
            a[2 * k + 1] = bi * ar - br * ai;
        }
        fft.complexInverse(a, true);
        int peak = 0;
        double peakValue = Double.NEGATIVE_INFINITY;
        for (int lag = -maxLag; lag <= maxLag; lag++) {
            final int idx = Math.floorMod(lag, size);
            final double v = Math.abs(a[2 * idx]);
            if (v > peakValue) {
                peakValue = v;
                peak = lag;
            }
        }
        double best = atLag(reference, estimate, 0);
        int bestLag = 0;
        for (int d = -2; d <= 2; d++) {
            final int lag = peak + d;
            if (Math.abs(lag) <= maxLag) {
                final double s = atLag(reference, estimate, lag);
                if (s > best) {
                    best = s;
                    bestLag = lag;
                }
            }
        }
        return new double[] {best, bestLag};
    }
}
