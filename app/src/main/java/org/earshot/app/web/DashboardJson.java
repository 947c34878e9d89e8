package org.earshot.app.web;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.earshot.detectors.display.DisplayTapNode;
import org.earshot.engine.status.SystemCounter;

/**
 * The dashboard's JSON messages that depend on nothing but their arguments: the hello, the mel axis, controls and
 * their replies, errors, a graph's health and latency histograms. {@link DashboardHub} keeps the frames and the
 * health message, which read its client and engine state.
 */
final class DashboardJson {
    private DashboardJson() {
    }

    /**
     * The first message a client gets: the dashboard's title, window, sinks, graphs (nodes, panels, mel axis) and
     * controls with their current values.
     */
    static String hello(final long clientId, final String title, final List<String> sinkNames,
        final List<HubGraph> graphs, final List<Control> controls, final double[] controlValues) {
        final StringBuilder b = new StringBuilder(2048);
        b.append("{\"type\":\"hello\",\"version\":1,\"client\":").append(clientId).append(",\"title\":");
        Json.string(b, title).append(",\"window\":").append(DashboardHub.WINDOW).append(",\"melFloorDb\":");
        Json.number(b, ColumnHistory.MEL_FLOOR_DB).append(",\"melTopDb\":");
        Json.number(b, ColumnHistory.MEL_TOP_DB).append(",\"sinks\":");
        strings(b, sinkNames).append(",\"graphs\":[");
        for (int g = 0; g < graphs.size(); g++) {
            final HubGraph graph = graphs.get(g);
            b.append(g > 0 ? "," : "").append("{\"id\":").append(graph.id()).append(",\"name\":");
            Json.string(b, graph.name()).append(",\"rate\":").append(graph.sampleRateHz()).append(",\"nodes\":");
            strings(b, graph.nodeNames()).append(",\"panels\":");
            strings(b, graph.layout().panels()).append(",\"mel\":");
            mel(b, graph.tap());
            b.append('}');
        }
        b.append("],\"controls\":[");
        for (int i = 0; i < controls.size(); i++) {
            control(b.append(i > 0 ? "," : ""), controls.get(i), controlValues[i]);
        }
        return b.append("]}").toString();
    }

    /** A JSON array of strings. */
    static StringBuilder strings(final StringBuilder b, final List<String> items) {
        b.append('[');
        for (int i = 0; i < items.size(); i++) {
            Json.string(b.append(i > 0 ? "," : ""), items.get(i));
        }
        return b.append(']');
    }

    /** The mel axis of a graph's display tap, or {@code null} without one. */
    static void mel(final StringBuilder b, final DisplayTapNode tap) {
        if (tap == null) {
            b.append("null");
            return;
        }
        final int rate = tap.columns().sampleRateHz();
        b.append("{\"bands\":").append(tap.config().melBands()).append(",\"minHz\":");
        Json.number(b, Math.min(tap.config().minHz(), Math.min(tap.config().maxHz(), rate / 2.0) / 2));
        b.append(",\"maxHz\":");
        Json.number(b, Math.min(tap.config().maxHz(), rate / 2.0));
        b.append(",\"hop\":").append(tap.hopFrames()).append(",\"window\":").append(tap.windowLength())
            .append(",\"columnsPerSecond\":").append(tap.config().columnsPerSecond()).append('}');
    }

    /** One control: its id, graph, key, label, range, unit and current value. */
    static void control(final StringBuilder b, final Control c, final double value) {
        b.append("{\"id\":");
        Json.string(b, c.id()).append(",\"graph\":").append(c.graphId()).append(",\"key\":");
        Json.string(b, c.key()).append(",\"label\":");
        Json.string(b, c.label()).append(",\"toggle\":").append(c.toggle()).append(",\"min\":");
        Json.number(b, c.min()).append(",\"max\":");
        Json.number(b, c.max()).append(",\"step\":");
        Json.number(b, c.step()).append(",\"unit\":");
        Json.string(b, c.unit()).append(",\"value\":");
        Json.number(b, value).append('}');
    }

