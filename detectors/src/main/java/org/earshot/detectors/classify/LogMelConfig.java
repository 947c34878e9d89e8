package org.earshot.detectors.classify;

/**
 * Settings of a {@link LogMelNode}.
 *
 * @param name     node name
 * @param features front-end settings (must match the model's)
 */
public record LogMelConfig(String name, FeatureSettings features) {
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

    /** @return node {@code logmel} with the default front end */
    public static LogMelConfig defaults() {
        return new LogMelConfig("logmel", FeatureSettings.defaults());
    }
}
