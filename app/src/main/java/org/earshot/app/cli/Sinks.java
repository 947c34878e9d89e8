package org.earshot.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.earshot.app.config.JsonlSinkSpec;
import org.earshot.app.config.LinkSinkSpec;
import org.earshot.app.config.MidiSinkSpec;
import org.earshot.app.config.MqttSinkSpec;
import org.earshot.app.config.OscSinkSpec;
import org.earshot.app.config.PresetOptions;
import org.earshot.app.config.SinkSpec;
import org.earshot.app.config.WebhookSinkSpec;
import org.earshot.app.config.WsSinkSpec;
import org.earshot.engine.runtime.EventSink;
import org.earshot.io.sink.JsonLinesSink;
import org.earshot.io.sink.link.LinkSink;
import org.earshot.io.sink.link.LinkSinkConfig;
import org.earshot.io.sink.midi.MidiClockConfig;
import org.earshot.io.sink.midi.MidiClockSink;
import org.earshot.io.sink.midi.MidiTargets;
import org.earshot.io.sink.mqtt.MqttSink;
import org.earshot.io.sink.mqtt.MqttSinkConfig;
import org.earshot.io.sink.osc.OscSink;
import org.earshot.io.sink.osc.OscSinkConfig;
import org.earshot.io.sink.webhook.WebhookSink;
import org.earshot.io.sink.webhook.WebhookSinkConfig;
import org.earshot.io.sink.ws.WebSocketSink;

/** Opens the event sinks that {@code --sink} flags name. */
final class Sinks {
    private Sinks() {
    }

    /**
     * @param specs   parsed {@code --sink} flags
     * @param options the presets' options (the MQTT sink announces the room-monitor model's labels)
     * @return one open sink per spec, in order
     * @throws UserError naming the flag if a sink cannot be opened (e.g. an unwritable file)
     */
    static List<EventSink> open(final List<SinkSpec> specs, final PresetOptions options) throws UserError {
        final List<EventSink> sinks = new ArrayList<>();
        try {
            for (final SinkSpec spec : specs) {
                sinks.add(open(spec, options));
            }
            return sinks;
        } catch (final UserError ex) {
            closeAll(sinks, null);
            throw ex;
        }
    }

    private static EventSink open(final SinkSpec spec, final PresetOptions options) throws UserError {
        if (spec instanceof JsonlSinkSpec jsonl) {
            if (jsonl.toStdout()) {
                return JsonLinesSink.toStdout();
            }
            try {
                return JsonLinesSink.toFile(jsonl.file());
            } catch (final IOException ex) {
                throw UserError.input("--sink " + spec.describe() + ": " + FailureHandler.firstLine(ex.getMessage()));
            }
        }
        if (spec instanceof MqttSinkSpec mqtt) {
            return new MqttSink(new MqttSinkConfig(mqtt.brokerUri(), mqtt.clientIdPrefix(), mqtt.topicPrefix(),
                mqtt.spoolDirectory(), 64L << 20, mqtt.discovery(), "homeassistant", options.alertLabels(), 30,
                null, null), Sinks::report);
        }
        if (spec instanceof WebhookSinkSpec webhook) {
            return new WebhookSink(WebhookSinkConfig.of(webhook.url(), webhook.spoolDirectory()), Sinks::report);
        }
        if (spec instanceof OscSinkSpec osc) {
            return new OscSink(OscSinkConfig.of(osc.host(), osc.port()).withTimeTaggedBeats(osc.bundles()),
                Sinks::report);
        }
        if (spec instanceof MidiSinkSpec midi) {
            final MidiClockConfig clock = MidiClockConfig.defaults().withNoteOnBeat(midi.note());
            if (midi.file() != null) {
                return new MidiClockSink(clock, MidiTargets.file(midi.file()), Sinks::report);
            }
            try {
                return new MidiClockSink(clock, MidiTargets.device(midi.device()), Sinks::report);
            } catch (final javax.sound.midi.MidiUnavailableException ex) {
                throw UserError.input("--sink " + spec.describe() + ": " + FailureHandler.firstLine(ex.getMessage()));
            }
        }
        if (spec instanceof LinkSinkSpec link) {
            return new LinkSink(LinkSinkConfig.of(link.quantum()), Sinks::report);
        }
        if (spec instanceof WsSinkSpec ws) {
            return new WebSocketSink(new java.net.InetSocketAddress(ws.host(), ws.port()), 256, Sinks::report);
        }
        throw new IllegalStateException("no sink for " + spec);
    }

    private static void report(final String line) {
        System.err.println("earshot: " + line);
        System.err.flush();
    }

    /**
     * @param specs parsed sinks
     * @return their descriptions, comma-separated
     */
    static String describe(final List<SinkSpec> specs) {
        return specs.stream().map(SinkSpec::describe).collect(Collectors.joining(", "));
    }

    /**
     * Closes sinks, reporting failures in one line each.
     *
     * @param sinks the sinks
     * @param err   where failures are reported, or null to ignore them
     */
    static void closeAll(final List<EventSink> sinks, final PrintWriter err) {
        for (final EventSink sink : sinks) {
            try {
                sink.close();
            } catch (final Exception ex) {
                if (err != null) {
                    err.println("earshot: closing sink: " + FailureHandler.firstLine(ex.getMessage()));
                }
            }
        }
    }
}
