package org.earshot.engine.runtime;

import java.util.List;

import org.agrona.concurrent.status.AtomicCounter;
import org.earshot.engine.status.BlockTimer;
import org.earshot.engine.status.CountersFile;
import org.earshot.engine.status.SystemCounter;

/**
 * The counters and block timers of one graph, labelled {@code GRAPH: label} and {@code GRAPH/NODE: label}.
 */
public final class GraphCounters {
    final AtomicCounter blocksProcessed;
    final AtomicCounter framesProcessed;
    final AtomicCounter blocksOverBudget;
    final AtomicCounter blockTimeMaxNs;
    final AtomicCounter captureOverruns;
    final AtomicCounter eventsWritten;
    final AtomicCounter eventsDropped;
    final AtomicCounter eventsDelivered;
    final AtomicCounter sinkErrors;
    final AtomicCounter nodeErrors;
    final AtomicCounter streamBreaks;
    final AtomicCounter nonFiniteSamples;
    final AtomicCounter graphP50;
    final AtomicCounter graphP99;
    final AtomicCounter graphP999;
    final AtomicCounter[] nodeP50;
    final AtomicCounter[] nodeP99;
    final AtomicCounter[] nodeP999;
    final BlockTimer graphTimer;
    final BlockTimer[] nodeTimers;

    /**
     * Registers the counters of one graph.
     *
     * @param file      where counters live
     * @param graphName graph name, the label prefix
     * @param nodeNames node names in plan order
     * @param budgetNs  block budget in ns
     */
    public GraphCounters(final CountersFile file, final String graphName, final List<String> nodeNames, final long budgetNs) {
        blocksProcessed = file.newCounter(SystemCounter.BLOCKS_PROCESSED, label(graphName, SystemCounter.BLOCKS_PROCESSED));
        framesProcessed = file.newCounter(SystemCounter.FRAMES_PROCESSED, label(graphName, SystemCounter.FRAMES_PROCESSED));
        blocksOverBudget = file.newCounter(SystemCounter.BLOCKS_OVER_BUDGET, label(graphName, SystemCounter.BLOCKS_OVER_BUDGET));
        blockTimeMaxNs = file.newCounter(SystemCounter.BLOCK_TIME_MAX_NS, label(graphName, SystemCounter.BLOCK_TIME_MAX_NS));
        captureOverruns = file.newCounter(SystemCounter.CAPTURE_OVERRUNS, label(graphName, SystemCounter.CAPTURE_OVERRUNS));
        eventsWritten = file.newCounter(SystemCounter.EVENTS_WRITTEN, label(graphName, SystemCounter.EVENTS_WRITTEN));
        eventsDropped = file.newCounter(SystemCounter.EVENTS_DROPPED, label(graphName, SystemCounter.EVENTS_DROPPED));
        eventsDelivered = file.newCounter(SystemCounter.EVENTS_DELIVERED, label(graphName, SystemCounter.EVENTS_DELIVERED));
        sinkErrors = file.newCounter(SystemCounter.SINK_ERRORS, label(graphName, SystemCounter.SINK_ERRORS));
        nodeErrors = file.newCounter(SystemCounter.NODE_ERRORS, label(graphName, SystemCounter.NODE_ERRORS));
        streamBreaks = file.newCounter(SystemCounter.STREAM_BREAKS, label(graphName, SystemCounter.STREAM_BREAKS));
        nonFiniteSamples = file.newCounter(SystemCounter.NON_FINITE_SAMPLES, label(graphName, SystemCounter.NON_FINITE_SAMPLES));
        graphP50 = file.newCounter(SystemCounter.GRAPH_TIME_P50_NS, label(graphName, SystemCounter.GRAPH_TIME_P50_NS));
        graphP99 = file.newCounter(SystemCounter.GRAPH_TIME_P99_NS, label(graphName, SystemCounter.GRAPH_TIME_P99_NS));
        graphP999 = file.newCounter(SystemCounter.GRAPH_TIME_P999_NS, label(graphName, SystemCounter.GRAPH_TIME_P999_NS));
        file.newCounter(SystemCounter.BLOCK_BUDGET_NS, label(graphName, SystemCounter.BLOCK_BUDGET_NS)).setRelease(budgetNs);
        graphTimer = new BlockTimer(graphName, budgetNs, blocksOverBudget, blockTimeMaxNs);
        final int n = nodeNames.size();
        nodeP50 = new AtomicCounter[n];
        nodeP99 = new AtomicCounter[n];
        nodeP999 = new AtomicCounter[n];
        nodeTimers = new BlockTimer[n];
        for (int i = 0; i < n; i++) {
            final String prefix = graphName + "/" + nodeNames.get(i);
            nodeP50[i] = file.newCounter(SystemCounter.NODE_TIME_P50_NS, label(prefix, SystemCounter.NODE_TIME_P50_NS));
            nodeP99[i] = file.newCounter(SystemCounter.NODE_TIME_P99_NS, label(prefix, SystemCounter.NODE_TIME_P99_NS));
            nodeP999[i] = file.newCounter(SystemCounter.NODE_TIME_P999_NS, label(prefix, SystemCounter.NODE_TIME_P999_NS));
            final AtomicCounter max = file.newCounter(SystemCounter.NODE_TIME_MAX_NS, label(prefix, SystemCounter.NODE_TIME_MAX_NS));
            nodeTimers[i] = new BlockTimer(prefix, budgetNs, null, max);
        }
    }

    private static String label(final String prefix, final SystemCounter counter) {
        return prefix + ": " + counter.label();
    }

    /** @return the graph's block timer */
    public BlockTimer graphTimer() {
        return graphTimer;
    }

    /**
     * @param node node index in plan order
     * @return that node's block timer
     */
    public BlockTimer nodeTimer(final int node) {
        return nodeTimers[node];
    }

    /** @return number of node timers */
    public int nodeCount() {
        return nodeTimers.length;
    }

    /** @return blocks processed */
    public long blocksProcessed() {
        return blocksProcessed.get();
    }

    /** @return blocks over budget */
    public long blocksOverBudget() {
        return blocksOverBudget.get();
    }

    /** @return capture overruns */
    public long captureOverruns() {
        return captureOverruns.get();
    }

    /** @return events written by nodes */
    public long eventsWritten() {
        return eventsWritten.get();
    }

    /** @return events dropped on a full ring */
    public long eventsDropped() {
        return eventsDropped.get();
    }

    /** @return events handed to sinks */
    public long eventsDelivered() {
        return eventsDelivered.get();
    }

    /** @return sink failures */
    public long sinkErrors() {
        return sinkErrors.get();
    }

    /** @return node failures */
    public long nodeErrors() {
        return nodeErrors.get();
    }

    /** @return stream breaks */
    public long streamBreaks() {
        return streamBreaks.get();
    }

    /** @return non-finite samples zeroed */
    public long nonFiniteSamples() {
        return nonFiniteSamples.get();
    }
}
