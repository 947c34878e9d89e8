package org.earshot.io.source;

import org.earshot.io.ChannelSelection;

/**
 * How a {@link FileSource} reads a file.
 *
 * @param graphRateHz rate the graph runs at, in Hz, {@value #MIN_RATE_HZ} to {@value #MAX_RATE_HZ}: the file
 *                    is resampled to it
 * @param channels    the channel to keep, or downmix
 * @param pacing      real time (simulated live input) or as fast as possible
 * @param loop        start again at the end of the file instead of ending (for demos)
 */
public record FileSourceOptions(int graphRateHz, ChannelSelection channels, Pacing pacing, boolean loop) {
    /** Lowest graph rate accepted, in Hz. */
    public static final int MIN_RATE_HZ = 8_000;
    /** Highest graph rate accepted, in Hz. */
    public static final int MAX_RATE_HZ = 192_000;

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its range and the value received
     */
    public FileSourceOptions {
        if (graphRateHz < MIN_RATE_HZ || graphRateHz > MAX_RATE_HZ) {
            throw new IllegalArgumentException("graphRateHz must be in [" + MIN_RATE_HZ + ", " + MAX_RATE_HZ
                + "], got " + graphRateHz);
        }
        if (channels == null) {
            throw new IllegalArgumentException("channels must not be null");
        }
        if (pacing == null) {
            throw new IllegalArgumentException("pacing must not be null");
        }
    }

    /**
     * Offline reading: downmix, as fast as possible, no loop.
     *
     * @param graphRateHz graph rate in Hz
     * @return the options
     */
    public static FileSourceOptions offline(final int graphRateHz) {
        return new FileSourceOptions(graphRateHz, ChannelSelection.DOWNMIX, Pacing.AS_FAST_AS_POSSIBLE, false);
    }

    /**
     * @param selection the channel to keep, or downmix
     * @return a copy with that selection
     */
    public FileSourceOptions withChannels(final ChannelSelection selection) {
        return new FileSourceOptions(graphRateHz, selection, pacing, loop);
    }

    /**
     * @param newPacing the pacing
     * @return a copy with that pacing
     */
    public FileSourceOptions withPacing(final Pacing newPacing) {
        return new FileSourceOptions(graphRateHz, channels, newPacing, loop);
    }

    /**
     * @param newLoop whether to loop
     * @return a copy with that setting
     */
    public FileSourceOptions withLoop(final boolean newLoop) {
        return new FileSourceOptions(graphRateHz, channels, pacing, newLoop);
    }
}
