/**
 * The web dashboard and the static report.
 *
 * <pre>
 *  graph thread ──► DisplayTapNode ──► DisplayColumns (SPSC ring, drop when full) ──┐
 *  event agent  ──► DashboardSink ──► bounded event queue (drop when full) ─────────┼─► DashboardHub (its own
 *  counters file (per-node p50/p99/p99.9/max, misses, drops, overruns) ─────────────┘   agent thread, 25 ticks/s)
 *                                                                                          │ one frame per tick per
 *  browser ◄── WebSocket (Java-WebSocket) ◄── at most WINDOW frames in flight per client ◄─┘ client, if it acked
 *  browser ──► {"type":"set",...} ──► DashboardHub ──► GraphRunner.trySetParameter ──► node inbox ──► audio thread
 * </pre>
 *
 * A slow tab acknowledges frames late, so it is sent fewer, larger frames (and skips columns when it falls
 * more than a few seconds behind); nothing here ever waits on the graph or the event agent. The page and its
 * scripts are served from the jar by the JDK's HTTP server: no CDN, no build step.
 */
package org.earshot.app.web;
