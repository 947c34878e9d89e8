package org.earshot.bench.accuracy;

import org.earshot.engine.runtime.AudioSource;

/**
 * Samples already in memory (a decoded file, a generated signal), read as fast as the graph takes them: the offline
 * source of every accuracy command.
 */
final class MemorySource implements AudioSource {
    private final float[] samples;
    private final int rateHz;
    private int position;

    /**
     * @param samples mono samples, not copied
     * @param rateHz  their rate
     */
    MemorySource(final float[] samples, final int rateHz) {
        this.samples = samples;
        this.rateHz = rateHz;
    }

    @Override
    public int sampleRateHz() {
        return rateHz;
    }

    @Override
    public boolean live() {
        return false;
    }

    @Override
    public int read(final float[] dst, final int offset, final int maxFrames) {
        if (position >= samples.length) {
            return END_OF_STREAM;
        }
        final int n = Math.min(maxFrames, samples.length - position);
        System.arraycopy(samples, position, dst, offset, n);
        position += n;
        return n;
    }

    @Override
    public String describe() {
        return "memory";
    }
}
