package org.earshot.detectors.classify.train;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes a training clip sound like it was recorded elsewhere: for a share of the event clips, the sound alone, cut out
 * of the recording it came in ({@link SoundBounds}: the clip's own room, phone line and talk dropped, 5 ms fades);
 * simple room reverberation, padding (time shift), background noise at a random SNR, a microphone's colouring,
 * band-limiting to cheap-microphone and telephone bandwidths or a trip through 8 kHz, and a random gain. Works at the
 * analysis rate.
 *
 * <p>Why the isolation: nearly all the development coughs are phone recordings (telegram voice messages), so without
 * it the model learns a cough together with a phone's channel and room, and a cough alone over another room's bed
 * read as a knock or a drawer (half of the development coughs repeated over pink noise were not reported as coughs,
 * and three in ten raised a fall alert from the impact detector). Measured in session 17 with a share of 0.3 (chosen
 * before measuring, not tuned): scene hold-out over four seeds event F1 0.419 → 0.426 and false alarms 5 → 4, on a
 * telephone line 0.413 → 0.405 and 26 → 18; real talkers in everyday noise (NOIZEUS) 27 → 7 alerts from the
 * classifier over the four seeds.
 */
public final class Augmenter {
    /** An augmented clip and where the original sound lies in it. */
    public record Augmented(float[] samples, int clipStart, int clipEnd, int noiseSource) {
    }

    /**
     * A background the augmenter can mix in.
     *
     * @param samples mono samples at the analysis rate
     * @param source  index of the training clip it came from, or -1 for a generated noise
     */
    public record Noise(float[] samples, int source) {
    }

    private final int rateHz;
    private final List<Noise> noises;
    private final double isolateShare;

    /**
     * An augmenter that never isolates a sound from its recording.
     *
     * @param rateHz analysis rate in Hz
     * @param noises backgrounds to mix in (not empty)
     */
    public Augmenter(final int rateHz, final List<Noise> noises) {
        this(rateHz, noises, 0.0);
    }

    /**
     * @param rateHz       analysis rate in Hz
     * @param noises       backgrounds to mix in (not empty)
     * @param isolateShare share of the event clips cut to their sound first, 0 to 1 (0 draws no random number for it,
     *                     so every other augmentation is as without the option)
     */
    public Augmenter(final int rateHz, final List<Noise> noises, final double isolateShare) {
        if (noises.isEmpty()) {
            throw new IllegalArgumentException("the noise pool must not be empty");
        }
        if (!(isolateShare >= 0.0 && isolateShare <= 1.0)) {
            throw new IllegalArgumentException("isolateShare must be in [0, 1], got " + isolateShare);
        }
        this.rateHz = rateHz;
        this.noises = List.copyOf(noises);
        this.isolateShare = isolateShare;
    }

    /**
     * @param clip       clean clip at the analysis rate
     * @param eventClass true for event classes (more noise, lower SNR), false for backgrounds
     * @param excluded   noise sources that must not be used (clips of a held-out fold), may be null
     * @param rnd        random source
     * @return the augmented clip
     */
    public Augmented augment(final float[] clip, final boolean eventClass, final java.util.BitSet excluded,
        final SplittableRandom rnd) {
        float[] x = clip.clone();
        if (isolateShare > 0.0 && eventClass && rnd.nextDouble() < isolateShare) {
            x = isolate(x);
        }
        if (rnd.nextDouble() < 0.35) {
            x = reverb(x, rnd);
        }
        final int pre = (int)(rateHz * (0.2 + rnd.nextDouble()));
        final int post = (int)(rateHz * (0.2 + 0.8 * rnd.nextDouble()));
        final float[] y = new float[pre + x.length + post];
        System.arraycopy(x, 0, y, pre, x.length);
        final double active = activeRms(clip);
        int noiseSource = -1;
        if (rnd.nextDouble() < (eventClass ? 0.85 : 0.4)) {
            Noise n;
            int tries = 0;
            do {
                n = noises.get(rnd.nextInt(noises.size()));
            } while (excluded != null && n.source() >= 0 && excluded.get(n.source()) && ++tries < 50);
            if (excluded == null || n.source() < 0 || !excluded.get(n.source())) {
                noiseSource = n.source();
                final double snrDb = eventClass ? -3 + rnd.nextDouble() * 28 : 5 + rnd.nextDouble() * 25;
                mix(y, n.samples(), active / Math.pow(10, snrDb / 20), rnd);
            }
        }
        // a floor so that no window is digital silence
        final double floor = active * Math.pow(10, -(45 + rnd.nextDouble() * 25) / 20);
        for (int i = 0; i < y.length; i++) {
            y[i] += (float)(floor * Noises.gaussian(rnd));
        }
        if (rnd.nextDouble() < 0.5) {
            final int bands = 1 + rnd.nextInt(3);
            for (int b = 0; b < bands; b++) {
                Biquad.peaking(rateHz, 150 * Math.pow(40, rnd.nextDouble()), 0.5 + rnd.nextDouble() * 2,
                    -9 + rnd.nextDouble() * 18).apply(y);
            }
        }
        float[] z = y;
        final double band = rnd.nextDouble();
        if (band < 0.15) {
            Channel.telephone(z, rateHz);
        } else if (band < 0.35) {
            // cheap microphone
            Biquad.highPass(rateHz, 100 + rnd.nextDouble() * 300, 0.7).apply(z);
            Biquad.lowPass(rateHz, 3500 + rnd.nextDouble() * 4000, 0.7).apply(z);
        } else if (band < 0.5 && rateHz > 8000) {
            z = Channel.through8k(z, rateHz);
        }
        final double gainDb = -30 + rnd.nextDouble() * 30;
        double peak = 1e-9;
        for (final float v : z) {
            peak = Math.max(peak, Math.abs(v));
        }
        final float g = (float)(Math.pow(10, gainDb / 20) / peak);
        for (int i = 0; i < z.length; i++) {
            z[i] *= g;
        }
        return new Augmented(z, pre, pre + x.length, noiseSource);
    }

    /**
     * @param x a clip
     * @return its sound alone ({@link SoundBounds}, to the end of its last loud 100 ms) with 5 ms fades, or {@code x}
     *     itself for a clip with no sound standing out of it
     */
    float[] isolate(final float[] x) {
        final int[] b = SoundBounds.bounds(x, rateHz);
        if (b == null) {
            return x;
        }
        final int hop = (int)Math.round(SoundBounds.FRAME_SECONDS * rateHz);
        final float[] y = Arrays.copyOfRange(x, b[0], Math.min(x.length,
            b[1] + (SoundBounds.SHORT_FRAMES - 1) * hop));
        final int fade = Math.min(y.length / 2, rateHz / 200);
        for (int i = 0; i < fade; i++) {
            final float g = (float)(0.5 - 0.5 * Math.cos(Math.PI * (i + 0.5) / fade));
            y[i] *= g;
            y[y.length - 1 - i] *= g;
        }
        return y;
    }

    private void mix(final float[] y, final float[] noise, final double targetRms, final SplittableRandom rnd) {
        double s = 0;
        for (final float v : noise) {
            s += (double)v * v;
        }
        final double rms = Math.sqrt(s / noise.length);
        if (rms <= 0) {
            return;
        }
        final float g = (float)(targetRms / rms);
        int j = rnd.nextInt(noise.length);
        for (int i = 0; i < y.length; i++) {
            y[i] += g * noise[j];
            if (++j == noise.length) {
                j = 0;
            }
        }
    }

    /** A Schroeder reverberator with a random room size and decay time. */
    private float[] reverb(final float[] x, final SplittableRandom rnd) {
        final double rt60 = 0.15 + rnd.nextDouble() * 0.7;
        final double size = 0.7 + rnd.nextDouble() * 0.7;
        final double wet = 0.1 + rnd.nextDouble() * 0.5;
        return reverb(x, rateHz, rt60, size, wet);
    }

    /**
     * A Schroeder reverberator: four combs and two all-passes.
     *
     * @param x      dry samples
     * @param rateHz their rate
     * @param rt60   decay time to -60 dB, seconds
     * @param size   comb delays relative to the classic 29.7–43.7 ms
     * @param wet    reverberation added to the dry signal, linear
     * @return dry plus reverberation, with the tail ({@code rt60} longer than {@code x})
     */
    static float[] reverb(final float[] x, final int rateHz, final double rt60, final double size, final double wet) {
        final int tail = (int)(rt60 * rateHz);
        final float[] in = java.util.Arrays.copyOf(x, x.length + tail);
        final float[] out = new float[in.length];
        final double[] combMs = {29.7, 37.1, 41.1, 43.7};
        for (final double ms : combMs) {
            final int d = Math.max(1, (int)(ms * size * rateHz / 1000));
            final float g = (float)Math.pow(10, -3.0 * d / (rt60 * rateHz));
            final float[] buf = new float[d];
            int p = 0;
            for (int i = 0; i < in.length; i++) {
                final float v = in[i] + g * buf[p];
                buf[p] = v;
                p = p + 1 == d ? 0 : p + 1;
                out[i] += v * 0.25f;
            }
        }
        for (final double ms : new double[] {5.0, 1.7}) {
            final int d = Math.max(1, (int)(ms * rateHz / 1000));
            final float[] buf = new float[d];
            int p = 0;
            for (int i = 0; i < out.length; i++) {
                final float delayed = buf[p];
                final float v = out[i] + 0.7f * delayed;
                out[i] = delayed - 0.7f * v;
                buf[p] = v;
                p = p + 1 == d ? 0 : p + 1;
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = in[i] + (float)wet * out[i];
        }
        return out;
    }

    /**
     * RMS over the loud part of a clip: 20 ms frames within 20 dB of the loudest.
     *
     * @param x samples
     * @return the RMS, above 0
     */
    static double activeRms(final float[] x) {
        final int frame = 320;
        final int n = Math.max(1, x.length / frame);
        final double[] e = new double[n];
        double max = 0;
        for (int f = 0; f < n; f++) {
            double s = 0;
            final int end = Math.min(x.length, (f + 1) * frame);
            for (int i = f * frame; i < end; i++) {
                s += (double)x[i] * x[i];
            }
            e[f] = s / Math.max(1, end - f * frame);
            max = Math.max(max, e[f]);
        }
        double sum = 0;
        int count = 0;
        for (final double v : e) {
            if (v >= max * 0.01) {
                sum += v;
                count++;
            }
        }
        return Math.max(1e-9, Math.sqrt(sum / Math.max(1, count)));
    }
}
