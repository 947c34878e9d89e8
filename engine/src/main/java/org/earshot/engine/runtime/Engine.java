package org.earshot.engine.runtime;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.CompositeAgent;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.status.CountersFile;

/**
 * Owns the threads of a running engine and joins them by role (no god class: the work is done by the
 * agents it starts):
 *
 * <pre>
 *  per graph:  source pump thread ──► frame ring ──► graph runner thread(s) ──┐
 *                                                                            ├─► event ring ──► event agent ──► sinks
 *  once:       status reporter (histograms → counters file, interval log, node failures)
 * </pre>
 *
 * The event ring is a many-to-one Agrona ring so that graphs and dedicated-mode node threads can all
 * write to it; the counters live in a memory-mapped file that {@code earshot stat} reads.
 */
public final class Engine implements AutoCloseable {
    private final Settings settings;
    private final CountersFile countersFile;
    private final RingBuffer eventRing;
    private final ManyToOneConcurrentArrayQueue<NodeStep.NodeFailure> failures = new ManyToOneConcurrentArrayQueue<>(1024);
    private final List<Graph> graphs = new ArrayList<>();
    private final List<Thread> pumpThreads = new ArrayList<>();
    private final List<AgentRunner> poolRunners = new ArrayList<>();
    private AgentRunner eventRunner;
    private AgentRunner statusRunner;
    private StatusReporter reporter;
    private EventAgent eventAgent;
    private boolean started;
    private boolean closed;

    /**
     * Engine-wide settings.
     *
     * @param countersDirectory where the counters file goes, or null for in-memory counters
     * @param eventRingBytes    event ring capacity, a power of two of at least 4096
     * @param sinks             where events go
     * @param reportIntervalMs  how often histograms become counters, ms
     * @param histogramLog      HdrHistogram interval log to write, or null
     * @param errorLog          where one-line error reports go
     * @param graphThreads      0: every graph has its own thread(s); n &gt; 0: SHARED-mode graphs are polled
     *                          by a pool of n threads (many rooms on a small machine)
     */
    public record Settings(
        Path countersDirectory,
        int eventRingBytes,
        List<EventSink> sinks,
        long reportIntervalMs,
        Path histogramLog,
        Consumer<String> errorLog,
        int graphThreads) {
        /**
         * @throws IllegalArgumentException on a bad value
         */
        public Settings {
            if (eventRingBytes < 4096 || Integer.bitCount(eventRingBytes) != 1) {
                throw new IllegalArgumentException("eventRingBytes must be a power of two >= 4096, got " + eventRingBytes);
            }
            if (reportIntervalMs < 10) {
                throw new IllegalArgumentException("reportIntervalMs must be >= 10, got " + reportIntervalMs);
            }
            if (graphThreads < 0 || graphThreads > 256) {
                throw new IllegalArgumentException("graphThreads must be in [0, 256], got " + graphThreads);
            }
            sinks = List.copyOf(sinks);
            if (errorLog == null) {
                errorLog = line -> System.err.println("earshot: " + line);
            }
        }

        /**
         * @param sinks where events go
         * @return settings with a 1 MiB event ring, 1 s reports, in-memory counters
         */
        public static Settings defaults(final List<EventSink> sinks) {
            return new Settings(null, 1 << 20, sinks, 1000, null, null, 0);
        }

        /**
         * @param dir counters directory
         * @return a copy publishing counters there
         */
        public Settings withCountersDirectory(final Path dir) {
            return new Settings(dir, eventRingBytes, sinks, reportIntervalMs, histogramLog, errorLog, graphThreads);
        }

        /**
         * @param threads size of the shared graph-thread pool, 0 for a thread per graph
         * @return a copy with that pool
         */
        public Settings withGraphThreads(final int threads) {
            return new Settings(countersDirectory, eventRingBytes, sinks, reportIntervalMs, histogramLog, errorLog, threads);
        }

        /**
         * @param log interval log path
         * @return a copy writing an HdrHistogram interval log
         */
        public Settings withHistogramLog(final Path log) {
            return new Settings(countersDirectory, eventRingBytes, sinks, reportIntervalMs, log, errorLog, graphThreads);
        }

        /**
         * @param bytes event ring capacity
         * @return a copy with that capacity
         */
        public Settings withEventRingBytes(final int bytes) {
            return new Settings(countersDirectory, bytes, sinks, reportIntervalMs, histogramLog, errorLog, graphThreads);
        }
    }

