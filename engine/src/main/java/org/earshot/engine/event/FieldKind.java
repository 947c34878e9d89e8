package org.earshot.engine.event;

/** How a sink renders one numeric field of an event record. */
public enum FieldKind {
    /** A real number, written as is. */
    REAL,
    /** A whole number, written without a fraction. */
    INTEGER,
    /** A sample frame index; sinks render it as seconds (frame / sample rate). */
    FRAME_AS_SECONDS,
    /** An index into the event type's label table; sinks render the label string. */
    LABEL,
    /** 0 or 1, rendered as false or true. */
    BOOLEAN
}
