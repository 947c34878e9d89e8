package org.earshot.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code --sink midi[:DEVICE|FILE.mid][,note]}: MIDI clock following the beat tracker, to Java Sound's default MIDI
 * output, to the output device whose name contains DEVICE, or recorded into a Standard MIDI File; {@code ,note} adds
 * a note on each beat.
 *
 * @param device device name (part of it), or null for the default; unused when {@code file} is set
 * @param file   MIDI file to write, or null
 * @param note   also send a note on each beat
 */
public record MidiSinkSpec(String device, Path file, boolean note) implements SinkSpec {
    @Override
    public SinkKind kind() {
        return SinkKind.MIDI;
    }

    @Override
    public String describe() {
        return "midi:" + (file != null ? file.toString() : device == null ? "default" : device) + (note ? ",note" : "");
    }

    static MidiSinkSpec parse(final String spec, final String argument) {
        String rest = argument == null ? "" : argument.trim();
        boolean note = false;
        if (rest.toLowerCase(Locale.ROOT).endsWith(",note")) {
            note = true;
            rest = rest.substring(0, rest.length() - ",note".length()).trim();
        }
        if (rest.isEmpty()) {
            return new MidiSinkSpec(null, null, note);
        }
        final String lower = rest.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".mid") || lower.endsWith(".midi")) {
            final Path file = Path.of(rest);
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new ConfigException("--sink " + spec + ": directory " + parent + " does not exist");
            }
            return new MidiSinkSpec(null, file, note);
        }
        return new MidiSinkSpec(rest, null, note);
    }
}
