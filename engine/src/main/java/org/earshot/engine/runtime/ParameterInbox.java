package org.earshot.engine.runtime;

import java.nio.ByteBuffer;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.earshot.engine.AudioNode;

/**
 * The command queue of one node: other threads post parameter changes without locks, the audio thread
 * drains at most {@link #DRAIN_LIMIT} at the start of the node's next block (after Aeron's command
 * proxies). A full inbox refuses the change and the caller is told.
 */
public final class ParameterInbox implements MessageHandler {
    /** Most changes applied per block. */
    public static final int DRAIN_LIMIT = 16;
    private static final int MSG_TYPE = 1;
    private static final int LENGTH = Integer.BYTES + Double.BYTES;

    private final ManyToOneRingBuffer ring = new ManyToOneRingBuffer(new UnsafeBuffer(
        ByteBuffer.allocateDirect(4096 + RingBufferDescriptor.TRAILER_LENGTH)));
    private AudioNode target;

    /**
     * Posts a change from any thread.
     *
     * @param parameterId the node's parameter id
     * @param value       new value
     * @return false if the inbox is full
     */
    public boolean offer(final int parameterId, final double value) {
        final int index = ring.tryClaim(MSG_TYPE, LENGTH);
        if (index < 0) {
            return false;
        }
        ring.buffer().putInt(index, parameterId);
        ring.buffer().putDouble(index + Integer.BYTES, value);
        ring.commit(index);
        return true;
    }

    /**
     * Applies pending changes to the node (audio thread).
     *
     * @param node the node
     * @return changes applied
     */
    int drainTo(final AudioNode node) {
        target = node;
        return ring.read(this, DRAIN_LIMIT);
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length) {
        target.onParameter(buffer.getInt(index), buffer.getDouble(index + Integer.BYTES));
    }
}
