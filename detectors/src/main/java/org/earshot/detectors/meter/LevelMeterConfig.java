package org.earshot.detectors.meter;

/**
 * Settings of a {@link LevelMeterNode}.
 *
 * @param name     node name
 * @param windowMs length of each metering window, 5 to 10,000 ms; one {@code level} event per window
 */
public record LevelMeterConfig(String name, int windowMs) {
    /** Default window: 100 ms. */
    public static final int DEFAULT_WINDOW_MS = 100;

    /**
     * @throws IllegalArgumentException naming the field, its range and the value
     */
    public LevelMeterConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (windowMs < 5 || windowMs > 10_000) {
            throw new IllegalArgumentException("windowMs must be in [5, 10000], got " + windowMs);
        }
    }

    /** @return the default meter, named {@code level}, 100 ms windows */
    public static LevelMeterConfig defaults() {
        return new LevelMeterConfig("level", DEFAULT_WINDOW_MS);
    }
}
