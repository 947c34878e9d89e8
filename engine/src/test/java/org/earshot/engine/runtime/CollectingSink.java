package org.earshot.engine.runtime;

import java.util.ArrayList;
import java.util.List;

import org.earshot.engine.event.EventView;

/** Test sink: keeps a copy of every event it receives. Thread-safe for one writer and readers. */
public final class CollectingSink implements EventSink {
    /** A decoded copy of one event. */
    public record Event(String type, long frame, long emitFrame, int graphId, int nodeId, double[] values) {
        /**
         * @param i field index
         * @return that field's value
         */
        public double value(final int i) {
            return values[i];
        }
    }

    private final List<Event> events = new ArrayList<>();
    private volatile boolean recording = true;

    /** @param on whether to keep events (off keeps the sink allocation-light during measurements) */
    public void recording(final boolean on) {
        recording = on;
    }

    @Override
    public void onEvent(final EventView e, final GraphInfo graph) {
        if (!recording) {
            return;
        }
        final double[] v = new double[e.fieldCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = e.value(i);
        }
        synchronized (events) {
            events.add(new Event(e.type().name(), e.frame(), e.emitFrame(), e.graphId(), e.nodeId(), v));
        }
    }

    /** @return a copy of the events so far */
    public List<Event> events() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }

    /**
     * @param type a type name
     * @return the events of that type so far
     */
    public List<Event> events(final String type) {
        return events().stream().filter(e -> e.type().equals(type)).toList();
    }
}
