package org.earshot.detectors.beat;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generated click tracks with known beat times, for tests, benchmarks and demos: each beat is a 15 ms burst (a
 * 1.5 kHz tone plus seeded noise, decaying in 4 ms), downbeats louder. Nothing here runs on the audio thread.
 */
public final class ClickTrack {
    private static final double CLICK_SECONDS = 0.015;
    private static final double DECAY_SECONDS = 0.004;
    private static final double TONE_HZ = 1_500.0;

    private ClickTrack() {
    }

    /**
     * Beats at a constant tempo.
     *
     * @param startS first beat, s
     * @param endS   no beat after this, s
     * @param bpm    tempo
     * @return beat times, s
     */
    public static double[] beats(final double startS, final double endS, final double bpm) {
        final double period = 60.0 / bpm;
        final int n = (int)Math.floor((endS - startS) / period) + 1;
        final double[] t = new double[Math.max(0, n)];
        for (int i = 0; i < t.length; i++) {
            t[i] = startS + i * period;
        }
        return t;
    }

    /**
     * Beats at one tempo, then at another from the first beat at or after {@code stepS} on (the beat grid continues
     * from the last beat of the first tempo, so the step is a tempo change, not a jump in phase).
     *
     * @param startS first beat, s
     * @param stepS  time of the change, s
     * @param endS   no beat after this, s
     * @param bpm1   tempo before
     * @param bpm2   tempo after
     * @return beat times, s
     */
    public static double[] tempoStep(final double startS, final double stepS, final double endS, final double bpm1,
        final double bpm2) {
        final double[] before = beats(startS, stepS, bpm1);
        final double last = before[before.length - 1];
        final double[] after = beats(last + 60.0 / bpm2, endS, bpm2);
        final double[] all = Arrays.copyOf(before, before.length + after.length);
        System.arraycopy(after, 0, all, before.length, after.length);
        return all;
    }

    /**
     * Renders clicks at the given times.
     *
     * @param rateHz      sample rate
     * @param durationS   length of the signal, s
     * @param beatsS      click times, s
     * @param beatsPerBar every this many beats a click is a louder downbeat (the first is one); 0 for none
     * @param seed        noise seed
     * @return mono samples, peak below 1
     */
    public static float[] render(final int rateHz, final double durationS, final double[] beatsS,
        final int beatsPerBar, final long seed) {
        final float[] x = new float[(int)Math.round(durationS * rateHz)];
        final SplittableRandom random = new SplittableRandom(seed);
        final int clickFrames = (int)Math.round(CLICK_SECONDS * rateHz);
        for (int b = 0; b < beatsS.length; b++) {
            final boolean down = beatsPerBar > 0 && b % beatsPerBar == 0;
            final double gain = down ? 0.8 : 0.45;
            final int start = (int)Math.round(beatsS[b] * rateHz);
            for (int i = 0; i < clickFrames && start + i < x.length; i++) {
                if (start + i < 0) {
                    continue;
                }
                final double t = (double)i / rateHz;
                final double env = Math.exp(-t / DECAY_SECONDS);
                final double s = 0.5 * Math.sin(2.0 * Math.PI * TONE_HZ * t) + 0.5 * (random.nextDouble() * 2.0 - 1.0);
                x[start + i] += (float)(gain * env * s);
            }
        }
        return x;
    }

    /**
     * Seeded white noise.
     *
     * @param rateHz    sample rate
     * @param durationS length, s
     * @param rms       RMS level (linear)
     * @param seed      seed
     * @return samples
     */
    public static float[] noise(final int rateHz, final double durationS, final double rms, final long seed) {
        final float[] x = new float[(int)Math.round(durationS * rateHz)];
        final SplittableRandom random = new SplittableRandom(seed);
        final double scale = rms * Math.sqrt(3.0);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float)(scale * (random.nextDouble() * 2.0 - 1.0));
        }
        return x;
    }
}
