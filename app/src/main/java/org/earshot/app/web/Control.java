package org.earshot.app.web;

import java.util.List;

/**
 * A live control on the page: a slider or a toggle whose value is posted to one or more nodes' command
 * queues ({@code GraphRunner.trySetParameter}); each node applies it on the audio thread before its next
 * block.
 *
 * @param id      stable id within the dashboard, {@code GRAPH_ID/KEY}
 * @param graphId the graph whose nodes it sets
 * @param key     short name, e.g. {@code bypass}
 * @param label   what the page shows
 * @param toggle  a toggle (0 or 1) rather than a slider
 * @param min     lowest value
 * @param max     highest value
 * @param step    slider step
 * @param unit    unit shown after the value ({@code dB}, {@code ms}, or empty)
 * @param initial the value the graph starts with, or NaN when the preset's value is not known here
 * @param targets where the value goes
 */
public record Control(String id, int graphId, String key, String label, boolean toggle, double min, double max,
    double step, String unit, double initial, List<Target> targets) {
    /**
     * One node parameter a control sets.
     *
     * @param node        node name
     * @param parameterId the node's parameter id
     */
    public record Target(String node, int parameterId) {
    }

    /**
     * @throws IllegalArgumentException if the range is empty or there is no target
     */
    public Control {
        if (!(min < max)) {
            throw new IllegalArgumentException("control " + id + ": min " + min + " must be below max " + max);
        }
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("control " + id + " has no target");
        }
        targets = List.copyOf(targets);
    }

    /**
     * @param value a requested value
     * @return it clamped to the range (toggles to 0 or 1), or NaN if it is not finite
     */
    public double clamp(final double value) {
        if (!Double.isFinite(value)) {
            return Double.NaN;
        }
        if (toggle) {
            return value != 0 ? 1 : 0;
        }
        return Math.max(min, Math.min(max, value));
    }
}
