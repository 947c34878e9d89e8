package org.earshot.engine.graph;

/** How a graph's nodes are mapped to threads (after Aeron's ThreadingMode). Node code is the same in both. */
public enum ThreadingMode {
    /** All nodes in dependency order on one consumer thread. The default on small machines. */
    SHARED,
    /** Every node on its own Disruptor consumer, gated by the sequences of the nodes it reads. */
    DEDICATED
}
