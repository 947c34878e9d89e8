package org.earshot.engine.runtime;


import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.status.AtomicCounter;
import org.earshot.engine.status.BlockTimer;

/**
 * Every interval, takes the interval histograms of all block timers (recycling the previous ones),
 * publishes their p50/p99/p99.9 as counters for {@code earshot stat}, adds them to the run's totals,
 * optionally writes them to an HdrHistogram interval log, and reports node failures once each.
 */
public final class StatusReporter implements Agent {
    private final long intervalNs;
    private final List<Tracked> tracked = new ArrayList<>();
    private final Queue<NodeStep.NodeFailure> failures;
    private final Consumer<String> errorLog;
    private final HistogramLogWriter logWriter;
    private final PrintStream logStream;
    private final long startMs = System.currentTimeMillis();
    private long nextReportNs;

    /**
     * @param graphs     counters of every graph
     * @param failures   node failures to report
     * @param errorLog   where failures are reported
     * @param intervalMs report interval in ms
     * @param histogramLog interval log file, or null
     */
    public StatusReporter(
        final List<GraphCounters> graphs,
        final Queue<NodeStep.NodeFailure> failures,
        final Consumer<String> errorLog,
        final long intervalMs,
        final Path histogramLog) {
        this.intervalNs = intervalMs * 1_000_000L;
        this.failures = failures;
        this.errorLog = errorLog;
        for (final GraphCounters g : graphs) {
            tracked.add(new Tracked(g.graphTimer, g.graphP50, g.graphP99, g.graphP999));
            for (int i = 0; i < g.nodeTimers.length; i++) {
                tracked.add(new Tracked(g.nodeTimers[i], g.nodeP50[i], g.nodeP99[i], g.nodeP999[i]));
            }
        }
        if (histogramLog != null) {
            try {
                logStream = new PrintStream(histogramLog.toFile(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (final java.io.IOException ex) {
                throw new java.io.UncheckedIOException("cannot write histogram log " + histogramLog, ex);
            }
            logWriter = new HistogramLogWriter(logStream);
            logWriter.outputLogFormatVersion();
            logWriter.outputStartTime(startMs);
            logWriter.setBaseTime(startMs);
            logWriter.outputLegend();
        } else {
            logStream = null;
            logWriter = null;
        }
        nextReportNs = System.nanoTime() + intervalNs;
    }

    @Override
    public int doWork() {
        int work = 0;
        NodeStep.NodeFailure f;
        while ((f = failures.poll()) != null) {
            errorLog.accept("node " + f.graph() + "/" + f.node() + " failed and is bypassed: " + f.error());
            work++;
        }
        final long now = System.nanoTime();
        if (now - nextReportNs >= 0) {
            nextReportNs = now + intervalNs;
            collect();
            work++;
        }
        return work;
    }

    /** Takes the current interval of every timer now (also called on close). */
    public synchronized void collect() {
        final long nowMs = System.currentTimeMillis();
        for (final Tracked t : tracked) {
            t.interval = t.timer.intervalHistogram(t.interval);
            if (t.interval.getTotalCount() == 0) {
                continue;
            }
            t.p50.setRelease(t.interval.getValueAtPercentile(50));
            t.p99.setRelease(t.interval.getValueAtPercentile(99));
            t.p999.setRelease(t.interval.getValueAtPercentile(99.9));
            t.total.add(t.interval);
            if (logWriter != null) {
                t.interval.setTag(t.timer.name());
                t.interval.setStartTimeStamp(t.lastMs);
                t.interval.setEndTimeStamp(nowMs);
                logWriter.outputIntervalHistogram(t.interval);
            }
            t.lastMs = nowMs;
        }
    }

    /** Forgets the totals so far (after a warm-up); interval counters are unaffected. */
    public synchronized void resetTotals() {
        collect();
        for (final Tracked t : tracked) {
            t.total.reset();
        }
    }

    /**
     * The totals since start (or the last {@link #resetTotals()}), by timer name (graph name, or {@code graph/node}), in plan order.
     *
     * @return copies of the accumulated histograms
     */
    public synchronized Map<String, Histogram> totals() {
        final Map<String, Histogram> out = new LinkedHashMap<>();
        for (final Tracked t : tracked) {
            out.put(t.timer.name(), t.total.copy());
        }
        return out;
    }

    @Override
    public void onClose() {
        doWork();
        collect();
        if (logStream != null) {
            logStream.close();
        }
    }

    @Override
    public String roleName() {
        return "earshot-status";
    }

    private final class Tracked {
        final BlockTimer timer;
        final AtomicCounter p50;
        final AtomicCounter p99;
        final AtomicCounter p999;
        final Histogram total = new Histogram(1, BlockTimer.HIGHEST_TRACKABLE_NS, BlockTimer.SIGNIFICANT_DIGITS);
        Histogram interval;
        long lastMs = startMs;

        Tracked(final BlockTimer timer, final AtomicCounter p50, final AtomicCounter p99, final AtomicCounter p999) {
            this.timer = timer;
            this.p50 = p50;
            this.p99 = p99;
            this.p999 = p999;
        }
    }

}