    /** A graph added to the engine. */
    public static final class Graph {
        private final GraphInfo info;
        private final GraphRunner runner;
        private final SourcePump pump;

        Graph(final GraphInfo info, final GraphRunner runner, final SourcePump pump) {
            this.info = info;
            this.runner = runner;
            this.pump = pump;
        }

        /** @return what sinks know of it */
        public GraphInfo info() {
            return info;
        }

        /** @return its runner */
        public GraphRunner runner() {
            return runner;
        }

        /** @return its counters */
        public GraphCounters counters() {
            return runner.counters();
        }

        /** @return its source pump */
        public SourcePump pump() {
            return pump;
        }
    }

    /**
     * @param settings engine-wide settings
     */
    public Engine(final Settings settings) {
        this.settings = settings;
        this.countersFile = settings.countersDirectory() == null
            ? CountersFile.inMemory() : CountersFile.create(settings.countersDirectory());
        final int length = settings.eventRingBytes() + RingBufferDescriptor.TRAILER_LENGTH;
        this.eventRing = new ManyToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect(length)));
    }

    /**
     * Adds a graph fed by a source. The source's rate must equal the graph's.
     *
     * @param plan   the prepared graph
     * @param source its source
     * @return the graph
     */
    public Graph addGraph(final RenderPlan plan, final AudioSource source) {
        if (started) {
            throw new IllegalStateException("graphs must be added before start");
        }
        if (source.sampleRateHz() != plan.config().sampleRateHz()) {
            throw new IllegalArgumentException("source " + source.describe() + " delivers " + source.sampleRateHz()
                + " Hz but graph " + plan.config().name() + " runs at " + plan.config().sampleRateHz() + " Hz");
        }
        final int id = graphs.size();
        final List<String> names = plan.nodes().stream().map(n -> n.name()).toList();
        final GraphCounters counters = new GraphCounters(countersFile, plan.config().name(), names,
            plan.config().budgetNs());
        final GraphRunner runner = new GraphRunner(plan, id, eventRing, counters, failures,
            settings.graphThreads() > 0);
        final SourcePump pump = new SourcePump(source, runner.publisher(), counters, plan.config().blockFrames(),
            plan.latencyFrames());
        final GraphInfo info = new GraphInfo(id, plan.config().name(), plan.config().sampleRateHz(),
            plan.latencyFrames(), names);
        final Graph g = new Graph(info, runner, pump);
        graphs.add(g);
        return g;
    }

    /** Starts every thread: sinks, status, graphs, then sources. */
    public void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        final List<GraphInfo> infos = graphs.stream().map(Graph::info).toList();
        final GraphCounters[] counters = graphs.stream().map(Graph::counters).toArray(GraphCounters[]::new);
        eventAgent = new EventAgent(eventRing, settings.sinks(), infos, counters, settings.errorLog());
        reporter = new StatusReporter(List.of(counters), failures, settings.errorLog(),
            settings.reportIntervalMs(), settings.histogramLog());
        eventRunner = new AgentRunner(new BackoffIdleStrategy(100, 10, 1_000, 1_000_000),
            t -> settings.errorLog().accept("event agent: " + t), null, eventAgent);
        statusRunner = new AgentRunner(new SleepingMillisIdleStrategy(5),
            t -> settings.errorLog().accept("status agent: " + t), null, reporter);
        AgentRunner.startOnThread(eventRunner, namedFactory("earshot-events"));
        AgentRunner.startOnThread(statusRunner, namedFactory("earshot-status"));
        final List<List<Agent>> pool = new ArrayList<>();
        for (int i = 0; i < settings.graphThreads(); i++) {
            pool.add(new ArrayList<>());
        }
        int next = 0;
        for (final Graph g : graphs) {
            if (g.runner.agent() != null) {
                pool.get(next++ % pool.size()).add(g.runner.agent());
            } else {
                g.runner.start(namedFactory("earshot-graph-" + g.info.name()));
            }
        }
        for (int i = 0; i < pool.size(); i++) {
            if (!pool.get(i).isEmpty()) {
                final AgentRunner r = new AgentRunner(new BackoffIdleStrategy(50, 10, 10_000, 200_000),
                    t -> settings.errorLog().accept("graph pool: " + t), null, new CompositeAgent(pool.get(i)));
                poolRunners.add(r);
                AgentRunner.startOnThread(r, namedFactory("earshot-graphs-" + i));
            }
        }
        for (final Graph g : graphs) {
            final Thread t = namedFactory("earshot-source-" + g.info.name()).newThread(g.pump);
            pumpThreads.add(t);
            t.start();
        }
    }

    /**
     * Waits until every source has ended, every graph has processed its last block and every event has
     * reached the sinks.
     *
     * @param timeout how long to wait
     * @param unit    unit
     * @return true if all of that happened in time
     * @throws InterruptedException if interrupted
     */
    public boolean awaitCompletion(final long timeout, final TimeUnit unit) throws InterruptedException {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (final Graph g : graphs) {
            final long left = deadline - System.nanoTime();
            if (left <= 0 || !g.runner.awaitEnd(left, TimeUnit.NANOSECONDS)) {
                return false;
            }
        }
        while (eventRing.consumerPosition() != eventRing.producerPosition()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    /** Asks every source to stop; each stream then ends as usual (tail, end slot). */
    public void requestStop() {
        for (final Graph g : graphs) {
            g.pump.requestStop();
        }
    }

    /** @return the first source failure, or null */
    public Throwable sourceFailure() {
        for (final Graph g : graphs) {
            if (g.pump.failure() != null) {
                return g.pump.failure();
            }
        }
        return null;
    }

    /** @return the graphs, in id order */
    public List<Graph> graphs() {
        return List.copyOf(graphs);
    }

    /** @return the counters file (path null when in memory) */
    public CountersFile countersFile() {
        return countersFile;
    }

    /** @return the event ring (for tests and harnesses) */
    public RingBuffer eventRing() {
        return eventRing;
    }

    /**
     * Block-time totals since start, by timer name; call after {@link #close} for the whole run.
     *
     * @return histograms by {@code graph} and {@code graph/node}
     */
    public Map<String, Histogram> blockTimeTotals() {
        if (reporter == null) {
            return Map.of();
        }
        reporter.collect();
        return reporter.totals();
    }

    /** Forgets the block-time totals so far, e.g. at the end of a warm-up. */
    public void resetBlockTimeTotals() {
        if (reporter != null) {
            reporter.resetTotals();
        }
    }

    /** Stops sources, lets graphs finish, drains events into the sinks, stops agents and frees the counters file. */
    @Override
    public void close() throws InterruptedException {
        if (closed) {
            return;
        }
        closed = true;
        requestStop();
        for (final Thread t : pumpThreads) {
            t.join(10_000);
        }
        for (final Graph g : graphs) {
            if (started) {
                g.runner.awaitEnd(10, TimeUnit.SECONDS);
            }
        }
        for (final AgentRunner r : poolRunners) {
            r.close();
        }
        if (eventRunner != null) {
            eventRunner.close();
        }
        if (statusRunner != null) {
            statusRunner.close();
        }
        for (final Graph g : graphs) {
            g.runner.close();
        }
        countersFile.close();
    }

    private static ThreadFactory namedFactory(final String name) {
        final AtomicInteger n = new AtomicInteger();
        return r -> {
            final Thread t = new Thread(r, n.getAndIncrement() == 0 ? name : name + "-" + n.get());
            t.setDaemon(true);
            return t;
        };
    }
}
