package org.earshot.app.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.earshot.app.config.ConfigException;
import org.earshot.app.config.ErrorKind;
import org.earshot.detectors.display.DisplayColumns;
import org.earshot.detectors.display.DisplayTapConfig;
import org.earshot.detectors.display.DisplayTapNode;
import org.earshot.engine.EventMode;
import org.earshot.engine.event.EventView;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphInfo;

/**
 * {@code earshot analyze FILE... --report report.html}: collects, per file, the display columns (through a
 * display tap in offline mode, so none is lost: the graph waits for the collector) and every event, then
 * writes one self-contained HTML page (styles, scripts and data inline; no network) with the same pictures
 * as the dashboard for the whole file: spectrogram, novelty and onsets, beats and tempo, events, levels.
 *
 * <pre>{@code
 * Report report = Report.create(path, "analyze --preset performer");
 * for (file : files) {
 *     RenderPlan plan = report.begin(file.toString(), presetPlan);  // with its tap; starts the collector
 *     ... run plan with report.sink() among the sinks ...
 *     report.end();
 * }
 * report.write();
 * }</pre>
 */
public final class Report {
    /** Columns kept per file in the page; longer files are pooled (about 6.7 minutes at 50 per second). */
    public static final int MAX_COLUMNS = 20_000;
    private static final Pattern MARKER = Pattern.compile("\\{\\{([A-Z_]+)\\}\\}");

    private final Path output;
    private final String title;
    private final List<FileData> files = new ArrayList<>();
    private final Sink sink = new Sink();
    private volatile FileData current;
    private Thread drainer;
    private volatile boolean stopDraining;

    private Report(final Path output, final String title) {
        this.output = output;
        this.title = title;
    }

    /**
     * Checks that the report can be written (the folder exists, the file is not a folder) before any file is
     * analysed.
     *
     * @param output the HTML file
     * @param title  what the page's header says
     * @return the report
     * @throws ConfigException naming {@code --report} and the path if it cannot be written
     */
    public static Report create(final Path output, final String title) {
        final Path parent = output.toAbsolutePath().getParent();
        if (Files.isDirectory(output)) {
            throw new ConfigException(ErrorKind.INPUT, "--report " + output + ": is a directory");
        }
        if (parent == null || !Files.isDirectory(parent)) {
            throw new ConfigException(ErrorKind.INPUT, "--report " + output + ": the folder " + parent
                + " does not exist");
        }
        if (!Files.isWritable(parent) || Files.exists(output) && !Files.isWritable(output)) {
            throw new ConfigException(ErrorKind.INPUT, "--report " + output + ": cannot write there");
        }
        return new Report(output, title);
    }

    /**
     * Starts a file: adds an offline display tap to its graph and starts collecting the tap's columns.
     *
     * @param name the file's name (its graph's name)
     * @param plan the preset's graph for the file
     * @return the graph to run, with its tap
     */
    public RenderPlan begin(final String name, final RenderPlan plan) {
        if (current != null) {
            end();
        }
        final DisplayTaps.Tapped tapped = DisplayTaps.addTo(plan, EventMode.OFFLINE, DisplayTapConfig.defaults());
        current = new FileData(name, tapped.plan(), tapped.tap());
        files.add(current);
        final FileData f = current;
        stopDraining = false;
        drainer = new Thread(() -> drain(f), "earshot-report");
        drainer.setDaemon(true);
        drainer.start();
        return tapped.plan();
    }

    private void drain(final FileData f) {
        final DisplayColumns ring = f.tap.columns();
        while (true) {
            final int n = ring.drain(f::add, 1024);
            if (n == 0) {
                if (stopDraining && ring.available() == 0) {
                    return;
                }
                LockSupport.parkNanos(200_000);
            }
        }
    }

    /** @return the sink collecting the current file's events; add it to the file's engine */
    public EventSink sink() {
        return sink;
    }

