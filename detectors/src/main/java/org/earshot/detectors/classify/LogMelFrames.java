package org.earshot.detectors.classify;

/**
 * Port value of a {@link LogMelNode}: the log-mel frames completed during one block (0 or more), each
 * with its total energy and the graph frame of its centre.
 */
public final class LogMelFrames {
    private final float[][] bands;
    private final float[] energyDb;
    private final float[] voicing;
    private final long[] centreFrame;
    private int count;

    /**
     * @param capacity most frames per block
     * @param bands    bands per frame
     */
    public LogMelFrames(final int capacity, final int bands) {
        this.bands = new float[capacity][bands];
        this.energyDb = new float[capacity];
        this.voicing = new float[capacity];
        this.centreFrame = new long[capacity];
    }

    /** @return frames completed this block */
    public int count() {
        return count;
    }

    /**
     * @param i frame index, below {@link #count()}
     * @return band values in dB (read-only)
     */
    public float[] bands(final int i) {
        return bands[i];
    }

    /**
     * @param i frame index
     * @return total energy in dB
     */
    public float energyDb(final int i) {
        return energyDb[i];
    }

    /**
     * @param i frame index
     * @return how voiced the frame is, 0 to 1 ({@link org.earshot.dsp.stft.Voicing})
     */
    public float voicing(final int i) {
        return voicing[i];
    }

    /**
     * @param i frame index
     * @return graph frame of the centre of the analysis window
     */
    public long centreFrame(final int i) {
        return centreFrame[i];
    }

    void clear() {
        count = 0;
    }

    void add(final float[] frame, final float energy, final float voiced, final long centre) {
        System.arraycopy(frame, 0, bands[count], 0, frame.length);
        energyDb[count] = energy;
        voicing[count] = voiced;
        centreFrame[count] = centre;
        count++;
    }
}
