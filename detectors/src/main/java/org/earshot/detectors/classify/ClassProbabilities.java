package org.earshot.detectors.classify;

/**
 * Port value of a {@link ClassifierNode}: for every log-mel frame completed in the block, the class
 * probabilities over the context that ends at that frame.
 */
public final class ClassProbabilities {
    private final float[][] probs;
    private final long[] centreFrame;
    private int count;

    /**
     * @param capacity most frames per block
     * @param classes  number of classes
     */
    public ClassProbabilities(final int capacity, final int classes) {
        this.probs = new float[capacity][classes];
        this.centreFrame = new long[capacity];
    }

    /** @return frames classified this block */
    public int count() {
        return count;
    }

    /**
     * @param i frame index, below {@link #count()}
     * @return class probabilities (read-only), in model class order
     */
    public float[] probs(final int i) {
        return probs[i];
    }

    /**
     * @param i frame index
     * @return graph frame of the newest frame of the context
     */
    public long centreFrame(final int i) {
        return centreFrame[i];
    }

    float[] next(final long centre) {
        centreFrame[count] = centre;
        return probs[count++];
    }

    void clear() {
        count = 0;
    }
}
