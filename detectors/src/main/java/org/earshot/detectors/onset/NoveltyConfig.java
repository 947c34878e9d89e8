package org.earshot.detectors.onset;

import org.earshot.dsp.filter.AdaptiveWhiteningConfig;

/**
 * Settings of a {@link NoveltyNode}, validated on construction.
 *
 * @param name           node name, unique in its graph
 * @param type           the novelty function
 * @param bandsPerOctave log-frequency filterbank resolution for {@link NoveltyType#SPECTRAL_FLUX} and
 *                       {@link NoveltyType#SUPERFLUX}, 1 to {@value #MAX_BANDS_PER_OCTAVE} (24 in SuperFlux)
 * @param minHz          lowest frequency analysed, in Hz, above 0 and below {@code maxHz}
 * @param maxHz          highest frequency analysed, in Hz, up to {@value #MAX_HZ}; capped at the Nyquist frequency
 *                       of the graph
 * @param logCompression {@code lambda} in {@code ln(1 + lambda * x)}, in (0, {@value #MAX_LOG_COMPRESSION}]
 * @param maxFilterBands width of SuperFlux's maximum filter across bands, odd, 1 to {@value #MAX_FILTER_BANDS}
 *                       (1 turns SuperFlux into plain spectral flux)
 * @param diffRatio      chooses the frame distance {@code mu} of the difference, as in SuperFlux: the distance
 *                       from the window's centre to where it first rises above {@code diffRatio} of its peak,
 *                       in hops, rounded, at least 1; in (0, 1)
 * @param whitening      adaptive whitening (Stowell and Plumbley 2007) of each bin by its recent peak before the
 *                       novelty function, or {@code null} (the default) for none. Whitened magnitudes are ratios in
 *                       (0, 1], so the novelty has other units and wants another threshold (see the README)
 */
public record NoveltyConfig(
    String name,
    NoveltyType type,
    int bandsPerOctave,
    double minHz,
    double maxHz,
    double logCompression,
    int maxFilterBands,
    double diffRatio,
    AdaptiveWhiteningConfig whitening) {
    /** Most bands per octave accepted. */
    public static final int MAX_BANDS_PER_OCTAVE = 96;
    /** Highest frequency accepted, Hz. */
    public static final double MAX_HZ = 96_000.0;
    /** Largest compression factor accepted. */
    public static final double MAX_LOG_COMPRESSION = 1.0e6;
    /** Widest maximum filter accepted. */
    public static final int MAX_FILTER_BANDS = 15;
    /** Default node name. */
    public static final String DEFAULT_NAME = "onset.novelty";
    /** SuperFlux's filterbank: 24 bands per octave. */
    public static final int DEFAULT_BANDS_PER_OCTAVE = 24;
    /** SuperFlux's lowest frequency, Hz. */
    public static final double DEFAULT_MIN_HZ = 30.0;
    /** SuperFlux's highest frequency, Hz. */
    public static final double DEFAULT_MAX_HZ = 17_000.0;
    /** SuperFlux's compression: {@code ln(1 + x)}. */
    public static final double DEFAULT_LOG_COMPRESSION = 1.0;
    /** SuperFlux's maximum filter: 3 bands. */
    public static final int DEFAULT_MAX_FILTER_BANDS = 3;
    /** SuperFlux's difference ratio: 0.5. */
    public static final double DEFAULT_DIFF_RATIO = 0.5;

    /**
     * @throws IllegalArgumentException naming the field, its allowed range and the value received
     */
    public NoveltyConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (type == null) {
            throw new IllegalArgumentException("type must not be null");
        }
        if (bandsPerOctave < 1 || bandsPerOctave > MAX_BANDS_PER_OCTAVE) {
            throw new IllegalArgumentException("bandsPerOctave must be in [1, " + MAX_BANDS_PER_OCTAVE + "], got "
                + bandsPerOctave);
        }
        if (!(maxHz > 0.0 && maxHz <= MAX_HZ)) {
            throw new IllegalArgumentException("maxHz must be in (0, " + MAX_HZ + "], got " + maxHz);
        }
        if (!(minHz > 0.0 && minHz < maxHz)) {
            throw new IllegalArgumentException("minHz must be in (0, maxHz=" + maxHz + "), got " + minHz);
        }
        if (!(logCompression > 0.0 && logCompression <= MAX_LOG_COMPRESSION)) {
            throw new IllegalArgumentException("logCompression must be in (0, " + MAX_LOG_COMPRESSION + "], got "
                + logCompression);
        }
        if (maxFilterBands < 1 || maxFilterBands > MAX_FILTER_BANDS || maxFilterBands % 2 == 0) {
            throw new IllegalArgumentException("maxFilterBands must be odd and in [1, " + MAX_FILTER_BANDS + "], got "
                + maxFilterBands);
        }
        if (!(diffRatio > 0.0 && diffRatio < 1.0)) {
            throw new IllegalArgumentException("diffRatio must be in (0, 1), got " + diffRatio);
        }
    }

    /**
     * The published SuperFlux settings for any novelty function: 24 bands per octave from 30 Hz to 17 kHz,
     * {@code ln(1 + x)}, a 3-band maximum filter, difference ratio 0.5.
     *
     * @param type the novelty function
     * @return the config, named {@value #DEFAULT_NAME}
     */
    public static NoveltyConfig defaults(final NoveltyType type) {
        return new NoveltyConfig(DEFAULT_NAME, type, DEFAULT_BANDS_PER_OCTAVE, DEFAULT_MIN_HZ, DEFAULT_MAX_HZ,
            DEFAULT_LOG_COMPRESSION, DEFAULT_MAX_FILTER_BANDS, DEFAULT_DIFF_RATIO, null);
    }

    /**
     * @param newName node name
     * @return a copy with that name
     */
    public NoveltyConfig withName(final String newName) {
        return new NoveltyConfig(newName, type, bandsPerOctave, minHz, maxHz, logCompression, maxFilterBands,
            diffRatio, whitening);
    }

    /**
     * @param newLogCompression {@code lambda}
     * @return a copy with that compression
     */
    public NoveltyConfig withLogCompression(final double newLogCompression) {
        return new NoveltyConfig(name, type, bandsPerOctave, minHz, maxHz, newLogCompression, maxFilterBands,
            diffRatio, whitening);
    }

    /**
     * @param newWhitening adaptive whitening settings, or {@code null} for none
     * @return a copy with them
     */
    public NoveltyConfig withWhitening(final AdaptiveWhiteningConfig newWhitening) {
        return new NoveltyConfig(name, type, bandsPerOctave, minHz, maxHz, logCompression, maxFilterBands,
            diffRatio, newWhitening);
    }
}
