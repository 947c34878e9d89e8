package org.earshot.detectors.classify;

import org.earshot.dsp.filter.MelFilterbank;
import org.earshot.dsp.filter.MelFilterbankConfig;
import org.earshot.dsp.filter.MelScale;
import org.earshot.dsp.filter.TriangleNorm;
import org.earshot.dsp.resample.Resampler;
import org.earshot.dsp.resample.ResamplerConfig;
import org.earshot.dsp.stft.SpectralFrame;
import org.earshot.dsp.stft.Stft;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.dsp.stft.Voicing;
import org.earshot.dsp.window.WindowType;

/**
 * Streaming log-mel front end shared by the live node and by training: resamples the input to the
 * analysis rate, runs an incremental STFT and a mel filterbank, and converts band powers to dB. The same
 * samples give the same frames whatever the block sizes, so a model sees in a room exactly what it saw
 * in training.
 *
 * <p>Band values are {@code 10 log10(power)} with the power normalised so that a full-scale sine centred
 * in one band reads about 0 dB, floored at {@value #FLOOR_DB} dB. Each frame also carries its total energy
 * in dB (the sum of the band powers) and the input-rate frame of its centre.
 *
 * <p>Allocation happens only in the constructor. Not thread-safe.
 */
public final class LogMelExtractor {
    /** Lowest value a band or energy can take, dB. */
    public static final float FLOOR_DB = -120f;
    private static final double FLOOR_POWER = 1e-12;
    /** Lowest fundamental the voicing looks for, Hz (a low male voice; lower needs a longer window than 25 ms). */
    static final double VOICING_MIN_HZ = 80;
    /** Highest fundamental the voicing looks for, Hz (a child's or a raised voice). */
    static final double VOICING_MAX_HZ = 500;
    /** Highest frequency whose harmonics the voicing reads, Hz (a telephone line's band holds them). */
    static final double VOICING_BAND_HZ = 3400;

    private final FeatureSettings settings;
    private final int inputRateHz;
    private final int maxInputFrames;
    private final Resampler resampler;
    private final Stft stft;
    private final MelFilterbank mel;
    private final float[] resampled;
    private final float[] bandPower;
    private final double powerScale;
    private final float[][] frames;
    private final float[] energyDb;
    private final Voicing voicingMeter;
    private final float[] voicing;
    private final long[] centreFrame;
    private int count;
    private long origin;

    /**
     * @param settings       front-end settings
     * @param inputRateHz    rate of the samples fed, 8,000 to 192,000 Hz
     * @param maxInputFrames largest number of samples passed to one {@link #feed} call
     */
    public LogMelExtractor(final FeatureSettings settings, final int inputRateHz, final int maxInputFrames) {
        this(settings, inputRateHz, maxInputFrames, false);
    }

    /**
     * @param settings       front-end settings
     * @param inputRateHz    rate of the samples fed, 8,000 to 192,000 Hz
     * @param maxInputFrames largest number of samples passed to one {@link #feed} call
     * @param voicing        also measure each frame's {@link #voicing} (one more inverse FFT per frame)
     */
    public LogMelExtractor(final FeatureSettings settings, final int inputRateHz, final int maxInputFrames,
        final boolean voicing) {
        if (maxInputFrames < 1) {
            throw new IllegalArgumentException("maxInputFrames must be >= 1, got " + maxInputFrames);
        }
        this.settings = settings;
        this.inputRateHz = inputRateHz;
        this.maxInputFrames = maxInputFrames;
        this.resampler = new Resampler(ResamplerConfig.of(inputRateHz, settings.sampleRateHz()));
        final StftConfig stftConfig = new StftConfig(settings.windowLength(), settings.hop(), settings.fftSize(),
            WindowType.HANN);
        this.stft = new Stft(stftConfig);
        this.voicingMeter = voicing ? new Voicing(stftConfig, settings.sampleRateHz(), VOICING_MIN_HZ, VOICING_MAX_HZ,
            VOICING_BAND_HZ) : null;
        this.mel = new MelFilterbank(new MelFilterbankConfig(settings.bands(), settings.minHz(), settings.maxHz(),
            MelScale.SLANEY, TriangleNorm.UNIT_SUM), settings.sampleRateHz(), settings.fftSize());
        this.resampled = new float[resampler.maxOutputFrames(maxInputFrames) + 1];
        this.bandPower = new float[settings.bands()];
        // a full-scale sine has |X| = windowSum / 2 at its bin: scale so that it reads 1.0 (0 dB)
        final double half = stft.windowSum() / 2.0;
        this.powerScale = 1.0 / (half * half);
        final int maxFrames = maxFramesPerFeed(settings, inputRateHz, maxInputFrames);
        this.frames = new float[maxFrames][settings.bands()];
        this.energyDb = new float[maxFrames];
        this.voicing = new float[maxFrames];
        this.centreFrame = new long[maxFrames];
        reset(0L);
    }

