package org.earshot.detectors.classify;

import java.util.SplittableRandom;

/** Generated test signals: seeded noise, tones, cough-like bursts and impacts at known frames. */
public final class Signals {
    private Signals() {
    }

    /**
     * @param n    samples
     * @param rms  RMS level
     * @param seed seed
     * @return white Gaussian noise
     */
    public static float[] noise(final int n, final double rms, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float)(rms * gaussian(r));
        }
        return x;
    }

    /**
     * Adds a cough-like burst: noise band-passed around 400-2500 Hz by a resonator, with a fast attack and
     * an exponential decay, like the explosive phase of a cough.
     *
     * @param x          signal
     * @param rate       sample rate
     * @param startFrame onset frame
     * @param lengthMs   length in ms
     * @param amplitude  peak amplitude
     * @param seed       seed
     */
    public static void addBurst(final float[] x, final int rate, final int startFrame, final int lengthMs,
        final double amplitude, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final int n = rate * lengthMs / 1000;
        double y1 = 0;
        double y2 = 0;
        final double f = 900;
        final double rr = 0.97;
        final double c = 2 * rr * Math.cos(2 * Math.PI * f / rate);
        for (int i = 0; i < n && startFrame + i < x.length; i++) {
            final double env = Math.min(1.0, i / (0.01 * rate)) * Math.exp(-3.0 * i / n);
            final double y = gaussian(r) + c * y1 - rr * rr * y2;
            y2 = y1;
            y1 = y;
            x[startFrame + i] += (float)(amplitude * 0.15 * env * y);
        }
    }

    /**
     * Adds a steady tone.
     *
     * @param x          signal
     * @param rate       sample rate
     * @param startFrame first frame
     * @param frames     length
     * @param hz         frequency
     * @param amplitude  amplitude
     */
    public static void addTone(final float[] x, final int rate, final int startFrame, final int frames, final double hz,
        final double amplitude) {
        for (int i = 0; i < frames && startFrame + i < x.length; i++) {
            x[startFrame + i] += (float)(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
    }

    /**
     * Adds an impact: a broadband click followed by a low thud decaying over about 150 ms.
     *
     * @param x          signal
     * @param rate       sample rate
     * @param startFrame onset frame
     * @param amplitude  peak amplitude
     * @param seed       seed
     */
    public static void addImpact(final float[] x, final int rate, final int startFrame, final double amplitude,
        final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final int n = rate / 3;
        for (int i = 0; i < n && startFrame + i < x.length; i++) {
            final double t = (double)i / rate;
            final double env = Math.exp(-t / 0.04);
            x[startFrame + i] += (float)(amplitude * env * (0.5 * gaussian(r) + Math.sin(2 * Math.PI * 90 * t)));
        }
    }

    static double gaussian(final SplittableRandom r) {
        final double u = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
