package org.earshot.io.sink;

import java.util.List;

import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;
import org.earshot.engine.event.EventView;
import org.earshot.engine.runtime.GraphInfo;

/**
 * The JSON object network sinks (MQTT, webhook) send for one event: the JSON Lines form plus a message
 * id (for receivers to drop duplicates), the room and the wall-clock time, e.g.
 *
 * <pre>{"type":"event","id":42,"room":"kitchen","time":"2026-01-01T12:00:00Z","t":12.5,"frame":200000,
 *  "label":"cough","start":12.5,"end":12.9,"confidence":0.93}</pre>
 */
public final class EventJson {
    private EventJson() {
    }

    /**
     * @param b       cleared and filled with the JSON object
     * @param event   the event
     * @param graph   its graph (the room)
     * @param id      message id
     * @param epochMs wall-clock time in ms since the epoch
     */
    public static void format(
        final StringBuilder b, final EventView event, final GraphInfo graph, final long id, final long epochMs) {
        final EventType type = event.type();
        b.setLength(0);
        b.append("{\"type\":");
        JsonLinesSink.appendString(b, type.name());
        b.append(",\"id\":").append(id);
        b.append(",\"room\":");
        JsonLinesSink.appendString(b, graph.name());
        b.append(",\"time\":\"").append(java.time.Instant.ofEpochMilli(epochMs)).append('"');
        final long frame = event.frame();
        b.append(",\"t\":");
        JsonLinesSink.appendReal(b, frame / (double)graph.sampleRateHz());
        b.append(",\"frame\":").append(frame);
        JsonLinesSink.appendFields(b, event, graph);
        b.append('}');
    }

    /**
     * @param event an event
     * @return its label if it has a label field, else its type name
     */
    public static String labelOf(final EventView event) {
        final EventType type = event.type();
        final List<EventField> fields = type.fields();
        for (int i = 0; i < fields.size() && i < event.fieldCount(); i++) {
            if (fields.get(i).kind() == org.earshot.engine.event.FieldKind.LABEL) {
                final long index = Math.round(event.value(i));
                if (index >= 0 && index < type.labels().size()) {
                    return type.labels().get((int)index);
                }
            }
        }
        return type.name();
    }

    /**
     * Makes a name safe as one MQTT topic level: {@code / + #}, spaces and control characters become {@code _}.
     *
     * @param name a room or label name
     * @return the safe form
     */
    public static String topicLevel(final String name) {
        final StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            final char c = name.charAt(i);
            b.append(c == '/' || c == '+' || c == '#' || c <= ' ' ? '_' : c);
        }
        return b.toString();
    }
}
