package org.earshot.detectors.onset;

import java.util.Random;

/** Generated test signals with known onsets. */
final class OnsetSignals {
    private OnsetSignals() {
    }

    /**
     * Short decaying noise bursts (5 ms, exponential decay) at the given frames over a quiet noise bed.
     *
     * @param length   samples
     * @param rate     sample rate
     * @param onsets   burst start frames
     * @param amp      burst peak amplitude
     * @param bedDbfs  level of the white-noise bed, dBFS RMS
     * @param seed     noise seed
     * @return the signal
     */
    static float[] bursts(final int length, final int rate, final int[] onsets, final double amp,
        final double bedDbfs, final long seed) {
        final Random random = new Random(seed);
        final float[] x = new float[length];
        final double bed = Math.pow(10.0, bedDbfs / 20.0);
        for (int i = 0; i < length; i++) {
            x[i] = (float)(bed * random.nextGaussian());
        }
        final int decay = rate / 200;
        for (final int onset : onsets) {
            for (int i = 0; i < 6 * decay && onset + i < length; i++) {
                x[onset + i] += (float)(amp * Math.exp(-(double)i / decay) * random.nextGaussian() * 0.5);
            }
        }
        return x;
    }

    /**
     * Notes: sines with a 2 ms attack and an exponential decay (time constant 150 ms), each starting at its onset.
     *
     * @param length samples
     * @param rate   sample rate
     * @param onsets note start frames
     * @param hz     pitch of each note
     * @return the signal
     */
    static float[] notes(final int length, final int rate, final int[] onsets, final double[] hz) {
        final float[] x = new float[length];
        final int attack = rate / 500;
        for (int n = 0; n < onsets.length; n++) {
            final int end = n + 1 < onsets.length ? onsets[n + 1] : length;
            for (int i = 0; onsets[n] + i < end; i++) {
                final double env = Math.min(1.0, (double)i / attack) * Math.exp(-i / (0.15 * rate));
                x[onsets[n] + i] += (float)(0.5 * env * Math.sin(2 * Math.PI * hz[n] * i / rate));
            }
        }
        return x;
    }

    /**
     * @param length  samples
     * @param dbfs    RMS level, dBFS
     * @param seed    seed
     * @return Gaussian white noise
     */
    static float[] whiteNoise(final int length, final double dbfs, final long seed) {
        final Random random = new Random(seed);
        final double g = Math.pow(10.0, dbfs / 20.0);
        final float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float)(g * random.nextGaussian());
        }
        return x;
    }

    /**
     * Pink-ish noise: white noise through Paul Kellett's economy pink filter, scaled to an RMS level.
     *
     * @param length samples
     * @param dbfs   RMS level, dBFS
     * @param seed   seed
     * @return the noise
     */
    static float[] pinkNoise(final int length, final double dbfs, final long seed) {
        final Random random = new Random(seed);
        final double[] y = new double[length];
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double sum = 0;
        for (int i = 0; i < length; i++) {
            final double w = random.nextGaussian();
            b0 = 0.99765 * b0 + w * 0.0990460;
            b1 = 0.96300 * b1 + w * 0.2965164;
            b2 = 0.57000 * b2 + w * 1.0526913;
            y[i] = b0 + b1 + b2 + w * 0.1848;
            sum += y[i] * y[i];
        }
        final double g = Math.pow(10.0, dbfs / 20.0) / Math.sqrt(sum / length);
        final float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float)(g * y[i]);
        }
        return x;
    }

    /**
     * @param count number of onsets
     * @param first first onset frame
     * @param step  frames between onsets
     * @return evenly spaced onset frames
     */
    static int[] grid(final int count, final int first, final int step) {
        final int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = first + i * step;
        }
        return out;
    }
}
