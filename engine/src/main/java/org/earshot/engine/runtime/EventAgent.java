package org.earshot.engine.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.earshot.engine.event.EventDescriptor;
import org.earshot.engine.event.EventType;
import org.earshot.engine.event.EventView;

/**
 * Drains the event ring on its own thread and hands each record to every sink, flushing them at the
 * end of each batch (Disruptor's endOfBatch habit). A sink that throws is counted in SINK_ERRORS and
 * reported once per distinct message; the other sinks still get the event.
 */
public final class EventAgent implements Agent, MessageHandler {
    /** Most records read per duty cycle. */
    public static final int READ_LIMIT = 256;

    private final RingBuffer ring;
    private final List<EventSink> sinks;
    private final List<GraphInfo> graphs;
    private final GraphCounters[] counters;
    private final Consumer<String> errorLog;
    private final EventView view = new EventView();
    private final Map<String, Boolean> reported = new ConcurrentHashMap<>();

    /**
     * @param ring     the event ring
     * @param sinks    where events go
     * @param graphs   graph infos indexed by graph id
     * @param counters graph counters indexed by graph id
     * @param errorLog where distinct sink errors are reported (one line each)
     */
    public EventAgent(
        final RingBuffer ring,
        final List<EventSink> sinks,
        final List<GraphInfo> graphs,
        final GraphCounters[] counters,
        final Consumer<String> errorLog) {
        this.ring = ring;
        this.sinks = List.copyOf(sinks);
        this.graphs = List.copyOf(graphs);
        this.counters = counters;
        this.errorLog = errorLog;
    }

    @Override
    public void onStart() {
        for (final EventSink sink : sinks) {
            try {
                sink.onStart(graphs);
            } catch (final Exception ex) {
                report(sink, ex);
            }
        }
    }

    @Override
    public int doWork() {
        final int read = ring.read(this, READ_LIMIT);
        if (read > 0) {
            for (final EventSink sink : sinks) {
                try {
                    sink.onBatchEnd();
                } catch (final Exception ex) {
                    report(sink, ex);
                }
            }
        }
        return read;
    }

    /**
     * Reads everything left in the ring (called on close, after the graphs have ended).
     *
     * @return records read
     */
    public int drain() {
        int total = 0;
        int n;
        while ((n = doWork()) > 0) {
            total += n;
        }
        return total;
    }

    @Override
    public void onMessage(final int msgTypeId, final MutableDirectBuffer buffer, final int index, final int length) {
        final EventType type = EventType.byId(msgTypeId);
        final int graphId = buffer.getInt(index + EventDescriptor.GRAPH_ID_OFFSET);
        if (type == null || graphId < 0 || graphId >= graphs.size()) {
            return;
        }
        view.wrap(type, buffer, index);
        final GraphInfo graph = graphs.get(graphId);
        boolean delivered = true;
        for (final EventSink sink : sinks) {
            try {
                sink.onEvent(view, graph);
            } catch (final Exception ex) {
                delivered = false;
                counters[graphId].sinkErrors.incrementRelease();
                report(sink, ex);
            }
        }
        if (delivered) {
            counters[graphId].eventsDelivered.incrementRelease();
        }
    }

    private void report(final EventSink sink, final Exception ex) {
        final String line = sink.getClass().getSimpleName() + ": " + ex.getMessage();
        if (reported.putIfAbsent(line, Boolean.TRUE) == null) {
            errorLog.accept(line);
        }
    }

    @Override
    public void onClose() {
        drain();
        for (final EventSink sink : sinks) {
            try {
                sink.close();
            } catch (final Exception ex) {
                report(sink, ex);
            }
        }
    }

    @Override
    public String roleName() {
        return "earshot-events";
    }
}
