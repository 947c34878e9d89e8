package org.earshot.engine.event;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema of one kind of event: a stable numeric id (the Agrona message type id), a name (the JSON
 * {@code type}) and its fields in record order. Types register themselves when defined; sinks look them
 * up by id. Detectors define their types as constants.
 */
public final class EventType {
    /** Largest number of numeric fields one record may carry. */
    public static final int MAX_FIELDS = 16;

    private static final ConcurrentHashMap<Integer, EventType> BY_ID = new ConcurrentHashMap<>();

    private final int id;
    private final String name;
    private final List<EventField> fields;
    private final List<String> labels;

    private EventType(final int id, final String name, final List<EventField> fields, final List<String> labels) {
        this.id = id;
        this.name = name;
        this.fields = List.copyOf(fields);
        this.labels = List.copyOf(labels);
    }

    /**
     * Defines and registers a type.
     *
     * @param id     stable id, 1 or more, unique in the process
     * @param name   JSON type name
     * @param fields fields in record order, at most {@link #MAX_FIELDS}
     * @return the type
     * @throws IllegalArgumentException if the id is taken by another definition or out of range
     */
    public static EventType define(final int id, final String name, final EventField... fields) {
        return define(id, name, List.of(), fields);
    }

    /**
     * Defines and registers a type with a label table for {@link FieldKind#LABEL} fields.
     *
     * @param id     stable id, 1 or more, unique in the process
     * @param name   JSON type name
     * @param labels label strings indexed by label fields
     * @param fields fields in record order, at most {@link #MAX_FIELDS}
     * @return the type
     */
    public static EventType define(
        final int id, final String name, final List<String> labels, final EventField... fields) {
        if (id < 1) {
            throw new IllegalArgumentException("event type id must be >= 1, got " + id + " for " + name);
        }
        if (fields.length > MAX_FIELDS) {
            throw new IllegalArgumentException("event type " + name + " has " + fields.length
                + " fields, at most " + MAX_FIELDS + " allowed");
        }
        final EventType type = new EventType(id, name, List.of(fields), labels);
        final EventType previous = BY_ID.putIfAbsent(id, type);
        if (previous != null && !previous.sameSchema(type)) {
            throw new IllegalArgumentException("event type id " + id + " is already " + previous.name
                + ", cannot define " + name);
        }
        return previous != null ? previous : type;
    }

    /**
     * @param id a type id read from a record
     * @return the registered type, or null if unknown
     */
    public static EventType byId(final int id) {
        return BY_ID.get(id);
    }

    private boolean sameSchema(final EventType other) {
        return name.equals(other.name) && fields.equals(other.fields) && labels.equals(other.labels);
    }

    /** @return the stable id */
    public int id() {
        return id;
    }

    /** @return the JSON type name */
    public String name() {
        return name;
    }

    /** @return the fields in record order */
    public List<EventField> fields() {
        return fields;
    }

    /** @return number of fields */
    public int fieldCount() {
        return fields.size();
    }

    /** @return the label table */
    public List<String> labels() {
        return labels;
    }

    /**
     * @param fieldName a field name
     * @return its index, or -1
     */
    public int indexOf(final String fieldName) {
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(fieldName)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return "EventType[" + id + " " + name + "]";
    }
}
