package org.earshot.engine;

/**
 * What a node sees of one block. The runtime re-binds one instance per graph thread for every node and
 * block; a node must not keep a reference to it or to a port value beyond {@link AudioNode#process}.
 */
public final class BlockContext {
    private float[] input;
    private int frames;
    private long blockStartFrame;
    private long captureNs;
    private Object[] ports;
    private EventWriter events;
    private final int sampleRateHz;

    /**
     * @param sampleRateHz graph sample rate in Hz
     */
    public BlockContext(final int sampleRateHz) {
        this.sampleRateHz = sampleRateHz;
    }

    /**
     * Binds the block (runtime use).
     *
     * @param input           mono samples, at least {@code frames} long
     * @param frames          frames in the block, 0 or more
     * @param blockStartFrame absolute frame index of {@code input[0]}
     * @param captureNs       {@code System.nanoTime()} when the block was captured or read
     * @param ports           per-slot port values
     * @return this
     */
    public BlockContext bindBlock(
        final float[] input, final int frames, final long blockStartFrame, final long captureNs, final Object[] ports) {
        this.input = input;
        this.frames = frames;
        this.blockStartFrame = blockStartFrame;
        this.captureNs = captureNs;
        this.ports = ports;
        return this;
    }

    /**
     * Binds the event writer of the node about to run (runtime use).
     *
     * @param writer the node's writer
     * @return this
     */
    public BlockContext bindEvents(final EventWriter writer) {
        this.events = writer;
        return this;
    }

    /** @return mono input samples; valid indices are {@code [0, frames())} */
    public float[] input() {
        return input;
    }

    /** @return number of frames in this block, possibly 0 */
    public int frames() {
        return frames;
    }

    /** @return absolute frame index of the first sample of this block */
    public long blockStartFrame() {
        return blockStartFrame;
    }

    /** @return {@code System.nanoTime()} stamped when the block was captured */
    public long captureNs() {
        return captureNs;
    }

    /** @return graph sample rate in Hz */
    public int sampleRateHz() {
        return sampleRateHz;
    }

    /**
     * @param port a port declared by this node or an upstream node
     * @param <T>  holder type
     * @return the port's holder for this block
     */
    @SuppressWarnings("unchecked")
    public <T> T get(final Port<T> port) {
        return (T)ports[port.id()];
    }

    /** @return the running node's event writer */
    public EventWriter events() {
        return events;
    }
}
