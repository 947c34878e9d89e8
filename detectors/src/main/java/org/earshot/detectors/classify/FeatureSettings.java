package org.earshot.detectors.classify;

/**
 * The front end a model was trained with: analysis rate, STFT geometry, mel layout, the length of the
 * classifier's context and the version of the pooled-feature recipe. A model file records these and
 * refuses to load under different ones, because a model only understands the features it was trained on.
 *
 * @param sampleRateHz   analysis rate in Hz (input is resampled to it), 8,000 to 48,000
 * @param windowLength   STFT window in samples at the analysis rate, 64 to 4,096
 * @param hop            samples between frames at the analysis rate, 1 to {@code windowLength}
 * @param fftSize        transform size, a power of two from {@code windowLength} to 4,096
 * @param bands          mel bands, 8 to 256
 * @param minHz          lower edge of the first mel band in Hz, 0 or more, below {@code maxHz}
 * @param maxHz          upper edge of the last band in Hz, at most the Nyquist frequency of the analysis rate
 * @param contextFrames  frames (hops) the classifier pools over, 8 to 1,000 (100 = 1 s at a 10 ms hop)
 * @param featureVersion version of the pooled-feature recipe ({@link PooledFeatures#VERSION})
 */
public record FeatureSettings(
    int sampleRateHz, int windowLength, int hop, int fftSize, int bands, double minHz, double maxHz,
    int contextFrames, int featureVersion) {

    /**
     * @throws IllegalArgumentException naming the field, its range and the value received
     */
    public FeatureSettings {
        check("sampleRateHz", sampleRateHz, 8_000, 48_000);
        check("windowLength", windowLength, 64, 4096);
        check("hop", hop, 1, windowLength);
        if (fftSize < windowLength || fftSize > 4096 || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("fftSize must be a power of two in [windowLength=" + windowLength
                + ", 4096], got " + fftSize);
        }
        check("bands", bands, 8, 256);
        if (!(maxHz > 0 && maxHz <= sampleRateHz / 2.0)) {
            throw new IllegalArgumentException("maxHz must be in (0, " + sampleRateHz / 2.0 + "], got " + maxHz);
        }
        if (!(minHz >= 0 && minHz < maxHz)) {
            throw new IllegalArgumentException("minHz must be in [0, maxHz=" + maxHz + "), got " + minHz);
        }
        check("contextFrames", contextFrames, 8, 1000);
        check("featureVersion", featureVersion, 1, Integer.MAX_VALUE);
    }

    /**
     * The shipped front end: 16 kHz, 25 ms Hann window, 10 ms hop, 512-point FFT, 64 mel bands from 50 Hz
     * to 8 kHz, a 1 s context.
     *
     * @return the default settings
     */
    public static FeatureSettings defaults() {
        return new FeatureSettings(16_000, 400, 160, 512, 64, 50.0, 8_000.0, 100, PooledFeatures.VERSION);
    }

    /** @return the hop in ms */
    public double hopMs() {
        return hop * 1000.0 / sampleRateHz;
    }

    /**
     * Describes how this differs from another settings record, for the refusal message.
     *
     * @param other the settings found elsewhere
     * @return e.g. {@code "bands 64 vs 40"}, or an empty string when equal
     */
    public String differences(final FeatureSettings other) {
        final StringBuilder sb = new StringBuilder();
        diff(sb, "sampleRateHz", sampleRateHz, other.sampleRateHz);
        diff(sb, "windowLength", windowLength, other.windowLength);
        diff(sb, "hop", hop, other.hop);
        diff(sb, "fftSize", fftSize, other.fftSize);
        diff(sb, "bands", bands, other.bands);
        diff(sb, "minHz", minHz, other.minHz);
        diff(sb, "maxHz", maxHz, other.maxHz);
        diff(sb, "contextFrames", contextFrames, other.contextFrames);
        diff(sb, "featureVersion", featureVersion, other.featureVersion);
        return sb.toString();
    }

    private static void diff(final StringBuilder sb, final String name, final double a, final double b) {
        if (a != b) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(name).append(' ').append(fmt(a)).append(" vs ").append(fmt(b));
        }
    }

    private static String fmt(final double v) {
        return v == Math.rint(v) ? Long.toString((long)v) : Double.toString(v);
    }

    private static void check(final String field, final int value, final int lo, final int hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], got " + value);
        }
    }
}
