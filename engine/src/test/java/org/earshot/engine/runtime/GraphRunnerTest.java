package org.earshot.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.graph.ThreadingMode;
import org.junit.jupiter.api.Test;

class GraphRunnerTest {
    private static final int RATE = 48_000;

    private static float[] impulses(final int length, final int... at) {
        final float[] x = new float[length];
        for (final int i : at) {
            x[i] = 0.9f;
        }
        return x;
    }

    private static RenderPlan plan(final ThreadingMode mode, final EventMode eventMode, final int block) {
        final GraphBuilder b = new GraphBuilder();
        final TestNodes.AbsSumNode abs = b.add(new TestNodes.AbsSumNode());
        b.add(new TestNodes.PeakNode(abs, 7), abs);
        return b.build(GraphConfig.of("test", RATE, block, eventMode).withThreadingMode(mode));
    }

    private static List<CollectingSink.Event> run(final RenderPlan plan, final float[] signal, final int block)
        throws InterruptedException {
        try (GraphHarness h = GraphHarness.start(plan)) {
            h.publish(signal, block, 0);
            h.end();
            return h.sink().events("test_peak");
        }
    }

    @Test
    void shouldEmitEventsAtExactFramesWhenShared() throws InterruptedException {
        final float[] x = impulses(10_000, 5, 300, 9_999);
        final List<CollectingSink.Event> events = run(plan(ThreadingMode.SHARED, EventMode.OFFLINE, 256), x, 256);
        assertEquals(List.of(5L, 300L, 9_999L), events.stream().map(CollectingSink.Event::frame).toList());
        assertEquals(256L, events.get(0).emitFrame(), "emit frame is the end of the block that decided it");
    }

    @Test
    void shouldReadUpstreamPortOfSameBlockWhenDedicated() throws InterruptedException {
        final float[] x = impulses(50_000, 10, 1_000, 20_000, 49_000);
        final List<CollectingSink.Event> shared = run(plan(ThreadingMode.SHARED, EventMode.OFFLINE, 128), x, 128);
        final List<CollectingSink.Event> dedicated = run(plan(ThreadingMode.DEDICATED, EventMode.OFFLINE, 128), x, 128);
        assertEquals(4, dedicated.size());
        for (int i = 0; i < shared.size(); i++) {
            assertEquals(shared.get(i).frame(), dedicated.get(i).frame());
            assertEquals(1.0, dedicated.get(i).value(1), "the upstream sum of the same block (one 0.9 impulse)");
        }
    }

    @Test
    void shouldRunEveryBlockOnThePublishingThreadWhenInline() throws InterruptedException {
        final float[] x = impulses(50_000, 10, 1_000, 20_000, 49_000);
        final List<CollectingSink.Event> shared = run(plan(ThreadingMode.SHARED, EventMode.OFFLINE, 128), x, 128);
        try (GraphHarness h = GraphHarness.start(plan(ThreadingMode.INLINE, EventMode.OFFLINE, 128))) {
            assertEquals(0, h.runner().threadIds().length, "an inline graph has no thread of its own");
            h.publishBlock(x, 0, 128, 0);
            assertEquals(1L, h.counters().blocksProcessed(), "processed before publish returned");
            h.publish(java.util.Arrays.copyOfRange(x, 128, x.length), 128, 0);
            h.end();
            final List<CollectingSink.Event> inline = h.sink().events("test_peak");
            assertEquals(4, inline.size());
            for (int i = 0; i < shared.size(); i++) {
                assertEquals(shared.get(i).frame(), inline.get(i).frame(), "the same events as the shared thread");
                assertEquals(shared.get(i).emitFrame(), inline.get(i).emitFrame());
                assertEquals(shared.get(i).value(1), inline.get(i).value(1));
            }
        }
    }

