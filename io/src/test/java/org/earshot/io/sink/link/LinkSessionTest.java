package org.earshot.io.sink.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

/** Session choice, timeline adoption and beat alignment, stepped with made-up host times (us). */
class LinkSessionTest {
    private static final NodeId ME = new NodeId(0x5000L);
    private static final NodeId OLD = new NodeId(0x9000L);
    private static final long T0 = 1_000_000_000L;
    private static final InetSocketAddress EP = new InetSocketAddress("127.0.0.1", 40_000);

    private static NodeState peer(final NodeId node, final NodeId session, final Timeline tl) {
        return new NodeState(node, session, tl, StartStopState.INITIAL, EP);
    }

    /** A session joined: the other one's ghost clock reads 10 s more than this node's. */
    private static LinkSession joined(final Timeline theirs) {
        final LinkSession s = new LinkSession(ME, 120.0, T0);
        s.onPeerState(peer(OLD, OLD, theirs), 5, 0, T0 + 1_000L);
        final LinkSession.MeasurementRequest r = s.pollMeasurement(T0 + 1_000L);
        assertTrue(s.onMeasurement(r.session(), true, s.ghostOffset() + 10_000_000L, T0 + 2_000L));
        return s;
    }

    /** @return how far a beat is from the given phase modulo 4 beats, micro-beats, signed */
    private static long phaseError(final long microBeats, final long phase) {
        final long d = Math.floorMod(microBeats - phase, 4_000_000L);
        return d > 2_000_000L ? d - 4_000_000L : d;
    }

    @Test
    void shouldFoundItsOwnSessionWithGhostTimeZeroAtTheStart() {
        final LinkSession s = new LinkSession(ME, 120.0, T0);
        assertEquals(ME, s.session());
        assertEquals(0L, s.ghost(T0));
        assertEquals(new Timeline(500_000L, 0L, 0L), s.timeline());
        assertEquals(0, s.sessionPeers());
        assertNull(s.pollMeasurement(T0 + 60_000_000L), "its own clock is never measured");
    }

    @Test
    void shouldMeasureAnotherSessionAndJoinItWhenItIsOlder() {
        final Timeline theirs = new Timeline(451_128L, 9_413L, -438L);
        final LinkSession s = new LinkSession(ME, 120.0, T0);
        assertFalse(s.onPeerState(peer(OLD, OLD, theirs), 5, 1, T0 + 1_000L));
        assertEquals(0, s.sessionPeers(), "not in its session yet");
        final LinkSession.MeasurementRequest r = s.pollMeasurement(T0 + 1_000L);
        assertEquals(new LinkSession.MeasurementRequest(OLD, OLD, EP, 1), r);
        assertNull(s.pollMeasurement(T0 + 1_000L), "one measurement per session");
        assertTrue(s.onMeasurement(OLD, true, s.ghostOffset() + 600_000L, T0 + 2_000L));
        assertEquals(OLD, s.session());
        assertEquals(theirs, s.timeline());
        assertEquals(1, s.sessionPeers());
    }

    @Test
    void shouldKeepItsSessionWhenTheOtherIsYoungerAndBreakTiesBySmallerId() {
        final LinkSession s = new LinkSession(ME, 120.0, T0);
        s.onPeerState(peer(OLD, OLD, new Timeline(400_000L, 0L, 0L)), 5, 0, T0);
        assertFalse(s.onMeasurement(s.pollMeasurement(T0).session(), true, s.ghostOffset() - 600_000L, T0));
        assertEquals(ME, s.session(), "a younger session loses");
        final NodeId smaller = new NodeId(0x10L);
        s.onPeerState(peer(smaller, smaller, new Timeline(400_000L, 0L, 0L)), 5, 0, T0);
        assertTrue(s.onMeasurement(s.pollMeasurement(T0).session(), true, s.ghostOffset() + 100_000L, T0));
        assertEquals(smaller, s.session(), "as old, and a smaller id: it wins");
    }

    @Test
    void shouldForgetASessionWhoseClockCouldNotBeMeasuredAndTryAgainWhenItsPeerIsHeardAgain() {
        final LinkSession s = new LinkSession(ME, 120.0, T0);
        final NodeState other = peer(OLD, OLD, new Timeline(400_000L, 0L, 0L));
        s.onPeerState(other, 5, 0, T0);
        assertFalse(s.onMeasurement(s.pollMeasurement(T0).session(), false, 0L, T0));
        s.onPeerState(other, 5, 0, T0 + 250_000L);
        assertNotNull(s.pollMeasurement(T0 + 250_000L));
    }

    @Test
    void shouldAdoptAPeerTimelineOnlyWhenItsBeatOriginIsLarger() {
        final LinkSession s = joined(new Timeline(500_000L, 1_000L, 0L));
        final NodeId third = new NodeId(0x7777L);
        assertFalse(s.onPeerState(peer(third, OLD, new Timeline(400_000L, 1_000L, 5L)), 5, 0, T0));
        assertEquals(new Timeline(500_000L, 1_000L, 0L), s.timeline());
        assertTrue(s.onPeerState(peer(third, OLD, new Timeline(400_000L, 1_001L, 5L)), 5, 0, T0));
        assertEquals(new Timeline(400_000L, 1_001L, 5L), s.timeline());
        assertEquals(2, s.sessionPeers());
    }

