package org.earshot.engine.runtime;

/**
 * One pre-allocated slot of the frame ring: a block of mono samples, its position in the stream, its
 * capture time, flags, and the per-slot values of every node port.
 */
public final class FrameSlot {
    /** The stream broke before this block (capture gap): nodes are reset before processing it. */
    public static final int FLAG_STREAM_BREAK = 1;
    /** The stream ended: this slot holds no frames and is the last one. */
    public static final int FLAG_END_OF_STREAM = 2;

    final float[] samples;
    final Object[] ports;
    int frames;
    long startFrame;
    long captureNs;
    long publishNs;
    int flags;

    FrameSlot(final int maxFrames, final Object[] ports) {
        this.samples = new float[maxFrames];
        this.ports = ports;
    }

    /** @return frames in this block */
    public int frames() {
        return frames;
    }

    /** @return absolute frame index of the first sample */
    public long startFrame() {
        return startFrame;
    }

    /** @return flags, see the {@code FLAG_*} constants */
    public int flags() {
        return flags;
    }
}
