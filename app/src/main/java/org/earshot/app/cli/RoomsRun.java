package org.earshot.app.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.earshot.app.config.GraphSettings;
import org.earshot.app.config.LiveConfig;
import org.earshot.app.config.PresetGraphs;
import org.earshot.app.config.SinkSpec;
import org.earshot.app.web.LiveDashboard;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.EventMode;
import org.earshot.engine.runtime.AudioSource;
import org.earshot.engine.runtime.Engine;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphCounters;
import org.earshot.engine.status.CountersFile;

/**
 * {@code earshot live --input NAME=DEVICE|FILE ...}: one graph per room in one engine, every event
 * carrying its room (the graph name). Runs until every input ends, {@code --duration} or Ctrl-C.
 */
final class RoomsRun {
    private RoomsRun() {
    }

    /**
     * Splits {@code NAME=VALUE} inputs; values without a name become {@code room1}, {@code room2}, ...
     *
     * @param inputs the {@code --input} values
     * @return room name to input value, in order
     * @throws UserError on a blank or repeated name
     */
    static Map<String, String> rooms(final List<String> inputs) throws UserError {
        final Map<String, String> rooms = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            final String in = inputs.get(i);
            final int eq = in.indexOf('=');
            final String name = eq < 0 ? "room" + (i + 1) : in.substring(0, eq).trim();
            final String value = eq < 0 ? in : in.substring(eq + 1).trim();
            if (name.isEmpty() || value.isEmpty()) {
                throw UserError.input("--input " + in + ": expected NAME=DEVICE|FILE");
            }
            if (rooms.put(name, value) != null) {
                throw UserError.input("--input " + in + ": room " + name + " is named twice");
            }
        }
        return rooms;
    }

    /**
     * Runs the rooms.
     *
     * @param graph      graph settings (the preset)
     * @param rooms      room name to input value
     * @param first      the configuration parsed from the flags (sinks, channel, duration, log)
     * @param guard      the Ctrl-C guard
     * @param err        where the summary goes
     * @param dashboard  the {@code --dashboard} value, or null for none
     * @return exit status
     * @throws Exception on an internal failure
     */
    static int run(final GraphSettings graph, final Map<String, String> rooms, final LiveConfig first,
        final ShutdownGuard guard, final PrintWriter err, final String dashboard) throws Exception {
        final List<AudioSource> sources = new ArrayList<>();
        final List<EventSink> sinks = new ArrayList<>();
        Engine engine = null;
        LiveDashboard web = null;
        try {
            for (final Map.Entry<String, String> room : rooms.entrySet()) {
                final LiveConfig c = LiveConfig.fromFlags(graph, room.getValue(), null, List.of(), null, null);
                sources.add(Sources.openLive(new LiveConfig(graph, c.input(), first.channel(), first.sinks(),
                    first.durationMs(), null), err));
            }
            sinks.addAll(Sinks.open(first.sinks(), graph.options()));
            final List<RenderPlan> plans = new ArrayList<>();
            for (final String name : rooms.keySet()) {
                plans.add(PresetGraphs.build(graph, name, EventMode.LIVE).plan());
            }
            web = LiveDashboard.open(dashboard, plans, graph.preset().cliName() + ", rooms " + rooms.keySet(),
                first.sinks().stream().map(SinkSpec::describe).toList(), err);
            if (web != null) {
                sinks.add(web.sink());
            }
            // many rooms share a pool of graph threads, one per core
            Engine.Settings settings = Engine.Settings.defaults(sinks)
                .withCountersDirectory(CountersFile.defaultDirectory())
                .withGraphThreads(Math.min(rooms.size(), Runtime.getRuntime().availableProcessors()));
            if (first.histogramLog() != null) {
                settings = settings.withHistogramLog(first.histogramLog());
            }
            try {
                engine = new Engine(settings);
            } catch (final UncheckedIOException ex) {
                throw UserError.input(FailureHandler.firstLine(ex.getMessage()));
            }
            int i = 0;
            for (final RenderPlan plan : web == null ? plans : web.plans()) {
                engine.addGraph(plan, sources.get(i++));
            }
            err.println("earshot: live: preset " + graph.preset().cliName() + ", " + rooms.size() + " rooms "
                + rooms.keySet() + ", " + graph.sampleRateHz() + " Hz -> " + Sinks.describe(first.sinks())
                + (first.durationMs() > 0 ? ", for " + first.durationMs() / 1000.0 + " s" : "; Ctrl-C stops"));
            err.flush();
            final Engine running = engine;
            guard.onStop(running::requestStop);
            engine.start();
            if (web != null) {
                web.attach(engine);
            }
            final long start = System.nanoTime();
            long stopAsked = 0;
            while (!engine.awaitCompletion(EngineRun.POLL_MS, TimeUnit.MILLISECONDS)) {
                final long now = System.nanoTime();
                final boolean timeUp = first.durationMs() > 0
                    && now - start >= TimeUnit.MILLISECONDS.toNanos(first.durationMs());
                if (stopAsked == 0 && (timeUp || guard.stopRequested())) {
                    engine.requestStop();
                    stopAsked = now;
                } else if (stopAsked != 0
                    && now - stopAsked > TimeUnit.MILLISECONDS.toNanos(EngineRun.STOP_TIMEOUT_MS)) {
                    break;
                }
            }
            guard.onStop(() -> { });
            long overruns = 0;
            long dropped = 0;
            for (final Engine.Graph g : engine.graphs()) {
                final GraphCounters c = g.counters();
                overruns += c.captureOverruns();
                dropped += c.eventsDropped();
            }
            if (overruns > 0 || dropped > 0) {
                err.println("earshot: live: " + overruns + " capture overruns, " + dropped + " events dropped");
            }
            final Throwable failure = engine.sourceFailure();
            if (web != null) {
                web.detach();
            }
            engine.close();
            engine = null;
            if (failure != null) {
                throw Sources.asUserError(failure, "an input");
            }
            return 0;
        } finally {
            if (web != null) {
                web.detach();
            }
            if (engine != null) {
                engine.close();
            }
            if (web != null) {
                web.close();
            }
            for (final AudioSource s : sources) {
                s.close();
            }
        }
    }
}