    @Test
    void shouldRefuseInlineThreadingForLiveGraphs() {
        final IllegalArgumentException ex = org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> plan(ThreadingMode.INLINE, EventMode.LIVE, 128));
        assertTrue(ex.getMessage().contains("INLINE"), ex.getMessage());
    }

    @Test
    void shouldDeclareLatencyAsLongestPath() {
        assertEquals(7, plan(ThreadingMode.SHARED, EventMode.OFFLINE, 64).latencyFrames());
    }

    @Test
    void shouldResetNodesWhenStreamBreaks() throws InterruptedException {
        final GraphBuilder b = new GraphBuilder();
        final TestNodes.AbsSumNode abs = b.add(new TestNodes.AbsSumNode());
        final TestNodes.PeakNode peak = b.add(new TestNodes.PeakNode(abs, 0), abs);
        try (GraphHarness h = GraphHarness.start(b.build(GraphConfig.of("t", RATE, 64, EventMode.OFFLINE)))) {
            h.publish(new float[640], 64, 0);
            h.publish(new float[640], 64, FrameSlot.FLAG_STREAM_BREAK);
            h.end();
            assertEquals(1, abs.resets);
            assertEquals(1, peak.resets);
            assertEquals(1, h.counters().streamBreaks());
        }
    }

    @Test
    void shouldLoseNothingWhenEventRingIsFullOffline() throws InterruptedException {
        final float[] x = new float[200_000];
        java.util.Arrays.fill(x, 0.9f);
        final GraphBuilder b = new GraphBuilder();
        final TestNodes.AbsSumNode abs = b.add(new TestNodes.AbsSumNode());
        b.add(new TestNodes.PeakNode(abs, 0), abs);
        try (GraphHarness h = new GraphHarness(b.build(GraphConfig.of("t", RATE, 512, EventMode.OFFLINE)), 4096)) {
            h.publish(x, 512, 0);
            h.end();
            assertEquals(200_000, h.sink().events("test_peak").size());
            assertEquals(0, h.counters().eventsDropped());
        }
    }

    @Test
    void shouldDropAndCountWhenEventRingIsFullLive() throws InterruptedException {
        final float[] x = new float[200_000];
        java.util.Arrays.fill(x, 0.9f);
        final GraphBuilder b = new GraphBuilder();
        final TestNodes.AbsSumNode abs = b.add(new TestNodes.AbsSumNode());
        b.add(new TestNodes.PeakNode(abs, 0), abs);
        try (GraphHarness h = new GraphHarness(b.build(GraphConfig.of("t", RATE, 4096, EventMode.LIVE)), 4096)) {
            h.publish(x, 4096, 0);
            h.end();
            final long delivered = h.sink().events("test_peak").size();
            assertTrue(h.counters().eventsDropped() > 0, "a 4 KiB ring cannot hold 4096 events of one block");
            assertEquals(200_000, delivered + h.counters().eventsDropped(), "every event is delivered or counted");
        }
    }

    @Test
    void shouldBypassAndCountNodeWhenItThrows() throws InterruptedException {
        final GraphBuilder b = new GraphBuilder();
        final TestNodes.ThrowingNode bad = b.add(new TestNodes.ThrowingNode());
        final TestNodes.AbsSumNode abs = b.add(new TestNodes.AbsSumNode());
        b.add(new TestNodes.PeakNode(abs, 0), abs);
        try (GraphHarness h = GraphHarness.start(b.build(GraphConfig.of("t", RATE, 100, EventMode.OFFLINE)))) {
            h.publish(impulses(1_000, 950), 100, 0);
            h.end();
            assertEquals(1, h.counters().nodeErrors());
            assertEquals(3, bad.processed, "not called again after throwing");
            assertEquals(1, h.sink().events("test_peak").size(), "the rest of the graph keeps running");
        }
    }

    @Test
    void shouldNotAllocateOnGraphThreadInSteadyStateWhenShared() throws InterruptedException {
        assertSteadyStateAllocationFree(ThreadingMode.SHARED);
    }

    @Test
    void shouldNotAllocateOnThePublishingThreadInSteadyStateWhenInline() throws InterruptedException {
        assertSteadyStateAllocationFree(ThreadingMode.INLINE);
    }

    @Test
    void shouldNotAllocateOnGraphThreadsInSteadyStateWhenDedicated() throws InterruptedException {
        assertSteadyStateAllocationFree(ThreadingMode.DEDICATED);
    }

    private static void assertSteadyStateAllocationFree(final ThreadingMode mode) throws InterruptedException {
        final float[] x = impulses(48_000, 100, 24_000);
        try (GraphHarness h = GraphHarness.start(plan(mode, EventMode.OFFLINE, 256))) {
            h.sink().recording(false);
            final long[] windows = h.allocationWindows(x, 256, 20_000, 10_000, 5);
            assertEquals(0, windows[windows.length - 1],
                "bytes allocated on graph threads per 10,000-block window: " + java.util.Arrays.toString(windows));
            h.end();
        }
    }
}
