package org.earshot.io.sink.link;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;

import org.earshot.engine.event.EventView;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphInfo;

/**
 * Publishes the beat tracker in an Ableton Link session: joins the session on the LAN when it starts (or founds one),
 * and on each {@code beat} event moves the session timeline so that a session beat falls on the predicted beat, at
 * the tracked tempo (the downbeat on phase 0 when the meter equals the quantum); a locked {@code tempo} event sets
 * the tempo; the first beat after the tracker locks starts the session, and an unlocked {@code tempo} event or
 * {@link #close()} stops it (for peers with start/stop sync on).
 *
 * <p>{@link #onEvent} runs on the event agent's thread and only queues a command for the {@link LinkNode}'s own
 * thread, never blocking; commands the queue cannot take are counted in {@link #dropped()}.
 */
public final class LinkSink implements EventSink {
    private final LinkSinkConfig config;
    private final Consumer<String> log;
    private LinkNode node;

    /**
     * @param config settings
     * @param log    where joins, peer counts and failures are reported
     */
    public LinkSink(final LinkSinkConfig config, final Consumer<String> log) {
        this.config = config;
        this.log = log;
    }

    @Override
    public void onStart(final List<GraphInfo> graphs) throws IOException {
        node = new LinkNode(config, log);
        node.start();
    }

    @Override
    public void onEvent(final EventView event, final GraphInfo graph) {
        final LinkNode n = node;
        if (n == null) {
            return;
        }
        final String type = event.type().name();
        if ("beat".equals(type)) {
            final double aheadS = (event.frame() - event.emitFrame()) / (double)graph.sampleRateHz();
            final long beatNs = event.captureNs() + Math.round(aheadS * 1e9);
            n.offer(LinkCommand.beat(beatNs / 1_000L, value(event, "bpm"), (int)Math.round(value(event, "bar_pos")),
                (int)Math.round(value(event, "meter"))));
        } else if ("tempo".equals(type)) {
            if (value(event, "locked") != 0.0) {
                n.offer(LinkCommand.tempo(value(event, "bpm")));
            } else {
                n.offer(LinkCommand.stop());
            }
        }
    }

    private static double value(final EventView event, final String field) {
        final int i = event.type().indexOf(field);
        return i >= 0 && i < event.fieldCount() ? event.value(i) : 0.0;
    }

    /** @return the running node, or null before {@link #onStart} and after {@link #close} */
    public LinkNode node() {
        return node;
    }

    /** @return commands dropped because the node's queue was full */
    public long dropped() {
        final LinkNode n = node;
        return n == null ? 0L : n.dropped();
    }

    /** Stops the session if earshot started it, leaves it (BYEBYE) and closes the sockets. */
    @Override
    public void close() throws InterruptedException {
        final LinkNode n = node;
        node = null;
        if (n != null) {
            n.close();
        }
    }
}