    /** Ends the current file: takes the last columns and stops collecting. */
    public void end() {
        if (current == null) {
            return;
        }
        stopDraining = true;
        try {
            drainer.join();
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        current = null;
    }

    /**
     * Writes the page.
     *
     * @return the file written
     * @throws IOException if it cannot be written
     */
    public Path write() throws IOException {
        end();
        final StringBuilder data = new StringBuilder(1 << 16);
        data.append("{\"title\":");
        Json.string(data, title).append(",\"generated\":");
        Json.string(data, Instant.now().toString()).append(",\"melFloorDb\":");
        Json.number(data, ColumnHistory.MEL_FLOOR_DB).append(",\"melTopDb\":");
        Json.number(data, ColumnHistory.MEL_TOP_DB).append(",\"files\":[");
        for (int i = 0; i < files.size(); i++) {
            files.get(i).appendJson(data.append(i > 0 ? "," : ""));
        }
        data.append("]}");
        final String html = fill(new String(PageServer.resource("report.html"), StandardCharsets.UTF_8), Map.of(
            "TITLE", escapeHtml(title),
            "CSS", new String(PageServer.resource("dashboard.css"), StandardCharsets.UTF_8),
            "COMMON_JS", new String(PageServer.resource("common.js"), StandardCharsets.UTF_8),
            "REPORT_JS", new String(PageServer.resource("report.js"), StandardCharsets.UTF_8),
            "DATA", data.toString()));
        Files.writeString(output, html, StandardCharsets.UTF_8);
        return output;
    }

    /**
     * Replaces every {@code {{NAME}}} in one pass (a value that itself holds a marker is not expanded again).
     *
     * @param template the template
     * @param values   replacements by name
     * @return the filled text
     */
    static String fill(final String template, final Map<String, String> values) {
        final Matcher m = MARKER.matcher(template);
        final StringBuilder out = new StringBuilder(template.length() + 1024);
        while (m.find()) {
            final String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    static String escapeHtml(final String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Routes events to the current file. */
    private final class Sink implements EventSink {
        private final StringBuilder line = new StringBuilder(256);

        @Override
        public void onEvent(final EventView event, final GraphInfo graph) {
            final FileData f = current;
            if (f != null) {
                f.events.add(EventJson.format(line, 0, event, graph).toString());
            }
        }

        @Override
        public void close() {
        }
    }

    /** What one file gave: columns (grown as they come) and events. */
    private static final class FileData {
        final String name;
        final DisplayTapNode tap;
        final int rate;
        final List<String> panels;
        final int bands;
        final List<String> events = new ArrayList<>();
        final ByteArrayOutputStream mel = new ByteArrayOutputStream(1 << 16);
        long[] frame = new long[1024];
        float[] nov = new float[1024];
        float[] in = new float[1024];
        float[] pk = new float[1024];
        float[] out = new float[1024];
        int n;

        FileData(final String name, final RenderPlan plan, final DisplayTapNode tap) {
            this.name = name;
            this.tap = tap;
            this.rate = plan.config().sampleRateHz();
            this.panels = GraphLayout.of(plan, 0).panels();
            this.bands = tap.config().melBands();
        }

        void add(final long f, final float[] data, final int offset) {
            if (n == frame.length) {
                frame = Arrays.copyOf(frame, n * 2);
                nov = Arrays.copyOf(nov, n * 2);
                in = Arrays.copyOf(in, n * 2);
                pk = Arrays.copyOf(pk, n * 2);
                out = Arrays.copyOf(out, n * 2);
            }
            frame[n] = f;
            nov[n] = data[offset + DisplayColumns.NOVELTY];
            in[n] = data[offset + DisplayColumns.IN_RMS_DB];
            pk[n] = data[offset + DisplayColumns.IN_PEAK_DB];
            out[n] = data[offset + DisplayColumns.OUT_RMS_DB];
            final float scale = 255f / (ColumnHistory.MEL_TOP_DB - ColumnHistory.MEL_FLOOR_DB);
            for (int b = 0; b < bands; b++) {
                final float q = (data[offset + DisplayColumns.SCALARS + b] - ColumnHistory.MEL_FLOOR_DB) * scale;
                mel.write(Math.max(0, Math.min(255, Math.round(q))));
            }
            n++;
        }

        void appendJson(final StringBuilder b) {
            final int pool = Math.max(1, (n + MAX_COLUMNS - 1) / MAX_COLUMNS);
            final int m = (n + pool - 1) / pool;
            final byte[] all = mel.toByteArray();
            final byte[] pooled = new byte[m * bands];
            final double rateD = rate;
            b.append("{\"name\":");
            Json.string(b, name).append(",\"rate\":").append(rate).append(",\"panels\":[");
            for (int i = 0; i < panels.size(); i++) {
                Json.string(b.append(i > 0 ? "," : ""), panels.get(i));
            }
            b.append("],\"mel\":{\"bands\":").append(bands).append(",\"minHz\":");
            Json.number(b, Math.min(tap.config().minHz(), Math.min(tap.config().maxHz(), rate / 2.0) / 2));
            b.append(",\"maxHz\":");
            Json.number(b, Math.min(tap.config().maxHz(), rate / 2.0));
            b.append(",\"hop\":").append(tap.hopFrames()).append(",\"window\":").append(tap.windowLength())
                .append(",\"columnsPerSecond\":").append(tap.config().columnsPerSecond()).append("},\"pool\":")
                .append(pool).append(",\"n\":").append(m).append(",\"t\":[");
            for (int c = 0; c < m; c++) {
                Json.number(b.append(c > 0 ? "," : ""), frame[c * pool] / rateD);
            }
            b.append("]");
            final float[] novP = new float[m];
            final float[] inP = new float[m];
            final float[] pkP = new float[m];
            final float[] outP = new float[m];
            for (int c = 0; c < m; c++) {
                final int lo = c * pool;
                final int hi = Math.min(n, lo + pool);
                float nv = Float.NaN;
                float pv = -1000;
                double ie = 0;
                double oe = 0;
                for (int i = lo; i < hi; i++) {
                    nv = Float.isNaN(nv) ? nov[i] : Math.max(nv, nov[i]);
                    pv = Math.max(pv, pk[i]);
                    ie += Math.pow(10, in[i] / 10.0);
                    oe += Math.pow(10, out[i] / 10.0);
                }
                novP[c] = nv;
                pkP[c] = pv;
                inP[c] = (float)(10 * Math.log10(Math.max(1e-12, ie / (hi - lo))));
                outP[c] = Float.isNaN(out[lo]) ? Float.NaN : (float)(10 * Math.log10(Math.max(1e-12, oe / (hi - lo))));
                for (int band = 0; band < bands; band++) {
                    int sum = 0;
                    for (int i = lo; i < hi; i++) {
                        sum += all[i * bands + band] & 0xff;
                    }
                    pooled[c * bands + band] = (byte)Math.round(sum / (float)(hi - lo));
                }
            }
            b.append(",\"melData\":\"").append(Base64.getEncoder().encodeToString(pooled)).append('"');
            floats(b, "nov", novP, false);
            floats(b, "in", inP, true);
            floats(b, "pk", pkP, true);
            floats(b, "out", outP, true);
            b.append(",\"events\":[");
            for (int i = 0; i < events.size(); i++) {
                b.append(i > 0 ? "," : "").append(events.get(i));
            }
            b.append("]}");
        }

        private static void floats(final StringBuilder b, final String name, final float[] v, final boolean db) {
            b.append(",\"").append(name).append("\":[");
            for (int i = 0; i < v.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                if (db) {
                    Json.tenths(b, v[i]);
                } else {
                    Json.number(b, Float.isNaN(v[i]) ? Double.NaN : Math.round(v[i] * 1e4) / 1e4);
                }
            }
            b.append(']');
        }
    }
}
