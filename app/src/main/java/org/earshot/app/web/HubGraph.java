package org.earshot.app.web;

import java.util.List;

import org.earshot.detectors.display.DisplayTapNode;
import org.earshot.engine.graph.RenderPlan;

/**
 * What the hub knows of one graph: its id in the engine, name, rate, node names (for the per-node timings),
 * its panels and controls, and its display tap, if it has one.
 *
 * @param id           graph id in the engine (the order graphs were added)
 * @param name         graph (room) name
 * @param sampleRateHz rate in Hz
 * @param nodeNames    node names in plan order
 * @param layout       panels and controls
 * @param tap          the display tap, or null
 */
public record HubGraph(int id, String name, int sampleRateHz, List<String> nodeNames, GraphLayout layout,
    DisplayTapNode tap) {
    /**
     * @throws IllegalArgumentException on a missing name, nodes or layout
     */
    public HubGraph {
        if (name == null || nodeNames == null || layout == null) {
            throw new IllegalArgumentException("name, nodeNames and layout must not be null");
        }
        nodeNames = List.copyOf(nodeNames);
    }

    /**
     * @param id   graph id in the engine
     * @param plan the prepared plan (with its tap, if any)
     * @return the graph as the hub sees it
     */
    public static HubGraph of(final int id, final RenderPlan plan) {
        DisplayTapNode tap = null;
        for (final var node : plan.nodes()) {
            if (node instanceof DisplayTapNode t) {
                tap = t;
                break;
            }
        }
        return new HubGraph(id, plan.config().name(), plan.config().sampleRateHz(),
            plan.nodes().stream().map(n -> n.name()).toList(), GraphLayout.of(plan, id), tap);
    }
}
