package org.earshot.app.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What {@code earshot analyze --detect D} asks for, and the preset whose graph detects it.
 */
public enum Detection {
    /** Onsets: the {@code onsets} preset. */
    ONSETS("onsets", Preset.ONSETS),
    /** Beats and tempo: the {@code beats} preset. */
    BEATS("beats", Preset.BEATS),
    /** Room sound events: the {@code room-monitor} preset. */
    EVENTS("events", Preset.ROOM_MONITOR);

    private final String cliName;
    private final Preset preset;

    Detection(final String cliName, final Preset preset) {
        this.cliName = cliName;
        this.preset = preset;
    }

    /** @return the name typed after {@code --detect} */
    public String cliName() {
        return cliName;
    }

    /** @return the preset that detects it */
    public Preset preset() {
        return preset;
    }

    /**
     * @param text what the user typed
     * @return the detection
     * @throws ConfigException naming {@code --detect} and the known names
     */
    public static Detection parse(final String text) {
        final String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (final Detection d : values()) {
            if (d.cliName.equals(wanted)) {
                return d;
            }
        }
        throw new ConfigException("--detect: unknown detection '" + text + "' (known: " + names() + ")");
    }

    /** @return the known names, comma-separated */
    public static String names() {
        return Arrays.stream(values()).map(Detection::cliName).collect(Collectors.joining(", "));
    }
}
