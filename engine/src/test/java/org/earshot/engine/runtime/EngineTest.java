package org.earshot.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.status.CountersReader;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.status.CountersFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineTest {
    private static final int RATE = 16_000;

    /** A source over an array, offline or live, in uneven reads. */
    static class ArraySource implements AudioSource {
        private final float[] samples;
        private final boolean live;
        private int pos;

        ArraySource(final float[] samples, final boolean live) {
            this.samples = samples;
            this.live = live;
        }

        @Override
        public int sampleRateHz() {
            return RATE;
        }

        @Override
        public boolean live() {
            return live;
        }

        @Override
        public int read(final float[] dst, final int offset, final int maxFrames) {
            if (pos >= samples.length) {
                return END_OF_STREAM;
            }
            final int n = Math.min(Math.min(maxFrames, 97), samples.length - pos);
            System.arraycopy(samples, pos, dst, offset, n);
            pos += n;
            return n;
        }

        @Override
        public String describe() {
            return "array";
        }
    }

    private static RenderPlan plan(final int latency, final EventMode mode) {
        final GraphBuilder b = new GraphBuilder();
        final TestNodes.AbsSumNode abs = b.add(new TestNodes.AbsSumNode());
        b.add(new TestNodes.PeakNode(abs, latency), abs);
        return b.build(GraphConfig.of("room1", RATE, 160, mode));
    }

    @Test
    void shouldDeliverEveryEventAndPadTailWhenSourceEnds() throws Exception {
        final float[] x = new float[RATE * 3];
        x[0] = 0.9f;
        x[12_345] = 0.9f;
        x[x.length - 1] = 0.9f;
        final CollectingSink sink = new CollectingSink();
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of(sink)))) {
            final Engine.Graph g = engine.addGraph(plan(500, EventMode.OFFLINE), new ArraySource(x, false));
            engine.start();
            assertTrue(engine.awaitCompletion(30, TimeUnit.SECONDS));
            assertEquals(List.of(0L, 12_345L, (long)x.length - 1),
                sink.events("test_peak").stream().map(CollectingSink.Event::frame).toList());
            final long blocks = (x.length + 159) / 160 + (500 + 159) / 160 + 1;
            assertEquals(blocks, g.counters().blocksProcessed(), "blocks + latency tail + end slot");
            assertEquals(3, g.counters().eventsDelivered());
        }
    }

    @Test
    void shouldRunManyGraphsOnASmallPoolOfThreads() throws Exception {
        final CollectingSink sink = new CollectingSink();
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of(sink)).withGraphThreads(2))) {
            for (int room = 0; room < 8; room++) {
                final float[] x = new float[RATE * 2];
                x[1_000 + room] = 0.9f;
                final GraphBuilder b = new GraphBuilder();
                final TestNodes.AbsSumNode abs = b.add(new TestNodes.AbsSumNode());
                b.add(new TestNodes.PeakNode(abs, 0), abs);
                engine.addGraph(b.build(GraphConfig.of("room" + room, RATE, 160, EventMode.OFFLINE)),
                    new ArraySource(x, false));
            }
            engine.start();
            assertTrue(engine.awaitCompletion(30, TimeUnit.SECONDS));
            final List<CollectingSink.Event> events = sink.events("test_peak");
            assertEquals(8, events.size());
            for (final CollectingSink.Event e : events) {
                assertEquals(1_000L + e.graphId(), e.frame(), "each room's event comes from its own graph");
            }
            final long graphThreads = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("graph-room")).count();
            assertEquals(2, graphThreads, "8 graphs share 2 threads");
        }
    }

    @Test
    void shouldZeroAndCountNonFiniteSamples() throws Exception {
        final float[] x = new float[RATE];
        x[10] = Float.NaN;
        x[20] = Float.POSITIVE_INFINITY;
        final CollectingSink sink = new CollectingSink();
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of(sink)))) {
            final Engine.Graph g = engine.addGraph(plan(0, EventMode.OFFLINE), new ArraySource(x, false));
            engine.start();
            assertTrue(engine.awaitCompletion(30, TimeUnit.SECONDS));
            assertEquals(2, g.counters().nonFiniteSamples());
            assertTrue(sink.events("test_peak").isEmpty());
        }
    }

    @Test
    void shouldRecordBlockTimesPerGraphAndNode() throws Exception {
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of()))) {
            engine.addGraph(plan(0, EventMode.OFFLINE), new ArraySource(new float[RATE * 2], false));
            engine.start();
            assertTrue(engine.awaitCompletion(30, TimeUnit.SECONDS));
            engine.close();
            final Map<String, Histogram> totals = engine.blockTimeTotals();
            assertEquals(List.of("room1", "room1/abs", "room1/peak"), List.copyOf(totals.keySet()));
            assertEquals(RATE * 2 / 160 + 1, totals.get("room1").getTotalCount());
        }
    }

    @Test
    void shouldPublishCountersThatAnotherMappingReadsLive(@TempDir final Path dir) throws Exception {
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of()).withCountersDirectory(dir))) {
            engine.addGraph(plan(0, EventMode.OFFLINE), new ArraySource(new float[RATE], false));
            engine.start();
            assertTrue(engine.awaitCompletion(30, TimeUnit.SECONDS));
            final List<CountersFile.Published> found = CountersFile.findPublished(dir);
            assertEquals(1, found.size());
            assertEquals(ProcessHandle.current().pid(), found.get(0).pid());
            final CountersReader reader = found.get(0).reader();
            final long[] blocks = {-1};
            reader.forEach((id, typeId, keyBuffer, label) -> {
                if (label.equals("room1: blocks processed")) {
                    blocks[0] = reader.getCounterValue(id);
                }
            });
            assertEquals(RATE / 160 + 1, blocks[0]);
        }
        assertTrue(Files.list(dir).findAny().isEmpty(), "the counters file is removed on close");
    }

    @Test
    void shouldRefuseSourceAtOtherRate() {
        final AudioSource other = new ArraySource(new float[10], false) {
            @Override
            public int sampleRateHz() {
                return 44_100;
            }
        };
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of()))) {
            final IllegalArgumentException ex = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> engine.addGraph(plan(0, EventMode.OFFLINE), other));
            assertEquals("source array delivers 44100 Hz but graph room1 runs at 16000 Hz", ex.getMessage());
        } catch (final InterruptedException ex) {
            throw new AssertionError(ex);
        }
    }

    @Test
    void shouldReportSourceFailureAndStillEndStream() throws Exception {
        final AudioSource failing = new ArraySource(new float[RATE], false) {
            private int calls;

            @Override
            public int read(final float[] dst, final int offset, final int maxFrames) {
                if (++calls == 5) {
                    throw new IllegalStateException("device unplugged");
                }
                return super.read(dst, offset, maxFrames);
            }
        };
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of()))) {
            engine.addGraph(plan(0, EventMode.OFFLINE), failing);
            engine.start();
            assertTrue(engine.awaitCompletion(30, TimeUnit.SECONDS));
            assertEquals("device unplugged", engine.sourceFailure().getMessage());
        }
    }

    @Test
    void shouldCountOverrunsWhenLiveGraphFallsBehind() throws Exception {
        final GraphBuilder b = new GraphBuilder();
        b.add(new TestNodes.ThrowingNode() {
            @Override
            public void process(final org.earshot.engine.BlockContext ctx) {
                java.util.concurrent.locks.LockSupport.parkNanos(2_000_000);
            }
        });
        final RenderPlan slow = b.build(GraphConfig.of("slow", RATE, 160, EventMode.LIVE).withRingSlots(4));
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of()))) {
            final Engine.Graph g = engine.addGraph(slow, new ArraySource(new float[RATE], true));
            engine.start();
            assertTrue(engine.awaitCompletion(30, TimeUnit.SECONDS));
            assertTrue(g.counters().captureOverruns() > 0, "a 4-slot ring behind an instant source overruns");
            assertTrue(g.counters().streamBreaks() > 0, "the block after an overrun is a stream break");
        }
    }

}
