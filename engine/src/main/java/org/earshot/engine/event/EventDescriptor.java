package org.earshot.engine.event;

/**
 * Binary layout of an event record in the event ring (after Agrona's {@code RecordDescriptor}). All
 * offsets are from the start of the record's payload; the Agrona message type id is the event type id.
 *
 * <pre>
 *   0  long   frame        sample frame the event refers to (onset time, predicted beat, ...)
 *   8  long   emitFrame    sample frame at which the graph decided it (end of the block that wrote it)
 *  16  long   captureNs    System.nanoTime() of the capture of that block, for end-to-end latency
 *  24  int    graphId      which graph (room, channel) wrote it
 *  28  int    nodeId       which node of that graph wrote it
 *  32  int    fieldCount   number of doubles that follow
 *  36  int    reserved
 *  40  double fields[fieldCount]
 * </pre>
 */
public final class EventDescriptor {
    /** Offset of the event frame. */
    public static final int FRAME_OFFSET = 0;
    /** Offset of the emit frame. */
    public static final int EMIT_FRAME_OFFSET = 8;
    /** Offset of the capture time stamp. */
    public static final int CAPTURE_NS_OFFSET = 16;
    /** Offset of the graph id. */
    public static final int GRAPH_ID_OFFSET = 24;
    /** Offset of the node id. */
    public static final int NODE_ID_OFFSET = 28;
    /** Offset of the field count. */
    public static final int FIELD_COUNT_OFFSET = 32;
    /** Offset of the first field. */
    public static final int FIELDS_OFFSET = 40;

    private EventDescriptor() {
    }

    /**
     * @param fieldCount number of numeric fields
     * @return payload length of a record with that many fields, in bytes
     */
    public static int recordLength(final int fieldCount) {
        return FIELDS_OFFSET + fieldCount * Double.BYTES;
    }

    /**
     * @param field field index
     * @return offset of that field
     */
    public static int fieldOffset(final int field) {
        return FIELDS_OFFSET + field * Double.BYTES;
    }
}
