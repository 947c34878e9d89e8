package org.earshot.bench.latency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.decide.RoomMonitor;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.runtime.AudioSource;
import org.earshot.engine.runtime.Engine;
import org.earshot.engine.runtime.EventSink;

/**
 * Many rooms in one process: N room-monitor graphs (log-mel, classifier, decisions, impact detector) at
 * 16 kHz with 10 ms blocks, each fed by a live source paced at real time (generated room sound: a noise
 * bed with coughs-like bursts and impacts), sharing a pool of graph threads. After a warm-up it prints
 * each room's block-time percentiles against the block budget, blocks over budget and capture overruns:
 * the rooms run in real time when no block is lost and p99.9 stays under the budget. The measurement ends
 * with the live input: the silent tail each graph then pushes through at full speed to flush its last
 * events (its declared latency) is not live work and is left out.
 *
 * <pre>
 * java -jar bench/target/earshot-bench.jar rooms [--rooms 32] [--seconds 60] [--warmup-s 10] [--threads 2]
 * </pre>
 */
public final class RoomsBench {
    private static final int RATE = 16_000;
    private static final int BLOCK = 160;
    /** Seconds of input after the measured stretch. */
    private static final int TAIL_S = 2;

    private RoomsBench() {
    }

    /**
     * @param args see the class documentation
     * @throws Exception on failure
     */
    public static void main(final String[] args) throws Exception {
        System.exit(run(args));
    }

