package org.earshot.engine.status;

/**
 * Every counter a graph keeps, with a stable type id and a label (after Aeron's
 * {@code SystemCounterDescriptor}). Each graph registers one counter of each kind, labelled with the graph's
 * name; per-node timing counters use {@link #NODE_TIME_P50_NS} and the following ones.
 */
public enum SystemCounter {
    /** Blocks processed by the graph. */
    BLOCKS_PROCESSED(1, "blocks processed"),
    /** Frames processed by the graph. */
    FRAMES_PROCESSED(2, "frames processed"),
    /** Blocks whose processing time exceeded the block budget. */
    BLOCKS_OVER_BUDGET(3, "blocks over budget"),
    /** Longest block processing time seen, ns. */
    BLOCK_TIME_MAX_NS(4, "block time max ns"),
    /** Blocks the capture side could not hand to the graph because the frame ring was full, or lost by the device. */
    CAPTURE_OVERRUNS(5, "capture overruns"),
    /** Event records committed by nodes. */
    EVENTS_WRITTEN(6, "events written"),
    /** Event records dropped because the event ring was full (live mode only). */
    EVENTS_DROPPED(7, "events dropped"),
    /** Event records handed to all sinks. */
    EVENTS_DELIVERED(8, "events delivered"),
    /** Failures of sinks to deliver (I/O errors, broker down). */
    SINK_ERRORS(9, "sink errors"),
    /** Unexpected throwables caught from node code; the node is then bypassed. */
    NODE_ERRORS(10, "node errors"),
    /** Stream breaks (capture gaps); nodes are reset after each. */
    STREAM_BREAKS(11, "stream breaks"),
    /** Graph block time, 50th percentile over the last report interval, ns. */
    GRAPH_TIME_P50_NS(12, "graph block time p50 ns"),
    /** Graph block time, 99th percentile over the last report interval, ns. */
    GRAPH_TIME_P99_NS(13, "graph block time p99 ns"),
    /** Graph block time, 99.9th percentile over the last report interval, ns. */
    GRAPH_TIME_P999_NS(14, "graph block time p99.9 ns"),
    /** Block budget in ns (a fraction of the block period). */
    BLOCK_BUDGET_NS(15, "block budget ns"),
    /** Per node: block time p50 over the last report interval, ns. */
    NODE_TIME_P50_NS(16, "node block time p50 ns"),
    /** Per node: block time p99 over the last report interval, ns. */
    NODE_TIME_P99_NS(17, "node block time p99 ns"),
    /** Per node: block time p99.9 over the last report interval, ns. */
    NODE_TIME_P999_NS(18, "node block time p99.9 ns"),
    /** Per node: longest block time, ns. */
    NODE_TIME_MAX_NS(19, "node block time max ns"),
    /** Non-finite samples (NaN, infinity) seen at the source and replaced by zero. */
    NON_FINITE_SAMPLES(20, "non-finite samples zeroed");

    private final int typeId;
    private final String label;

    SystemCounter(final int typeId, final String label) {
        this.typeId = typeId;
        this.label = label;
    }

    /** @return stable type id written in the counters file */
    public int typeId() {
        return typeId;
    }

    /** @return readable label */
    public String label() {
        return label;
    }
}
