package org.earshot.engine.runtime;

import org.earshot.engine.event.EventView;

/**
 * Receives decoded events on the event agent's thread, never the audio thread. A sink that talks to a
 * slow peer must keep its own bounded queue: it may not block the agent for long, and every event it
 * cannot deliver is its own to count.
 */
public interface EventSink extends AutoCloseable {
    /**
     * Called once before any event.
     *
     * @param graphs the graphs whose events will arrive
     * @throws Exception if the sink cannot start
     */
    default void onStart(final java.util.List<GraphInfo> graphs) throws Exception {
    }

    /**
     * One event; the view is valid only during the call.
     *
     * @param event the record
     * @param graph the graph that wrote it
     * @throws Exception on delivery failure: counted in SINK_ERRORS, the event is not retried here
     */
    void onEvent(EventView event, GraphInfo graph) throws Exception;

    /**
     * The end of a batch of events read together: flush here.
     *
     * @throws Exception on failure
     */
    default void onBatchEnd() throws Exception {
    }

    /** Flushes and releases. */
    @Override
    default void close() throws Exception {
    }
}
