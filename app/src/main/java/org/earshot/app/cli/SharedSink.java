package org.earshot.app.cli;

import java.util.List;

import org.earshot.engine.event.EventView;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphInfo;

/**
 * One sink (one output file, stdout) serving the engines of several files run one after the other: it is
 * started once with every stream it will serve, so that it can label events by stream (JSON Lines adds
 * {@code "stream"} when there is more than one), and flushed instead of closed when an engine closes; the
 * command closes the real sink at the end.
 */
final class SharedSink implements EventSink {
    private final EventSink sink;
    private final List<GraphInfo> allStreams;
    private boolean started;

    /**
     * @param sink       the sink to share
     * @param allStreams every graph that will write to it over its lifetime
     */
    SharedSink(final EventSink sink, final List<GraphInfo> allStreams) {
        this.sink = sink;
        this.allStreams = List.copyOf(allStreams);
    }

    @Override
    public void onStart(final List<GraphInfo> graphs) throws Exception {
        if (!started) {
            started = true;
            sink.onStart(allStreams);
        }
    }

    @Override
    public void onEvent(final EventView event, final GraphInfo graph) throws Exception {
        sink.onEvent(event, graph);
    }

    @Override
    public void onBatchEnd() throws Exception {
        sink.onBatchEnd();
    }

    @Override
    public void close() throws Exception {
        sink.onBatchEnd();
    }
}
