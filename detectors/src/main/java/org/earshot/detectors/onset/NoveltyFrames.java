package org.earshot.detectors.onset;

import java.util.Objects;

/**
 * Port value of a {@link NoveltyNode}: one novelty value per STFT frame completed in the block, 0 to
 * {@link #capacity()}, in order. Each carries the STFT frame's index, its time stamp (the frame's centre, in
 * absolute sample frames), the novelty value and the frame's signal level. One instance per ring slot,
 * allocated when the graph is built.
 *
 * <p>Frames without enough history for a difference (the first {@code mu} frames after the stream starts or
 * breaks) have no novelty and are not listed, so a reader sees consecutive frame indices except across a
 * stream break. Only the declaring node calls {@link #clear()} and {@link #add}.
 */
public final class NoveltyFrames {
    private final long[] frameIndex;
    private final long[] timeFrame;
    private final float[] value;
    private final float[] levelDb;
    private int count;

    /**
     * @param capacity most frames per block, 1 or more
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public NoveltyFrames(final int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.frameIndex = new long[capacity];
        this.timeFrame = new long[capacity];
        this.value = new float[capacity];
        this.levelDb = new float[capacity];
    }

    /** Writer: empties the list (start of every block). */
    public void clear() {
        count = 0;
    }

    /**
     * Writer: appends one frame's novelty.
     *
     * @param index   STFT frame index
     * @param time    absolute sample frame of the STFT frame's centre
     * @param novelty novelty value, 0 or more
     * @param level   the frame's level in dBFS
     * @return false, adding nothing, if the list is full
     */
    public boolean add(final long index, final long time, final float novelty, final float level) {
        if (count == frameIndex.length) {
            return false;
        }
        frameIndex[count] = index;
        timeFrame[count] = time;
        value[count] = novelty;
        levelDb[count] = level;
        count++;
        return true;
    }

    /** @return novelty frames in this block */
    public int count() {
        return count;
    }

    /** @return most frames one block can hold */
    public int capacity() {
        return frameIndex.length;
    }

    /**
     * @param i frame in this block, {@code 0 <= i < count()}
     * @return the STFT frame index
     */
    public long frameIndex(final int i) {
        return frameIndex[Objects.checkIndex(i, count)];
    }

    /**
     * @param i frame in this block, {@code 0 <= i < count()}
     * @return absolute sample frame of the STFT frame's centre: the novelty value's time stamp
     */
    public long timeFrame(final int i) {
        return timeFrame[Objects.checkIndex(i, count)];
    }

    /**
     * @param i frame in this block, {@code 0 <= i < count()}
     * @return the novelty value, 0 or more
     */
    public float value(final int i) {
        return value[Objects.checkIndex(i, count)];
    }

    /**
     * @param i frame in this block, {@code 0 <= i < count()}
     * @return the frame's mean-square level in dBFS (a full-scale sine reads -3 dB), floored at
     *     {@link NoveltyNode#LEVEL_FLOOR_DB}
     */
    public float levelDb(final int i) {
        return levelDb[Objects.checkIndex(i, count)];
    }
}
