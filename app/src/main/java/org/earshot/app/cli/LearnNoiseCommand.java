package org.earshot.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.earshot.app.config.ChannelChoice;
import org.earshot.app.config.GraphSettings;
import org.earshot.detectors.denoise.NoiseProfile;
import org.earshot.detectors.denoise.NoiseProfileNode;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.AudioSource;
import org.earshot.engine.runtime.Engine;
import org.earshot.io.SourceException;
import org.earshot.io.source.NoCaptureDeviceException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code earshot learn-noise --input DEVICE|FILE --seconds N --out PROFILE}: listens to the room's noise (no
 * speech, please) and writes its average spectrum as a noise profile for {@code earshot denoise --profile}.
 */
@Command(
    name = "learn-noise",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Capture the room's noise for N seconds (keep quiet) and write a noise profile for "
        + "`earshot denoise --profile`.")
final class LearnNoiseCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--input", paramLabel = "DEVICE|FILE",
        description = "A capture device (part of a name from `earshot devices`, or default) or an audio file.")
    private String input = "default";

    @Option(names = "--seconds", paramLabel = "N", description = "How long to listen, 0.5 to 600 s; default 5.")
    private double seconds = 5.0;

    @Option(names = "--out", paramLabel = "PROFILE", required = true, description = "Profile file to write.")
    private Path out;

    @Option(names = "--rate", paramLabel = "HZ", description = "Capture rate for a device; default 48000.")
    private int rate = GraphSettings.DEFAULT_RATE_HZ;

    @Override
    public Integer call() throws Exception {
        if (!(seconds >= 0.5 && seconds <= 600)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--seconds must be in [0.5, 600], got " + seconds);
        }
        final PrintWriter err = spec.commandLine().getErr();
        final Path file = Path.of(input);
        final boolean isFile = Files.isRegularFile(file);
        final int graphRate = isFile ? AudioFileRun.probeRate(file) : rate;
        final AudioSource source;
        if (isFile) {
            source = Sources.openFile(file, graphRate, ChannelChoice.MIX, false);
        } else {
            try {
                source = CaptureSources.open(input, GraphSettings.fromFlags(null, graphRate, null, null),
                    ChannelChoice.MIX, err);
            } catch (final NoCaptureDeviceException ex) {
                throw UserError.input("--input " + input + ": " + FailureHandler.firstLine(ex.getMessage()));
            } catch (final SourceException ex) {
                throw UserError.input(FailureHandler.firstLine(ex.getMessage()));
            }
        }
        final GraphBuilder builder = new GraphBuilder();
        final NoiseProfileNode learner = builder.add(new NoiseProfileNode("learn-noise"));
        final RenderPlan plan = builder.build(GraphConfig.of("learn-noise", graphRate, 480,
            isFile ? EventMode.OFFLINE : EventMode.LIVE));
        err.println(String.format(Locale.ROOT, "earshot: learn-noise: listening to %s for %.1f s", source.describe(),
            seconds));
        err.flush();
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of()))) {
            final Engine.Graph graph = engine.addGraph(plan, source);
            engine.start();
            final long frames = Math.round(seconds * graphRate);
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos((long)(seconds * 1000) + 60_000);
            while (!engine.awaitCompletion(20, TimeUnit.MILLISECONDS)) {
                if (graph.pump().framesRead() >= frames || System.nanoTime() - deadline > 0) {
                    engine.requestStop();
                }
            }
            if (engine.sourceFailure() != null) {
                throw Sources.asUserError(engine.sourceFailure(), source.describe());
            }
        } finally {
            try {
                source.close();
            } catch (final IOException ignored) {
                // done with it
            }
        }
        final NoiseProfile profile;
        try {
            profile = learner.snapshot();
        } catch (final IllegalStateException ex) {
            throw UserError.input(input + ": " + ex.getMessage());
        }
        NoiseProfileFile.write(out, profile);
        err.println(String.format(Locale.ROOT, "earshot: learn-noise: %d frames averaged -> %s", profile.framesAveraged(),
            out));
        err.flush();
        return 0;
    }
}
