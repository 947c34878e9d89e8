package org.earshot.detectors.denoise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.earshot.detectors.audio.OfflineRender;
import org.earshot.engine.AudioBlock;
import org.earshot.engine.EventMode;
import org.earshot.engine.Port;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.AudioRing;
import org.earshot.engine.runtime.AudioTapNode;
import org.earshot.engine.runtime.GraphHarness;
import org.junit.jupiter.api.Test;

class DenoiserNodeTest {
    private static final int RATE = 48_000;

    static float[] gaussian(final int n, final double rms, final long seed) {
        final SplittableRandom r = new SplittableRandom(seed);
        final float[] x = new float[n];
        for (int i = 0; i < n; i += 2) {
            final double u = Math.max(1e-12, r.nextDouble());
            final double v = r.nextDouble();
            final double m = Math.sqrt(-2 * Math.log(u)) * rms;
            x[i] = (float)(m * Math.cos(2 * Math.PI * v));
            if (i + 1 < n) {
                x[i + 1] = (float)(m * Math.sin(2 * Math.PI * v));
            }
        }
        return x;
    }

    static float[] tone(final int n, final double amplitude, final double hz, final int rate) {
        final float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float)(amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return x;
    }

    static float[] add(final float[] a, final float[] b) {
        final float[] c = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i] + b[i];
        }
        return c;
    }

    static double powerDb(final float[] x, final int from, final int to) {
        double s = 0;
        for (int i = from; i < to; i++) {
            s += (double)x[i] * x[i];
        }
        return 10 * Math.log10(s / (to - from) + 1e-30);
    }

    /** SNR of {@code est} against {@code ref} after the best scaling, over {@code [from, to)}. */
    static double siSnrDb(final float[] ref, final float[] est, final int from, final int to) {
        double rr = 0;
        double re = 0;
        double ee = 0;
        for (int i = from; i < to; i++) {
            rr += (double)ref[i] * ref[i];
            re += (double)ref[i] * est[i];
            ee += (double)est[i] * est[i];
        }
        final double a = re / rr;
        final double target = a * a * rr;
        return 10 * Math.log10(target / Math.max(ee - 2 * a * re + target, 1e-30));
    }

    static float[] render(final DenoiserConfig config, final float[] x, final int rate, final int block) {
        return OfflineRender.render(new DenoiserNode(config), n -> List.of(((DenoiserNode)n).output()), x, rate,
            block)[0];
    }

    /** A 1 kHz tone switched on and off every 250 ms, as syllables are: a tone held for seconds is, to any
     *  noise tracker, stationary noise (that is how hum gets removed). */
    @Test
    void shouldImproveSnrOfToneInWhiteNoise() {
        final int n = 3 * RATE;
        final float[] clean = tone(n, 0.1, 1000, RATE);
        for (int i = 0; i < n; i++) {
            if ((i / (RATE / 4)) % 2 == 1) {
                clean[i] = 0f;
            }
        }
        final float[] noisy = add(clean, gaussian(n, 0.1 / Math.sqrt(2), 1));
        final float[] out = render(DenoiserConfig.defaults(), noisy, RATE, 480);
        final double before = siSnrDb(clean, noisy, RATE, n);
        final double after = siSnrDb(clean, out, RATE, n);
        assertEquals(-3.0, before, 0.3, "input SNR (the tone is on half the time)");
        assertTrue(after - before > 8, "SNR " + before + " dB -> " + after + " dB");
    }

    @Test
    void shouldLowerNoiseOnlyFloorByAboutTheReductionLimit() {
        for (final double limit : new double[] {10, 20}) {
            final int n = 4 * RATE;
            final float[] noise = gaussian(n, 0.05, 2);
            final float[] out = render(DenoiserConfig.defaults().withReductionLimitDb(limit), noise, RATE, 480);
            final double drop = powerDb(noise, RATE, n) - powerDb(out, RATE, n);
            assertEquals(limit, drop, 3.0, "floor drop with limit " + limit + " dB");
        }
    }

    @Test
    void shouldSuppressNoiseWithEveryGainRuleAndWithCepstralSmoothing() {
        final int n = 2 * RATE;
        final float[] noise = gaussian(n, 0.05, 21);
        for (final DenoiserTuning t : new DenoiserTuning[] {
            DenoiserTuning.DEFAULTS.withGainRule(DenoiserTuning.GainRule.WIENER),
            DenoiserTuning.DEFAULTS.withGainRule(DenoiserTuning.GainRule.LSA),
            DenoiserTuning.DEFAULTS.withCepstralSmoothing(true)}) {
            final float[] out = render(DenoiserConfig.defaults().withTuning(t), noise, RATE, 480);
            final double drop = powerDb(noise, RATE, n) - powerDb(out, RATE, n);
            assertTrue(drop > 10, t.gainRule() + (t.cepstralSmoothing() ? " + cepstral" : "") + ": drop " + drop);
        }
    }

    @Test
    void shouldSuppressNoiseFromTheFirstSecondWithoutLeadIn() {
        final int n = 2 * RATE;
        final float[] noise = gaussian(n, 0.05, 3);
        final float[] out = render(DenoiserConfig.defaults(), noise, RATE, 480);
        final double drop = powerDb(noise, RATE / 10, RATE / 2) - powerDb(out, RATE / 10, RATE / 2);
        assertTrue(drop > 15, "drop over 0.1-0.5 s " + drop);
    }

    @Test
    void shouldDeclareLatencyUnderTwentyMsAtEveryRate() {
        for (final int rate : new int[] {8_000, 16_000, 44_100, 48_000, 96_000}) {
            final DenoiserNode node = new DenoiserNode(DenoiserConfig.defaults());
            OfflineRender.render(node, x -> List.of(), new float[0], rate, 256);
            assertTrue(node.latencyFrames() * 1000.0 / rate <= 20.0, rate + " Hz: " + node.latencyFrames());
            assertTrue(node.latencyFrames() * 1000.0 / rate >= 19.0, rate + " Hz: " + node.latencyFrames());
        }
        final DenoiserNode low = new DenoiserNode(DenoiserConfig.defaults().withLatencyMode(LatencyMode.LOW));
        OfflineRender.render(low, x -> List.of(), new float[0], RATE, 256);
        assertEquals(479, low.latencyFrames());
    }

    /** Runs the node in a real graph, taps its audio port into a ring and returns everything it produced. */
    static float[] throughGraph(final DenoiserConfig config, final float[] x, final int block, final int[] latency)
        throws InterruptedException {
        final GraphBuilder b = new GraphBuilder();
        final DenoiserNode node = b.add(new DenoiserNode(config));
        final AudioRing ring = new AudioRing(1 << 20);
        b.add(new AudioTapNode("tap", node::output, ring, EventMode.OFFLINE), node);
        final RenderPlan plan = b.build(GraphConfig.of("t", RATE, block, EventMode.OFFLINE).withMaxBlockFrames(4096));
        latency[0] = node.latencyFrames();
        try (GraphHarness h = GraphHarness.start(plan)) {
            h.publish(x, block, 0);
            h.awaitProcessed();
            final float[] out = new float[ring.available()];
            ring.read(out, 0, out.length);
            h.end();
            return out;
        }
    }

    static int bestLag(final float[] in, final float[] out, final int maxLag) {
        int best = 0;
        double bestValue = -1;
        for (int lag = 0; lag <= maxLag; lag++) {
            double c = 0;
            for (int i = 0; i + lag < out.length && i < in.length; i++) {
                c += (double)in[i] * out[i + lag];
            }
            if (c > bestValue) {
                bestValue = c;
                best = lag;
            }
        }
        return best;
    }

    @Test
    void shouldDelayOutputByExactlyTheDeclaredLatency() throws InterruptedException {
        // clicks in noise, denoised: the output's alignment with the input, measured, is the declared latency
        final int n = RATE;
        final float[] x = gaussian(n, 0.01, 4);
        for (int i = 4000; i < n; i += 9000) {
            x[i] += 0.8f;
        }
        final int[] latency = new int[1];
        final float[] out = throughGraph(DenoiserConfig.defaults(), x, 480, latency);
        assertEquals(n, out.length);
        assertEquals(959, latency[0]);
        assertEquals(latency[0], bestLag(x, out, 2000));
        // with no reduction the output is the input, sample for sample, that much later
        final float[] same = throughGraph(DenoiserConfig.defaults().withReductionLimitDb(0), x, 480, latency);
        for (int i = 0; i + latency[0] < n; i++) {
            assertEquals(x[i], same[i + latency[0]], 1e-5, "sample " + i);
        }
    }

    @Test
    void shouldKeepTheLatencyWhenBypassedOrMixed() throws InterruptedException {
        final int n = RATE / 2;
        final float[] x = gaussian(n, 0.05, 5);
        final int[] latency = new int[1];
        final float[] bypassed = throughGraph(DenoiserConfig.defaults().withBypass(true), x, 480, latency);
        for (int i = 0; i + latency[0] < n; i++) {
            assertEquals(x[i], bypassed[i + latency[0]], 0f, "bypassed sample " + i);
        }
        final float[] half = throughGraph(DenoiserConfig.defaults().withWetMix(0.5), x, 480, latency);
        assertEquals(latency[0], bestLag(x, half, 2000));
    }

    @Test
    void shouldRampToBypassWithoutChangingLatency() {
        final int n = RATE;
        final float[] x = gaussian(n, 0.05, 6);
        final DenoiserNode node = new DenoiserNode(DenoiserConfig.defaults());
        final float[] out = OfflineRender.render(new ParameterAt(node, RATE / 2, DenoiserNode.PARAM_BYPASS, 1.0),
            p -> List.of(node.output()), x, RATE, 480)[0];
        // denoised (quieter) until the output reaches the switch, the input exactly after the 10 ms ramp
        assertTrue(powerDb(out, RATE / 4, RATE / 2 - 2000) < powerDb(x, RATE / 4, RATE / 2 - 2000) - 10);
        for (int i = RATE / 2 + 960; i < n; i++) {
            assertEquals(x[i], out[i], 0f, "sample " + i);
        }
    }

    @Test
    void shouldApplyAStrengthChangeLive() {
        final int n = 4 * RATE;
        final float[] x = gaussian(n, 0.05, 7);
        final DenoiserNode node = new DenoiserNode(DenoiserConfig.defaults().withReductionLimitDb(6));
        final float[] out = OfflineRender.render(new ParameterAt(node, 2 * RATE, DenoiserNode.PARAM_REDUCTION_LIMIT_DB,
            24.0), p -> List.of(node.output()), x, RATE, 480)[0];
        final double before = powerDb(x, RATE, 2 * RATE) - powerDb(out, RATE, 2 * RATE);
        final double after = powerDb(x, 3 * RATE, n) - powerDb(out, 3 * RATE, n);
        assertEquals(6, before, 1.5);
        assertTrue(after > 18, "after " + after);
    }

    @Test
    void shouldGiveIdenticalOutputWhateverTheBlockSize() {
        final int n = RATE;
        final float[] x = add(tone(n, 0.1, 440, RATE), gaussian(n, 0.05, 8));
        final float[] reference = render(DenoiserConfig.defaults(), x, RATE, 480);
        for (final int block : new int[] {1, 37, 4096}) {
            assertArrayEquals(reference, render(DenoiserConfig.defaults(), x, RATE, block), "block " + block);
        }
    }

    @Test
    void shouldOutputSilenceForDigitalSilenceAndNothingForEmptyBlocks() {
        final float[] out = render(DenoiserConfig.defaults(), new float[RATE / 4], RATE, 1);
        for (final float v : out) {
            assertEquals(0f, v);
        }
        final DenoiserNode node = new DenoiserNode(DenoiserConfig.defaults());
        final java.util.List<Port<?>> ports = new java.util.ArrayList<>();
        node.prepare(new org.earshot.engine.ProcessSpec(RATE, 480), new org.earshot.engine.NodeSetup(ports));
        final Object[] values = {ports.get(0).newValue()};
        final org.earshot.engine.BlockContext ctx = new org.earshot.engine.BlockContext(RATE);
        node.process(ctx.bindBlock(new float[480], 0, 0, 0, values));
        assertEquals(0, ((AudioBlock)values[0]).frames());
        assertEquals(-959L, ((AudioBlock)values[0]).startFrame());
    }

    @Test
    void shouldNotAllocateInSteadyState() throws InterruptedException {
        final GraphBuilder b = new GraphBuilder();
        final DenoiserNode node = b.add(new DenoiserNode(DenoiserConfig.defaults()));
        final AudioRing ring = new AudioRing(1 << 16);
        b.add(new AudioTapNode("tap", node::output, ring, EventMode.LIVE), node);
        final RenderPlan plan = b.build(GraphConfig.of("t", RATE, 480, EventMode.OFFLINE));
        final float[] x = add(tone(RATE, 0.1, 440, RATE), gaussian(RATE, 0.05, 9));
        try (GraphHarness h = GraphHarness.start(plan)) {
            final long[] windows = h.allocationWindows(x, 480, 5_000, 10_000, 3);
            assertEquals(0, windows[windows.length - 1], Arrays.toString(windows));
            h.end();
        }
    }

    @Test
    void shouldNameTheFieldWhenConfigIsInvalid() {
        assertEquals("reductionLimitDb must be in [0, 60.0], got 70.0", assertThrows(IllegalArgumentException.class,
            () -> DenoiserConfig.defaults().withReductionLimitDb(70)).getMessage());
        assertEquals("wetMix must be in [0, 1], got 1.5", assertThrows(IllegalArgumentException.class,
            () -> DenoiserConfig.defaults().withWetMix(1.5)).getMessage());
        assertEquals("ddWeight must be in [0.0, 0.9999], got 1.0", assertThrows(IllegalArgumentException.class,
            () -> DenoiserTuning.DEFAULTS.withDdWeight(1.0)).getMessage());
    }

    /** Wraps a node and sends it a parameter when the stream reaches a frame (as the runner does at block start). */
    static final class ParameterAt implements org.earshot.engine.AudioNode {
        private final org.earshot.engine.AudioNode inner;
        private final long frame;
        private final int id;
        private final double value;
        private boolean sent;

        ParameterAt(final org.earshot.engine.AudioNode inner, final long frame, final int id, final double value) {
            this.inner = inner;
            this.frame = frame;
            this.id = id;
            this.value = value;
        }

        @Override
        public String name() {
            return inner.name();
        }

        @Override
        public void prepare(final org.earshot.engine.ProcessSpec spec, final org.earshot.engine.NodeSetup setup) {
            inner.prepare(spec, setup);
        }

        @Override
        public int latencyFrames() {
            return inner.latencyFrames();
        }

        @Override
        public void process(final org.earshot.engine.BlockContext ctx) {
            if (!sent && ctx.blockStartFrame() >= frame) {
                inner.onParameter(id, value);
                sent = true;
            }
            inner.process(ctx);
        }

        @Override
        public void reset() {
            inner.reset();
        }
    }
}
