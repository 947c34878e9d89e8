package org.earshot.engine.event;

import org.agrona.DirectBuffer;

/**
 * Read-side flyweight over one record in the event ring; valid only during the sink callback it is
 * passed to. Reusable, allocation-free.
 */
public final class EventView {
    private DirectBuffer buffer;
    private int offset;
    private EventType type;

    /**
     * Points the view at a record (runtime use).
     *
     * @param type   the record's type
     * @param buffer the ring's buffer
     * @param offset payload offset
     * @return this
     */
    public EventView wrap(final EventType type, final DirectBuffer buffer, final int offset) {
        this.type = type;
        this.buffer = buffer;
        this.offset = offset;
        return this;
    }

    /** @return the event's type */
    public EventType type() {
        return type;
    }

    /** @return the sample frame the event refers to */
    public long frame() {
        return buffer.getLong(offset + EventDescriptor.FRAME_OFFSET);
    }

    /** @return the sample frame at which it was decided */
    public long emitFrame() {
        return buffer.getLong(offset + EventDescriptor.EMIT_FRAME_OFFSET);
    }

    /** @return nanoTime of the capture of the emitting block */
    public long captureNs() {
        return buffer.getLong(offset + EventDescriptor.CAPTURE_NS_OFFSET);
    }

    /** @return id of the graph that wrote it */
    public int graphId() {
        return buffer.getInt(offset + EventDescriptor.GRAPH_ID_OFFSET);
    }

    /** @return id of the node that wrote it, within its graph */
    public int nodeId() {
        return buffer.getInt(offset + EventDescriptor.NODE_ID_OFFSET);
    }

    /** @return number of fields in the record */
    public int fieldCount() {
        return buffer.getInt(offset + EventDescriptor.FIELD_COUNT_OFFSET);
    }

    /**
     * @param field field index
     * @return its value
     */
    public double value(final int field) {
        return buffer.getDouble(offset + EventDescriptor.fieldOffset(field));
    }
}
