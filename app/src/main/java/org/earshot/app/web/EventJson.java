package org.earshot.app.web;

import org.earshot.engine.event.EventType;
import org.earshot.engine.event.EventView;
import org.earshot.engine.runtime.GraphInfo;
import org.earshot.io.sink.JsonLinesSink;

/**
 * One event as the page reads it: the JSON Lines object (same names, same digits) plus the graph id
 * {@code g} and {@code decided}, the stream time in seconds at which the graph decided it (the end of the
 * block that wrote it), e.g.
 *
 * <pre>{"g":0,"type":"beat","t":12.5,"frame":600000,"decided":12.31,"emitted":12.31,"bpm":120,...}</pre>
 */
final class EventJson {
    private EventJson() {
    }

    /**
     * @param b       cleared and filled
     * @param graphId the id the page knows the graph by
     * @param event   the event
     * @param graph   its graph
     * @return b
     */
    static StringBuilder format(
        final StringBuilder b, final int graphId, final EventView event, final GraphInfo graph) {
        final EventType type = event.type();
        final double rate = graph.sampleRateHz();
        b.setLength(0);
        b.append("{\"g\":").append(graphId).append(",\"type\":");
        Json.string(b, type.name());
        final long frame = event.frame();
        b.append(",\"t\":");
        Json.number(b, frame / rate);
        b.append(",\"frame\":").append(frame);
        b.append(",\"decided\":");
        Json.number(b, event.emitFrame() / rate);
        JsonLinesSink.appendFields(b, event, graph);
        return b.append('}');
    }
}
