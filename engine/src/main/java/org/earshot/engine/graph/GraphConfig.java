package org.earshot.engine.graph;

import org.earshot.engine.EventMode;
import org.earshot.engine.ProcessSpec;

/**
 * Settings of one graph, validated once.
 *
 * @param name           graph name (room, channel), used in counters and events
 * @param sampleRateHz   graph sample rate in Hz
 * @param blockFrames    frames per block published by the source (the hop of the frame ring)
 * @param maxBlockFrames largest block nodes are prepared for, at least {@code blockFrames}
 * @param ringSlots      frame-ring slots, a power of two from 2 to 65,536
 * @param threadingMode  shared or dedicated threads
 * @param eventMode      drop (live) or back-pressure (offline) when the event ring is full
 * @param budgetFraction block budget as a fraction of the block period, in (0, 1]
 */
public record GraphConfig(
    String name,
    int sampleRateHz,
    int blockFrames,
    int maxBlockFrames,
    int ringSlots,
    ThreadingMode threadingMode,
    EventMode eventMode,
    double budgetFraction) {

    /** Default block budget: half the block period. */
    public static final double DEFAULT_BUDGET_FRACTION = 0.5;
    /** Default number of frame-ring slots. */
    public static final int DEFAULT_RING_SLOTS = 256;

    /**
     * @throws IllegalArgumentException naming the bad field, its range and the value
     */
    public GraphConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        new ProcessSpec(sampleRateHz, maxBlockFrames);
        if (blockFrames < 1 || blockFrames > maxBlockFrames) {
            throw new IllegalArgumentException("blockFrames must be in [1, maxBlockFrames=" + maxBlockFrames
                + "], got " + blockFrames);
        }
        if (ringSlots < 2 || ringSlots > 65_536 || Integer.bitCount(ringSlots) != 1) {
            throw new IllegalArgumentException("ringSlots must be a power of two in [2, 65536], got " + ringSlots);
        }
        if (threadingMode == null) {
            throw new IllegalArgumentException("threadingMode must not be null");
        }
        if (eventMode == null) {
            throw new IllegalArgumentException("eventMode must not be null");
        }
        if (threadingMode == ThreadingMode.INLINE && eventMode != EventMode.OFFLINE) {
            throw new IllegalArgumentException("INLINE threading runs offline graphs only (event mode " + eventMode
                + ")");
        }
        if (!(budgetFraction > 0.0 && budgetFraction <= 1.0)) {
            throw new IllegalArgumentException("budgetFraction must be in (0, 1], got " + budgetFraction);
        }
    }

    /**
     * A configuration with the defaults: shared thread, 256 slots, budget 50% of the block period.
     *
     * @param name         graph name
     * @param sampleRateHz sample rate in Hz
     * @param blockFrames  block (hop) size in frames
     * @param eventMode    live or offline
     * @return the configuration
     */
    public static GraphConfig of(final String name, final int sampleRateHz, final int blockFrames, final EventMode eventMode) {
        return new GraphConfig(name, sampleRateHz, blockFrames, blockFrames, DEFAULT_RING_SLOTS, ThreadingMode.SHARED,
            eventMode, DEFAULT_BUDGET_FRACTION);
    }

    /** @return the spec nodes are prepared with */
    public ProcessSpec processSpec() {
        return new ProcessSpec(sampleRateHz, maxBlockFrames);
    }

    /** @return the period of one block in ns */
    public long blockPeriodNs() {
        return blockFrames * 1_000_000_000L / sampleRateHz;
    }

    /** @return the block budget in ns */
    public long budgetNs() {
        return (long)(blockPeriodNs() * budgetFraction);
    }

    /**
     * @param mode threading mode
     * @return a copy with that mode
     */
    public GraphConfig withThreadingMode(final ThreadingMode mode) {
        return new GraphConfig(name, sampleRateHz, blockFrames, maxBlockFrames, ringSlots, mode, eventMode, budgetFraction);
    }

    /**
     * @param frames largest block
     * @return a copy with that maximum block size
     */
    public GraphConfig withMaxBlockFrames(final int frames) {
        return new GraphConfig(name, sampleRateHz, blockFrames, frames, ringSlots, threadingMode, eventMode, budgetFraction);
    }

    /**
     * @param slots frame-ring slots
     * @return a copy with that ring size
     */
    public GraphConfig withRingSlots(final int slots) {
        return new GraphConfig(name, sampleRateHz, blockFrames, maxBlockFrames, slots, threadingMode, eventMode, budgetFraction);
    }

    /**
     * @param fraction budget fraction of the block period
     * @return a copy with that budget
     */
    public GraphConfig withBudgetFraction(final double fraction) {
        return new GraphConfig(name, sampleRateHz, blockFrames, maxBlockFrames, ringSlots, threadingMode, eventMode, fraction);
    }
}
