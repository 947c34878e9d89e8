package org.earshot.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.AudioRing;
import org.earshot.engine.runtime.AudioSource;
import org.earshot.engine.runtime.Engine;
import org.earshot.io.ChannelSelection;
import org.earshot.io.SourceException;
import org.earshot.io.decode.AudioFileDecoder;
import org.earshot.io.source.FileSource;
import org.earshot.io.source.FileSourceOptions;
import org.earshot.io.wav.WavEncoding;
import org.earshot.io.wav.WavFileSink;
import org.earshot.io.wav.WavWriter;

/**
 * Runs an audio-producing graph over a file, offline (as fast as possible, nothing dropped), and writes each
 * audio-out ring to a WAV file at the file's rate with the graph's declared latency removed: every output is
 * aligned with the input and as long as it (the engine appends the latency in silence at the end).
 */
final class AudioFileRun {
    private AudioFileRun() {
    }

    /**
     * @param input a file
     * @return its sample rate
     * @throws UserError naming the file and the problem
     */
    static int probeRate(final Path input) throws UserError {
        try {
            return AudioFileDecoder.probe(input).sampleRateHz();
        } catch (final SourceException ex) {
            throw UserError.input(FailureHandler.firstLine(ex.getMessage()));
        }
    }

    /**
     * @param plan     the graph, at the file's rate
     * @param input    the file
     * @param rings    the graph's audio-out rings
     * @param outputs  one WAV per ring
     * @param encoding WAV sample encoding
     * @return frames written per output
     * @throws UserError naming the file and the problem
     * @throws InterruptedException if interrupted
     */
    static long run(final RenderPlan plan, final Path input, final AudioRing[] rings, final Path[] outputs,
        final WavEncoding encoding) throws UserError, InterruptedException {
        final int rate = plan.config().sampleRateHz();
        final AudioSource source;
        try {
            source = FileSource.open(input, FileSourceOptions.offline(rate).withChannels(ChannelSelection.DOWNMIX));
        } catch (final SourceException ex) {
            throw UserError.input(FailureHandler.firstLine(ex.getMessage()));
        }
        final List<WavFileSink> sinks = new ArrayList<>();
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of()))) {
            for (int i = 0; i < rings.length; i++) {
                try {
                    sinks.add(new WavFileSink(rings[i], new WavWriter(outputs[i], rate, 1, encoding),
                        plan.latencyFrames(), Long.MAX_VALUE));
                } catch (final IOException ex) {
                    throw UserError.input(FailureHandler.firstLine(ex.getMessage()));
                }
            }
            engine.addGraph(plan, source);
            engine.start();
            while (!engine.awaitCompletion(1, TimeUnit.SECONDS)) {
                if (engine.sourceFailure() != null) {
                    break;
                }
            }
            final Throwable failure = engine.sourceFailure();
            if (failure != null) {
                try {
                    throw Sources.asUserError(failure, input.toString());
                } catch (final UserError user) {
                    throw user;
                } catch (final Exception other) {
                    throw new IllegalStateException(other);
                }
            }
        } finally {
            for (final AudioRing ring : rings) {
                ring.close();
            }
            try {
                source.close();
            } catch (final IOException ignored) {
                // the file was read to its end or failed already
            }
        }
        long frames = 0;
        for (final WavFileSink sink : sinks) {
            try {
                sink.finish(60_000);
            } catch (final IOException ex) {
                throw UserError.input(FailureHandler.firstLine(ex.getMessage()));
            }
            frames = sink.framesWritten();
        }
        return frames;
    }
}
