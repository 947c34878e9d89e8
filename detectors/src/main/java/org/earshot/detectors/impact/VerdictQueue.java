package org.earshot.detectors.impact;

/**
 * Impacts that passed every test of their own and wait, oldest first, for the event decisions' verdict on the same
 * stretch of audio ({@link ImpactNode}: one label per sound). A fixed ring; allocation happens only in the constructor.
 */
final class VerdictQueue {
    private final long[] start;
    private final long[] end;
    private final long[] endFrame;
    private final float[] confidence;
    /** Per waiting impact: its bass stood out of the 3 s before it (a thud, not the next burst of the same sound). */
    private final boolean[] bassNovel;
    /** The waiting impact's onset was unvoiced: a label of {@link ImpactNode#VOICED_LABELS} over it does not take it. */
    private final boolean[] unvoiced;
    private int head;
    private int size;

    /** @param capacity impacts that can wait at once */
    VerdictQueue(final int capacity) {
        start = new long[capacity];
        end = new long[capacity];
        endFrame = new long[capacity];
        confidence = new float[capacity];
        bassNovel = new boolean[capacity];
        unvoiced = new boolean[capacity];
    }

    /** @return whether no impact waits */
    boolean isEmpty() {
        return size == 0;
    }

    /** @return whether no further impact can wait */
    boolean isFull() {
        return size == start.length;
    }

    /**
     * Adds an impact behind the others.
     *
     * @param startFrame      its start, stream frames
     * @param endFrameStream  its end, stream frames
     * @param endStep         the detector's frame count at its end
     * @param conf            its confidence
     * @param novelBass       its bass stood out of the 3 s before it
     * @param unvoicedOnset   its onset was unvoiced
     */
    void add(final long startFrame, final long endFrameStream, final long endStep, final float conf,
        final boolean novelBass, final boolean unvoicedOnset) {
        final int i = (head + size) % start.length;
        start[i] = startFrame;
        end[i] = endFrameStream;
        endFrame[i] = endStep;
        confidence[i] = conf;
        bassNovel[i] = novelBass;
        unvoiced[i] = unvoicedOnset;
        size++;
    }

    /** Removes the oldest impact. */
    void removeOldest() {
        head = (head + 1) % start.length;
        size--;
    }

    /** @return the oldest impact's start, stream frames */
    long oldestStart() {
        return start[head];
    }

    /** @return the oldest impact's end, stream frames */
    long oldestEnd() {
        return end[head];
    }

    /** @return the detector's frame count at the oldest impact's end */
    long oldestEndStep() {
        return endFrame[head];
    }

    /** @return the oldest impact's confidence */
    float oldestConfidence() {
        return confidence[head];
    }

    /** @return whether the oldest impact's bass stood out of the 3 s before it */
    boolean oldestBassNovel() {
        return bassNovel[head];
    }

    /** @return whether the oldest impact's onset was unvoiced */
    boolean oldestUnvoiced() {
        return unvoiced[head];
    }

    /** Forgets every waiting impact. */
    void clear() {
        head = 0;
        size = 0;
    }
}
