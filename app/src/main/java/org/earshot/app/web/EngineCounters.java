package org.earshot.app.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.agrona.concurrent.status.CountersReader;
import org.earshot.engine.status.SystemCounter;

/**
 * Reads a running engine's counters (what {@code earshot stat} prints) for the health panel: the counter
 * ids are looked up once by their exact labels ({@code GRAPH: label} and {@code GRAPH/NODE: label}), then
 * each read is one volatile load. Counters that are not found read as -1.
 */
final class EngineCounters {
    private final CountersReader reader;
    private final int[][] graphIds;
    private final int[][][] nodeIds;

    /**
     * @param reader     the engine's counters
     * @param graphNames graph names by graph id
     * @param nodeNames  node names per graph, in plan order
     */
    EngineCounters(final CountersReader reader, final List<String> graphNames, final List<List<String>> nodeNames) {
        this.reader = reader;
        final Map<String, Integer> byLabel = new HashMap<>();
        reader.forEach((id, typeId, keyBuffer, label) -> byLabel.putIfAbsent(label, id));
        final SystemCounter[] kinds = SystemCounter.values();
        graphIds = new int[graphNames.size()][kinds.length];
        nodeIds = new int[graphNames.size()][][];
        for (int g = 0; g < graphNames.size(); g++) {
            for (final SystemCounter c : kinds) {
                graphIds[g][c.ordinal()] = byLabel.getOrDefault(graphNames.get(g) + ": " + c.label(), -1);
            }
            final List<String> nodes = nodeNames.get(g);
            nodeIds[g] = new int[nodes.size()][kinds.length];
            for (int n = 0; n < nodes.size(); n++) {
                final String prefix = graphNames.get(g) + "/" + nodes.get(n) + ": ";
                for (final SystemCounter c : kinds) {
                    nodeIds[g][n][c.ordinal()] = byLabel.getOrDefault(prefix + c.label(), -1);
                }
            }
        }
    }

    /**
     * @param graph   graph id
     * @param counter which
     * @return its value, or -1 if the engine has no such counter
     */
    long graph(final int graph, final SystemCounter counter) {
        final int id = graphIds[graph][counter.ordinal()];
        return id < 0 ? -1 : reader.getCounterValue(id);
    }

    /**
     * @param graph   graph id
     * @param node    node index in plan order
     * @param counter which (one of the {@code NODE_*} kinds)
     * @return its value, or -1
     */
    long node(final int graph, final int node, final SystemCounter counter) {
        final int id = nodeIds[graph][node][counter.ordinal()];
        return id < 0 ? -1 : reader.getCounterValue(id);
    }
}
