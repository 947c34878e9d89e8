package org.earshot.detectors.classify.train;

import java.util.Arrays;

import org.earshot.dsp.resample.Resampler;
import org.earshot.dsp.resample.ResamplerConfig;

/**
 * Fixed versions of the microphone, line and room colourings the trainer's augmentation draws at random: the
 * evaluation applies one of them to whole recordings to measure how detection holds up on a channel it was not
 * recorded through. {@link Augmenter} uses the same telephone and 8 kHz transforms.
 */
public enum Channel {
    /** The recording as it is. */
    CLEAN,
    /** A telephone line: 300–3400 Hz, fourth-order edges on both sides. */
    TELEPHONE,
    /** A cheap microphone: second-order high-pass at 250 Hz, low-pass at 5 kHz. */
    CHEAP_MIC,
    /** Down to 8 kHz and back (a narrowband codec's bandwidth: nothing above 3.6 kHz). */
    NARROWBAND_8K,
    /** A reverberant room: a Schroeder reverberator, RT60 0.5 s, 30 % wet. */
    REVERB;

    /**
     * @param name a channel's name as written on a command line: {@code telephone}, {@code cheap-mic},
     *             {@code narrowband-8k}, {@code reverb} or {@code clean}, in any case
     * @return the channel
     * @throws IllegalArgumentException naming the channels there are, for any other name
     */
    public static Channel named(final String name) {
        for (final Channel c : values()) {
            if (c.cliName().equalsIgnoreCase(name) || c.name().equalsIgnoreCase(name)) {
                return c;
            }
        }
        final java.util.StringJoiner names = new java.util.StringJoiner(", ");
        for (final Channel c : values()) {
            names.add(c.cliName());
        }
        throw new IllegalArgumentException("unknown channel '" + name + "': one of " + names);
    }

    /** @return the name a command line gives it, {@code cheap-mic} for {@link #CHEAP_MIC} */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * @param x      samples, unchanged
     * @param rateHz their rate
     * @return the samples through this channel, as long as {@code x}
     */
    public float[] apply(final float[] x, final int rateHz) {
        final float[] y = x.clone();
        switch (this) {
            case CLEAN:
                return y;
            case TELEPHONE:
                telephone(y, rateHz);
                return y;
            case CHEAP_MIC:
                Biquad.highPass(rateHz, 250, 0.7).apply(y);
                Biquad.lowPass(rateHz, 5000, 0.7).apply(y);
                return y;
            case NARROWBAND_8K:
                return through8k(y, rateHz);
            case REVERB:
                return Arrays.copyOf(Augmenter.reverb(y, rateHz, 0.5, 1.0, 0.3), x.length);
            default:
                throw new AssertionError(this);
        }
    }

    /** Band-limits {@code x} in place to 300–3400 Hz. */
    static void telephone(final float[] x, final int rateHz) {
        Biquad.highPass(rateHz, 300, 0.7).apply(x);
        Biquad.highPass(rateHz, 300, 0.7).apply(x);
        Biquad.lowPass(rateHz, 3400, 0.7).apply(x);
        Biquad.lowPass(rateHz, 3400, 0.7).apply(x);
    }

    /** @return {@code x} resampled to 8 kHz and back, as long as {@code x} */
    static float[] through8k(final float[] x, final int rateHz) {
        final Resampler down = new Resampler(new ResamplerConfig(rateHz, 8000, 60, 0.9));
        final float[] low = new float[down.maxOutputFrames(x.length) + 64];
        int n = down.process(x, 0, x.length, low, 0, low.length);
        n += down.flush(low, n, low.length - n);
        final Resampler up = new Resampler(new ResamplerConfig(8000, rateHz, 60, 0.9));
        final float[] out = new float[up.maxOutputFrames(n) + 64];
        int m = up.process(low, 0, n, out, 0, out.length);
        m += up.flush(out, m, out.length - m);
        return Arrays.copyOf(out, x.length);
    }
}
