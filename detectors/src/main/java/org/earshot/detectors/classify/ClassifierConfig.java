package org.earshot.detectors.classify;

/**
 * Settings of a {@link ClassifierNode}.
 *
 * @param name  node name
 * @param model the trained model (shared, immutable)
 */
public record ClassifierConfig(String name, ClassifierModel model) {
    /**
     * @throws IllegalArgumentException on a blank name or missing model
     */
    public ClassifierConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (model == null) {
            throw new IllegalArgumentException("model must not be null");
        }
    }
}
