package org.earshot.io.sink.link;

import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * The Link session this node is in, and what it publishes there: no I/O and no clock of its own (every method takes
 * the host time, in microseconds), so it can be stepped deterministically by tests; {@link LinkNode} drives it from
 * its one thread.
 *
 * <p>The rules it follows are Link's, so that other peers agree with it:
 * <ul>
 *   <li>A node starts alone, in a session named after itself, whose ghost time is its host time minus the start.
 *       When it sees a peer in another session it measures that session's ghost clock (through
 *       {@link #pollMeasurement}); if that clock is ahead of its own by more than half a second (the other session
 *       is older), or within half a second and the other session's id is smaller, it joins that session: adopts its
 *       ghost clock and timeline. Peers in the losing session do the same, so all end up in one session.</li>
 *   <li>Within a session, a timeline whose beat origin is larger than the one held replaces it; a start/stop state
 *       with a later timestamp replaces the one held. So whoever changes the timeline publishes it with a larger
 *       beat origin.</li>
 *   <li>The current session's clock is measured again every 30 s, when it is not this node's own.</li>
 * </ul>
 *
 * <p>On top, what earshot does: {@link #alignBeat} moves the timeline so that the session beat falls on a predicted
 * beat (on the bar position's phase modulo the quantum, when the meter equals the quantum) at the tracked tempo,
 * unless it is already within {@link #PHASE_TOLERANCE_US} and {@link #TEMPO_TOLERANCE_BPM};
 * {@link #setPlaying} shares start and stop.
 */
public final class LinkSession {
    /** Ghost clocks closer than this are equally old, us. */
    public static final long SESSION_EPS_US = 500_000L;
    /** Period of re-measuring the current session's clock, us. */
    public static final long REMEASURE_US = 30_000_000L;
    /** A predicted beat this close to a session beat needs no correction, us. */
    public static final long PHASE_TOLERANCE_US = 2_000L;
    /** A tempo this close to the session's needs no correction, BPM. */
    public static final double TEMPO_TOLERANCE_BPM = 0.05;

    /** A peer measurement the node should run. */
    public record MeasurementRequest(NodeId session, NodeId peer, InetSocketAddress endpoint, int gateway) {
    }

    private record Peer(NodeState state, int gateway, long expiresHost) {
    }

    private static final class OtherSession {
        Timeline timeline;
        boolean measuring;

        OtherSession(final Timeline timeline, final boolean measuring) {
            this.timeline = timeline;
            this.measuring = measuring;
        }
    }

    private final NodeId self;
    private final Map<NodeId, Peer> peers = new HashMap<>();
    private final Map<NodeId, OtherSession> others = new HashMap<>();
    private final ArrayDeque<MeasurementRequest> requests = new ArrayDeque<>();
    private NodeId session;
    private long ghostOffset;
    private Timeline timeline;
    private StartStopState startStop = StartStopState.INITIAL;
    private long lastMeasuredHost;
    private boolean remeasuring;

    /**
     * @param self     this node's id, also the id of the session it founds
     * @param bpm      the tempo of that session until beats arrive
     * @param nowHost  host time now, us: ghost time 0
     */
    public LinkSession(final NodeId self, final double bpm, final long nowHost) {
        this.self = self;
        this.session = self;
        this.ghostOffset = -nowHost;
        this.timeline = new Timeline(Timeline.microsPerBeat(bpm), 0L, 0L);
        this.lastMeasuredHost = nowHost;
    }

    /** @return this node's id */
    public NodeId self() {
        return self;
    }

    /** @return the session this node is in */
    public NodeId session() {
        return session;
    }

    /** @return the session timeline */
    public Timeline timeline() {
        return timeline;
    }

    /** @return the session's start/stop state */
    public StartStopState startStop() {
        return startStop;
    }

    /** @return ghost time minus host time, us */
    public long ghostOffset() {
        return ghostOffset;
    }

    /**
     * @param host a host time, us
     * @return the session's ghost time then
     */
    public long ghost(final long host) {
        return host + ghostOffset;
    }

    /** @return peers (other than this node) in this node's session */
    public int sessionPeers() {
        int n = 0;
        for (final Peer p : peers.values()) {
            if (p.state().session().equals(session)) {
                n++;
            }
        }
        return n;
    }

    /**
     * @param measurementEndpoint where this node answers pings on the gateway the state goes out on
     * @return this node's state, to announce
     */
    public NodeState state(final InetSocketAddress measurementEndpoint) {
        return new NodeState(self, session, timeline, startStop, measurementEndpoint);
    }

    /**
     * A peer's ALIVE or RESPONSE.
     *
     * @param state   what it announced
     * @param ttl     seconds its state stays valid
     * @param gateway the gateway it was heard on
     * @param nowHost host time now, us
     * @return true if this node's own announced state changed
     */
    public boolean onPeerState(final NodeState state, final int ttl, final int gateway, final long nowHost) {
        if (state.node().equals(self)) {
            return false;
        }
        peers.put(state.node(), new Peer(state, gateway, nowHost + ttl * 1_000_000L));
        boolean changed = false;
        if (state.session().equals(session)) {
            if (state.timeline().beatOrigin() > timeline.beatOrigin()) {
                timeline = state.timeline();
                changed = true;
            }
            if (state.startStop().timestamp() > startStop.timestamp()) {
                startStop = state.startStop();
                changed = true;
            }
            return changed;
        }
        final OtherSession other = others.get(state.session());
        if (other != null) {
            if (state.timeline().beatOrigin() > other.timeline.beatOrigin()) {
                other.timeline = state.timeline();
            }
        } else if (state.measurementEndpoint() != null) {
            others.put(state.session(), new OtherSession(state.timeline(), true));
            requests.add(new MeasurementRequest(state.session(), state.node(), state.measurementEndpoint(),
                gateway));
        }
        return false;
    }

    /**
     * A peer's BYEBYE.
     *
     * @param node the peer leaving
     */
    public void onByeBye(final NodeId node) {
        peers.remove(node);
    }

    /**
     * Forgets peers whose state expired, and sessions nobody is left in.
     *
     * @param nowHost host time now, us
     */
    public void prune(final long nowHost) {
        peers.values().removeIf(p -> p.expiresHost() - nowHost < 0);
        final Iterator<Map.Entry<NodeId, OtherSession>> it = others.entrySet().iterator();
        while (it.hasNext()) {
            final Map.Entry<NodeId, OtherSession> e = it.next();
            if (!e.getValue().measuring && peers.values().stream()
                .noneMatch(p -> p.state().session().equals(e.getKey()))) {
                it.remove();
            }
        }
    }

    /**
     * @param nowHost host time now, us
     * @return the next measurement to run, or null
     */
    public MeasurementRequest pollMeasurement(final long nowHost) {
        final MeasurementRequest next = requests.poll();
        if (next != null) {
            return next;
        }
        if (!session.equals(self) && !remeasuring && nowHost - lastMeasuredHost > REMEASURE_US) {
            final Peer peer = sessionPeer(session);
            lastMeasuredHost = nowHost;
            if (peer != null) {
                remeasuring = true;
                return new MeasurementRequest(session, peer.state().node(), peer.state().measurementEndpoint(),
                    peer.gateway());
            }
        }
        return null;
    }

    private Peer sessionPeer(final NodeId id) {
        Peer any = null;
        for (final Peer p : peers.values()) {
            if (p.state().session().equals(id) && p.state().measurementEndpoint() != null) {
                if (p.state().node().equals(id)) {
                    return p;
                }
                any = p;
            }
        }
        return any;
    }

    /**
     * The result of a measurement {@link #pollMeasurement} asked for.
     *
     * @param measured    the session measured
     * @param ok          whether it succeeded
     * @param offset      that session's ghost time minus this node's host time, us (when ok)
     * @param nowHost     host time now, us
     * @return true if this node's own announced state changed (it joined that session)
     */
    public boolean onMeasurement(final NodeId measured, final boolean ok, final long offset, final long nowHost) {
        if (measured.equals(session)) {
            remeasuring = false;
            lastMeasuredHost = nowHost;
            if (ok) {
                ghostOffset = offset;
            }
            return false;
        }
        final OtherSession other = others.get(measured);
        if (other == null) {
            return false;
        }
        if (!ok) {
            others.remove(measured);
            peers.values().removeIf(p -> p.state().session().equals(measured));
            return false;
        }
        other.measuring = false;
        final long ghostDiff = offset - ghostOffset;
        final boolean older = ghostDiff > SESSION_EPS_US;
        final boolean tieWon = Math.abs(ghostDiff) < SESSION_EPS_US && measured.compareTo(session) < 0;
        if (!older && !tieWon) {
            return false;
        }
        others.remove(measured);
        others.put(session, new OtherSession(timeline, false));
        session = measured;
        ghostOffset = offset;
        timeline = other.timeline;
        startStop = StartStopState.INITIAL;
        lastMeasuredHost = nowHost;
        remeasuring = false;
        for (final Peer p : peers.values()) {
            final NodeState s = p.state();
            if (s.session().equals(session)) {
                if (s.timeline().beatOrigin() > timeline.beatOrigin()) {
                    timeline = s.timeline();
                }
                if (s.startStop().timestamp() > startStop.timestamp()) {
                    startStop = s.startStop();
                }
            }
        }
        return true;
    }

    /**
     * Moves the session timeline onto a predicted beat, if it is not already there.
     *
     * @param beatHost host time of the predicted beat, us
     * @param bpm      tracked tempo
     * @param barPos   position in the bar, 1 = downbeat
     * @param meter    beats per bar
     * @param quantum  the quantum: the bar position sets the session phase modulo it when {@code meter == quantum}
     * @param nowHost  host time now, us
     * @return true if the timeline changed
     */
    public boolean alignBeat(final long beatHost, final double bpm, final int barPos, final int meter,
        final int quantum, final long nowHost) {
        if (!(bpm > 0.0)) {
            return false;
        }
        final long beatGhost = ghost(beatHost);
        final long period = Timeline.microsPerBeat(bpm);
        final long current = timeline.microBeatsAt(beatGhost);
        final long target = targetBeat(current, barPos, meter, quantum) * Timeline.MICRO_BEATS;
        final double errorUs = (current - target) / (double)Timeline.MICRO_BEATS * timeline.microsPerBeat();
        if (Math.abs(errorUs) <= PHASE_TOLERANCE_US
            && Math.abs(60e6 / period - timeline.bpm()) <= TEMPO_TOLERANCE_BPM) {
            return false;
        }
        final long origin = Math.max(timeline.microBeatsAt(ghost(nowHost)), timeline.beatOrigin() + 1);
        timeline = new Timeline(period, origin,
            beatGhost + Math.round((origin - target) / (double)Timeline.MICRO_BEATS * period));
        return true;
    }

    /**
     * @param currentMicroBeats the session beat at the predicted beat now, micro-beats
     * @param barPos            position in the bar, 1 = downbeat
     * @param meter             beats per bar
     * @param quantum           the quantum
     * @return the whole session beat the predicted beat should be: the nearest one, or the nearest whose phase
     *         modulo the quantum is {@code barPos - 1} when the meter equals the quantum
     */
    static long targetBeat(final long currentMicroBeats, final int barPos, final int meter, final int quantum) {
        final double current = currentMicroBeats / (double)Timeline.MICRO_BEATS;
        if (quantum < 1 || meter != quantum || barPos < 1 || barPos > quantum) {
            return Math.round(current);
        }
        final long phase = barPos - 1;
        final long base = Math.floorDiv(Math.round(Math.floor(current)), quantum) * quantum + phase;
        long best = base;
        for (long c = base - quantum; c <= base + quantum; c += quantum) {
            if (Math.abs(c - current) < Math.abs(best - current)) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Changes the tempo, keeping the session beat now where it is.
     *
     * @param bpm     the tempo
     * @param nowHost host time now, us
     * @return true if the timeline changed
     */
    public boolean setTempo(final double bpm, final long nowHost) {
        if (!(bpm > 0.0) || Math.abs(bpm - timeline.bpm()) <= TEMPO_TOLERANCE_BPM) {
            return false;
        }
        final long period = Timeline.microsPerBeat(bpm);
        final long nowGhost = ghost(nowHost);
        final long current = timeline.microBeatsAt(nowGhost);
        final long origin = Math.max(current, timeline.beatOrigin() + 1);
        timeline = new Timeline(period, origin,
            nowGhost + Math.round((origin - current) / (double)Timeline.MICRO_BEATS * period));
        return true;
    }

    /**
     * Announces a playing session's start/stop state again, with a new timestamp (the same beat): Link takes a
     * start/stop state only when it has not seen it before, so a peer that joined after the start would otherwise
     * stay stopped until the next change.
     *
     * @param nowHost host time now, us
     * @return true if the state changed (the session plays)
     */
    public boolean reannounceStartStop(final long nowHost) {
        if (!startStop.playing()) {
            return false;
        }
        startStop = new StartStopState(true, startStop.beats(), Math.max(ghost(nowHost), startStop.timestamp() + 1));
        return true;
    }

    /**
     * Starts or stops the session (peers with start/stop sync on follow).
     *
     * @param playing whether to play
     * @param atHost  host time of the change (the first beat, when starting), us
     * @param nowHost host time now, us
     * @return true if the state changed
     */
    public boolean setPlaying(final boolean playing, final long atHost, final long nowHost) {
        if (startStop.playing() == playing) {
            return false;
        }
        final long timestamp = Math.max(ghost(nowHost), startStop.timestamp() + 1);
        startStop = new StartStopState(playing, timeline.microBeatsAt(ghost(atHost)), timestamp);
        return true;
    }
}
