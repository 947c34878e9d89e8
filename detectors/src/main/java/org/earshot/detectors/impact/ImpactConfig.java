package org.earshot.detectors.impact;

import org.earshot.engine.event.EventType;

/**
 * Settings of an {@link ImpactNode}.
 *
 * @param name        node name
 * @param eventType   the {@code event} type ({@link org.earshot.detectors.decide.SoundEvents#type})
 * @param label       index of the impact label in the type's label table
 * @param sensitivity 0 to 1, 0.5 neutral; higher detects softer impacts (live: parameter
 *                    {@link ImpactNode#PARAM_SENSITIVITY})
 * @param mergeGapMs  impacts closer than this form one event (a series of knocks), 0 to 5,000 ms
 */
public record ImpactConfig(String name, EventType eventType, int label, double sensitivity, int mergeGapMs) {
    /**
     * @throws IllegalArgumentException naming the field, its range and the value received
     */
    public ImpactConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (eventType == null) {
            throw new IllegalArgumentException("eventType must not be null");
        }
        if (label < 0 || label >= eventType.labels().size()) {
            throw new IllegalArgumentException("label must be in [0, " + eventType.labels().size() + "), got " + label);
        }
        if (!(sensitivity >= 0 && sensitivity <= 1)) {
            throw new IllegalArgumentException("sensitivity must be in [0, 1], got " + sensitivity);
        }
        if (mergeGapMs < 0 || mergeGapMs > 5000) {
            throw new IllegalArgumentException("mergeGapMs must be in [0, 5000], got " + mergeGapMs);
        }
    }

    /**
     * @param eventType the event type; its labels must include {@code impact}
     * @return node {@code impact}, sensitivity 0.5, 500 ms merge gap
     */
    public static ImpactConfig defaults(final EventType eventType) {
        return new ImpactConfig("impact", eventType,
            eventType.labels().indexOf(org.earshot.detectors.decide.SoundEvents.IMPACT), 0.5, 500);
    }
}
