package org.earshot.app.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.earshot.detectors.display.DisplayTapNode;
import org.earshot.engine.status.BlockTimer;
import org.earshot.engine.status.SystemCounter;

/**
 * The dashboard's duty cycle, on its own thread (never the audio thread, never the event agent's): moves
 * display columns out of the taps' rings and events out of the sink's queue into short histories, reads the
 * engine's counters once a second, and every tick sends each client one frame with what it has not seen yet.
 *
 * <h2>Back-pressure</h2>
 * A client acknowledges each frame ({@code {"type":"ack","seq":N}}) once it has handled it. At most
 * {@link #WINDOW} frames may be unacknowledged; while a client is at its window, or its transport still holds
 * more than {@link #MAX_QUEUED_MESSAGES} messages, it is skipped (counted) and its next frame carries
 * everything since its last one. A client that falls more than {@link #MAX_COLUMNS_PER_FRAME} columns behind
 * jumps ahead and is told how many it skipped. So a slow tab gets fewer, larger frames; the engine and the
 * other tabs never wait for it.
 *
 * <h2>Controls</h2>
 * {@code {"type":"set","id":"0/bypass","value":1}} is clamped to the control's range and posted to every
 * target node's command queue ({@code GraphRunner.trySetParameter}, lock-free); the node applies it on the
 * audio thread before its next block. Every client then sees the new value.
 *
 * <p>Transport threads hand connections and messages over through a bounded many-to-one queue, so all the
 * hub's state has one thread.
 */
final class DashboardHub implements Agent {
    /** Unacknowledged frames allowed per client. */
    static final int WINDOW = 2;
    /** Transport backlog above which a client is skipped. */
    static final int MAX_QUEUED_MESSAGES = 4;
    /** Time between frames, ns (25 frames per second at most). */
    static final long TICK_NS = TimeUnit.MILLISECONDS.toNanos(40);
    /** Time between health reports, ns. */
    static final long HEALTH_NS = TimeUnit.SECONDS.toNanos(1);
    /** Columns kept per graph (about 20 s at 50 per second). */
    static final int HISTORY_COLUMNS = 1024;
    /** Columns a new client is sent first (about 10 s). */
    static final int BACKFILL_COLUMNS = 500;
    /** Most columns in one frame per graph (10 s, the backfill); a client further behind skips ahead. */
    static final int MAX_COLUMNS_PER_FRAME = 500;
    /** Events kept. */
    static final int EVENT_HISTORY = 4096;
    /** Events a new client is sent first. */
    static final int BACKFILL_EVENTS = 400;
    /** Most events in one frame. */
    static final int MAX_EVENTS_PER_FRAME = 1000;
    /** Most clients at once. */
    static final int MAX_CLIENTS = 16;

    private static final int OPEN = 0;
    private static final int MESSAGE = 1;
    private static final int CLOSE = 2;

    /** A connection event handed over by a transport thread. */
    private record Command(int kind, ClientChannel channel, String text) {
    }

    private final String title;
    private final List<String> sinkNames;
    private final List<HubGraph> graphs;
    private final ColumnHistory[] histories;
    private final DashboardSink sink;
    private final LongSupplier nanoClock;
    private final Consumer<String> log;
    private final ManyToOneConcurrentArrayQueue<Command> commands = new ManyToOneConcurrentArrayQueue<>(4096);
    private final List<ClientSession> clients = new ArrayList<>();
    private final String[] events = new String[EVENT_HISTORY];
    private final List<Control> controls = new ArrayList<>();
    private final double[] controlValues;
    private final ReentrantLock linkLock = new ReentrantLock();
    private final Histogram latencyTotal = new Histogram(1, BlockTimer.HIGHEST_TRACKABLE_NS,
        BlockTimer.SIGNIFICANT_DIGITS);
    private final long startNs;
    private EngineLink link;
    private boolean attachedOnce;
    private Histogram latencyInterval;
    private long eventsNext;
    private long controlsVersion;
    private String health;
    private long healthSeq;
    private long nextTickNs;
    private long nextHealthNs;
    private long nextClientId = 1;
    private long framesSent;
    private long framesSkipped;
    private long clientsRefused;
    private final AtomicLong commandsDropped = new AtomicLong();

