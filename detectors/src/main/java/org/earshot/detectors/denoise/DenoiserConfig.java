package org.earshot.detectors.denoise;

/**
 * Settings of a {@link DenoiserNode}.
 *
 * @param name             node name
 * @param reductionLimitDb largest attenuation applied to any bin, 0 to 60 dB: the noise floor on noise-only
 *                         stretches drops by about this much ({@code --strength})
 * @param latencyMode      window length, and so latency
 * @param wetMix           share of the denoised signal in the output, 0 (dry) to 1 (denoised only)
 * @param bypass           start bypassed: the output is the input delayed by the same latency
 * @param profile          a learned room-noise profile that seeds the noise estimate and bounds it from
 *                         below, or null to track the noise from the signal alone
 * @param tuning           algorithm constants ({@link DenoiserTuning#DEFAULTS})
 */
public record DenoiserConfig(
    String name,
    double reductionLimitDb,
    LatencyMode latencyMode,
    double wetMix,
    boolean bypass,
    NoiseProfile profile,
    DenoiserTuning tuning) {
    /** Default node name. */
    public static final String DEFAULT_NAME = "denoise";
    /** Default reduction limit, dB. */
    public static final double DEFAULT_REDUCTION_LIMIT_DB = 20.0;
    /** Largest reduction limit accepted, dB. */
    public static final double MAX_REDUCTION_LIMIT_DB = 60.0;

    /**
     * @throws IllegalArgumentException naming the field, its range and the value
     */
    public DenoiserConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (!(reductionLimitDb >= 0 && reductionLimitDb <= MAX_REDUCTION_LIMIT_DB)) {
            throw new IllegalArgumentException("reductionLimitDb must be in [0, " + MAX_REDUCTION_LIMIT_DB + "], got "
                + reductionLimitDb);
        }
        if (latencyMode == null) {
            throw new IllegalArgumentException("latencyMode must not be null");
        }
        if (!(wetMix >= 0 && wetMix <= 1)) {
            throw new IllegalArgumentException("wetMix must be in [0, 1], got " + wetMix);
        }
        if (tuning == null) {
            throw new IllegalArgumentException("tuning must not be null");
        }
    }

    /** @return the default denoiser: 20 dB limit, standard latency, fully wet, no profile */
    public static DenoiserConfig defaults() {
        return new DenoiserConfig(DEFAULT_NAME, DEFAULT_REDUCTION_LIMIT_DB, LatencyMode.STANDARD, 1.0, false, null,
            DenoiserTuning.DEFAULTS);
    }

    /**
     * @param db reduction limit, dB
     * @return a copy with that limit
     */
    public DenoiserConfig withReductionLimitDb(final double db) {
        return new DenoiserConfig(name, db, latencyMode, wetMix, bypass, profile, tuning);
    }

    /**
     * @param mode latency mode
     * @return a copy with that mode
     */
    public DenoiserConfig withLatencyMode(final LatencyMode mode) {
        return new DenoiserConfig(name, reductionLimitDb, mode, wetMix, bypass, profile, tuning);
    }

    /**
     * @param mix wet share, 0 to 1
     * @return a copy with that mix
     */
    public DenoiserConfig withWetMix(final double mix) {
        return new DenoiserConfig(name, reductionLimitDb, latencyMode, mix, bypass, profile, tuning);
    }

    /**
     * @param on whether to start bypassed
     * @return a copy
     */
    public DenoiserConfig withBypass(final boolean on) {
        return new DenoiserConfig(name, reductionLimitDb, latencyMode, wetMix, on, profile, tuning);
    }

    /**
     * @param p noise profile, or null
     * @return a copy using it
     */
    public DenoiserConfig withProfile(final NoiseProfile p) {
        return new DenoiserConfig(name, reductionLimitDb, latencyMode, wetMix, bypass, p, tuning);
    }

    /**
     * @param t algorithm constants
     * @return a copy using them
     */
    public DenoiserConfig withTuning(final DenoiserTuning t) {
        return new DenoiserConfig(name, reductionLimitDb, latencyMode, wetMix, bypass, profile, t);
    }

    /**
     * @param n node name
     * @return a copy with that name
     */
    public DenoiserConfig withName(final String n) {
        return new DenoiserConfig(n, reductionLimitDb, latencyMode, wetMix, bypass, profile, tuning);
    }
}
