package org.earshot.app.web;

import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.OneToOneConcurrentArrayQueue;
import org.earshot.engine.event.EventView;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphInfo;
import org.earshot.engine.status.BlockTimer;

/**
 * The dashboard's event sink, on the event agent's thread: renders each event to its JSON text and offers
 * it to a bounded queue that the hub drains; when the queue is full the event is dropped for the dashboard
 * only (counted), and the agent never waits. It also records each event's end-to-end latency, from the
 * capture of the block that decided it to this hand-off, in a single-writer recorder (coordinated-omission
 * correction applied once, with the block period as the expected interval). Put it last among the sinks, so
 * the figure includes the others' hand-off.
 */
public final class DashboardSink implements EventSink {
    /** Events queued for the hub at most. */
    public static final int QUEUE_CAPACITY = 8192;

    private final OneToOneConcurrentArrayQueue<String> queue = new OneToOneConcurrentArrayQueue<>(QUEUE_CAPACITY);
    private final SingleWriterRecorder latency =
        new SingleWriterRecorder(1, BlockTimer.HIGHEST_TRACKABLE_NS, BlockTimer.SIGNIFICANT_DIGITS);
    private final AtomicLong dropped = new AtomicLong();
    private final StringBuilder line = new StringBuilder(256);
    private final long expectedIntervalNs;

    /**
     * @param blockPeriodNs the graphs' block period, the expected interval of the latency correction
     */
    public DashboardSink(final long blockPeriodNs) {
        this.expectedIntervalNs = blockPeriodNs;
    }

    @Override
    public void onEvent(final EventView event, final GraphInfo graph) {
        final long latencyNs = System.nanoTime() - event.captureNs();
        latency.recordValueWithExpectedInterval(Math.max(1, Math.min(latencyNs, BlockTimer.HIGHEST_TRACKABLE_NS)),
            expectedIntervalNs);
        final String json = EventJson.format(line, graph.id(), event, graph).toString();
        if (!queue.offer(json)) {
            dropped.incrementAndGet();
        }
    }

    /**
     * Hub side: takes the next queued event.
     *
     * @return its JSON text, or null if none waits
     */
    String poll() {
        return queue.poll();
    }

    /**
     * Hub side: the latencies recorded since the last call.
     *
     * @param recycle the histogram the previous call returned, or null
     * @return the interval's histogram, ns
     */
    Histogram intervalLatency(final Histogram recycle) {
        return latency.getIntervalHistogram(recycle);
    }

    /** Nothing to release: the hub owns the connections. */
    @Override
    public void close() {
    }

    /** @return events the hub did not get because its queue was full */
    public long dropped() {
        return dropped.get();
    }
}
