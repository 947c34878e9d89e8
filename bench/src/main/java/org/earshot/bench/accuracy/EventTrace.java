package org.earshot.bench.accuracy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.earshot.app.train.ClipLoader;
import org.earshot.detectors.classify.ClassProbabilities;
import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.ClassifierNode;
import org.earshot.detectors.classify.LogMelFrames;
import org.earshot.detectors.classify.LogMelNode;
import org.earshot.detectors.decide.RoomMonitor;
import org.earshot.detectors.decide.SoundEvents;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventMode;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.ProcessSpec;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.Engine;
import org.earshot.engine.runtime.EventSink;

/**
 * {@code events-trace FILE [--from S] [--to S] [--every N] [--model FILE] [--sensitivity S] [--tsv]}: runs the room-monitor
 * graph over one file at 16 kHz, as {@code events} does for a scene, and prints what the classifier said hop by hop
 * inside the window (the frame's energy and the three most probable classes, every N-th hop), then the events the
 * graph wrote. A diagnostic for "why was this sound (not) reported", not a score. With {@code --tsv} it prints
 * instead a tab-separated table with a header: the hop's time, its energy and every class's probability, for
 * analysis elsewhere, and the events to the standard error.
 */
public final class EventTrace {
    private static final int RATE_HZ = 16_000;

    private EventTrace() {
    }

    /**
     * @param args see the class documentation
     * @return exit status
     * @throws Exception on failure
     */
    public static int run(final String[] args) throws Exception {
        Path file = null;
        Path modelPath = null;
        double from = 0;
        double to = Double.MAX_VALUE;
        int every = 5;
        double sensitivity = 0.5;
        boolean tsv = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--from" -> from = Double.parseDouble(args[++i]);
                case "--to" -> to = Double.parseDouble(args[++i]);
                case "--every" -> every = Integer.parseInt(args[++i]);
                case "--model" -> modelPath = Path.of(args[++i]);
                case "--sensitivity" -> sensitivity = Double.parseDouble(args[++i]);
                case "--tsv" -> tsv = true;
                default -> file = Path.of(args[i]);
            }
        }
        if (file == null) {
            System.err.println("usage: events-trace FILE [--from S] [--to S] [--every N] [--model FILE] "
                + "[--sensitivity S] [--tsv]");
            return 2;
        }
        final ClassifierModel model = modelPath == null ? ClassifierModel.builtIn() : ClassifierModel.read(modelPath);
        final float[] x = ClipLoader.decode(file, RATE_HZ);
        final int hops = x.length / model.settings().hop() + 8;
        final Trace trace = new Trace(hops, model.classCount());
        final GraphBuilder b = new GraphBuilder();
        final RoomMonitor.Nodes nodes = RoomMonitor.addTo(b, new RoomMonitor.Settings(model, List.of(), sensitivity,
            true), SoundEvents.type(RoomMonitor.labelTable(model)));
        b.add(new TraceNode(trace, nodes.logMel(), nodes.classifier()), nodes.classifier());
        final RenderPlan plan = b.build(GraphConfig.of("trace", RATE_HZ, 160, EventMode.OFFLINE).withRingSlots(1024));
        final List<String> events = Collections.synchronizedList(new ArrayList<>());
        final EventSink sink = (e, g) -> {
            if (e.type().name().equals("event")) {
                events.add(String.format(java.util.Locale.ROOT, "event %-14s %8.3f %8.3f conf %.2f written %.3f",
                    e.type().labels().get((int)e.value(SoundEvents.LABEL)),
                    e.value(SoundEvents.START) / g.sampleRateHz(), e.value(SoundEvents.END) / g.sampleRateHz(),
                    e.value(SoundEvents.CONFIDENCE), e.emitFrame() / (double)g.sampleRateHz()));
            }
        };
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of(sink)))) {
            engine.addGraph(plan, new MemorySource(x, RATE_HZ));
            engine.start();
            if (!engine.awaitCompletion(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException(file + " did not finish");
            }
        }
        final PrintStream out = System.out;
        final List<String> classes = model.classes();
        if (tsv) {
            out.println("t\tenergy_db\t" + String.join("\t", classes));
        }
        final int[] top = new int[3];
        for (int h = 0; h < trace.count; h += every) {
            final double t = trace.centre[h] / (double)RATE_HZ;
            if (t < from || t > to) {
                continue;
            }
            final float[] p = trace.probs[h];
            if (tsv) {
                final StringBuilder row = new StringBuilder(String.format(java.util.Locale.ROOT, "%.3f\t%.1f", t,
                    trace.energyDb[h]));
                for (final float v : p) {
                    row.append(String.format(java.util.Locale.ROOT, "\t%.4f", v));
                }
                out.println(row);
                continue;
            }
            topClasses(p, top);
            out.printf(java.util.Locale.ROOT, "%8.3f %6.1f dB  %-14s %.2f  %-14s %.2f  %-14s %.2f%n", t,
                trace.energyDb[h], classes.get(top[0]), p[top[0]], classes.get(top[1]), p[top[1]],
                classes.get(top[2]), p[top[2]]);
        }
        // with --tsv the table alone goes to stdout, the events to stderr
        events.forEach(tsv ? System.err::println : out::println);
        return 0;
    }

    private static void topClasses(final float[] p, final int[] top) {
        for (int k = 0; k < top.length; k++) {
            int best = -1;
            for (int c = 0; c < p.length; c++) {
                boolean taken = false;
                for (int j = 0; j < k; j++) {
                    taken |= top[j] == c;
                }
                if (!taken && (best < 0 || p[c] > p[best])) {
                    best = c;
                }
            }
            top[k] = best;
        }
    }

    /** What the classifier said per hop, in arrays sized for the whole file. */
    private static final class Trace {
        final long[] centre;
        final float[] energyDb;
        final float[][] probs;
        int count;

        Trace(final int hops, final int classes) {
            centre = new long[hops];
            energyDb = new float[hops];
            probs = new float[hops][classes];
        }
    }

    /** Copies each hop's energy and probabilities into the trace (preallocated, so it allocates nothing). */
    private static final class TraceNode implements AudioNode {
        private final Trace trace;
        private final LogMelNode logMel;
        private final ClassifierNode classifier;

        TraceNode(final Trace trace, final LogMelNode logMel, final ClassifierNode classifier) {
            this.trace = trace;
            this.logMel = logMel;
            this.classifier = classifier;
        }

        @Override
        public String name() {
            return "trace";
        }

        @Override
        public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        }

        @Override
        public int latencyFrames() {
            return 0;
        }

        @Override
        public void process(final BlockContext ctx) {
            final LogMelFrames frames = ctx.get(logMel.frames());
            final ClassProbabilities p = ctx.get(classifier.probabilities());
            for (int i = 0; i < p.count() && trace.count < trace.centre.length; i++) {
                trace.centre[trace.count] = p.centreFrame(i);
                trace.energyDb[trace.count] = i < frames.count() ? frames.energyDb(i) : Float.NaN;
                System.arraycopy(p.probs(i), 0, trace.probs[trace.count], 0, trace.probs[trace.count].length);
                trace.count++;
            }
        }

        @Override
        public void reset() {
        }
    }
}
