package org.earshot.io.source;

import org.earshot.io.ChannelSelection;

/**
 * How a {@link CaptureSource} opens a device.
 *
 * @param device       part of the capture device's name (case-insensitive); null, empty or "default" for
 *                     Java Sound's default capture line
 * @param graphRateHz  rate the graph runs at, in Hz, {@value #MIN_RATE_HZ} to {@value #MAX_RATE_HZ}; captured at
 *                     that rate if the device offers it, else at 48000 or 44100 Hz and resampled
 * @param channels     the channel to keep, or downmix
 * @param blockFrames  frames per graph block, {@value #MIN_BLOCK_FRAMES} to {@value #MAX_BLOCK_FRAMES}
 * @param bufferBlocks device buffer to request, in blocks, {@value #MIN_BUFFER_BLOCKS} to
 *                     {@value #MAX_BUFFER_BLOCKS}
 */
public record CaptureSourceOptions(
    String device, int graphRateHz, ChannelSelection channels, int blockFrames, int bufferBlocks) {
    /** Lowest graph rate accepted, in Hz. */
    public static final int MIN_RATE_HZ = 8_000;
    /** Highest graph rate accepted, in Hz. */
    public static final int MAX_RATE_HZ = 192_000;
    /** Smallest block accepted. */
    public static final int MIN_BLOCK_FRAMES = 16;
    /** Largest block accepted. */
    public static final int MAX_BLOCK_FRAMES = 65_536;
    /** Smallest device buffer accepted, in blocks. */
    public static final int MIN_BUFFER_BLOCKS = 2;
    /** Largest device buffer accepted, in blocks. */
    public static final int MAX_BUFFER_BLOCKS = 64;
    /** Device buffer requested by default, in blocks. */
    public static final int DEFAULT_BUFFER_BLOCKS = 4;

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its range and the value received
     */
    public CaptureSourceOptions {
        if (graphRateHz < MIN_RATE_HZ || graphRateHz > MAX_RATE_HZ) {
            throw new IllegalArgumentException("graphRateHz must be in [" + MIN_RATE_HZ + ", " + MAX_RATE_HZ
                + "], got " + graphRateHz);
        }
        if (channels == null) {
            throw new IllegalArgumentException("channels must not be null");
        }
        if (blockFrames < MIN_BLOCK_FRAMES || blockFrames > MAX_BLOCK_FRAMES) {
            throw new IllegalArgumentException("blockFrames must be in [" + MIN_BLOCK_FRAMES + ", " + MAX_BLOCK_FRAMES
                + "], got " + blockFrames);
        }
        if (bufferBlocks < MIN_BUFFER_BLOCKS || bufferBlocks > MAX_BUFFER_BLOCKS) {
            throw new IllegalArgumentException("bufferBlocks must be in [" + MIN_BUFFER_BLOCKS + ", "
                + MAX_BUFFER_BLOCKS + "], got " + bufferBlocks);
        }
    }

    /**
     * Downmix, {@value #DEFAULT_BUFFER_BLOCKS} blocks of buffer.
     *
     * @param device      device name part, or null for the default device
     * @param graphRateHz graph rate in Hz
     * @param blockFrames frames per graph block
     * @return the options
     */
    public static CaptureSourceOptions of(final String device, final int graphRateHz, final int blockFrames) {
        return new CaptureSourceOptions(device, graphRateHz, ChannelSelection.DOWNMIX, blockFrames,
            DEFAULT_BUFFER_BLOCKS);
    }
}
