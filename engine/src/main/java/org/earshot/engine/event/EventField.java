package org.earshot.engine.event;

/**
 * One field of an event type.
 *
 * @param name JSON name of the field, e.g. {@code strength}
 * @param kind how sinks render it
 */
public record EventField(String name, FieldKind kind) {
    /**
     * @throws IllegalArgumentException if the name is empty
     */
    public EventField {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("name must not be empty");
        }
        if (kind == null) {
            throw new IllegalArgumentException("kind must not be null for field " + name);
        }
    }

    /**
     * @param name field name
     * @return a {@link FieldKind#REAL} field
     */
    public static EventField real(final String name) {
        return new EventField(name, FieldKind.REAL);
    }

    /**
     * @param name field name
     * @return a {@link FieldKind#INTEGER} field
     */
    public static EventField integer(final String name) {
        return new EventField(name, FieldKind.INTEGER);
    }

    /**
     * @param name field name
     * @return a {@link FieldKind#FRAME_AS_SECONDS} field
     */
    public static EventField seconds(final String name) {
        return new EventField(name, FieldKind.FRAME_AS_SECONDS);
    }
}
