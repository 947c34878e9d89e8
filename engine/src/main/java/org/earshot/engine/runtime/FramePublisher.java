package org.earshot.engine.runtime;

import com.lmax.disruptor.RingBuffer;

import org.agrona.concurrent.Agent;

/**
 * The single producer side of a graph's frame ring: copies a block into the next slot and publishes it.
 * Used by exactly one thread (the source pump, or a test stepping blocks by hand). For an
 * {@link org.earshot.engine.graph.ThreadingMode#INLINE} graph, publishing also runs the graph over the block on
 * the calling thread before it returns.
 */
public final class FramePublisher {
    private final RingBuffer<FrameSlot> ring;
    private final int maxFrames;
    private final Agent inlineGraph;

    FramePublisher(final RingBuffer<FrameSlot> ring, final Agent inlineGraph) {
        this.ring = ring;
        this.maxFrames = ring.get(0).samples.length;
        this.inlineGraph = inlineGraph;
    }

    /**
     * Publishes a block if a slot is free, never waiting (live input).
     *
     * @param samples    mono samples
     * @param offset     first sample
     * @param frames     number of frames, 0 to the graph's maximum block
     * @param startFrame absolute frame of the first sample
     * @param captureNs  nanoTime of capture
     * @param flags      {@link FrameSlot} flags
     * @return false if the ring was full (the caller counts an overrun)
     */
    public boolean tryPublish(
        final float[] samples, final int offset, final int frames, final long startFrame, final long captureNs,
        final int flags) {
        if (!ring.hasAvailableCapacity(1)) {
            return false;
        }
        publish(samples, offset, frames, startFrame, captureNs, flags);
        return true;
    }

    /**
     * Publishes a block, waiting for a free slot if needed (offline back-pressure).
     *
     * @param samples    mono samples
     * @param offset     first sample
     * @param frames     number of frames, 0 to the graph's maximum block
     * @param startFrame absolute frame of the first sample
     * @param captureNs  nanoTime of capture
     * @param flags      {@link FrameSlot} flags
     */
    public void publish(
        final float[] samples, final int offset, final int frames, final long startFrame, final long captureNs,
        final int flags) {
        if (frames < 0 || frames > maxFrames) {
            throw new IllegalArgumentException("frames must be in [0, " + maxFrames + "], got " + frames);
        }
        final long sequence = ring.next();
        try {
            final FrameSlot slot = ring.get(sequence);
            System.arraycopy(samples, offset, slot.samples, 0, frames);
            slot.frames = frames;
            slot.startFrame = startFrame;
            slot.captureNs = captureNs;
            slot.flags = flags;
            slot.publishNs = System.nanoTime();
        } finally {
            ring.publish(sequence);
        }
        if (inlineGraph != null) {
            runInline();
        }
    }

    private void runInline() {
        try {
            while (inlineGraph.doWork() > 0) {
                // the graph processes what was just published, on this thread
            }
        } catch (final RuntimeException | Error ex) {
            throw ex;
        } catch (final Exception ex) {
            throw new IllegalStateException("inline graph failed", ex);
        }
    }

    /** @return largest block a slot holds */
    public int maxFrames() {
        return maxFrames;
    }
}
