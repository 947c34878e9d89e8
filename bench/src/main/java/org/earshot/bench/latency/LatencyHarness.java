package org.earshot.bench.latency;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.earshot.app.config.GraphSettings;
import org.earshot.app.config.PresetGraph;
import org.earshot.app.config.PresetGraphs;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.AudioRing;
import org.earshot.engine.runtime.Engine;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphCounters;
import org.earshot.engine.status.EndToEndLatencySink;
import org.earshot.io.ChannelSelection;
import org.earshot.io.source.FileSource;
import org.earshot.io.source.FileSourceOptions;
import org.earshot.io.source.Pacing;

/**
 * Runs a preset's graph over a file paced at real time (a simulated live input) and prints, from the
 * engine's fixed-range HdrHistogram recorders, block-time percentiles per graph and per node, the blocks
 * over budget, and the end-to-end event latency (block hand-off to sink, corrected for coordinated
 * omission once with the block period as the expected interval). Writes an HdrHistogram interval log.
 *
 * <pre>
 * java -jar bench/target/earshot-bench.jar latency --input FILE [--preset meter] [--rate 48000]
 *      [--block 256] [--threading shared|dedicated] [--fast] [--warmup-s 5] [--log latency.hlog]
 * </pre>
 */
public final class LatencyHarness {
    private LatencyHarness() {
    }

    /**
     * @param args see the class comment
     * @return exit status
     * @throws Exception on failure
     */
    public static int run(final String[] args) throws Exception {
        String input = null;
        String preset = null;
        Integer rate = null;
        Integer block = null;
        String threading = null;
        boolean fast = false;
        Path log = Path.of("latency.hlog");
        double warmupS = 5.0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--input" -> input = args[++i];
                case "--preset" -> preset = args[++i];
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--block" -> block = Integer.parseInt(args[++i]);
                case "--threading" -> threading = args[++i];
                case "--fast" -> fast = true;
                case "--log" -> log = Path.of(args[++i]);
                case "--warmup-s" -> warmupS = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("latency: unknown option " + args[i]);
                    return 2;
                }
            }
        }
        if (input == null || !Files.isRegularFile(Path.of(input))) {
            System.err.println("latency: --input FILE is required and must exist");
            return 2;
        }
        final GraphSettings settings = GraphSettings.fromFlags(preset, rate, block, threading);
        final PresetGraph graphAndAudio = PresetGraphs.build(settings, "main",
            fast ? EventMode.OFFLINE : EventMode.LIVE);
        final RenderPlan plan = graphAndAudio.plan();
        drainAudio(graphAndAudio.audioOut());
        final Pacing pacing = fast ? Pacing.AS_FAST_AS_POSSIBLE : Pacing.REAL_TIME;
        final FileSource source = FileSource.open(Path.of(input), FileSourceOptions.offline(settings.sampleRateHz())
            .withChannels(ChannelSelection.DOWNMIX).withPacing(pacing));
        final EndToEndLatencySink e2e = new EndToEndLatencySink(plan.config().blockPeriodNs());
        final List<EventSink> sinks = new ArrayList<>(List.of(e2e));
        final Engine engine = new Engine(Engine.Settings.defaults(sinks).withHistogramLog(log));
        final Engine.Graph graph = engine.addGraph(plan, source);
        final long startNs = System.nanoTime();
        engine.start();
        final long warmupFrames = (long)(warmupS * settings.sampleRateHz());
        while (graph.pump().framesRead() < warmupFrames && !graph.runner().hasEnded()) {
            Thread.sleep(5);
        }
        engine.resetBlockTimeTotals();
        e2e.reset();
        if (!engine.awaitCompletion(6, TimeUnit.HOURS)) {
            System.err.println("latency: the run did not complete");
            return 1;
        }
        final double wallS = (System.nanoTime() - startNs) / 1e9;
        engine.close();
        final double audioS = graph.pump().framesRead() / (double)settings.sampleRateHz();
        final long budgetNs = plan.config().budgetNs();
        final PrintTable out = new PrintTable();
        System.out.printf(Locale.ROOT, "latency harness: preset %s, %d Hz, block %d frames (%.3f ms), budget %.3f ms"
                + " (%.0f%% of the block period), %s, %s mode%n", settings.preset(), settings.sampleRateHz(),
            settings.blockFrames(), plan.config().blockPeriodNs() / 1e6, budgetNs / 1e6,
            plan.config().budgetFraction() * 100, pacing, plan.config().threadingMode());
        System.out.printf(Locale.ROOT, "input %s: %.1f s of audio in %.1f s wall (%.1fx real time)%n", input, audioS,
            wallS, audioS / wallS);
        System.out.printf(Locale.ROOT, "percentiles after a %.1f s warm-up; JVM %s %s%n%n", warmupS, System.getProperty("java.vm.name"), System.getProperty("java.version"));
        out.header();
        for (final Map.Entry<String, Histogram> e : engine.blockTimeTotals().entrySet()) {
            out.row(e.getKey(), e.getValue(), budgetNs);
        }
        out.row("end-to-end (CO-corrected)", e2e.histogram(), -1);
        final GraphCounters c = graph.counters();
        System.out.printf(Locale.ROOT, "%nblocks over budget %d, capture overruns %d, events delivered %d, dropped %d,"
                + " node errors %d%n", c.blocksOverBudget(), c.captureOverruns(), c.eventsDelivered(), c.eventsDropped(),
            c.nodeErrors());
        System.out.println("interval log: " + log.toAbsolutePath());
        return 0;
    }

    /** Prints percentile rows in µs. */
    static final class PrintTable {
        void header() {
            System.out.printf(Locale.ROOT, "%-28s %9s %9s %9s %9s %9s %11s%n", "timer", "count", "p50 µs", "p99 µs",
                "p99.9 µs", "max µs", "over budget");
        }

        void row(final String name, final Histogram h, final long budgetNs) {
            if (h.getTotalCount() == 0) {
                System.out.printf(Locale.ROOT, "%-28s %9d%n", name, 0);
                return;
            }
            final String over = budgetNs < 0 ? "-" : h.getMaxValue() <= budgetNs ? "0"
                : Long.toString(h.getCountBetweenValues(h.nextNonEquivalentValue(budgetNs), h.getMaxValue()));
            System.out.printf(Locale.ROOT, "%-28s %9d %9.1f %9.1f %9.1f %9.1f %11s%n", name, h.getTotalCount(),
                h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
                h.getMaxValue() / 1e3, over);
        }
    }

    /**
     * Reads a graph's audio outputs as an output device would (a 10 ms period), so that an offline graph is
     * never held up by a full ring and a live one drops nothing.
     */
    private static void drainAudio(final AudioRing[] rings) {
        if (rings.length == 0) {
            return;
        }
        final Thread drain = new Thread(() -> {
            final float[] scratch = new float[4096];
            while (!Thread.currentThread().isInterrupted()) {
                int got = 0;
                for (final AudioRing ring : rings) {
                    got += ring.read(scratch, 0, scratch.length);
                }
                if (got == 0) {
                    LockSupport.parkNanos(1_000_000);
                }
            }
        }, "latency-audio-out");
        drain.setDaemon(true);
        drain.start();
    }
}
