package org.earshot.dsp.filter;

/**
 * Adaptive whitening parameters (Stowell and Plumbley 2007), validated on construction.
 *
 * @param relaxationSeconds time for a bin's peak memory to decay by 60 dB when the bin falls silent, in
 *                          {@code (0, 3600]} seconds (the paper's onset experiments used values of 5 to 30)
 * @param floor             lowest peak value {@code r}, in the units of the magnitudes whitened (raw FFT
 *                          magnitude for {@link org.earshot.dsp.stft.SpectralFrame#magnitude()}); keeps
 *                          near-silent bins from being amplified to full scale; finite and greater than 0
 */
public record AdaptiveWhiteningConfig(double relaxationSeconds, float floor) {
    /** Longest relaxation time accepted. */
    public static final double MAX_RELAXATION_SECONDS = 3600.0;

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its allowed range and the value received
     */
    public AdaptiveWhiteningConfig {
        if (!(relaxationSeconds > 0.0 && relaxationSeconds <= MAX_RELAXATION_SECONDS)) {
            throw new IllegalArgumentException("relaxationSeconds must be in (0, " + MAX_RELAXATION_SECONDS
                + "], got " + relaxationSeconds);
        }
        if (!(floor > 0f) || Float.isInfinite(floor)) {
            throw new IllegalArgumentException("floor must be finite and > 0, got " + floor);
        }
    }
}
