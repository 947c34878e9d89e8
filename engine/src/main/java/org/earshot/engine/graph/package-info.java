/**
 * Building graphs: {@link org.earshot.engine.graph.GraphBuilder} checks dependencies and produces an
 * immutable {@link org.earshot.engine.graph.RenderPlan} (nodes in dependency order, ports, latency).
 */
package org.earshot.engine.graph;