    /**
     * @param args see the class documentation
     * @return 0 when every room ran in real time, 1 otherwise, 2 on a usage error
     * @throws Exception on failure
     */
    public static int run(final String[] args) throws Exception {
        int rooms = 32;
        int seconds = 60;
        int warmup = 10;
        int threads = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rooms" -> rooms = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--warmup-s" -> warmup = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("rooms: unknown argument " + args[i]);
                    return 2;
                }
            }
        }
        final ClassifierModel model = ClassifierModel.builtIn();
        final AtomicLong events = new AtomicLong();
        final EventSink counting = (e, g) -> events.incrementAndGet();
        final Engine.Settings settings = Engine.Settings.defaults(List.of(counting)).withGraphThreads(threads);
        final List<PacedRoom> sources = new ArrayList<>();
        try (Engine engine = new Engine(settings)) {
            for (int r = 0; r < rooms; r++) {
                final GraphBuilder b = new GraphBuilder();
                RoomMonitor.addTo(b, RoomMonitor.Settings.of(model));
                // two seconds of input beyond the measured stretch, so it ends while every room is still live
                final PacedRoom source = new PacedRoom(r, (long)(seconds + warmup + TAIL_S) * RATE);
                sources.add(source);
                engine.addGraph(b.build(GraphConfig.of("room" + (r + 1), RATE, BLOCK, EventMode.LIVE)), source);
            }
            final long start = System.nanoTime();
            engine.start();
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
            engine.resetBlockTimeTotals();
            final long[] overrunsAtWarmup = new long[rooms];
            final long[] overBudgetAtWarmup = new long[rooms];
            for (int r = 0; r < rooms; r++) {
                overrunsAtWarmup[r] = engine.graphs().get(r).counters().captureOverruns();
                overBudgetAtWarmup[r] = engine.graphs().get(r).counters().blocksOverBudget();
            }
            final long measuredStart = System.nanoTime();
            // the measured stretch ends while every room's input is still live: what the graphs do after their input
            // ends (each pushes its latency in silence through as fast as it can, in large blocks, to flush its last
            // events) is not live work, and a snapshot taken after any room had begun that would count its large
            // flush blocks as late (the counters here once read 28-33 "late" blocks that were all flush blocks)
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            final long[] overrunsAtEnd = new long[rooms];
            final long[] overBudgetAtEnd = new long[rooms];
            for (int r = 0; r < rooms; r++) {
                overrunsAtEnd[r] = engine.graphs().get(r).counters().captureOverruns();
                overBudgetAtEnd[r] = engine.graphs().get(r).counters().blocksOverBudget();
            }
            final Map<String, Histogram> totals = new java.util.HashMap<>();
            engine.blockTimeTotals().forEach((k, v) -> totals.put(k, v.copy()));
            final double measuredS = (System.nanoTime() - measuredStart) / 1e9;
            final boolean live = sources.stream().noneMatch(PacedRoom::ended);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TAIL_S + 60L);
            while (!sources.stream().allMatch(PacedRoom::ended) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            engine.awaitCompletion(60L, TimeUnit.SECONDS);
            final long budgetNs = GraphConfig.of("x", RATE, BLOCK, EventMode.LIVE).budgetNs();
            System.out.printf(Locale.ROOT, "rooms: %d room-monitor graphs at %d Hz, %d-frame blocks (budget %.2f ms), "
                + "%d graph threads, %d cores; %.0f s measured after %d s warm-up%n", rooms, RATE, BLOCK,
                    budgetNs / 1e6,
                threads, Runtime.getRuntime().availableProcessors(), measuredS, warmup);
            System.out.println("room       blocks    p50 us   p99 us p99.9 us   max us  over-budget  overruns");
            long worstP999 = 0;
            long overruns = 0;
            long overBudget = 0;
            for (int r = 0; r < rooms; r++) {
                final String name = "room" + (r + 1);
                final Histogram h = totals.get(name);
                final long o = overrunsAtEnd[r] - overrunsAtWarmup[r];
                final long ob = overBudgetAtEnd[r] - overBudgetAtWarmup[r];
                overruns += o;
                overBudget += ob;
                if (h == null) {
                    continue;
                }
                worstP999 = Math.max(worstP999, h.getValueAtPercentile(99.9));
                System.out.printf(Locale.ROOT, "%-8s %8d %9.1f %8.1f %8.1f %8.1f %12d %9d%n", name, h.getTotalCount(),
                    h.getValueAtPercentile(50) / 1e3, h.getValueAtPercentile(99) / 1e3,
                    h.getValueAtPercentile(99.9) / 1e3, h.getMaxValue() / 1e3, ob, o);
            }
            final boolean realTime = overruns == 0 && worstP999 < budgetNs && live;
            if (!live) {
                System.out.println("an input ended before the measurement did (the rooms fell behind real time)");
            }
            System.out.printf(Locale.ROOT, "worst p99.9 %.1f us of a %.1f us budget; %d blocks over budget, %d capture "
                + "overruns, %d events; %d rooms in real time: %s (wall %.0f s)%n", worstP999 / 1e3, budgetNs / 1e3,
                overBudget, overruns, events.get(), rooms, realTime ? "YES" : "NO", (System.nanoTime() - start) / 1e9);
            return realTime ? 0 : 1;
        }
    }

    /** Generated room sound at real-time pace: a noise bed, a burst every 3 s and an impact every 7 s. */
    static final class PacedRoom implements AudioSource {
        private final SplittableRandom rnd;
        private final long totalFrames;
        private long frame;
        private long startNs;
        private volatile boolean ended;

        PacedRoom(final int seed, final long totalFrames) {
            this.rnd = new SplittableRandom(seed);
            this.totalFrames = totalFrames;
        }

        @Override
        public int sampleRateHz() {
            return RATE;
        }

        @Override
        public boolean live() {
            return true;
        }

        @Override
        public int read(final float[] dst, final int offset, final int maxFrames) {
            if (frame >= totalFrames) {
                ended = true;
                return END_OF_STREAM;
            }
            if (startNs == 0) {
                startNs = System.nanoTime();
            }
            final int n = Math.min(BLOCK, maxFrames);
            final long dueNs = startNs + (frame + n) * 1_000_000_000L / RATE;
            final long waitNs = dueNs - System.nanoTime();
            if (waitNs > 0) {
                LockSupport.parkNanos(waitNs);
            }
            for (int i = 0; i < n; i++) {
                final long f = frame + i;
                double x = 0.003 * (rnd.nextDouble() - 0.5);
                final long inBurst = f % (3L * RATE);
                if (inBurst < RATE / 4) {
                    x += 0.2 * Math.exp(-inBurst / 1200.0) * (rnd.nextDouble() - 0.5);
                }
                final long inImpact = f % (7L * RATE);
                if (inImpact < RATE / 5) {
                    x += 0.4 * Math.exp(-inImpact / 600.0) * Math.sin(2 * Math.PI * 90 * inImpact / RATE);
                }
                dst[offset + i] = (float)x;
            }
            frame += n;
            return n;
        }

        @Override
        public String describe() {
            return "generated room";
        }

        /** @return true once the last frame has been delivered */
        boolean ended() {
            return ended;
        }
    }
}
