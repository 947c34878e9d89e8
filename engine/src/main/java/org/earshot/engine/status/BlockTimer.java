package org.earshot.engine.status;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.status.AtomicCounter;

/**
 * Times blocks of one node or one graph (after Aeron's {@code DutyCycleStallTracker}): each duration is
 * clamped into a fixed-range, single-writer HdrHistogram recorder (no resizing, so no allocation on the
 * audio thread), raises a max counter, and counts durations over the budget. Written by exactly one
 * thread; {@link #intervalHistogram} is called by the status reporter.
 */
public final class BlockTimer {
    /** Highest trackable block time: 10 s. */
    public static final long HIGHEST_TRACKABLE_NS = 10_000_000_000L;
    /** Significant digits kept by the recorders. */
    public static final int SIGNIFICANT_DIGITS = 3;

    private final String name;
    private final SingleWriterRecorder recorder = new SingleWriterRecorder(1, HIGHEST_TRACKABLE_NS, SIGNIFICANT_DIGITS);
    private final long budgetNs;
    private final AtomicCounter overBudget;
    private final AtomicCounter maxNs;

    /**
     * @param name       what is timed, e.g. {@code main/stft} or {@code main}
     * @param budgetNs   budget per block in ns; durations above it are counted
     * @param overBudget counter of blocks over budget, or null not to count
     * @param maxNs      counter raised to the longest duration
     */
    public BlockTimer(final String name, final long budgetNs, final AtomicCounter overBudget, final AtomicCounter maxNs) {
        this.name = name;
        this.budgetNs = budgetNs;
        this.overBudget = overBudget;
        this.maxNs = maxNs;
    }

    /**
     * Records one block's duration (audio thread).
     *
     * @param durationNs measured duration
     */
    public void record(final long durationNs) {
        final long clamped = durationNs < 1 ? 1 : Math.min(durationNs, HIGHEST_TRACKABLE_NS);
        recorder.recordValue(clamped);
        maxNs.proposeMaxRelease(clamped);
        if (clamped > budgetNs && overBudget != null) {
            overBudget.incrementRelease();
        }
    }

    /**
     * Takes the histogram of the interval since the last call (reporter thread).
     *
     * @param recycle the histogram returned by the previous call, or null
     * @return the interval histogram
     */
    public Histogram intervalHistogram(final Histogram recycle) {
        return recorder.getIntervalHistogram(recycle);
    }

    /** @return the name of what is timed */
    public String name() {
        return name;
    }

    /** @return the budget in ns */
    public long budgetNs() {
        return budgetNs;
    }
}
