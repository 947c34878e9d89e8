package org.earshot.detectors.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import org.earshot.detectors.denoise.DenoiserConfig;
import org.earshot.detectors.denoise.DenoiserNode;
import org.earshot.detectors.onset.OnsetConfig;
import org.earshot.detectors.onset.OnsetGraph;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.graph.ThreadingMode;
import org.earshot.engine.runtime.GraphHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The display tap on the real runtime: column rate and time stamps, calibration, block-size invariance,
 * the optional novelty and processed-audio inputs, drop-and-count when nobody reads in live mode, waiting in
 * offline mode, and the steady-state allocation test (every node gets it).
 */
class DisplayTapNodeTest {
    private static final int RATE = 48_000;
    private static final int MAX_BLOCK = 4096;

    /** A column as read by a test: frame and a copy of its floats. */
    record Column(long frame, float[] values) {
    }

    private static float[] sine(final double seconds, final double hz, final double amplitude) {
        final float[] x = new float[(int)(seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float)(amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return x;
    }

    /** Clicks every 0.5 s over quiet noise, so the novelty has peaks. */
    private static float[] clicksOverNoise(final double seconds) {
        final SplittableRandom random = new SplittableRandom(7);
        final float[] x = new float[(int)(seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float)(0.02 * (random.nextDouble() * 2 - 1));
        }
        for (int start = RATE / 4; start + 2000 < x.length; start += RATE / 2) {
            for (int i = 0; i < 2000; i++) {
                x[start + i] += (float)(0.8 * Math.exp(-i / 300.0) * Math.sin(2 * Math.PI * 180 * i / RATE));
            }
        }
        return x;
    }

    private static RenderPlan tapOnly(final DisplayTapNode tap, final int block, final EventMode mode) {
        final GraphBuilder b = new GraphBuilder();
        b.add(tap);
        return b.build(GraphConfig.of("t", RATE, block, mode).withMaxBlockFrames(MAX_BLOCK));
    }

    private static List<Column> drainAll(final DisplayColumns columns) {
        final List<Column> out = new ArrayList<>();
        columns.drain((frame, data, offset) ->
            out.add(new Column(frame, Arrays.copyOfRange(data, offset, offset + columns.stride()))), Integer.MAX_VALUE);
        return out;
    }

    private static List<Column> run(final float[] x, final int block) throws InterruptedException {
        final DisplayTapNode tap = new DisplayTapNode(DisplayTapConfig.defaults().withRingColumns(4096),
            EventMode.OFFLINE, null, null);
        try (GraphHarness h = GraphHarness.start(tapOnly(tap, block, EventMode.OFFLINE))) {
            h.publish(x, block, 0);
            h.end();
        }
        return drainAll(tap.columns());
    }

    @Test
    void shouldWriteFiftyColumnsPerSecondStampedAtTheirCentresWhenFedASine() throws InterruptedException {
        final List<Column> cols = run(sine(2.0, 1000, 1.0), 256);
        final int hop = DisplayTapNode.hopFrames(RATE, 50);
        final int window = DisplayTapNode.windowLength(RATE, hop);
        assertEquals(960, hop);
        assertEquals(2048, window);
        assertEquals((2 * RATE - window) / hop + 1, cols.size());
        for (int i = 0; i < cols.size(); i++) {
            assertEquals((long)i * hop + window / 2, cols.get(i).frame());
        }
        final Column c = cols.get(cols.size() / 2);
        assertEquals(-3.01, c.values()[DisplayColumns.IN_RMS_DB], 0.05, "full-scale sine RMS");
        assertEquals(0.0, c.values()[DisplayColumns.IN_PEAK_DB], 0.01, "full-scale sine peak");
        assertTrue(Float.isNaN(c.values()[DisplayColumns.NOVELTY]), "no novelty node: NaN");
        assertTrue(Float.isNaN(c.values()[DisplayColumns.OUT_RMS_DB]), "no processed audio: NaN");
        float loudest = -1000;
        for (int b = 0; b < 64; b++) {
            loudest = Math.max(loudest, c.values()[DisplayColumns.SCALARS + b]);
        }
        assertTrue(loudest > -1.0 && loudest < 3.0, "the sine's band reads about 0 dB, got " + loudest);
    }

    @Test
    void shouldWriteTheSameColumnsWhateverTheBlockSizes() throws InterruptedException {
        final float[] x = clicksOverNoise(1.5);
        final List<Column> reference = run(x, 256);
        for (final int block : new int[] {1, 97, 4096}) {
            final List<Column> other = run(x, block);
            assertEquals(reference.size(), other.size(), "block " + block);
            for (int i = 0; i < reference.size(); i++) {
                assertEquals(reference.get(i).frame(), other.get(i).frame());
                for (int k = DisplayColumns.SCALARS; k < reference.get(i).values().length; k++) {
                    assertEquals(reference.get(i).values()[k], other.get(i).values()[k], 1e-3,
                        "block " + block + ", column " + i + ", value " + k);
                }
            }
        }
    }

    @Test
    void shouldReportDigitalSilenceAtTheFloor() throws InterruptedException {
        final List<Column> cols = run(new float[RATE], 256);
        assertFalse(cols.isEmpty());
        for (final Column c : cols) {
            for (int k = DisplayColumns.IN_RMS_DB; k < c.values().length; k++) {
                if (k != DisplayColumns.OUT_RMS_DB) {
                    assertEquals(DisplayColumns.FLOOR_DB, c.values()[k], 0.0, "value " + k);
                }
            }
        }
    }

    private static final class Built {
        final RenderPlan plan;
        final DisplayTapNode tap;

        Built(final RenderPlan plan, final DisplayTapNode tap) {
            this.plan = plan;
            this.tap = tap;
        }
    }

    private static Built fullGraph(final EventMode mode, final ThreadingMode threading, final int ringColumns) {
        final GraphBuilder b = new GraphBuilder();
        final OnsetGraph onsets = OnsetGraph.addTo(b, OnsetConfig.defaults(), RATE);
        final DenoiserNode denoiser = b.add(new DenoiserNode(DenoiserConfig.defaults()));
        final DisplayTapNode tap = b.add(new DisplayTapNode(DisplayTapConfig.defaults().withRingColumns(ringColumns),
            mode, () -> onsets.novelty().output(), denoiser::output), onsets.novelty(), denoiser);
        final RenderPlan plan = b.build(GraphConfig.of("t", RATE, 256, mode).withThreadingMode(threading));
        return new Built(plan, tap);
    }

    @Test
    void shouldCarryNoveltyAndTheProcessedLevelWhenThoseNodesAreTapped() throws InterruptedException {
        final Built built = fullGraph(EventMode.OFFLINE, ThreadingMode.SHARED, 4096);
        try (GraphHarness h = GraphHarness.start(built.plan)) {
            h.publish(clicksOverNoise(3.0), 256, 0);
            h.end();
        }
        final List<Column> cols = drainAll(built.tap.columns());
        float maxNovelty = 0;
        int finiteOut = 0;
        for (final Column c : cols) {
            assertFalse(Float.isNaN(c.values()[DisplayColumns.NOVELTY]));
            maxNovelty = Math.max(maxNovelty, c.values()[DisplayColumns.NOVELTY]);
            if (c.values()[DisplayColumns.OUT_RMS_DB] > DisplayColumns.FLOOR_DB) {
                finiteOut++;
            }
        }
        assertTrue(maxNovelty > 0, "clicks give novelty peaks");
        assertTrue(finiteOut > cols.size() / 2,
            "the denoiser's output is metered: " + finiteOut + " of " + cols.size());
    }

    @Test
    void shouldDropAndCountColumnsWhenNobodyReadsInLiveMode() throws InterruptedException {
        final DisplayTapNode tap = new DisplayTapNode(DisplayTapConfig.defaults().withRingColumns(16), EventMode.LIVE,
            null, null);
        try (GraphHarness h = GraphHarness.start(tapOnly(tap, 256, EventMode.LIVE))) {
            h.publish(sine(2.0, 440, 0.5), 256, 0);
            h.end();
        }
        final long total = (2 * RATE - 2048) / 960 + 1;
        assertEquals(16, tap.columns().available());
        assertEquals(total - 16, tap.columns().dropped());
        assertEquals(16, tap.columns().written());
    }

    @Test
    void shouldWaitForRoomAndLoseNothingInOfflineMode() throws InterruptedException {
        final DisplayTapNode tap = new DisplayTapNode(DisplayTapConfig.defaults().withRingColumns(16),
            EventMode.OFFLINE, null, null);
        final List<Long> frames = new ArrayList<>();
        final AtomicBoolean done = new AtomicBoolean();
        final Thread reader = new Thread(() -> {
            while (!done.get() || tap.columns().available() > 0) {
                tap.columns().drain((frame, data, offset) -> frames.add(frame), 3);
                Thread.onSpinWait();
            }
        });
        reader.start();
        try (GraphHarness h = GraphHarness.start(tapOnly(tap, 256, EventMode.OFFLINE))) {
            h.publish(sine(4.0, 440, 0.5), 256, 0);
            h.end();
        } finally {
            done.set(true);
            reader.join(10_000);
        }
        assertEquals((4 * RATE - 2048) / 960 + 1, frames.size());
        assertEquals(0, tap.columns().dropped());
    }

    @ParameterizedTest
    @EnumSource(value = ThreadingMode.class, names = {"SHARED", "DEDICATED"}) // a live graph (INLINE is offline)
    void shouldNotAllocateInSteadyStateWhenTappingNoveltyAndDenoiser(final ThreadingMode threading)
        throws InterruptedException {
        final Built built = fullGraph(EventMode.LIVE, threading, 64);
        final AtomicBoolean done = new AtomicBoolean();
        final DisplayColumns columns = built.tap.columns();
        final long[] read = new long[1];
        final Thread reader = new Thread(() -> {
            while (!done.get()) {
                read[0] += columns.drain((frame, data, offset) -> { }, 16);
                Thread.onSpinWait();
            }
        });
        reader.setDaemon(true);
        reader.start();
        try (GraphHarness h = GraphHarness.start(built.plan)) {
            h.sink().recording(false);
            final long[] windows = h.allocationWindows(clicksOverNoise(2.0), 256, 20_000, 10_000, 3);
            System.out.println("display tap (" + threading + ") allocation windows (bytes per 10,000 blocks): "
                + Arrays.toString(windows));
            assertEquals(0, windows[windows.length - 1], Arrays.toString(windows));
            h.end();
        } finally {
            done.set(true);
            reader.join(10_000);
        }
        assertTrue(columns.written() > 1000, "columns written: " + columns.written());
    }

    @Test
    void shouldNameTheFieldWhenAConfigValueIsOutOfRange() {
        assertEquals("columnsPerSecond must be in [1, 50], got 60", assertThrows(IllegalArgumentException.class,
            () -> new DisplayTapConfig("d", 60, 64, 30, 16_000, 1024)).getMessage());
        assertEquals("melBands must be in [8, 256], got 4", assertThrows(IllegalArgumentException.class,
            () -> new DisplayTapConfig("d", 50, 4, 30, 16_000, 1024)).getMessage());
        assertEquals("minHz must be in [0, maxHz=100.0), got 200.0", assertThrows(IllegalArgumentException.class,
            () -> new DisplayTapConfig("d", 50, 64, 200, 100, 1024)).getMessage());
        assertEquals("maxHz must be in (0, 96000], got 0.0", assertThrows(IllegalArgumentException.class,
            () -> new DisplayTapConfig("d", 50, 64, 0, 0, 1024)).getMessage());
        assertEquals("ringColumns must be a power of two in [16, 65536], got 1000",
            assertThrows(IllegalArgumentException.class,
                () -> new DisplayTapConfig("d", 50, 64, 30, 16_000, 1000)).getMessage());
        assertEquals("name must not be blank", assertThrows(IllegalArgumentException.class,
            () -> new DisplayTapConfig(" ", 50, 64, 30, 16_000, 1024)).getMessage());
        assertEquals("mode must not be null", assertThrows(IllegalArgumentException.class,
            () -> new DisplayTapNode(DisplayTapConfig.defaults(), null, null, null)).getMessage());
    }
}