    /** The answer to a client's {@code set}: the value now in force, whether it was taken and why not. */
    static String controlReply(final Control c, final double value, final boolean ok, final String problem) {
        final StringBuilder b = new StringBuilder(128).append("{\"type\":\"control\",\"id\":");
        Json.string(b, c.id()).append(",\"value\":");
        Json.number(b, value).append(",\"ok\":").append(ok);
        if (problem != null) {
            Json.string(b.append(",\"error\":"), problem);
        }
        return b.append('}').toString();
    }

    /** An error message to one client. */
    static String error(final String message) {
        return Json.string(new StringBuilder("{\"type\":\"error\",\"message\":"), message).append('}').toString();
    }

    /** One graph's health: its display columns dropped, the engine's counters and each node's block times. */
    static void graphHealth(final StringBuilder b, final int g, final HubGraph graph, final ColumnHistory h,
        final EngineCounters c) {
        b.append("{\"id\":").append(g).append(",\"name\":");
        Json.string(b, graph.name());
        b.append(",\"columnsDropped\":").append(h == null ? 0 : h.ring().dropped());
        if (c == null) {
            b.append(",\"nodes\":[]}");
            return;
        }
        final SystemCounter[] graphCounters = {
            SystemCounter.BLOCKS_PROCESSED, SystemCounter.FRAMES_PROCESSED, SystemCounter.BLOCKS_OVER_BUDGET,
            SystemCounter.BLOCK_TIME_MAX_NS, SystemCounter.CAPTURE_OVERRUNS, SystemCounter.EVENTS_WRITTEN,
            SystemCounter.EVENTS_DROPPED, SystemCounter.EVENTS_DELIVERED, SystemCounter.SINK_ERRORS,
            SystemCounter.NODE_ERRORS, SystemCounter.STREAM_BREAKS, SystemCounter.NON_FINITE_SAMPLES,
            SystemCounter.GRAPH_TIME_P50_NS, SystemCounter.GRAPH_TIME_P99_NS, SystemCounter.GRAPH_TIME_P999_NS,
            SystemCounter.BLOCK_BUDGET_NS};
        for (final SystemCounter k : graphCounters) {
            b.append(",\"").append(key(k)).append("\":").append(c.graph(g, k));
        }
        b.append(",\"nodes\":[");
        for (int n = 0; n < graph.nodeNames().size(); n++) {
            b.append(n > 0 ? "," : "").append("{\"name\":");
            Json.string(b, graph.nodeNames().get(n));
            b.append(",\"p50\":").append(c.node(g, n, SystemCounter.NODE_TIME_P50_NS))
                .append(",\"p99\":").append(c.node(g, n, SystemCounter.NODE_TIME_P99_NS))
                .append(",\"p999\":").append(c.node(g, n, SystemCounter.NODE_TIME_P999_NS))
                .append(",\"max\":").append(c.node(g, n, SystemCounter.NODE_TIME_MAX_NS)).append('}');
        }
        b.append("]}");
    }

    /** The JSON member name of a graph counter: {@code blocks_processed} becomes {@code blocksProcessed}. */
    static String key(final SystemCounter counter) {
        final String[] parts = counter.name().toLowerCase(java.util.Locale.ROOT).split("_");
        final StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
        }
        return b.toString();
    }

    /** A latency histogram's count and percentiles, ns; {@code {"count":0}} when empty. */
    static void histogram(final StringBuilder b, final Histogram h) {
        if (h == null || h.getTotalCount() == 0) {
            b.append("{\"count\":0}");
            return;
        }
        b.append("{\"count\":").append(h.getTotalCount()).append(",\"p50\":").append(h.getValueAtPercentile(50))
            .append(",\"p99\":").append(h.getValueAtPercentile(99)).append(",\"p999\":")
            .append(h.getValueAtPercentile(99.9)).append(",\"max\":").append(h.getMaxValue()).append('}');
    }
}
