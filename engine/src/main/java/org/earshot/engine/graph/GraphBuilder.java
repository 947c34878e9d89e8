package org.earshot.engine.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.earshot.engine.AudioNode;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;

/**
 * Collects nodes and the nodes each one reads, then prepares them in dependency order and bakes an
 * immutable {@link RenderPlan} (off the audio thread, as JUCE bakes its render sequence).
 *
 * <pre>{@code
 * GraphBuilder b = new GraphBuilder();
 * StftNode stft = b.add(new StftNode(cfg));
 * b.add(new OnsetNode(onsetCfg, stft), stft);
 * RenderPlan plan = b.build(graphConfig);
 * }</pre>
 */
public final class GraphBuilder {
    private final List<AudioNode> nodes = new ArrayList<>();
    private final Map<AudioNode, List<AudioNode>> upstream = new IdentityHashMap<>();

    /**
     * Adds a node.
     *
     * @param node      the node
     * @param dependsOn nodes whose ports it reads; they must have been added before
     * @param <N>       node type
     * @return the node, for chaining into later {@code add} calls
     * @throws IllegalArgumentException on a duplicate node or name, or an unknown dependency
     */
    public <N extends AudioNode> N add(final N node, final AudioNode... dependsOn) {
        if (upstream.containsKey(node)) {
            throw new IllegalArgumentException("node " + node.name() + " added twice");
        }
        for (final AudioNode n : nodes) {
            if (n.name().equals(node.name())) {
                throw new IllegalArgumentException("two nodes are named " + node.name());
            }
        }
        for (final AudioNode d : dependsOn) {
            if (!upstream.containsKey(d)) {
                throw new IllegalArgumentException("node " + node.name() + " depends on " + d.name()
                    + ", which is not in the graph yet");
            }
        }
        nodes.add(node);
        upstream.put(node, List.of(dependsOn));
        return node;
    }

    /** @return whether no node was added */
    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    /**
     * Prepares every node in insertion order (which is a dependency order, since dependencies must be
     * added first) and bakes the plan.
     *
     * @param config the graph's settings
     * @return the plan
     */
    public RenderPlan build(final GraphConfig config) {
        final ProcessSpec spec = config.processSpec();
        final List<Port<?>> ports = new ArrayList<>();
        final NodeSetup setup = new NodeSetup(ports);
        final int n = nodes.size();
        final int[][] deps = new int[n][];
        final int[] pathLatency = new int[n];
        final Set<Integer> hasDownstream = new HashSet<>();
        for (int i = 0; i < n; i++) {
            final AudioNode node = nodes.get(i);
            node.prepare(spec, setup.forNode(node.name()));
            if (node.latencyFrames() < 0) {
                throw new IllegalStateException("node " + node.name() + " declares negative latency "
                    + node.latencyFrames());
            }
            final List<AudioNode> ups = upstream.get(node);
            deps[i] = new int[ups.size()];
            int maxUp = 0;
            for (int j = 0; j < ups.size(); j++) {
                final int idx = nodes.indexOf(ups.get(j));
                deps[i][j] = idx;
                hasDownstream.add(idx);
                maxUp = Math.max(maxUp, pathLatency[idx]);
            }
            pathLatency[i] = maxUp + node.latencyFrames();
        }
        final int[] leaves = new int[n - hasDownstream.size()];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (!hasDownstream.contains(i)) {
                leaves[k++] = i;
            }
        }
        return new RenderPlan(config, List.copyOf(nodes), deps, leaves, pathLatency, List.copyOf(ports));
    }
}
