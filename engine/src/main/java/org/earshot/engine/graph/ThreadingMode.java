package org.earshot.engine.graph;

/** How a graph's nodes are mapped to threads (after Aeron's ThreadingMode). Node code is the same in all. */
public enum ThreadingMode {
    /** All nodes in dependency order on one consumer thread. The default on small machines. */
    SHARED,
    /** Every node on its own Disruptor consumer, gated by the sequences of the nodes it reads. */
    DEDICATED,
    /**
     * Offline only: the source's own thread runs every node in dependency order right after it publishes each
     * block, so no block changes threads. On one core this removes the hand-offs (wake-ups, spinning on a full
     * ring) that cost as much as the analysis itself; the graph and its timing records are otherwise the same.
     */
    INLINE
}
