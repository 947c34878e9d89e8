package org.earshot.dsp.resample;

/**
 * What a {@link Resampler} converts and how well.
 *
 * <p>The filter's passband ends at {@code passbandEdgeRatio} times the lower Nyquist frequency
 * ({@code min(inputRateHz, outputRateHz) / 2}); its stopband starts at that Nyquist frequency and is
 * at least {@code stopbandAttenuationDb} down. A narrower transition band or more attenuation means
 * a longer filter (more latency and work per output frame).
 *
 * @param inputRateHz           rate of the samples fed in, in Hz, {@value #MIN_RATE_HZ} to {@value #MAX_RATE_HZ}
 * @param outputRateHz          rate of the samples produced, in Hz, {@value #MIN_RATE_HZ} to {@value #MAX_RATE_HZ}
 * @param stopbandAttenuationDb least attenuation above the lower Nyquist frequency, in dB,
 *                              {@value #MIN_ATTENUATION_DB} to {@value #MAX_ATTENUATION_DB}
 * @param passbandEdgeRatio     end of the flat passband as a fraction of the lower Nyquist frequency,
 *                              {@value #MIN_PASSBAND_EDGE_RATIO} to {@value #MAX_PASSBAND_EDGE_RATIO}
 */
public record ResamplerConfig(
    int inputRateHz, int outputRateHz, double stopbandAttenuationDb, double passbandEdgeRatio) {
    /** Lowest rate accepted, in Hz. */
    public static final int MIN_RATE_HZ = 8_000;
    /** Highest rate accepted, in Hz. */
    public static final int MAX_RATE_HZ = 192_000;
    /** Least stopband attenuation accepted, in dB. */
    public static final double MIN_ATTENUATION_DB = 40.0;
    /** Most stopband attenuation accepted, in dB. */
    public static final double MAX_ATTENUATION_DB = 140.0;
    /** Lowest passband edge ratio accepted. */
    public static final double MIN_PASSBAND_EDGE_RATIO = 0.5;
    /** Highest passband edge ratio accepted. */
    public static final double MAX_PASSBAND_EDGE_RATIO = 0.98;
    /** Default stopband attenuation, in dB: 10 dB above the 80 dB the engine promises. */
    public static final double DEFAULT_ATTENUATION_DB = 90.0;
    /** Default passband edge ratio: flat to 90 % of the lower Nyquist frequency. */
    public static final double DEFAULT_PASSBAND_EDGE_RATIO = 0.9;

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its range and the value received
     */
    public ResamplerConfig {
        checkRate("inputRateHz", inputRateHz);
        checkRate("outputRateHz", outputRateHz);
        if (!(stopbandAttenuationDb >= MIN_ATTENUATION_DB && stopbandAttenuationDb <= MAX_ATTENUATION_DB)) {
            throw new IllegalArgumentException("stopbandAttenuationDb must be in [" + MIN_ATTENUATION_DB + ", "
                + MAX_ATTENUATION_DB + "], got " + stopbandAttenuationDb);
        }
        if (!(passbandEdgeRatio >= MIN_PASSBAND_EDGE_RATIO && passbandEdgeRatio <= MAX_PASSBAND_EDGE_RATIO)) {
            throw new IllegalArgumentException("passbandEdgeRatio must be in [" + MIN_PASSBAND_EDGE_RATIO + ", "
                + MAX_PASSBAND_EDGE_RATIO + "], got " + passbandEdgeRatio);
        }
    }

    /**
     * A configuration with the default quality: {@value #DEFAULT_ATTENUATION_DB} dB stopband, passband to
     * {@value #DEFAULT_PASSBAND_EDGE_RATIO} of the lower Nyquist frequency.
     *
     * @param inputRateHz  input rate in Hz
     * @param outputRateHz output rate in Hz
     * @return the configuration
     * @throws IllegalArgumentException if a rate is out of range
     */
    public static ResamplerConfig of(final int inputRateHz, final int outputRateHz) {
        return new ResamplerConfig(inputRateHz, outputRateHz, DEFAULT_ATTENUATION_DB, DEFAULT_PASSBAND_EDGE_RATIO);
    }

    /** @return true when both rates are equal and the resampler only copies */
    public boolean isPassThrough() {
        return inputRateHz == outputRateHz;
    }

    private static void checkRate(final String field, final int rateHz) {
        if (rateHz < MIN_RATE_HZ || rateHz > MAX_RATE_HZ) {
            throw new IllegalArgumentException(field + " must be in [" + MIN_RATE_HZ + ", " + MAX_RATE_HZ
                + "], got " + rateHz);
        }
    }
}
