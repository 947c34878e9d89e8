package org.earshot.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.earshot.app.config.PresetGraph;
import org.earshot.app.config.ConfigException;
import org.earshot.app.config.GraphSettings;
import org.earshot.app.config.LiveConfig;
import org.earshot.app.config.PresetGraphs;
import org.earshot.app.config.SinkSpec;
import org.earshot.app.web.DashboardAddress;
import org.earshot.app.web.LiveDashboard;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.graph.ThreadingMode;
import org.earshot.engine.runtime.AudioRing;
import org.earshot.engine.runtime.AudioSource;
import org.earshot.engine.runtime.Engine;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.status.CountersFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code earshot live}: runs a preset on a capture device (or a file paced at real time, or the demo
 * clip when there is no device) until Ctrl-C or {@code --duration}, publishing counters for
 * {@code earshot stat}.
 */
@Command(
    name = "live",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Run a preset on live input and send its events to sinks until Ctrl-C.",
        "With no --input, the default capture device is used; if the machine has none, the bundled demo clip "
            + "(synthesised, 30 s at 120 BPM) plays at real-time pace instead."
    })
final class LiveCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private GraphOptions options;


    @Option(names = "--input", paramLabel = "[NAME=]DEVICE|FILE",
        description = "A capture device (a part of a name from `earshot devices`) or an audio file, played at "
            + "real-time pace. Default: the default capture device. Repeat as NAME=DEVICE|FILE for several rooms, "
            + "each its own graph; events carry the room name.")
    private List<String> inputs = new ArrayList<>();









    @Option(names = "--output", paramLabel = "DEVICE",
        description = "denoise: where the denoised audio plays, a part of an output device name from `earshot "
            + "devices`; default: the default output.")
    private String output;

    @Option(names = "--output-buffer-ms", paramLabel = "MS",
        description = "denoise: output line buffer, 20 to 1000 ms; default 100. Larger rides out a busy machine.")
    private int outputBufferMs = org.earshot.io.playback.AudioPlayback.DEFAULT_BUFFER_MS;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Stop after this many seconds.")
    private Double duration;

    @Option(names = "--histogram-log", paramLabel = "FILE",
        description = "Write an HdrHistogram interval log of block times to FILE.")
    private Path histogramLog;

    @Option(names = "--dashboard", paramLabel = "[HOST:]PORT", arity = "0..1", fallbackValue = DashboardAddress.DEFAULT,
        description = "Serve a live web dashboard (spectrogram, onsets, beats, events, denoiser, engine health, "
            + "controls) at http://HOST:PORT/; default " + DashboardAddress.DEFAULT + ". Its WebSocket uses PORT+1; "
            + "port 0 picks free ports.")
    private String dashboard;

    @Override
    public Integer call() throws Exception {
        final GraphSettings flags = options.settings();
        if (flags.threadingMode() == ThreadingMode.INLINE) {
            throw new ConfigException("--threading inline: only analyze runs a graph on its reader's thread; live "
                + "uses shared or dedicated");
        }
        final boolean rooms = inputs.size() > 1 || inputs.stream().anyMatch(i -> i.indexOf('=') > 0);
        final String input = inputs.isEmpty() || rooms ? null : inputs.get(0);
        // a file streamed as if live runs at its own rate, as analyze runs it, so that their events match
        final GraphSettings graph = input != null && Files.isRegularFile(Path.of(input))
            ? flags.atInputRate(AudioFileRun.probeRate(Path.of(input))) : flags;
        final LiveConfig config = LiveConfig.fromFlags(graph, input, options.channel, options.sinks, duration,
            histogramLog);
        if (rooms) {
            try (ShutdownGuard guard = new ShutdownGuard()) {
                return RoomsRun.run(graph, RoomsRun.rooms(inputs), config, guard, spec.commandLine().getErr(),
                    dashboard);
            }
        }
        final PrintWriter err = spec.commandLine().getErr();
        final PresetGraph preset = PresetGraphs.build(config.graph(), "live", EventMode.LIVE);
        final RenderPlan presetPlan = preset.plan();
        final AudioRing[] audioOut = preset.hasAudio() ? preset.audioOut() : null;
        try (ShutdownGuard guard = new ShutdownGuard();
            AudioSource source = Sources.openLive(config, err);
            LivePlayback playback = LivePlayback.open(output, outputBufferMs, config.graph().sampleRateHz(),
                audioOut, err);
            LiveDashboard web = LiveDashboard.open(dashboard, List.of(presetPlan),
                config.graph().preset().cliName() + " on " + source.describe(),
                config.sinks().stream().map(SinkSpec::describe).toList(), err)) {
            final RenderPlan plan = web == null ? presetPlan : web.plans().get(0);
            final List<EventSink> eventSinks = new ArrayList<>(Sinks.open(config.sinks(), config.graph().options()));
            if (web != null) {
                eventSinks.add(web.sink());
            }
            Engine.Settings settings = Engine.Settings.defaults(eventSinks)
                .withCountersDirectory(CountersFile.defaultDirectory());
            if (config.histogramLog() != null) {
                settings = settings.withHistogramLog(config.histogramLog());
            }
            err.println("earshot: live: preset " + config.graph().preset().cliName() + ", "
                + config.graph().sampleRateHz() + " Hz, block " + config.graph().blockFrames() + " frames, "
                + source.describe() + " -> " + Sinks.describe(config.sinks())
                + (config.durationMs() > 0 ? ", for " + config.durationMs() / 1000.0 + " s" : "; Ctrl-C stops"));
            err.flush();
            final EngineRun.Result result = EngineRun.run(settings, plan, source, config.durationMs(), guard,
                web == null ? null : new EngineRun.Observer() {
                    @Override
                    public void onStarted(final Engine engine) {
                        web.attach(engine);
                    }

                    @Override
                    public void onClosing() {
                        web.detach();
                    }
                });
            if (result.sourceFailure() != null) {
                throw Sources.asUserError(result.sourceFailure(), source.describe());
            }
            if (result.captureOverruns() > 0 || result.eventsDropped() > 0) {
                err.println("earshot: live: " + result.captureOverruns() + " capture overruns, "
                    + result.eventsDropped() + " events dropped");
            }
            return 0;
        }
    }
}
