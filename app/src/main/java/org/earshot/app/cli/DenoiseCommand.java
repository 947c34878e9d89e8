package org.earshot.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.earshot.app.config.AudioGraphs;
import org.earshot.detectors.denoise.DenoiserConfig;
import org.earshot.detectors.denoise.DenoiserNode;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.AudioRing;
import org.earshot.io.wav.WavEncoding;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code earshot denoise IN OUT}: runs the {@code denoise} preset's streaming graph over a file at the file's own
 * rate and writes the result as a WAV at that rate, aligned with the input (the declared latency removed) and as
 * long as it.
 */
@Command(
    name = "denoise",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Reduce the noise of an audio file: OUT is a WAV at IN's sample rate, aligned with IN and of its length.",
        "Runs the same streaming denoiser as `earshot live --preset denoise`."
    })
final class DenoiseCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IN", description = "Audio file (WAV, AIFF, FLAC, MP3, Ogg); channels are mixed.")
    private Path input;

    @Parameters(index = "1", paramLabel = "OUT", description = "WAV file to write.")
    private Path output;

    @Mixin
    private DenoiseOptions denoise = new DenoiseOptions();

    @Option(names = "--float", description = "Write 32-bit float samples instead of 16-bit PCM.")
    private boolean floatSamples;

    @Override
    public Integer call() throws Exception {
        final DenoiserConfig config = denoise.config();
        final int rate = AudioFileRun.probeRate(input);
        final String graphName = "denoise-" + System.identityHashCode(this);
        final GraphBuilder builder = new GraphBuilder();
        final AudioGraphs.Denoiser denoiser = AudioGraphs.addDenoiser(builder, config, EventMode.OFFLINE);
        final DenoiserNode node = denoiser.node();
        final RenderPlan plan = builder.build(GraphConfig.of(graphName, rate, Math.max(16, rate / 100),
            EventMode.OFFLINE));
        final AudioRing[] rings = {denoiser.out()};
        final long frames = AudioFileRun.run(plan, input, rings, new Path[] {output},
            floatSamples ? WavEncoding.FLOAT_32 : WavEncoding.PCM_16);
        final PrintWriter err = spec.commandLine().getErr();
        err.println(String.format(Locale.ROOT, "earshot: denoise: %s -> %s, %d frames at %d Hz, strength %.0f dB, "
            + "latency %.2f ms removed", input, output, frames, rate, config.reductionLimitDb(),
            node.latencyFrames() * 1000.0 / rate));
        err.flush();
        return 0;
    }
}
