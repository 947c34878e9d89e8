package org.earshot.app.config;

import java.util.Locale;

import org.earshot.engine.graph.ThreadingMode;

/**
 * What every command needs to build a preset's graph.
 *
 * @param preset        the graph to build
 * @param sampleRateHz  graph sample rate, {@code --rate}
 * @param blockFrames   frames per block (the STFT hop), {@code --block}
 * @param threadingMode {@code --threading}
 */
public record GraphSettings(Preset preset, int sampleRateHz, int blockFrames, ThreadingMode threadingMode) {
    /** Default graph rate, Hz, for {@code live} and {@code analyze} alike (so their events match). */
    public static final int DEFAULT_RATE_HZ = 48_000;
    /** Default block (hop), frames: 5.3 ms at 48 kHz. */
    public static final int DEFAULT_BLOCK_FRAMES = 256;

    /**
     * @throws ConfigException naming the flag whose value is out of range
     */
    public GraphSettings {
        if (preset == null) {
            throw new ConfigException("--preset: missing");
        }
        Ranges.requireInRange("--rate", sampleRateHz, Ranges.MIN_RATE_HZ, Ranges.MAX_RATE_HZ, "Hz");
        Ranges.requireInRange("--block", blockFrames, Ranges.MIN_BLOCK_FRAMES, Ranges.MAX_BLOCK_FRAMES, "frames");
        if (threadingMode == null) {
            throw new ConfigException("--threading: missing");
        }
    }

    /**
     * Builds settings from flag values; nulls take the defaults.
     *
     * @param preset    {@code --preset} value or null
     * @param rateHz    {@code --rate} value or null
     * @param block     {@code --block} value or null
     * @param threading {@code --threading} value or null
     * @return the settings
     * @throws ConfigException naming the first bad flag
     */
    public static GraphSettings fromFlags(final String preset, final Integer rateHz, final Integer block,
        final String threading) {
        return new GraphSettings(
            preset == null ? Preset.DEFAULT : Preset.parse(preset),
            rateHz == null ? DEFAULT_RATE_HZ : rateHz,
            block == null ? DEFAULT_BLOCK_FRAMES : block,
            parseThreading(threading));
    }

    /**
     * @param text {@code shared} or {@code dedicated}, or null for shared
     * @return the mode
     * @throws ConfigException naming {@code --threading}
     */
    public static ThreadingMode parseThreading(final String text) {
        if (text == null) {
            return ThreadingMode.SHARED;
        }
        for (final ThreadingMode mode : ThreadingMode.values()) {
            if (mode.name().toLowerCase(Locale.ROOT).equals(text.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new ConfigException("--threading: unknown mode '" + text + "' (known: shared, dedicated)");
    }
}
