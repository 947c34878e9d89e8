package org.earshot.detectors.separate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.earshot.detectors.audio.OfflineRender;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.AudioRing;
import org.earshot.engine.runtime.AudioTapNode;
import org.earshot.engine.runtime.GraphHarness;
import org.junit.jupiter.api.Test;

class HpssNodeTest {
    private static final int RATE = 44_100;

    /** A 440 Hz tone plus a click (a 2 ms noise burst) every 250 ms. */
    private static float[][] toneAndClicks(final int n) {
        final float[] tone = new float[n];
        final float[] clicks = new float[n];
        final java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < n; i++) {
            tone[i] = (float)(0.2 * Math.sin(2 * Math.PI * 440 * i / RATE));
        }
        for (int at = RATE / 8; at + 88 < n; at += RATE / 4) {
            for (int i = 0; i < 88; i++) {
                clicks[at + i] = (float)(0.8 * (2 * r.nextDouble() - 1));
            }
        }
        final float[] mix = new float[n];
        for (int i = 0; i < n; i++) {
            mix[i] = tone[i] + clicks[i];
        }
        return new float[][] {mix, tone, clicks};
    }

    private static float[][] render(final HpssConfig config, final float[] x, final int block) {
        final HpssNode node = new HpssNode(config);
        return OfflineRender.render(node, n -> List.of(node.harmonic(), node.percussive()), x, RATE, block);
    }

    private static double siSnr(final float[] ref, final float[] est) {
        double rr = 0;
        double re = 0;
        double ee = 0;
        for (int i = RATE / 2; i < ref.length - RATE / 10; i++) {
            rr += (double)ref[i] * ref[i];
            re += (double)ref[i] * est[i];
            ee += (double)est[i] * est[i];
        }
        final double a = re / rr;
        return 10 * Math.log10(a * a * rr / (ee - 2 * a * re + a * a * rr));
    }

    @Test
    void shouldSendTheToneToHarmonicAndTheClicksToPercussive() {
        final float[][] s = toneAndClicks(3 * RATE);
        final float[][] out = render(HpssConfig.defaults(), s[0], 512);
        assertTrue(siSnr(s[1], out[0]) > siSnr(s[1], s[0]) + 10, "harmonic vs tone " + siSnr(s[1], out[0]));
        assertTrue(siSnr(s[2], out[1]) > siSnr(s[2], s[0]) + 5, "percussive vs clicks " + siSnr(s[2], out[1]));
    }

    @Test
    void shouldAddUpToTheInputAligned() {
        final float[][] s = toneAndClicks(RATE);
        final float[][] out = render(HpssConfig.defaults(), s[0], 441);
        for (int i = 0; i < s[0].length; i++) {
            assertEquals(s[0][i], out[0][i] + out[1][i], 1e-4, "sample " + i);
        }
    }

    @Test
    void shouldDeclareUnderFiftyMsAndDelayByExactlyThat() throws InterruptedException {
        final GraphBuilder b = new GraphBuilder();
        final HpssNode node = b.add(new HpssNode(HpssConfig.defaults()));
        final AudioRing h = new AudioRing(1 << 17);
        final AudioRing p = new AudioRing(1 << 17);
        b.add(new AudioTapNode("h", node::harmonic, h, EventMode.OFFLINE), node);
        b.add(new AudioTapNode("p", node::percussive, p, EventMode.OFFLINE), node);
        final RenderPlan plan = b.build(GraphConfig.of("t", RATE, 512, EventMode.OFFLINE));
        assertTrue(node.latencyFrames() * 1000.0 / RATE <= 50.0, "latency " + node.latencyFrames());
        assertTrue(node.lookAheadSampleFrames() * 1000.0 / RATE <= 50.0);
        final float[] x = new float[RATE / 2];
        x[5000] = 1f;
        try (GraphHarness harness = GraphHarness.start(plan)) {
            harness.publish(x, 512, 0);
            harness.awaitProcessed();
            final float[] a = new float[h.available()];
            final float[] c = new float[p.available()];
            h.read(a, 0, a.length);
            p.read(c, 0, c.length);
            int peak = 0;
            for (int i = 0; i < a.length; i++) {
                if (Math.abs(a[i] + c[i]) > Math.abs(a[peak] + c[peak])) {
                    peak = i;
                }
            }
            assertEquals(5000 + node.latencyFrames(), peak);
            assertEquals(1f, a[peak] + c[peak], 1e-4);
            harness.end();
        }
    }

    @Test
    void shouldGiveIdenticalOutputWhateverTheBlockSize() {
        final float[] x = toneAndClicks(RATE / 2)[0];
        final float[][] reference = render(HpssConfig.defaults(), x, 512);
        for (final int block : new int[] {1, 37, 4096}) {
            final float[][] out = render(HpssConfig.defaults(), x, block);
            assertArrayEquals(reference[0], out[0], "harmonic, block " + block);
            assertArrayEquals(reference[1], out[1], "percussive, block " + block);
        }
    }

    @Test
    void shouldNotAllocateInSteadyState() throws InterruptedException {
        final GraphBuilder b = new GraphBuilder();
        final HpssNode node = b.add(new HpssNode(HpssConfig.defaults()));
        b.add(new AudioTapNode("h", node::harmonic, new AudioRing(1 << 12), EventMode.LIVE), node);
        b.add(new AudioTapNode("p", node::percussive, new AudioRing(1 << 12), EventMode.LIVE), node);
        final RenderPlan plan = b.build(GraphConfig.of("t", RATE, 512, EventMode.OFFLINE));
        try (GraphHarness h = GraphHarness.start(plan)) {
            final long[] windows = h.allocationWindows(toneAndClicks(RATE)[0], 512, 3_000, 10_000, 3);
            assertEquals(0, windows[windows.length - 1], Arrays.toString(windows));
            h.end();
        }
    }

    @Test
    void shouldNameTheFieldWhenConfigIsInvalid() {
        assertEquals("lookAheadMs must be in [0, 200], got 500", assertThrows(IllegalArgumentException.class,
            () -> HpssConfig.defaults().withLookAheadMs(500)).getMessage());
    }
}
