package org.earshot.detectors.decide;

import java.util.List;

import org.earshot.detectors.EventIds;
import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;
import org.earshot.engine.event.FieldKind;

/**
 * The {@code event} record: {@code {"type":"event","label":…,"start":…,"end":…,"confidence":…}}. The
 * record's frame is the start. Its label table is fixed when the type is first defined in a process (the
 * classes of the model in use plus {@value #IMPACT}); every room of a process shares it.
 */
public final class SoundEvents {
    /** Label of the impact detector's events. */
    public static final String IMPACT = "impact";
    /** Field index of the label. */
    public static final int LABEL = 0;
    /** Field index of the start frame. */
    public static final int START = 1;
    /** Field index of the end frame. */
    public static final int END = 2;
    /** Field index of the confidence, 0 to 1. */
    public static final int CONFIDENCE = 3;

    private SoundEvents() {
    }

    /**
     * Defines (or returns) the {@code event} type with id {@link EventIds#SOUND_EVENT}.
     *
     * @param labels the label table
     * @return the type
     * @throws IllegalArgumentException if the type was already defined with another label table
     */
    public static EventType type(final List<String> labels) {
        return type(EventIds.SOUND_EVENT, labels);
    }

    /**
     * Defines (or returns) an {@code event} type with the given id (tests use their own ids so that
     * different label tables can live in one process).
     *
     * @param id     type id
     * @param labels label table
     * @return the type
     */
    public static EventType type(final int id, final List<String> labels) {
        final EventType existing = EventType.byId(id);
        if (existing != null && existing.name().equals("event") && !existing.labels().equals(labels)) {
            throw new IllegalArgumentException("the event type is already defined in this process with labels "
                + existing.labels() + "; cannot use " + labels + " as well (one model per process)");
        }
        return EventType.define(id, "event", labels,
            new EventField("label", FieldKind.LABEL), EventField.seconds("start"), EventField.seconds("end"),
            EventField.real("confidence"));
    }
}
