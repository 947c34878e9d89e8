package org.earshot.engine.status;

import org.HdrHistogram.Histogram;
import org.earshot.engine.event.EventView;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphInfo;

/**
 * Measures end-to-end latency of events: from the moment the block that decided an event was handed to
 * the graph (its capture stamp) to the moment this sink sees the event on the event agent's thread.
 * Recorded with HdrHistogram's coordinated-omission correction, applied once, with the block period as
 * the expected interval. Put it last in the sink list to include the other sinks' hand-off time.
 */
public final class EndToEndLatencySink implements EventSink {
    private final Histogram histogram = new Histogram(1, BlockTimer.HIGHEST_TRACKABLE_NS, BlockTimer.SIGNIFICANT_DIGITS);
    private final long expectedIntervalNs;

    /**
     * @param blockPeriodNs the graph's block period, the expected interval for the correction
     */
    public EndToEndLatencySink(final long blockPeriodNs) {
        this.expectedIntervalNs = blockPeriodNs;
    }

    @Override
    public void onEvent(final EventView event, final GraphInfo graph) {
        final long latencyNs = System.nanoTime() - event.captureNs();
        final long clamped = Math.max(1, Math.min(latencyNs, BlockTimer.HIGHEST_TRACKABLE_NS));
        synchronized (histogram) {
            histogram.recordValueWithExpectedInterval(clamped, expectedIntervalNs);
        }
    }

    /** Forgets what was recorded so far (after a warm-up). */
    public void reset() {
        synchronized (histogram) {
            histogram.reset();
        }
    }

    /** @return a copy of the latencies recorded so far, ns */
    public Histogram histogram() {
        synchronized (histogram) {
            return histogram.copy();
        }
    }
}
