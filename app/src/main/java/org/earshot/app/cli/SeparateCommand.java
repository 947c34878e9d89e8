package org.earshot.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.earshot.app.config.AudioGraphs;
import org.earshot.detectors.separate.HpssConfig;
import org.earshot.detectors.separate.HpssNode;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.AudioRing;
import org.earshot.io.wav.WavEncoding;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code earshot separate IN --out-dir DIR}: runs the streaming harmonic/percussive separator over a file and
 * writes {@code DIR/NAME.harmonic.wav} and {@code DIR/NAME.percussive.wav} at the file's rate, aligned with it
 * and of its length (NAME is IN's base name without extension).
 */
@Command(
    name = "separate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Split an audio file into harmonic and percussive streams: DIR/NAME.harmonic.wav and "
        + "DIR/NAME.percussive.wav, aligned with IN and of its length.")
final class SeparateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Audio file; channels are mixed.")
    private Path input;

    @Option(names = "--out-dir", paramLabel = "DIR", required = true, description = "Folder for the two WAV files "
        + "(created if missing).")
    private Path outDir;

    @Option(names = "--float", description = "Write 32-bit float samples instead of 16-bit PCM.")
    private boolean floatSamples;

    @Override
    public Integer call() throws Exception {
        final int rate = AudioFileRun.probeRate(input);
        try {
            Files.createDirectories(outDir);
        } catch (final IOException ex) {
            throw UserError.input(outDir + ": cannot create the output folder (" + ex.getMessage() + ")");
        }
        final String file = input.getFileName().toString();
        final int dot = file.lastIndexOf('.');
        final String name = dot > 0 ? file.substring(0, dot) : file;
        final Path harmonic = outDir.resolve(name + ".harmonic.wav");
        final Path percussive = outDir.resolve(name + ".percussive.wav");
        final String graphName = "separate-" + System.identityHashCode(this);
        final GraphBuilder builder = new GraphBuilder();
        final AudioGraphs.Separator separator = AudioGraphs.addSeparator(builder, HpssConfig.defaults(),
            EventMode.OFFLINE);
        final HpssNode node = separator.node();
        final RenderPlan plan = builder.build(GraphConfig.of(graphName, rate, 512, EventMode.OFFLINE));
        final AudioRing[] rings = {separator.harmonic(), separator.percussive()};
        final long frames = AudioFileRun.run(plan, input, rings, new Path[] {harmonic, percussive},
            floatSamples ? WavEncoding.FLOAT_32 : WavEncoding.PCM_16);
        final PrintWriter err = spec.commandLine().getErr();
        err.println(String.format(Locale.ROOT, "earshot: separate: %s -> %s, %s (%d frames at %d Hz, latency %.1f ms"
            + " removed)", input, harmonic, percussive, frames, rate, node.latencyFrames() * 1000.0 / rate));
        err.flush();
        return 0;
    }
}