    /**
     * @param title     what the page's header says (preset and input)
     * @param sinkNames the engine's other sinks, for the health panel
     * @param graphs    the graphs, by id
     * @param sink      the dashboard's event sink
     * @param nanoClock the clock (injected in tests)
     * @param log       where one-line problems go
     */
    DashboardHub(final String title, final List<String> sinkNames, final List<HubGraph> graphs,
        final DashboardSink sink, final LongSupplier nanoClock, final Consumer<String> log) {
        this.title = title;
        this.sinkNames = List.copyOf(sinkNames);
        this.graphs = List.copyOf(graphs);
        this.sink = sink;
        this.nanoClock = nanoClock;
        this.log = log;
        this.histories = new ColumnHistory[graphs.size()];
        for (int g = 0; g < graphs.size(); g++) {
            final DisplayTapNode tap = graphs.get(g).tap();
            histories[g] = tap == null ? null : new ColumnHistory(tap.columns(), HISTORY_COLUMNS);
            controls.addAll(graphs.get(g).layout().controls());
        }
        controlValues = new double[controls.size()];
        for (int i = 0; i < controls.size(); i++) {
            controlValues[i] = controls.get(i).initial();
        }
        startNs = nanoClock.getAsLong();
        nextTickNs = startNs;
        nextHealthNs = startNs;
    }

    // ---------------------------------------------------------------- other threads

    /**
     * Gives the hub a running engine (any thread).
     *
     * @param engine the link
     */
    void attach(final EngineLink engine) {
        linkLock.lock();
        try {
            link = engine;
            attachedOnce = true;
        } finally {
            linkLock.unlock();
        }
    }

    /** Takes the engine away; once this returns the hub no longer reads its counters (any thread). */
    void detach() {
        linkLock.lock();
        try {
            link = null;
        } finally {
            linkLock.unlock();
        }
    }

    /**
     * A transport accepted a connection (transport thread).
     *
     * @param channel the connection
     */
    void onOpen(final ClientChannel channel) {
        offer(new Command(OPEN, channel, null));
    }

    /**
     * A client sent a text message (transport thread).
     *
     * @param channel the connection
     * @param text    the message
     */
    void onMessage(final ClientChannel channel, final String text) {
        offer(new Command(MESSAGE, channel, text));
    }

    /**
     * A connection closed (transport thread).
     *
     * @param channel the connection
     */
    void onClose(final ClientChannel channel) {
        offer(new Command(CLOSE, channel, null));
    }

    private void offer(final Command command) {
        if (!commands.offer(command)) {
            commandsDropped.incrementAndGet();
            if (command.kind() == OPEN) {
                command.channel().close(1013, "dashboard busy");
            }
        }
    }

    // ---------------------------------------------------------------- the duty cycle

    @Override
    public int doWork() {
        int work = commands.drain(this::apply, 256);
        for (final ColumnHistory h : histories) {
            if (h != null) {
                work += h.poll();
            }
        }
        work += pollEvents();
        final long now = nanoClock.getAsLong();
        if (now - nextHealthNs >= 0) {
            nextHealthNs = now + HEALTH_NS;
            health = healthJson(now);
            healthSeq++;
            work++;
        }
        if (now - nextTickNs >= 0) {
            nextTickNs = now + TICK_NS;
            work += sendFrames();
        }
        return work;
    }

    @Override
    public String roleName() {
        return "earshot-dashboard";
    }

    private int pollEvents() {
        int n = 0;
        String json;
        while (n < EVENT_HISTORY && (json = sink.poll()) != null) {
            events[(int)(eventsNext % EVENT_HISTORY)] = json;
            eventsNext++;
            n++;
        }
        return n;
    }

    private void apply(final Command c) {
        switch (c.kind()) {
            case OPEN -> open(c.channel());
            case MESSAGE -> {
                final ClientSession s = find(c.channel());
                if (s != null) {
                    onClientMessage(s, c.text());
                }
            }
            case CLOSE -> clients.removeIf(s -> s.channel == c.channel());
            default -> { }
        }
    }

    private void open(final ClientChannel channel) {
        if (clients.size() >= MAX_CLIENTS) {
            clientsRefused++;
            channel.close(1013, "too many dashboard clients");
            return;
        }
        final ClientSession s = new ClientSession(nextClientId++, channel, graphs.size());
        for (int g = 0; g < histories.length; g++) {
            if (histories[g] != null) {
                s.columnCursor[g] = Math.max(histories[g].oldest(), histories[g].next() - BACKFILL_COLUMNS);
            }
        }
        s.eventCursor = Math.max(0, eventsNext - BACKFILL_EVENTS);
        clients.add(s);
        channel.send(DashboardJson.hello(s.id, title, sinkNames, graphs, controls, controlValues));
    }

