package org.earshot.detectors.classify;

/**
 * The last {@code contextFrames} log-mel frames and their energies, in a ring. Allocation happens only
 * in the constructor.
 */
public final class ContextWindow {
    private final int capacity;
    private final int bands;
    private final float[][] frames;
    private final float[] energyDb;
    private int newest = -1;
    private int filled;

    /**
     * @param settings front-end settings (bands, context length)
     */
    public ContextWindow(final FeatureSettings settings) {
        this.capacity = settings.contextFrames();
        this.bands = settings.bands();
        this.frames = new float[capacity][bands];
        this.energyDb = new float[capacity];
    }

    /**
     * Appends a frame, dropping the oldest when full.
     *
     * @param frame  band values in dB
     * @param energy total energy in dB
     */
    public void push(final float[] frame, final float energy) {
        newest = newest + 1 == capacity ? 0 : newest + 1;
        System.arraycopy(frame, 0, frames[newest], 0, bands);
        energyDb[newest] = energy;
        if (filled < capacity) {
            filled++;
        }
    }

    /** Empties the window. */
    public void clear() {
        newest = -1;
        filled = 0;
    }

    /** @return frames held, 0 to the capacity */
    public int filled() {
        return filled;
    }

    /** @return the capacity in frames */
    public int capacity() {
        return capacity;
    }

    /** @return bands per frame */
    public int bands() {
        return bands;
    }

    /**
     * @param age 0 for the newest frame, up to {@code filled() - 1}
     * @return that frame's band values
     */
    public float[] frame(final int age) {
        return frames[index(age)];
    }

    /**
     * @param age 0 for the newest frame
     * @return that frame's energy in dB
     */
    public float energyDb(final int age) {
        return energyDb[index(age)];
    }

    private int index(final int age) {
        final int i = newest - age;
        return i < 0 ? i + capacity : i;
    }
}
