package org.earshot.detectors.spectral;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.earshot.dsp.stft.StftConfig;
import org.earshot.dsp.window.WindowType;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.graph.ThreadingMode;
import org.earshot.engine.runtime.GraphHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The node on the real runtime, with a downstream node reading its port from the same ring slot. */
class StftNodeGraphTest {
    private static final int RATE = 48_000;
    private static final StftConfig STFT = new StftConfig(1024, 256, 1024, WindowType.HANN);

    private static FrameProbeNode probe;

    private static RenderPlan plan(final int blockFrames, final ThreadingMode mode) {
        final GraphBuilder b = new GraphBuilder();
        final StftNode stft = b.add(new StftNode(StftNodeConfig.of("stft", STFT)));
        probe = b.add(new FrameProbeNode(stft, 1 << 14), stft);
        return b.build(GraphConfig.of("t", RATE, blockFrames, EventMode.OFFLINE).withMaxBlockFrames(4096)
            .withThreadingMode(mode));
    }

    private static FrameProbeNode run(final float[] x, final int block) throws InterruptedException {
        try (GraphHarness h = GraphHarness.start(plan(Math.min(block, 4096), ThreadingMode.SHARED))) {
            h.publish(x, block, 0);
            h.end();
            return probe;
        }
    }

    @Test
    void shouldDeliverIdenticalFramesDownstreamWhateverTheBlockSize() throws InterruptedException {
        final float[] x = StftNodeTest.noise(12_000, 9);
        final FrameProbeNode reference = run(x, 4096);
        final int frames = (12_000 - 1024) / 256 + 1;
        assertEquals(frames, reference.recorded);
        for (final int block : new int[] {1, 37, 256}) {
            final FrameProbeNode p = run(x, block);
            assertEquals(frames, p.recorded, "block " + block);
            for (int i = 0; i < frames; i++) {
                assertEquals(i, p.frameIndex[i]);
                assertEquals(256L * i, p.firstSampleFrame[i]);
                assertEquals(reference.magnitudeSum[i], p.magnitudeSum[i], "block " + block + " frame " + i);
                assertEquals(reference.phaseSum[i], p.phaseSum[i]);
                assertEquals(reference.powerSum[i], p.powerSum[i]);
                assertEquals(reference.complexSum[i], p.complexSum[i]);
            }
        }
    }

    @Test
    void shouldAddHalfWindowToPathLatencyWhenBuilt() {
        final RenderPlan plan = plan(256, ThreadingMode.SHARED);
        assertEquals(512, plan.pathLatencyFrames(0));
        assertEquals(512, plan.latencyFrames());
    }

    @ParameterizedTest
    @EnumSource(ThreadingMode.class)
    void shouldNotAllocateInSteadyStateWhenRunByGraph(final ThreadingMode mode) throws InterruptedException {
        try (GraphHarness h = GraphHarness.start(plan(256, mode))) {
            h.sink().recording(false);
            final long[] windows = h.allocationWindows(StftNodeTest.noise(1 << 15, 10), 256, 20_000, 10_000, 3);
            System.out.println("StftNode " + mode + " allocation windows (bytes per 10,000 blocks): "
                + Arrays.toString(windows));
            assertEquals(0, windows[windows.length - 1], Arrays.toString(windows));
            h.end();
        }
    }
}
