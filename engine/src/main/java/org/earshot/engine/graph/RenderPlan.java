package org.earshot.engine.graph;

import java.util.List;

import org.earshot.engine.AudioNode;
import org.earshot.engine.Port;

/**
 * An immutable, prepared graph: nodes in dependency order, the dependencies of each as indices, the
 * ports to allocate per ring slot, and the accumulated latency of each path.
 */
public final class RenderPlan {
    private final GraphConfig config;
    private final List<AudioNode> nodes;
    private final int[][] dependencies;
    private final int[] leaves;
    private final int[] pathLatencyFrames;
    private final List<Port<?>> ports;

    RenderPlan(
        final GraphConfig config,
        final List<AudioNode> nodes,
        final int[][] dependencies,
        final int[] leaves,
        final int[] pathLatencyFrames,
        final List<Port<?>> ports) {
        this.config = config;
        this.nodes = nodes;
        this.dependencies = dependencies;
        this.leaves = leaves;
        this.pathLatencyFrames = pathLatencyFrames;
        this.ports = ports;
    }

    /** @return the graph's settings */
    public GraphConfig config() {
        return config;
    }

    /** @return the nodes, in dependency order */
    public List<AudioNode> nodes() {
        return nodes;
    }

    /**
     * @param node index of a node
     * @return indices of the nodes it reads
     */
    public int[] dependenciesOf(final int node) {
        return dependencies[node].clone();
    }

    /** @return indices of nodes nothing else reads */
    public int[] leaves() {
        return leaves.clone();
    }

    /**
     * @param node index of a node
     * @return latency accumulated along the longest path ending at that node, in frames
     */
    public int pathLatencyFrames(final int node) {
        return pathLatencyFrames[node];
    }

    /** @return the largest path latency of the graph, in frames */
    public int latencyFrames() {
        int max = 0;
        for (final int l : pathLatencyFrames) {
            max = Math.max(max, l);
        }
        return max;
    }

    /** @return every port to allocate per slot, in id order */
    public List<Port<?>> ports() {
        return ports;
    }

    /** @return a fresh array of port values for one slot */
    public Object[] newPortValues() {
        final Object[] values = new Object[ports.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ports.get(i).newValue();
        }
        return values;
    }
}