    private ClientSession find(final ClientChannel channel) {
        for (final ClientSession s : clients) {
            if (s.channel == channel) {
                return s;
            }
        }
        return null;
    }

    private void onClientMessage(final ClientSession s, final String text) {
        final Map<String, Object> m;
        try {
            m = Json.parseFlat(text);
        } catch (final IllegalArgumentException ex) {
            s.channel.send(DashboardJson.error("unreadable message: " + ex.getMessage()));
            return;
        }
        final Object type = m.get("type");
        if ("ack".equals(type) && m.get("seq") instanceof Double seq) {
            s.acked = Math.max(s.acked, seq.longValue());
        } else if ("set".equals(type) && m.get("id") instanceof String id && m.get("value") instanceof Double v) {
            set(s, id, v);
        } else if ("set".equals(type) && m.get("id") instanceof String id && m.get("value") instanceof Boolean v) {
            set(s, id, v ? 1.0 : 0.0);
        } else {
            s.channel.send(DashboardJson.error("unknown message " + text.substring(0, Math.min(80, text.length()))));
        }
    }

    private void set(final ClientSession s, final String id, final double requested) {
        int index = -1;
        for (int i = 0; i < controls.size(); i++) {
            if (controls.get(i).id().equals(id)) {
                index = i;
            }
        }
        if (index < 0) {
            s.channel.send(DashboardJson.error("no control " + id));
            return;
        }
        final Control control = controls.get(index);
        final double value = control.clamp(requested);
        if (Double.isNaN(value)) {
            s.channel.send(DashboardJson.controlReply(control, controlValues[index], false,
                "the value must be a finite number"));
            return;
        }
        String problem = null;
        linkLock.lock();
        try {
            if (link == null) {
                problem = "the engine is not running";
            } else {
                for (final Control.Target t : control.targets()) {
                    if (!link.trySetParameter(control.graphId(), t.node(), t.parameterId(), value)) {
                        problem = "node " + t.node() + " did not take the change (command queue full)";
                    }
                }
            }
        } finally {
            linkLock.unlock();
        }
        if (problem == null) {
            controlValues[index] = value;
            controlsVersion++;
        }
        final double inForce = problem == null ? value : controlValues[index];
        s.channel.send(DashboardJson.controlReply(control, inForce, problem == null, problem));
    }

    private int sendFrames() {
        int sent = 0;
        for (int i = clients.size() - 1; i >= 0; i--) {
            final ClientSession s = clients.get(i);
            if (!s.channel.isOpen()) {
                clients.remove(i);
                continue;
            }
            if (!hasNews(s)) {
                continue;
            }
            if (s.sent - s.acked >= WINDOW || s.channel.queuedMessages() > MAX_QUEUED_MESSAGES) {
                s.skipped++;
                framesSkipped++;
                continue;
            }
            s.channel.send(frameJson(s));
            s.sent++;
            framesSent++;
            sent++;
        }
        return sent;
    }

