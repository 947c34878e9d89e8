package org.earshot.app.web;

/**
 * The hub's handle on a running engine: posting parameter changes to nodes' command queues and reading the
 * counters. Valid from the engine's start until the hub is detached, which happens before the engine closes
 * (and unmaps its counters).
 */
interface EngineLink {
    /**
     * Posts a change; the node applies it on the audio thread before its next block.
     *
     * @param graphId     graph id
     * @param node        node name
     * @param parameterId the node's parameter id
     * @param value       the value
     * @return false if there is no such node or its command queue is full
     */
    boolean trySetParameter(int graphId, String node, int parameterId, double value);

    /** @return the counters, or null if none can be read */
    EngineCounters counters();
}
