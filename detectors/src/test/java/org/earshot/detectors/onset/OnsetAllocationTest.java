package org.earshot.detectors.onset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.earshot.dsp.filter.AdaptiveWhiteningConfig;
import org.earshot.engine.graph.ThreadingMode;
import org.earshot.engine.runtime.GraphHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The steady-state allocation test for every onset node: the STFT, each novelty function and the peak picker
 * (which writes events throughout), run by the graph, allocate nothing over windows of 10,000 blocks.
 */
class OnsetAllocationTest {
    private static final int RATE = 44_100;

    @ParameterizedTest
    @EnumSource(NoveltyType.class)
    void shouldNotAllocateInSteadyStateWhenDetectingOnsets(final NoveltyType type) throws InterruptedException {
        final OnsetTestGraphs.Built built = OnsetTestGraphs.build(OnsetConfig.defaults(type), RATE, 256);
        try (GraphHarness h = GraphHarness.start(built.plan())) {
            h.sink().recording(false);
            final float[] x = OnsetBlockSizeInvarianceTest.mixture();
            final long[] windows = h.allocationWindows(x, 256, 20_000, 10_000, 3);
            System.out.println("onset graph " + type + " allocation windows (bytes per 10,000 blocks): "
                + Arrays.toString(windows));
            assertEquals(0, windows[windows.length - 1], Arrays.toString(windows));
            assertTrue(h.counters().blocksProcessed() >= 30_000);
            h.end();
        }
    }

    @ParameterizedTest
    @EnumSource(NoveltyType.class)
    void shouldNotAllocateInSteadyStateWhenWhitening(final NoveltyType type) throws InterruptedException {
        final OnsetConfig d = OnsetConfig.defaults(type);
        final OnsetConfig config = d.withNovelty(d.novelty().withWhitening(new AdaptiveWhiteningConfig(10.0, 0.01f)));
        try (GraphHarness h = GraphHarness.start(OnsetTestGraphs.build(config, RATE, 256).plan())) {
            h.sink().recording(false);
            final long[] windows = h.allocationWindows(OnsetBlockSizeInvarianceTest.mixture(), 256, 20_000, 10_000, 3);
            assertEquals(0, windows[windows.length - 1], Arrays.toString(windows));
            h.end();
        }
    }

    @ParameterizedTest
    @EnumSource(ThreadingMode.class)
    void shouldNotAllocateInSteadyStateWhateverTheThreadingMode(final ThreadingMode mode) throws InterruptedException {
        final OnsetTestGraphs.Built built = OnsetTestGraphs.build(OnsetConfig.defaults(), RATE, 256, mode);
        try (GraphHarness h = GraphHarness.start(built.plan())) {
            h.sink().recording(false);
            final long[] windows = h.allocationWindows(OnsetBlockSizeInvarianceTest.mixture(), 256, 20_000, 10_000, 3);
            assertEquals(0, windows[windows.length - 1], Arrays.toString(windows));
            h.end();
        }
    }
}
