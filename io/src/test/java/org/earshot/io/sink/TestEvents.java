package org.earshot.io.sink;

import java.nio.ByteBuffer;

import org.agrona.concurrent.UnsafeBuffer;
import org.earshot.engine.event.EventDescriptor;
import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;
import org.earshot.engine.event.EventView;
import org.earshot.engine.event.FieldKind;

/** Builds event records by hand for sink tests, with the beat tracker's schemas. */
public final class TestEvents {
    /** Same schema as the beat tracker's {@code beat} event. */
    public static final EventType BEAT = EventType.define(3, "beat",
        EventField.seconds("emitted"), EventField.real("bpm"), EventField.integer("bar_pos"),
        EventField.real("confidence"), EventField.integer("index"), EventField.integer("meter"));
    /** Same schema as the beat tracker's {@code tempo} event. */
    public static final EventType TEMPO = EventType.define(4, "tempo",
        EventField.real("bpm"), EventField.real("confidence"), new EventField("locked", FieldKind.BOOLEAN));

    private TestEvents() {
    }

    /**
     * @param type      event type
     * @param frame     event frame
     * @param emitFrame emit frame
     * @param captureNs capture time
     * @param values    field values
     * @return a view over a fresh record
     */
    public static EventView view(final EventType type, final long frame, final long emitFrame, final long captureNs,
        final double... values) {
        final UnsafeBuffer b = new UnsafeBuffer(ByteBuffer.allocate(EventDescriptor.recordLength(values.length)));
        b.putLong(EventDescriptor.FRAME_OFFSET, frame);
        b.putLong(EventDescriptor.EMIT_FRAME_OFFSET, emitFrame);
        b.putLong(EventDescriptor.CAPTURE_NS_OFFSET, captureNs);
        b.putInt(EventDescriptor.FIELD_COUNT_OFFSET, values.length);
        for (int i = 0; i < values.length; i++) {
            b.putDouble(EventDescriptor.fieldOffset(i), values[i]);
        }
        return new EventView().wrap(type, b, 0);
    }
}
