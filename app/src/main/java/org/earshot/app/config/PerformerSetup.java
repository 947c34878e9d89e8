package org.earshot.app.config;

import org.earshot.detectors.beat.BeatTrackerConfig;

/**
 * The beat tracker settings the {@code beats} and {@code performer} presets run with: the defaults, with the extra
 * lead of {@code --lead-ms} (one value per process, set before any graph is built; the dashboard changes it live
 * through {@link org.earshot.detectors.beat.BeatTrackerNode#PARAM_LEAD_MS}).
 */
public final class PerformerSetup {
    private static double leadMs;

    private PerformerSetup() {
    }

    /**
     * @param value {@code --lead-ms}, 0 to {@value BeatTrackerConfig#MAX_LEAD_MS}, or null for 0
     * @throws ConfigException naming {@code --lead-ms} when out of range
     */
    public static synchronized void useLeadMs(final Double value) {
        if (value == null) {
            return;
        }
        if (!(value >= 0 && value <= BeatTrackerConfig.MAX_LEAD_MS)) {
            throw new ConfigException("--lead-ms: must be in [0, " + (int)BeatTrackerConfig.MAX_LEAD_MS + "], got "
                + value);
        }
        leadMs = value;
    }

    /** @return the tracker settings */
    public static synchronized BeatTrackerConfig trackerConfig() {
        return BeatTrackerConfig.defaults().withLeadMs(leadMs);
    }
}
