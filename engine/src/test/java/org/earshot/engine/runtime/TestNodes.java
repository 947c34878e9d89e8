package org.earshot.engine.runtime;

import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventWriter;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;
import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;

/** Small nodes with known answers for runtime tests. */
final class TestNodes {
    static final EventType PEAK = EventType.define(900, "test_peak", EventField.real("value"), EventField.integer("upstream_sum"));

    private TestNodes() {
    }

    /** Holder of a block's absolute-value sum. */
    static final class Sum {
        double value;
    }

    /** Writes the block's absolute sum into its port. */
    static final class AbsSumNode implements AudioNode {
        Port<Sum> out;
        int resets;

        @Override
        public String name() {
            return "abs";
        }

        @Override
        public void prepare(final ProcessSpec spec, final NodeSetup setup) {
            out = setup.declareOutput("sum", Sum::new);
        }

        @Override
        public int latencyFrames() {
            return 0;
        }

        @Override
        public void process(final BlockContext ctx) {
            double s = 0;
            for (int i = 0; i < ctx.frames(); i++) {
                s += Math.abs(ctx.input()[i]);
            }
            ctx.get(out).value = s;
        }

        @Override
        public void reset() {
            resets++;
        }
    }

    /** Emits an event at every sample above 0.5, carrying the upstream block sum. */
    static final class PeakNode implements AudioNode {
        private final AbsSumNode upstream;
        private final int latency;
        private Port<Sum> in;
        int resets;

        PeakNode(final AbsSumNode upstream, final int latency) {
            this.upstream = upstream;
            this.latency = latency;
        }

        @Override
        public String name() {
            return "peak";
        }

        @Override
        public void prepare(final ProcessSpec spec, final NodeSetup setup) {
            in = upstream.out;
        }

        @Override
        public int latencyFrames() {
            return latency;
        }

        @Override
        public void process(final BlockContext ctx) {
            final double sum = ctx.get(in).value;
            for (int i = 0; i < ctx.frames(); i++) {
                if (ctx.input()[i] > 0.5f) {
                    final EventWriter.EventRecord r = ctx.events().tryClaim(PEAK, ctx.blockStartFrame() + i);
                    if (r != null) {
                        r.set(0, ctx.input()[i]).set(1, Math.round(sum)).commit();
                    }
                }
            }
        }

        @Override
        public void reset() {
            resets++;
        }
    }

    /** Throws on its third block. */
    static class ThrowingNode implements AudioNode {
        int processed;

        @Override
        public String name() {
            return "throws";
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
            if (++processed == 3) {
                throw new IllegalStateException("boom");
            }
        }

        @Override
        public void reset() {
        }
    }
}