    private boolean hasNews(final ClientSession s) {
        if (eventsNext > s.eventCursor || healthSeq > s.healthSeen || controlsVersion > s.controlsSeen) {
            return true;
        }
        for (int g = 0; g < histories.length; g++) {
            if (histories[g] != null && histories[g].next() > s.columnCursor[g]) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- messages

    private String frameJson(final ClientSession s) {
        final StringBuilder b = new StringBuilder(4096);
        b.append("{\"type\":\"frame\",\"seq\":").append(s.sent + 1).append(",\"now\":[");
        for (int g = 0; g < graphs.size(); g++) {
            b.append(g > 0 ? "," : "").append(nowFrame(g));
        }
        b.append("],\"cols\":[");
        boolean first = true;
        for (int g = 0; g < histories.length; g++) {
            final ColumnHistory h = histories[g];
            if (h == null || h.next() <= s.columnCursor[g]) {
                continue;
            }
            final long from = Math.max(s.columnCursor[g], Math.max(h.oldest(), h.next() - MAX_COLUMNS_PER_FRAME));
            b.append(first ? "" : ",");
            first = false;
            h.appendJson(b, g, from, h.next(), from - s.columnCursor[g]);
            s.columnsSkipped += from - s.columnCursor[g];
            s.columnCursor[g] = h.next();
        }
        b.append("],\"events\":[");
        final long from = Math.max(s.eventCursor, eventsNext - EVENT_HISTORY);
        final long to = Math.min(eventsNext, from + MAX_EVENTS_PER_FRAME);
        for (long e = from; e < to; e++) {
            b.append(e > from ? "," : "").append(events[(int)(e % EVENT_HISTORY)]);
        }
        b.append("],\"eventsLost\":").append(from - s.eventCursor);
        s.eventCursor = to;
        if (healthSeq > s.healthSeen && health != null) {
            b.append(",\"health\":").append(health);
            s.healthSeen = healthSeq;
        }
        if (controlsVersion > s.controlsSeen) {
            b.append(",\"controls\":[");
            for (int i = 0; i < controls.size(); i++) {
                b.append(i > 0 ? "," : "").append("{\"id\":");
                Json.string(b, controls.get(i).id()).append(",\"value\":");
                Json.number(b, controlValues[i]).append('}');
            }
            b.append(']');
            s.controlsSeen = controlsVersion;
        }
        b.append(",\"client\":{\"id\":").append(s.id).append(",\"skipped\":").append(s.skipped)
            .append(",\"columnsSkipped\":").append(s.columnsSkipped).append("}}");
        return b.toString();
    }

    /** The stream position of a graph now: frames the graph has processed, else its newest column. */
    private long nowFrame(final int g) {
        linkLock.lock();
        try {
            if (link != null && link.counters() != null) {
                final long frames = link.counters().graph(g, SystemCounter.FRAMES_PROCESSED);
                if (frames >= 0) {
                    return frames;
                }
            }
        } finally {
            linkLock.unlock();
        }
        final ColumnHistory h = histories[g];
        return h == null ? -1 : h.newestFrame();
    }

    private String healthJson(final long nowNs) {
        latencyInterval = sink.intervalLatency(latencyInterval);
        latencyTotal.add(latencyInterval);
        final StringBuilder b = new StringBuilder(2048);
        b.append("{\"uptimeS\":");
        Json.number(b, Math.round((nowNs - startNs) / 1e8) / 10.0);
        b.append(",\"engine\":");
        linkLock.lock();
        try {
            final EngineCounters counters = link == null ? null : link.counters();
            final String state = link != null ? "running" : attachedOnce ? "stopped" : "starting";
            b.append('"').append(state).append("\",\"graphs\":[");
            for (int g = 0; g < graphs.size(); g++) {
                DashboardJson.graphHealth(b.append(g > 0 ? "," : ""), g, graphs.get(g), histories[g], counters);
            }
        } finally {
            linkLock.unlock();
        }
        b.append("],\"e2e\":");
        DashboardJson.histogram(b, latencyTotal);
        b.append(",\"e2eLastS\":");
        DashboardJson.histogram(b, latencyInterval);
        b.append(",\"sinks\":");
        DashboardJson.strings(b, sinkNames).append(",\"dashboard\":{\"clients\":").append(clients.size()).append(",\"framesSent\":").append(framesSent)
            .append(",\"framesSkipped\":").append(framesSkipped).append(",\"eventsDropped\":").append(sink.dropped())
            .append(",\"commandsDropped\":").append(commandsDropped.get()).append(",\"clientsRefused\":")
            .append(clientsRefused).append(",\"perClient\":[");
        for (int i = 0; i < clients.size(); i++) {
            final ClientSession s = clients.get(i);
            b.append(i > 0 ? "," : "").append("{\"id\":").append(s.id).append(",\"sent\":").append(s.sent)
                .append(",\"skipped\":").append(s.skipped).append(",\"inFlight\":").append(s.sent - s.acked)
                .append(",\"columnsSkipped\":").append(s.columnsSkipped).append('}');
        }
        return b.append("]}}").toString();
    }

    /** Closes every client (after the last frames have been sent). */
    @Override
    public void onClose() {
        doWork();
        for (final ClientSession s : clients) {
            s.channel.close(1001, "earshot stopped");
        }
        clients.clear();
    }

    /** @return clients connected (hub thread or tests) */
    int clientCount() {
        return clients.size();
    }

    /** @return frames skipped for clients at their window, in total (hub thread or tests) */
    long framesSkipped() {
        return framesSkipped;
    }

    /** @return frames sent in total (hub thread or tests) */
    long framesSent() {
        return framesSent;
    }

    /** @return where problems are reported */
    Consumer<String> log() {
        return log;
    }

    /** Per-client state, hub thread only. */
    private static final class ClientSession {
        final long id;
        final ClientChannel channel;
        final long[] columnCursor;
        long eventCursor;
        long healthSeen;
        long controlsSeen;
        long sent;
        long acked;
        long skipped;
        long columnsSkipped;

        ClientSession(final long id, final ClientChannel channel, final int graphs) {
            this.id = id;
            this.channel = channel;
            this.columnCursor = new long[graphs];
        }
    }
}
