package org.earshot.io.sink.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.BooleanSupplier;

import org.earshot.engine.runtime.GraphInfo;
import org.earshot.io.sink.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two nodes in this JVM, on this machine's interfaces (loopback included, as two Link applications on one machine):
 * they find each other, end up in one session with one ghost clock, and a beat given to one moves the other's
 * timeline.
 */
@Timeout(30)
class LinkNodeTest {
    private static final GraphInfo GRAPH = new GraphInfo(0, "live", 48_000, 0, List.of());

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException {
        final long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("not within 5 s: " + what);
            }
            Thread.sleep(20L);
        }
    }

    @Test
    void shouldJoinOneSessionWithOneClockAndFollowTheOthersBeat() throws Exception {
        try (LinkNode a = new LinkNode(LinkSinkConfig.of(4), s -> { })) {
            a.start();
            Thread.sleep(700L); // a's session is the older by more than half a second: b joins it
            try (LinkNode b = new LinkNode(LinkSinkConfig.of(4), s -> { })) {
                b.start();
                joinAndFollow(a, b);
            }
        }
    }

    private static void joinAndFollow(final LinkNode a, final LinkNode b) throws InterruptedException {
        await("each sees the other in its session", () -> a.numPeers() == 1 && b.numPeers() == 1);
        assertEquals(a.self(), b.session(), "the older session wins");
        assertEquals(a.session(), b.session());
        final long now = LinkNode.hostMicros();
        assertEquals(a.ghostOffset(), b.ghostOffset(), 1_000.0, "one ghost clock (same host clock here)");

        final long beatHost = now + 300_000L;
        assertTrue(b.offer(LinkCommand.beat(beatHost, 97.0, 3, 4)));
        await("a adopts b's tempo", () -> Math.abs(a.timeline().bpm() - 97.0) < 0.01);
        final Timeline tl = a.timeline();
        final double beat = tl.beatsAt(beatHost + a.ghostOffset());
        assertEquals(2.0, Math.floorMod(Math.round(beat), 4), "bar position 3 is phase 2 at " + beat);
        assertEquals(0.0, beat - Math.round(beat), 0.002, "on the beat, within 1.2 ms");
        await("a plays too", a::playing);
    }

    @Test
    void shouldTurnBeatAndTempoEventsIntoCommandsForItsNode() throws Exception {
        final LinkSink sink = new LinkSink(LinkSinkConfig.of(4), s -> { });
        try {
            sink.onStart(List.of(GRAPH));
            final long captureNs = System.nanoTime();
            // predicted 4800 frames (100 ms) after it was emitted, at 140 BPM, a downbeat
            sink.onEvent(TestEvents.view(TestEvents.BEAT, 52_800L, 48_000L, captureNs, 1.0, 140.0, 1, 0.9, 0, 4),
                GRAPH);
            final LinkNode node = sink.node();
            await("the beat is applied", () -> Math.abs(node.timeline().bpm() - 140.0) < 0.01 && node.playing());
            final double beat = node.timeline().beatsAt(captureNs / 1_000L + 100_000L + node.ghostOffset());
            assertEquals(0.0, beat - 4.0 * Math.round(beat / 4.0), 0.002, "the downbeat on phase 0: " + beat);
            sink.onEvent(TestEvents.view(TestEvents.TEMPO, 60_000L, 60_000L, captureNs, 0.0, 0.2, 0.0), GRAPH);
            await("stopped when the tracker unlocks", () -> !node.playing());
            assertEquals(0L, sink.dropped());
        } finally {
            sink.close();
        }
    }
}
