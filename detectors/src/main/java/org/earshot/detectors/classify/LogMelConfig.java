package org.earshot.detectors.classify;

/**
 * Settings of a {@link LogMelNode}.
 *
 * @param name     node name
 * @param features front-end settings (must match the model's)
 * @param voicing  also measure each frame's voicing ({@link LogMelFrames#voicing}), which the impact detector needs:
 *                 one more inverse FFT per frame
 */
public record LogMelConfig(String name, FeatureSettings features, boolean voicing) {
    /**
     * @throws IllegalArgumentException on a blank name or missing settings
     */
    public LogMelConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (features == null) {
            throw new IllegalArgumentException("features must not be null");
        }
    }

    /**
     * A front end without voicing (a classifier's alone).
     *
     * @param name     node name
     * @param features front-end settings (must match the model's)
     */
    public LogMelConfig(final String name, final FeatureSettings features) {
        this(name, features, false);
    }

    /** @return node {@code logmel} with the default front end, measuring voicing (the room monitor's) */
    public static LogMelConfig defaults() {
        return new LogMelConfig("logmel", FeatureSettings.defaults(), true);
    }
}
