package org.earshot.engine;

/**
 * A port holder for an audio stream produced by a node (denoised voice, a separated source): up to
 * {@code capacity} mono samples written in the current block, and the absolute frame of the first one
 * in the node's output timeline (input frame minus the node's latency).
 */
public final class AudioBlock {
    private final float[] samples;
    private int frames;
    private long startFrame;

    /**
     * @param capacity most frames one block holds (the graph's maximum block)
     */
    public AudioBlock(final int capacity) {
        this.samples = new float[capacity];
    }

    /** @return the sample array; valid indices are {@code [0, frames())} */
    public float[] samples() {
        return samples;
    }

    /** @return frames written this block */
    public int frames() {
        return frames;
    }

    /** @return output-timeline frame of {@code samples()[0]} */
    public long startFrame() {
        return startFrame;
    }

    /**
     * Marks how much the producing node wrote this block.
     *
     * @param frames     frames written
     * @param startFrame output-timeline frame of the first
     */
    public void set(final int frames, final long startFrame) {
        this.frames = frames;
        this.startFrame = startFrame;
    }
}