    /**
     * @param settings       front-end settings
     * @param inputRateHz    input rate in Hz
     * @param maxInputFrames largest feed
     * @return most frames one feed of at most {@code maxInputFrames} samples can complete
     */
    public static int maxFramesPerFeed(final FeatureSettings settings, final int inputRateHz, final int maxInputFrames) {
        final long resampled = ((long)maxInputFrames * settings.sampleRateHz() + inputRateHz - 1) / inputRateHz + 1;
        return (int)(resampled / settings.hop()) + 2;
    }

    /** @return the settings */
    public FeatureSettings settings() {
        return settings;
    }

    /** @return the input rate in Hz */
    public int inputRateHz() {
        return inputRateHz;
    }

    /** @return most frames one {@link #feed} call can produce */
    public int maxFramesPerFeed() {
        return frames.length;
    }

    /**
     * Clears all state; the next sample fed has absolute index {@code nextInputFrame}.
     *
     * @param nextInputFrame absolute input-rate frame of the next sample
     */
    public void reset(final long nextInputFrame) {
        resampler.reset();
        stft.reset();
        count = 0;
        origin = nextInputFrame;
    }

    /**
     * Feeds input samples and computes every frame they complete.
     *
     * @param in     samples at the input rate
     * @param offset first sample
     * @param length number of samples, 0 to {@code maxInputFrames}
     * @return number of frames completed, readable through {@link #frame}, {@link #energyDb} and
     *     {@link #centreFrame} until the next call
     */
    public int feed(final float[] in, final int offset, final int length) {
        if (length > maxInputFrames) {
            throw new IllegalArgumentException("length must be <= maxInputFrames=" + maxInputFrames + ", got "
                + length);
        }
        count = 0;
        final int n = resampler.process(in, offset, length, resampled, 0, resampled.length);
        int pos = 0;
        while (pos < n) {
            pos += stft.feed(resampled, pos, n - pos);
            if (stft.frameReady()) {
                computeFrame(stft.frame());
            }
        }
        return count;
    }

    private void computeFrame(final SpectralFrame f) {
        mel.apply(f.power(), bandPower);
        final float[] out = frames[count];
        double total = 0.0;
        for (int b = 0; b < bandPower.length; b++) {
            final double p = bandPower[b] * powerScale;
            total += p;
            out[b] = toDb(p);
        }
        energyDb[count] = toDb(total);
        voicing[count] = voicingMeter == null ? 0f : voicingMeter.of(f.power());
        // analysis-rate centre -> input-rate frame (the resampler output is time-aligned with its input)
        centreFrame[count] = origin + f.centreFrame() * inputRateHz / settings.sampleRateHz();
        count++;
    }

    private static float toDb(final double power) {
        return power <= FLOOR_POWER ? FLOOR_DB : Math.max(FLOOR_DB, (float)(10.0 * Math.log10(power)));
    }

    /**
     * @param i frame index within the last feed, below its return value
     * @return the frame's band values in dB; overwritten by the next feed
     */
    public float[] frame(final int i) {
        return frames[i];
    }

    /**
     * @param i frame index within the last feed
     * @return total energy of the frame, dB
     */
    public float energyDb(final int i) {
        return energyDb[i];
    }

    /**
     * @param i frame index within the last feed
     * @return how voiced the frame is, 0 to 1 ({@link Voicing}), or 0 when this extractor does not measure it
     */
    public float voicing(final int i) {
        return voicing[i];
    }

    /**
     * @param i frame index within the last feed
     * @return absolute input-rate frame of the frame's centre
     */
    public long centreFrame(final int i) {
        return centreFrame[i];
    }
}
