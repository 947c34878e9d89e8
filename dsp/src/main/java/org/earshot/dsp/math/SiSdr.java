package org.earshot.dsp.math;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Scale-invariant signal-to-distortion ratio (Le Roux et al., "SDR - half-baked or well done?", ICASSP
 * 2019), with both signals made zero-mean, and its variant at the best integer alignment within a
 * window of lags. The benchmarks score denoising and separation with it; the system tests score a
 * recording of earshot's audio output against the clean source.
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
        return bestWithin(reference, estimate, -maxLag, maxLag);
    }

    /**
     * SI-SDR at the best integer lag within {@code [minLag, maxLag]}: the lag where the cross-correlation
     * (by FFT) peaks, refined by the exact SI-SDR at the lags around it (and at lag 0 when it is in range).
     * With {@code [0, estimate.length - reference.length]} this finds a reference inside a longer recording.
     *
     * @param reference the clean source
     * @param estimate  the estimate, or a recording that contains it
     * @param minLag    smallest lag tried, samples (how far the estimate trails the reference)
     * @param maxLag    largest lag tried, samples, at least {@code minLag}
     * @return the best SI-SDR in dB and the lag found
     * @throws IllegalArgumentException if {@code maxLag < minLag}
     */
    public static double[] bestWithin(final float[] reference, final float[] estimate, final int minLag,
        final int maxLag) {
        if (maxLag < minLag) {
            throw new IllegalArgumentException("maxLag " + maxLag + " < minLag " + minLag);
        }
        int size = 2;
        while (size < reference.length + estimate.length) {
            size <<= 1;
        }
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
        int peak = minLag;
        double peakValue = Double.NEGATIVE_INFINITY;
        for (int lag = minLag; lag <= maxLag; lag++) {
            final double v = Math.abs(a[2 * Math.floorMod(lag, size)]);
            if (v > peakValue) {
                peakValue = v;
                peak = lag;
            }
        }
        double best = Double.NEGATIVE_INFINITY;
        int bestLag = peak;
        if (minLag <= 0 && maxLag >= 0) {
            best = atLag(reference, estimate, 0);
            bestLag = 0;
        }
        for (int d = -2; d <= 2; d++) {
            final int lag = peak + d;
            if (lag >= minLag && lag <= maxLag) {
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
