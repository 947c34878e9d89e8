package org.earshot.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.earshot.engine.AudioBlock;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventMode;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.junit.jupiter.api.Test;

class AudioRingTest {
    /** Passes input through to an audio port, and records parameter changes. */
    static final class PassNode implements AudioNode {
        Port<AudioBlock> out;
        final List<Double> gains = new ArrayList<>();
        double gain = 1.0;

        @Override
        public String name() {
            return "pass";
        }

        @Override
        public void prepare(final ProcessSpec spec, final NodeSetup setup) {
            out = setup.declareOutput("audio", () -> new AudioBlock(spec.maxFrames()));
        }

        @Override
        public int latencyFrames() {
            return 0;
        }

        @Override
        public void onParameter(final int parameterId, final double value) {
            if (parameterId == 1) {
                gain = value;
                gains.add(value);
            }
        }

        @Override
        public void process(final BlockContext ctx) {
            final AudioBlock b = ctx.get(out);
            for (int i = 0; i < ctx.frames(); i++) {
                b.samples()[i] = (float)(ctx.input()[i] * gain);
            }
            b.set(ctx.frames(), ctx.blockStartFrame());
        }

        @Override
        public void reset() {
        }
    }

    @Test
    void shouldWrapAroundAndKeepOrder() {
        final AudioRing ring = new AudioRing(64);
        final float[] out = new float[64];
        int next = 0;
        int expect = 0;
        for (int round = 0; round < 100; round++) {
            final float[] in = new float[37];
            for (int i = 0; i < in.length; i++) {
                in[i] = next++;
            }
            assertEquals(37, ring.write(in, 0, 37));
            assertEquals(37, ring.read(out, 0, 64));
            for (int i = 0; i < 37; i++) {
                assertEquals(expect++, out[i]);
            }
        }
    }

    @Test
    void shouldDropAndCountWhenFullAndFillSilenceWhenEmpty() {
        final AudioRing ring = new AudioRing(64);
        ring.writeOrDrop(new float[100], 0, 100);
        assertEquals(36, ring.droppedFrames());
        final float[] out = new float[80];
        assertEquals(64, ring.readOrSilence(out, 0, 80));
        assertEquals(16, ring.underrunFrames());
    }

    @Test
    void shouldNameCapacityRangeWhenInvalid() {
        assertEquals("capacityFrames must be a power of two in [64, 16777216], got 100",
            assertThrows(IllegalArgumentException.class, () -> new AudioRing(100)).getMessage());
    }

    @Test
    void shouldCarryEveryFrameThroughTapWhenOffline() throws InterruptedException {
        final AudioRing ring = new AudioRing(256);
        final GraphBuilder b = new GraphBuilder();
        final PassNode pass = b.add(new PassNode());
        b.add(new AudioTapNode("tap", () -> pass.out, ring, EventMode.OFFLINE), pass);
        final float[] x = new float[10_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        final float[] got = new float[x.length];
        final Thread reader = new Thread(() -> {
            int n = 0;
            while (n < got.length) {
                n += ring.read(got, n, got.length - n);
            }
        });
        reader.start();
        try (GraphHarness h = GraphHarness.start(b.build(GraphConfig.of("t", 48_000, 128, EventMode.OFFLINE)))) {
            h.publish(x, 128, 0);
            h.end();
        }
        reader.join(10_000);
        assertArrayEquals(x, got);
        assertEquals(0, ring.droppedFrames());
    }

    @Test
    void shouldApplyParameterChangeOnAudioThreadBeforeNextBlock() throws InterruptedException {
        final AudioRing ring = new AudioRing(1 << 16);
        final GraphBuilder b = new GraphBuilder();
        final PassNode pass = b.add(new PassNode());
        b.add(new AudioTapNode("tap", () -> pass.out, ring, EventMode.OFFLINE), pass);
        final float[] ones = new float[128];
        java.util.Arrays.fill(ones, 1f);
        try (GraphHarness h = GraphHarness.start(b.build(GraphConfig.of("t", 48_000, 128, EventMode.OFFLINE)))) {
            h.publish(ones, 128, 0);
            h.awaitProcessed();
            assertEquals(true, h.runner().trySetParameter("pass", 1, 0.5));
            assertEquals(false, h.runner().trySetParameter("nobody", 1, 0.5));
            h.publish(ones, 128, 0);
            h.end();
        }
        final float[] out = new float[256];
        assertEquals(256, ring.read(out, 0, 256));
        assertEquals(1f, out[127]);
        assertEquals(0.5f, out[128]);
        assertEquals(List.of(0.5), pass.gains);
    }
}
