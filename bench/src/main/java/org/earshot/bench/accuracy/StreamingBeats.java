package org.earshot.bench.accuracy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.earshot.detectors.beat.BeatGraph;
import org.earshot.detectors.beat.BeatTrackerConfig;
import org.earshot.detectors.beat.BeatTrackerNode;
import org.earshot.detectors.onset.OnsetConfig;
import org.earshot.engine.EventMode;
import org.earshot.engine.event.EventView;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.AudioSource;
import org.earshot.engine.runtime.Engine;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphInfo;
import org.earshot.io.decode.AudioFileDecoder;
import org.earshot.io.source.FileSource;
import org.earshot.io.source.FileSourceOptions;

/**
 * earshot's beat tracker as the product runs it: a {@link FileSource} (offline pacing) feeding STFT → onset novelty
 * → beat tracker ({@link BeatGraph}) through the {@link Engine}, with a sink keeping every {@code beat} event's
 * predicted frame and emit frame.
 */
final class StreamingBeats {
    /**
     * What the tracker emitted for one file.
     *
     * @param predictedS predicted beat times (the events' frames), s
     * @param emittedS   when each was emitted (end of the block that wrote it), s
     * @param barPositions each beat's place in its bar, 1 = downbeat
     * @param secondsAnalysed audio length, s
     */
    record Result(double[] predictedS, double[] emittedS, int[] barPositions, double secondsAnalysed) {
        /** @return the predicted times of the beats emitted as downbeats, s */
        double[] downbeatsS() {
            final List<Double> d = new ArrayList<>();
            for (int i = 0; i < predictedS.length; i++) {
                if (barPositions[i] == 1) {
                    d.add(predictedS[i]);
                }
            }
            return d.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private final OnsetConfig onsets;
    private final BeatTrackerConfig config;
    private final int blockFrames;
    private final Integer rateHz;
    private long nanosSpent;
    private double secondsAnalysed;

    /**
     * @param onsets      STFT and novelty settings
     * @param config      tracker settings
     * @param blockFrames block size
     * @param rateHz      graph rate, or null for each file's own rate
     */
    StreamingBeats(final OnsetConfig onsets, final BeatTrackerConfig config, final int blockFrames,
        final Integer rateHz) {
        this.onsets = onsets;
        this.config = config;
        this.blockFrames = blockFrames;
        this.rateHz = rateHz;
    }

    /**
     * @param audio an audio file
     * @return the beats
     * @throws Exception if the file cannot be read
     */
    Result track(final Path audio) throws Exception {
        final int rate = rateHz != null ? rateHz : AudioFileDecoder.probe(audio).sampleRateHz();
        return track(FileSource.open(audio, FileSourceOptions.offline(rate)), rate, audio.toString());
    }

    /**
     * @param source a source at {@code rate}
     * @param rate   its rate
     * @param label  for messages
     * @return the beats
     * @throws Exception if the source fails
     */
    Result track(final AudioSource source, final int rate, final String label) throws Exception {
        final GraphBuilder builder = new GraphBuilder();
        BeatGraph.addTo(builder, onsets, config, rate);
        final RenderPlan plan = builder.build(GraphConfig.of("eval", rate, blockFrames, EventMode.OFFLINE));
        final List<long[]> beats = new ArrayList<>();
        final EventSink sink = new EventSink() {
            @Override
            public void onEvent(final EventView event, final GraphInfo graph) {
                if (event.type() == BeatTrackerNode.BEAT) {
                    synchronized (beats) {
                        beats.add(new long[] {event.frame(), (long)event.value(BeatTrackerNode.BEAT_EMITTED),
                            (long)event.value(BeatTrackerNode.BEAT_BAR_POS)});
                    }
                }
            }
        };
        final long start = System.nanoTime();
        final long frames;
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of(sink)))) {
            engine.addGraph(plan, source);
            engine.start();
            if (!engine.awaitCompletion(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("beat tracking of " + label + " did not finish");
            }
            if (engine.sourceFailure() != null) {
                throw new IllegalStateException("reading " + label + " failed", engine.sourceFailure());
            }
            frames = source instanceof FileSource fs ? fs.framesDelivered() : 0L;
        }
        nanosSpent += System.nanoTime() - start;
        final double seconds = frames / (double)rate;
        secondsAnalysed += seconds;
        synchronized (beats) {
            final double[] predicted = new double[beats.size()];
            final double[] emitted = new double[beats.size()];
            final int[] barPositions = new int[beats.size()];
            for (int i = 0; i < predicted.length; i++) {
                predicted[i] = beats.get(i)[0] / (double)rate;
                emitted[i] = beats.get(i)[1] / (double)rate;
                barPositions[i] = (int)beats.get(i)[2];
            }
            return new Result(predicted, emitted, barPositions, seconds);
        }
    }

    /** @return seconds of audio analysed so far */
    double secondsAnalysed() {
        return secondsAnalysed;
    }

    /** @return wall time spent so far, ns */
    long nanosSpent() {
        return nanosSpent;
    }
}
