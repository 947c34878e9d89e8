package org.earshot.app.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The graphs {@code earshot} can run, by the name users type after {@code --preset}. Later issues add
 * {@code performer}, {@code room-monitor} and {@code denoise}; {@link PresetGraphs} builds each one.
 */
public enum Preset {
    /** STFT (2048 points, hop = block) and a level meter: a {@code level} event every 100 ms. */
    METER("meter", "STFT (2048 points, hop = block) + level meter: level events (rms_db, peak_db) every 100 ms"),
    /** STFT, SuperFlux novelty and an online peak picker: {@code onset} events. */
    ONSETS("onsets", "STFT (23 ms Hann, 10 ms hop) -> SuperFlux novelty -> online peak picker: onset events "
        + "(time corrected for the 21.6 ms declared latency)"),
    /** STFT, SuperFlux novelty and the online beat tracker: predicted {@code beat} and {@code tempo} events. */
    BEATS("beats", "STFT (46 ms Hann, 10 ms hop) -> SuperFlux novelty -> online beat tracker: beat events emitted "
        + "ahead of the beat (predicted time, emit time, bpm, bar position, confidence) and tempo events"),
    /** Onsets and beats for live visuals: the {@code onsets} and {@code beats} graphs side by side. */
    PERFORMER("performer", "onsets + beats (the two graphs above side by side) for live visuals: send them with "
        + "--sink osc:HOST:PORT, --sink midi (clock), --sink ws:PORT; --lead-ms emits beats earlier"),
    /** Log-mel front end, event classifier and impact detector: {@code event} alerts per room. */
    ROOM_MONITOR("room-monitor", "log-mel (64 bands at 16 kHz) -> event classifier (1 s context) + impact detector: "
        + "event alerts (label, start, end, confidence)"),
    /** Denoiser (20 ms latency) with its audio played on {@code --output DEVICE}. */
    DENOISE("denoise", "denoiser (SPP noise tracking, OM-LSA gain, 20 ms latency) -> audio out to --output DEVICE");

    /** The preset used when {@code --preset} is not given. */
    public static final Preset DEFAULT = METER;

    private final String cliName;
    private final String summary;

    Preset(final String cliName, final String summary) {
        this.cliName = cliName;
        this.summary = summary;
    }

    /** @return the name typed after {@code --preset} */
    public String cliName() {
        return cliName;
    }

    /** @return a one-line description for help and README */
    public String summary() {
        return summary;
    }

    /**
     * @param text what the user typed
     * @return the preset
     * @throws ConfigException naming {@code --preset} and the known names if there is none by that name
     */
    public static Preset parse(final String text) {
        final String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (final Preset p : values()) {
            if (p.cliName.equals(wanted)) {
                return p;
            }
        }
        throw new ConfigException("--preset: unknown preset '" + text + "' (known: " + names() + ")");
    }

    /** @return the known names, comma-separated */
    public static String names() {
        return Arrays.stream(values()).map(Preset::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
