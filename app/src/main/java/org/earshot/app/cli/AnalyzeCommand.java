package org.earshot.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.earshot.app.config.AnalyzeConfig;
import org.earshot.app.config.ConfigException;
import org.earshot.app.config.Detection;
import org.earshot.app.config.GraphSettings;
import org.earshot.app.config.PresetGraph;
import org.earshot.app.config.PresetGraphs;
import org.earshot.app.web.Report;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.AudioSource;
import org.earshot.engine.runtime.Engine;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code earshot analyze}: runs a preset's graph over files as fast as the machine allows, in offline
 * event mode (back-pressure, nothing dropped), one file after the other. Each file's events come from a
 * graph named after the file. A one-line summary per file goes to stderr.
 */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Run a preset over audio files (WAV, AIFF, FLAC, MP3, Ogg Vorbis) as fast as possible and print the "
            + "events as JSON Lines.",
        "The graph is the one `earshot live` runs (48 kHz unless --rate; files are resampled), so offline "
            + "and live events match. Files run one after another; each event names its file's graph."
    })
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private GraphOptions options;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Audio files to analyze.")
    private List<Path> files = new ArrayList<>();


    @Option(names = "--json", description = "JSON Lines on stdout (the default when no --sink is given).")
    private boolean json;






    @Option(names = "--detect", paramLabel = "WHAT",
        description = "What to detect, running the preset that does: onsets (the onsets preset); beats: predicted "
            + "beats and tempo (the beats preset); events: sound events and impacts (the room-monitor preset).")
    private String detect;




    @Option(names = "--report", paramLabel = "FILE",
        description = "Also write a self-contained HTML page with the dashboard's pictures for each whole file "
            + "(spectrogram, novelty and onsets, beats, events, levels).")
    private Path report;

    @Override
    public Integer call() throws Exception {
        if (detect != null) {
            final Detection detection = Detection.parse(detect);
            final String wanted = detection.preset().cliName();
            if (options.preset != null && !wanted.equals(options.preset)) {
                throw new ConfigException("--detect " + detection.cliName() + " runs the " + wanted
                    + " preset; drop --preset " + options.preset);
            }
            options.preset = wanted;
        }
        if (options.threading == null) {
            // on one core the reader's thread runs the graph (hand-offs would cost as much as the analysis); with
            // more, the graph thread works while the reader decodes the next blocks (FLAC and MP3 decoding costs
            // as much as the analysis)
            options.threading = Runtime.getRuntime().availableProcessors() > 1 ? "shared" : "inline";
        }
        final AnalyzeConfig config = AnalyzeConfig.fromFlags(options.settings(), files, options.channel,
            options.sinks, json);
        final PrintWriter err = spec.commandLine().getErr();
        final List<EventSink> opened = Sinks.open(config.sinks(), config.graph().options());
        final List<GraphInfo> streams = new ArrayList<>();
        for (final Path file : config.files()) {
            streams.add(new GraphInfo(streams.size(), file.toString(), settingsFor(config, file).sampleRateHz(), 0,
                List.of()));
        }
        final List<EventSink> shared = opened.stream().<EventSink>map(s -> new SharedSink(s, streams)).toList();
        final Report pictures = report == null ? null
            : Report.create(report, "analyze --preset " + config.graph().preset().cliName());
        int status = 0;
        try (ShutdownGuard guard = new ShutdownGuard()) {
            try {
                for (final Path file : config.files()) {
                    if (guard.stopRequested()) {
                        break;
                    }
                    try {
                        analyze(config, file, shared, guard, err, pictures);
                    } catch (final UserError ex) {
                        err.println("earshot: " + FailureHandler.firstLine(ex.getMessage()));
                        err.flush();
                        status = Math.max(status, ex.exitStatus());
                    }
                }
                if (pictures != null) {
                    err.println("earshot: analyze: report written to " + pictures.write());
                    err.flush();
                }
            } finally {
                // before the guard lets a Ctrl-C shutdown proceed: flush and close files
                Sinks.closeAll(opened, err);
            }
        }
        return status;
    }

    /**
     * @return the graph settings for one file: at the file's own rate unless {@code --rate} or the preset fixes
     *     one; unchanged when the file cannot be probed (opening it reports why)
     */
    private static GraphSettings settingsFor(final AnalyzeConfig config, final Path file) {
        try {
            return config.graph().atInputRate(AudioFileRun.probeRate(file));
        } catch (final UserError unreadable) {
            return config.graph();
        }
    }

    private static void analyze(final AnalyzeConfig config, final Path file, final List<EventSink> shared,
        final ShutdownGuard guard, final PrintWriter err, final Report pictures) throws Exception {
        final GraphSettings graph = settingsFor(config, file);
        final PresetGraph built = PresetGraphs.build(graph, file.toString(), EventMode.OFFLINE);
        if (built.hasAudio()) {
            // nobody would read its audio out, and an offline tap waits for a reader
            throw new ConfigException("analyze --preset " + graph.preset().cliName() + ": the preset makes audio, "
                + "not events; write it to a file with earshot denoise IN OUT");
        }
        final RenderPlan preset = built.plan();
        try (AudioSource source = Sources.openFile(file, graph.sampleRateHz(), config.channel(), false)) {
            final RenderPlan plan = pictures == null ? preset : pictures.begin(file.toString(), preset);
            final List<EventSink> sinks = new ArrayList<>(shared);
            if (pictures != null) {
                sinks.add(pictures.sink());
            }
            final Engine.Settings settings = Engine.Settings.defaults(sinks);
            final EngineRun.Result r;
            try {
                r = EngineRun.run(settings, plan, source, 0, guard);
            } finally {
                if (pictures != null) {
                    pictures.end();
                }
            }
            if (r.sourceFailure() != null) {
                throw Sources.asUserError(r.sourceFailure(), file.toString());
            }
            final double audioS = r.framesRead() / (double)graph.sampleRateHz();
            final double wallS = r.elapsedNs() / 1e9;
            err.println(String.format(Locale.ROOT, "earshot: analyze: %s: %.1f s of audio in %.2f s (%.0fx real time), "
                + "%d events%s", file, audioS, wallS, wallS > 0 ? audioS / wallS : 0.0, r.eventsDelivered(),
                r.stoppedByUser() ? " (stopped by Ctrl-C: partial)" : ""));
            err.flush();
        }
    }
}
