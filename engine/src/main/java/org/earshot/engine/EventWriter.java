package org.earshot.engine;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.status.AtomicCounter;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.earshot.engine.event.EventDescriptor;
import org.earshot.engine.event.EventType;

/**
 * Writes event records from one node into the graph's event ring without allocating: claim, set fields,
 * commit (Agrona's {@code tryClaim}/{@code commit}). One writer per node; used only by the thread that
 * runs that node.
 *
 * <pre>{@code
 * EventRecord r = ctx.events().tryClaim(ONSET, onsetFrame);
 * if (r != null) {
 *     r.set(0, strength).commit();
 * }
 * }</pre>
 */
public final class EventWriter {
    private final RingBuffer ring;
    private final EventMode mode;
    private final IdleStrategy backPressureIdle;
    private final AtomicCounter written;
    private final AtomicCounter dropped;
    private final int graphId;
    private final int nodeId;
    private final EventRecord record = new EventRecord();
    private long emitFrame;
    private long captureNs;

    /**
     * @param ring             the graph's event ring
     * @param mode             drop (live) or wait (offline) when full
     * @param backPressureIdle how to wait in offline mode
     * @param written          counter of committed records
     * @param dropped          counter of records dropped because the ring was full
     * @param graphId          id of the graph
     * @param nodeId           id of the node within its graph
     */
    public EventWriter(
        final RingBuffer ring,
        final EventMode mode,
        final IdleStrategy backPressureIdle,
        final AtomicCounter written,
        final AtomicCounter dropped,
        final int graphId,
        final int nodeId) {
        this.ring = ring;
        this.mode = mode;
        this.backPressureIdle = backPressureIdle;
        this.written = written;
        this.dropped = dropped;
        this.graphId = graphId;
        this.nodeId = nodeId;
    }

    /**
     * Sets the emit frame and capture time for records written during the coming block (runtime use).
     *
     * @param emitFrame frame at which events of this block are decided (the block's end)
     * @param captureNs nanoTime of the block's capture
     */
    public void bindBlock(final long emitFrame, final long captureNs) {
        this.emitFrame = emitFrame;
        this.captureNs = captureNs;
    }

    /** @return the emit frame of the current block */
    public long emitFrame() {
        return emitFrame;
    }

    /**
     * Claims room for one record. Every field of the type must be set before {@link EventRecord#commit()}.
     *
     * @param type  the event type
     * @param frame the sample frame the event refers to
     * @return the record flyweight, or null if the ring is full in {@link EventMode#LIVE} (counted)
     */
    public EventRecord tryClaim(final EventType type, final long frame) {
        final int fieldCount = type.fieldCount();
        final int length = EventDescriptor.recordLength(fieldCount);
        int index = ring.tryClaim(type.id(), length);
        if (index < 0) {
            if (mode == EventMode.LIVE) {
                dropped.increment();
                return null;
            }
            backPressureIdle.reset();
            while ((index = ring.tryClaim(type.id(), length)) < 0) {
                backPressureIdle.idle();
            }
        }
        final MutableDirectBuffer buffer = ring.buffer();
        buffer.putLong(index + EventDescriptor.FRAME_OFFSET, frame);
        buffer.putLong(index + EventDescriptor.EMIT_FRAME_OFFSET, emitFrame);
        buffer.putLong(index + EventDescriptor.CAPTURE_NS_OFFSET, captureNs);
        buffer.putInt(index + EventDescriptor.GRAPH_ID_OFFSET, graphId);
        buffer.putInt(index + EventDescriptor.NODE_ID_OFFSET, nodeId);
        buffer.putInt(index + EventDescriptor.FIELD_COUNT_OFFSET, fieldCount);
        return record.wrap(buffer, index, fieldCount);
    }

    /** Flyweight over a claimed record. */
    public final class EventRecord {
        private MutableDirectBuffer buffer;
        private int index;
        private int fieldCount;

        EventRecord wrap(final MutableDirectBuffer buffer, final int index, final int fieldCount) {
            this.buffer = buffer;
            this.index = index;
            this.fieldCount = fieldCount;
            return this;
        }

        /**
         * @param field field index, below the type's field count
         * @param value the value
         * @return this
         */
        public EventRecord set(final int field, final double value) {
            if (field >= 0 && field < fieldCount) {
                buffer.putDouble(index + EventDescriptor.fieldOffset(field), value);
            }
            return this;
        }

        /** Publishes the record to the sink agent. */
        public void commit() {
            ring.commit(index);
            written.increment();
        }

        /** Gives the claimed room back without publishing. */
        public void abort() {
            ring.abort(index);
        }
    }
}
