package org.earshot.bench.accuracy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.earshot.detectors.onset.OnsetConfig;
import org.earshot.detectors.onset.OnsetGraph;
import org.earshot.detectors.onset.OnsetPeakPickerNode;
import org.earshot.engine.EventMode;
import org.earshot.engine.event.EventView;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.Engine;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphInfo;
import org.earshot.io.decode.AudioFileDecoder;
import org.earshot.io.source.FileSource;
import org.earshot.io.source.FileSourceOptions;

/**
 * earshot's own detector as the product runs it: a {@link FileSource} (offline pacing, the file's own rate)
 * feeding the onset graph ({@link OnsetGraph}) through the {@link Engine}, with a sink collecting the
 * {@code onset} events. Onset times are the events' frames divided by the rate.
 */
final class StreamingOnsets implements OnsetSystem {
    private static final String GRAPH_NAME = "eval";
    private final String name;
    private final OnsetConfig config;
    private final int blockFrames;
    private final Integer rateHz;
    private long framesProcessed;
    private double secondsAnalysed;
    private long nanosSpent;
    private long graphNanos;
    private long cpuNanos;
    private int declaredLatencyFrames;
    private int lastRateHz;

    /**
     * @param name        column name
     * @param config      detector settings
     * @param blockFrames block size the source publishes
     */
    StreamingOnsets(final String name, final OnsetConfig config, final int blockFrames) {
        this(name, config, blockFrames, null);
    }

    /**
     * @param name        column name
     * @param config      detector settings
     * @param blockFrames block size the source publishes
     * @param rateHz      the graph's rate, each file resampled to it as live input is; null: each file's own
     */
    StreamingOnsets(final String name, final OnsetConfig config, final int blockFrames, final Integer rateHz) {
        this.name = name;
        this.config = config;
        this.blockFrames = blockFrames;
        this.rateHz = rateHz;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double[] detect(final Path audio) throws Exception {
        final int rate = rateHz != null ? rateHz : AudioFileDecoder.probe(audio).sampleRateHz();
        final GraphBuilder builder = new GraphBuilder();
        final OnsetGraph onsets = OnsetGraph.addTo(builder, config, rate);
        final RenderPlan plan = builder.build(GraphConfig.of(GRAPH_NAME, rate, blockFrames, EventMode.OFFLINE));
        final List<Long> frames = new ArrayList<>();
        final EventSink sink = new EventSink() {
            @Override
            public void onEvent(final EventView event, final GraphInfo graph) {
                if (event.type() == OnsetPeakPickerNode.ONSET) {
                    synchronized (frames) {
                        frames.add(event.frame());
                    }
                }
            }
        };
        final long start = System.nanoTime();
        final long cpuStart = processCpuNanos();
        final FileSource source = FileSource.open(audio, FileSourceOptions.offline(rate));
        final Engine engine = new Engine(Engine.Settings.defaults(List.of(sink)));
        try {
            engine.addGraph(plan, source);
            engine.start();
            if (!engine.awaitCompletion(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("analysis of " + audio + " did not finish");
            }
            if (engine.sourceFailure() != null) {
                throw new IllegalStateException("reading " + audio + " failed", engine.sourceFailure());
            }
            framesProcessed += source.framesDelivered();
            secondsAnalysed += source.framesDelivered() / (double)rate;
        } finally {
            engine.close();
        }
        nanosSpent += System.nanoTime() - start;
        cpuNanos += processCpuNanos() - cpuStart;
        final Histogram blocks = engine.blockTimeTotals().get(GRAPH_NAME);
        if (blocks != null) {
            graphNanos += (long)(blocks.getMean() * blocks.getTotalCount());
        }
        declaredLatencyFrames = onsets.declaredLatencyFrames();
        lastRateHz = rate;
        final double[] times = new double[frames.size()];
        synchronized (frames) {
            for (int i = 0; i < times.length; i++) {
                times[i] = frames.get(i) / (double)rate;
            }
        }
        return times;
    }

    /** @return declared latency of the last file analysed, in ms */
    double declaredLatencyMs() {
        return lastRateHz == 0 ? Double.NaN : 1000.0 * declaredLatencyFrames / lastRateHz;
    }

    /** @return sample frames analysed so far */
    long framesProcessed() {
        return framesProcessed;
    }

    /** Zeroes the frame, second and time totals. */
    void resetTotals() {
        framesProcessed = 0;
        secondsAnalysed = 0;
        nanosSpent = 0;
        graphNanos = 0;
        cpuNanos = 0;
    }

    /** @return CPU time of the whole process (all threads) while files were analysed, ns */
    long cpuNanos() {
        return cpuNanos;
    }

    private static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** @return time the graph thread spent processing blocks so far (block timers), ns */
    long graphNanos() {
        return graphNanos;
    }

    /** @return seconds of audio analysed so far */
    double secondsAnalysed() {
        return secondsAnalysed;
    }

    /** @return wall time spent so far, ns (engine start to last event, per file, summed) */
    long nanosSpent() {
        return nanosSpent;
    }
}
