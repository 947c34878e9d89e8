package org.earshot.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of event sink a {@code --sink KIND[:ARGUMENT]} flag can name. Each kind parses its own
 * argument into a {@link SinkSpec} record; later issues add {@code osc}, {@code mqtt} and {@code ws}
 * here, each with its own record.
 */
public enum SinkKind {
    /** JSON Lines: {@code jsonl} writes to stdout, {@code jsonl:PATH} to a file. */
    JSONL("jsonl", "jsonl | jsonl:PATH", "one JSON object per event, on stdout or in PATH") {
        @Override
        SinkSpec parseArgument(final String spec, final String argument) {
            if (argument == null) {
                return JsonlSinkSpec.STDOUT;
            }
            if (argument.isBlank()) {
                throw new ConfigException("--sink " + spec + ": missing file path after 'jsonl:'");
            }
            if ("-".equals(argument)) {
                return JsonlSinkSpec.STDOUT;
            }
            final Path file = Path.of(argument);
            if (Files.isDirectory(file)) {
                throw new ConfigException("--sink " + spec + ": " + file + " is a directory");
            }
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new ConfigException("--sink " + spec + ": directory " + parent + " does not exist");
            }
            return new JsonlSinkSpec(file);
        }
    },
    /** MQTT: {@code mqtt:tcp://HOST:PORT[?spool=DIR&prefix=P&client=ID&discovery=off]}. */
    MQTT("mqtt", "mqtt:tcp://HOST:PORT[?spool=DIR&prefix=P&client=ID&discovery=on|off]",
        "events to earshot/ROOM/event/LABEL (QoS 1), retained status, Home Assistant discovery; spooled on disk") {
        @Override
        SinkSpec parseArgument(final String spec, final String argument) {
            return MqttSinkSpec.parse(spec, argument);
        }
    },
    /** Webhook: {@code webhook:URL[;spool=DIR]}. */
    WEBHOOK("webhook", "webhook:URL[;spool=DIR]", "each event POSTed as JSON, spooled on disk and retried") {
        @Override
        SinkSpec parseArgument(final String spec, final String argument) {
            return WebhookSinkSpec.parse(spec, argument);
        }
    },
    /** OSC over UDP: {@code osc:HOST:PORT[:bundle]}. */
    OSC("osc", "osc:HOST:PORT[:bundle]", "/earshot/beat, /earshot/tempo, /earshot/onset... over UDP; bundle: beats "
        + "time-tagged with the predicted beat time") {
        @Override
        SinkSpec parseArgument(final String spec, final String argument) {
            return OscSinkSpec.parse(spec, argument);
        }
    },
    /** MIDI clock: {@code midi[:DEVICE|FILE.mid][,note]}. */
    MIDI("midi", "midi[:DEVICE|FILE.mid][,note]", "MIDI clock (24 ppqn, start/stop, song position) following the "
        + "beats, to the default or named output or a MIDI file; ,note adds a note per beat") {
        @Override
        SinkSpec parseArgument(final String spec, final String argument) {
            return MidiSinkSpec.parse(spec, argument);
        }
    },
    /** Ableton Link: {@code link[:QUANTUM]}. */
    LINK("link", "link[:QUANTUM]", "join the Ableton Link session on the LAN: the tracked tempo and beat phase "
        + "(downbeat on phase 0 of QUANTUM, default 4), start/stop on lock/unlock") {
        @Override
        SinkSpec parseArgument(final String spec, final String argument) {
            return LinkSinkSpec.parse(spec, argument);
        }
    },
    /** WebSocket: {@code ws:[HOST:]PORT}. */
    WS("ws", "ws:[HOST:]PORT", "a WebSocket server streaming every event as JSON (browser visuals)") {
        @Override
        SinkSpec parseArgument(final String spec, final String argument) {
            return WsSinkSpec.parse(spec, argument);
        }
    };

    private final String cliName;
    private final String syntax;
    private final String summary;

    SinkKind(final String cliName, final String syntax, final String summary) {
        this.cliName = cliName;
        this.syntax = syntax;
        this.summary = summary;
    }

    /** @return the name before the colon */
    public String cliName() {
        return cliName;
    }

    /** @return the accepted forms, for help */
    public String syntax() {
        return syntax;
    }

    /** @return one line for help */
    public String summary() {
        return summary;
    }

    /**
     * Parses the part after the colon.
     *
     * @param spec     the whole flag value, for messages
     * @param argument the part after the first colon, or null if there was no colon
     * @return the sink's record
     */
    abstract SinkSpec parseArgument(String spec, String argument);

    /**
     * Parses a whole {@code --sink} value.
     *
     * @param spec e.g. {@code jsonl} or {@code jsonl:/tmp/events.jsonl}
     * @return the sink's record
     * @throws ConfigException naming {@code --sink} and the problem
     */
    public static SinkSpec parse(final String spec) {
        final int colon = spec.indexOf(':');
        final String kindName = (colon < 0 ? spec : spec.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
        final String argument = colon < 0 ? null : spec.substring(colon + 1);
        for (final SinkKind kind : values()) {
            if (kind.cliName.equals(kindName)) {
                return kind.parseArgument(spec, argument);
            }
        }
        throw new ConfigException("--sink " + spec + ": unknown sink '" + kindName + "' (known: " + names() + ")");
    }

    /** @return the known kinds, comma-separated */
    public static String names() {
        return Arrays.stream(values()).map(SinkKind::cliName).collect(Collectors.joining(", "));
    }
}
