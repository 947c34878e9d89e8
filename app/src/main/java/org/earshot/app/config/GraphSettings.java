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
 * @param rateFixed     true if {@code --rate} or the preset fixed the rate; false if a file may run at its own
 *                      rate ({@link #atInputRate})
 * @param options       the options only some presets read
 */
public record GraphSettings(Preset preset, int sampleRateHz, int blockFrames, ThreadingMode threadingMode,
    boolean rateFixed, PresetOptions options) {
    /**
     * Default graph rate, Hz, for capture devices; a file runs at its own rate unless {@code --rate} (or the
     * preset) fixes one, in {@code live} and {@code analyze} alike, so that their events match.
     */
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
        if (options == null) {
            throw new ConfigException("preset options: missing");
        }
    }

    /**
     * Settings whose rate is fixed (given by a flag or the preset).
     *
     * @param preset        the preset
     * @param sampleRateHz  graph sample rate
     * @param blockFrames   frames per block
     * @param threadingMode threading
     */
    public GraphSettings(final Preset preset, final int sampleRateHz, final int blockFrames,
        final ThreadingMode threadingMode) {
        this(preset, sampleRateHz, blockFrames, threadingMode, true, PresetOptions.defaults());
    }

    /**
     * @param presetOptions the options only some presets read
     * @return a copy with them
     */
    public GraphSettings withOptions(final PresetOptions presetOptions) {
        return new GraphSettings(preset, sampleRateHz, blockFrames, threadingMode, rateFixed, presetOptions);
    }

    /**
     * @param inputRateHz a file's own sample rate
     * @return these settings at the file's rate, unless the rate is fixed or the file's rate is outside the
     *     graph's range (then the file is resampled to {@link #sampleRateHz})
     */
    public GraphSettings atInputRate(final int inputRateHz) {
        if (rateFixed || inputRateHz < Ranges.MIN_RATE_HZ || inputRateHz > Ranges.MAX_RATE_HZ) {
            return this;
        }
        return new GraphSettings(preset, inputRateHz, blockFrames, threadingMode, false, options);
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
            parseThreading(threading),
            rateHz != null,
            PresetOptions.defaults());
    }

    /**
     * @param text {@code shared}, {@code dedicated} or {@code inline}, or null for shared
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
        throw new ConfigException("--threading: unknown mode '" + text + "' (known: shared, dedicated, inline)");
    }
}