    @Test
    void shouldPutThePredictedDownbeatOnPhaseZeroAtTheTrackedTempo() {
        final LinkSession s = joined(new Timeline(451_128L, 9_413L, -438L));
        final long now = T0 + 3_000_000L;
        final long beatHost = now + 120_000L;
        assertTrue(s.alignBeat(beatHost, 120.0, 1, 4, 4, now));
        final Timeline tl = s.timeline();
        assertEquals(500_000L, tl.microsPerBeat());
        assertTrue(tl.beatOrigin() > 9_413L, "a larger beat origin, so that peers adopt it");
        final long beat = tl.microBeatsAt(s.ghost(beatHost));
        assertEquals(0L, phaseError(beat, 0L), 1L, "beat " + beat + " on phase 0 (to a micro-beat: time is in us)");
        // the second beat of the bar, half a second later, is on phase 1 with no further change
        assertFalse(s.alignBeat(beatHost + 500_000L, 120.0, 2, 4, 4, now));
        assertTrue(s.alignBeat(beatHost + 500_000L, 120.0, 3, 4, 4, now), "bar position 3 there moves the bar");
        assertEquals(0L, phaseError(s.timeline().microBeatsAt(s.ghost(beatHost + 500_000L)), 2_000_000L), 1L);
    }

    @Test
    void shouldLeaveATimelineAloneWithinTwoMillisecondsAndAFiftiethOfABpm() {
        final LinkSession s = new LinkSession(ME, 120.0, T0);
        // session beat 8 is at ghost 4 s
        final long beatHost = T0 + 4_000_000L + 1_500L;
        assertFalse(s.alignBeat(beatHost, 120.04, 1, 4, 4, T0 + 3_900_000L));
        assertTrue(s.alignBeat(beatHost + 1_000L, 120.04, 1, 4, 4, T0 + 3_900_000L), "2.5 ms late");
    }

    @Test
    void shouldAlignBeatsButNotBarsWhenTheMeterDiffersFromTheQuantum() {
        assertEquals(9L, LinkSession.targetBeat(9_200_000L, 1, 3, 4));
        assertEquals(8L, LinkSession.targetBeat(9_200_000L, 1, 4, 4));
        assertEquals(12L, LinkSession.targetBeat(10_100_000L, 1, 4, 4));
        assertEquals(-2L, LinkSession.targetBeat(-1_400_000L, 3, 4, 4));
    }

    @Test
    void shouldChangeTheTempoKeepingTheBeatNow() {
        final LinkSession s = new LinkSession(ME, 120.0, T0);
        final long now = T0 + 1_250_000L;
        final long before = s.timeline().microBeatsAt(s.ghost(now));
        assertTrue(s.setTempo(90.0, now));
        assertEquals(90.0, s.timeline().bpm(), 1e-3);
        assertEquals(before, s.timeline().microBeatsAt(s.ghost(now)), 1.0);
        assertFalse(s.setTempo(90.01, now));
    }

    @Test
    void shouldShareStartAndStopWithLaterTimestamps() {
        final LinkSession s = new LinkSession(ME, 120.0, T0);
        assertTrue(s.setPlaying(true, T0 + 2_000_000L, T0 + 1_900_000L));
        assertEquals(new StartStopState(true, 4_000_000L, 1_900_000L), s.startStop());
        assertFalse(s.setPlaying(true, T0 + 2_500_000L, T0 + 2_400_000L));
        assertTrue(s.setPlaying(false, T0 + 1_900_000L, T0 + 1_900_000L));
        assertEquals(1_900_001L, s.startStop().timestamp(), "never older than the state it replaces");
    }

    @Test
    void shouldReannounceAPlayingStateWithALaterTimestampAndTheSameBeat() {
        final LinkSession s = new LinkSession(ME, 120.0, T0);
        assertFalse(s.reannounceStartStop(T0 + 1_000_000L), "nothing to tell while stopped");
        s.setPlaying(true, T0 + 2_000_000L, T0 + 1_900_000L);
        assertTrue(s.reannounceStartStop(T0 + 5_000_000L));
        assertEquals(new StartStopState(true, 4_000_000L, 5_000_000L), s.startStop());
    }

    @Test
    void shouldDropPeersWhoseStateExpiredOrWhoSaidGoodbye() {
        final LinkSession s = joined(new Timeline(500_000L, 0L, 0L));
        final NodeId third = new NodeId(0x7777L);
        s.onPeerState(peer(OLD, OLD, new Timeline(500_000L, 0L, 0L)), 5, 0, T0 + 5_000_000L);
        s.onPeerState(peer(third, OLD, new Timeline(500_000L, 0L, 0L)), 1, 0, T0 + 5_000_000L);
        assertEquals(2, s.sessionPeers());
        s.prune(T0 + 6_500_000L);
        assertEquals(1, s.sessionPeers(), "the 1 s peer expired, the 5 s one not yet");
        s.onByeBye(OLD);
        assertEquals(0, s.sessionPeers());
    }
}
