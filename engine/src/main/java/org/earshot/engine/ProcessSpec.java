package org.earshot.engine;

/**
 * What a node is prepared for: the graph's sample rate and the largest block it will ever be handed.
 *
 * @param sampleRateHz graph sample rate in Hz, 8,000 to 192,000
 * @param maxFrames    largest number of frames in one block, 1 to 65,536
 */
public record ProcessSpec(int sampleRateHz, int maxFrames) {
    /** Lowest graph rate accepted. */
    public static final int MIN_SAMPLE_RATE_HZ = 8_000;
    /** Highest graph rate accepted. */
    public static final int MAX_SAMPLE_RATE_HZ = 192_000;
    /** Largest block accepted. */
    public static final int MAX_BLOCK_FRAMES = 65_536;

    /**
     * Validates both fields.
     *
     * @throws IllegalArgumentException naming the field, its range and the value received
     */
    public ProcessSpec {
        if (sampleRateHz < MIN_SAMPLE_RATE_HZ || sampleRateHz > MAX_SAMPLE_RATE_HZ) {
            throw new IllegalArgumentException("sampleRateHz must be in [" + MIN_SAMPLE_RATE_HZ + ", "
                + MAX_SAMPLE_RATE_HZ + "], got " + sampleRateHz);
        }
        if (maxFrames < 1 || maxFrames > MAX_BLOCK_FRAMES) {
            throw new IllegalArgumentException("maxFrames must be in [1, " + MAX_BLOCK_FRAMES + "], got " + maxFrames);
        }
    }

    /**
     * Converts a duration in frames to nanoseconds at this rate.
     *
     * @param frames number of frames
     * @return the duration in ns
     */
    public long framesToNs(final long frames) {
        return frames * 1_000_000_000L / sampleRateHz;
    }
}
