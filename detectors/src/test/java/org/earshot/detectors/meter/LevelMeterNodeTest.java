package org.earshot.detectors.meter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.CollectingSink;
import org.earshot.engine.runtime.GraphHarness;
import org.junit.jupiter.api.Test;

class LevelMeterNodeTest {
    private static final int RATE = 48_000;

    private static RenderPlan plan(final int maxBlock) {
        final GraphBuilder b = new GraphBuilder();
        b.add(new LevelMeterNode(LevelMeterConfig.defaults()));
        return b.build(GraphConfig.of("t", RATE, 256, EventMode.OFFLINE).withMaxBlockFrames(maxBlock));
    }

    /** A full-scale sine for 0.5 s, then silence for 0.5 s. */
    private static float[] sineThenSilence() {
        final float[] x = new float[RATE];
        for (int i = 0; i < RATE / 2; i++) {
            x[i] = (float)Math.sin(2 * Math.PI * 1000 * i / RATE);
        }
        return x;
    }

    private static List<CollectingSink.Event> run(final float[] x, final int block) throws InterruptedException {
        try (GraphHarness h = GraphHarness.start(plan(4096))) {
            h.publish(x, block, 0);
            h.end();
            return h.sink().events("level");
        }
    }

    @Test
    void shouldReportSineRmsAndPeakThenFloorForSilence() throws InterruptedException {
        final List<CollectingSink.Event> events = run(sineThenSilence(), 256);
        assertEquals(10, events.size(), "one event per 100 ms window");
        assertEquals(4_800L, events.get(0).frame());
        assertEquals(-3.0103, events.get(0).value(0), 0.01, "RMS of a full-scale sine is -3.01 dBFS");
        assertEquals(0.0, events.get(0).value(1), 0.01, "peak of a full-scale sine is 0 dBFS");
        assertEquals(LevelMeterNode.FLOOR_DB, events.get(9).value(0));
    }

    @Test
    void shouldGiveIdenticalEventsWhateverTheBlockSize() throws InterruptedException {
        final List<CollectingSink.Event> reference = run(sineThenSilence(), 256);
        for (final int block : new int[] {1, 37, 4096}) {
            final List<CollectingSink.Event> events = run(sineThenSilence(), block);
            assertEquals(reference.size(), events.size());
            for (int i = 0; i < events.size(); i++) {
                assertEquals(reference.get(i).frame(), events.get(i).frame());
                assertEquals(reference.get(i).value(0), events.get(i).value(0), 1e-9, "block " + block);
            }
        }
    }

    @Test
    void shouldNotAllocateInSteadyState() throws InterruptedException {
        try (GraphHarness h = GraphHarness.start(plan(256))) {
            h.sink().recording(false);
            final long[] windows = h.allocationWindows(sineThenSilence(), 256, 20_000, 10_000, 3);
            assertEquals(0, windows[windows.length - 1], java.util.Arrays.toString(windows));
            h.end();
        }
    }

    @Test
    void shouldNameWindowRangeWhenInvalid() {
        assertEquals("windowMs must be in [5, 10000], got 1", assertThrows(IllegalArgumentException.class,
            () -> new LevelMeterConfig("level", 1)).getMessage());
    }
}
