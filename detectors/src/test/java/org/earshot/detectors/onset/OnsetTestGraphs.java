package org.earshot.detectors.onset;

import java.util.List;

import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.graph.ThreadingMode;
import org.earshot.engine.runtime.CollectingSink;
import org.earshot.engine.runtime.GraphHarness;

/** Builds and runs the onset graph on the real runtime. */
final class OnsetTestGraphs {
    static final int MAX_BLOCK = 4096;

    private OnsetTestGraphs() {
    }

    record Built(RenderPlan plan, OnsetGraph nodes) {
    }

    static Built build(final OnsetConfig config, final int rate, final int block) {
        return build(config, rate, block, ThreadingMode.SHARED);
    }

    static Built build(final OnsetConfig config, final int rate, final int block, final ThreadingMode mode) {
        final GraphBuilder b = new GraphBuilder();
        final OnsetGraph nodes = OnsetGraph.addTo(b, config, rate);
        final RenderPlan plan = b.build(GraphConfig.of("t", rate, Math.min(block, MAX_BLOCK), EventMode.OFFLINE)
            .withMaxBlockFrames(MAX_BLOCK).withThreadingMode(mode));
        return new Built(plan, nodes);
    }

    /**
     * @return the onset events of the signal published in blocks of {@code block}
     */
    static List<CollectingSink.Event> run(final OnsetConfig config, final int rate, final float[] x, final int block)
        throws InterruptedException {
        try (GraphHarness h = GraphHarness.start(build(config, rate, block).plan())) {
            h.publish(x, block, 0);
            h.end();
            return h.sink().events("onset");
        }
    }

    static String describe(final List<CollectingSink.Event> events) {
        final StringBuilder sb = new StringBuilder("[");
        for (final CollectingSink.Event e : events) {
            sb.append(e.frame()).append(':').append(String.format("%.2f", e.value(0))).append(' ');
        }
        return sb.append(']').toString();
    }
}
