/**
 * The latency harness: a graph over a file paced at real time, block times per node and per graph from
 * the engine's HdrHistogram recorders, budget misses, end-to-end event latency, and an interval log.
 */
package org.earshot.bench.latency;
