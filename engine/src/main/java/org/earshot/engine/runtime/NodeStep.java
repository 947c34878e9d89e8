package org.earshot.engine.runtime;

import java.util.Queue;

import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventWriter;
import org.earshot.engine.status.BlockTimer;

/**
 * Runs one node on one slot: resets it after a stream break, binds its event writer, times it, and
 * catches anything it throws (the node is then bypassed and the failure counted and queued for logging
 * off the audio thread). Shared by both threading modes, so node code sees the same calls in each.
 */
final class NodeStep {
    private final AudioNode node;
    private final EventWriter events;
    private final BlockTimer timer;
    private final GraphCounters counters;
    private final Queue<NodeFailure> failures;
    private final String graphName;
    private final ParameterInbox inbox = new ParameterInbox();
    private boolean failed;

    NodeStep(
        final AudioNode node,
        final EventWriter events,
        final BlockTimer timer,
        final GraphCounters counters,
        final Queue<NodeFailure> failures,
        final String graphName) {
        this.node = node;
        this.events = events;
        this.timer = timer;
        this.counters = counters;
        this.failures = failures;
        this.graphName = graphName;
    }

    /**
     * @param slot the block
     * @param ctx  this thread's context, already bound to the slot
     */
    void run(final FrameSlot slot, final BlockContext ctx) {
        if (failed) {
            return;
        }
        final long start = System.nanoTime();
        try {
            inbox.drainTo(node);
            if ((slot.flags & FrameSlot.FLAG_STREAM_BREAK) != 0) {
                node.reset();
            }
            events.bindBlock(slot.startFrame + slot.frames, slot.captureNs);
            node.process(ctx.bindEvents(events));
        } catch (final Throwable t) {
            failed = true;
            counters.nodeErrors.increment();
            failures.offer(new NodeFailure(graphName, node.name(), t));
        }
        timer.record(System.nanoTime() - start);
    }

    AudioNode node() {
        return node;
    }

    ParameterInbox inbox() {
        return inbox;
    }

    /** A node's unexpected throwable, reported by the status agent. */
    record NodeFailure(String graph, String node, Throwable error) {
    }
}
