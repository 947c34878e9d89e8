package org.earshot.app.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.Engine;
import org.earshot.engine.runtime.GraphRunner;
import org.earshot.engine.status.CountersFile;

/**
 * The live dashboard of {@code earshot live --dashboard}: an HTTP server for the page, a WebSocket server
 * for its data and controls, an event sink, and the {@link DashboardHub} agent that joins them.
 *
 * <pre>{@code
 * DisplayTaps.Tapped tapped = DisplayTaps.addTo(plan, EventMode.LIVE, DisplayTapConfig.defaults());
 * try (Dashboard d = Dashboard.start(address, "performer on take1.wav", List.of(tapped.plan()), sinkNames, log)) {
 *     sinks.add(d.sink());                       // last, so its latency includes the other sinks
 *     ... engine.start(); d.attach(engine);      // controls and counters from now on
 *     ... d.detach(); engine.close();            // before the counters are unmapped
 * }
 * }</pre>
 */
public final class Dashboard implements AutoCloseable {
    private final DashboardHub hub;
    private final DashboardSink sink;
    private final PageServer pages;
    private final WebSocketTransport sockets;
    private final AgentRunner runner;
    private final List<HubGraph> graphs;
    private final String url;

    private Dashboard(final DashboardHub hub, final DashboardSink sink, final PageServer pages,
        final WebSocketTransport sockets, final AgentRunner runner, final List<HubGraph> graphs, final String url) {
        this.hub = hub;
        this.sink = sink;
        this.pages = pages;
        this.sockets = sockets;
        this.runner = runner;
        this.graphs = graphs;
        this.url = url;
    }

    /**
     * Binds both ports and starts serving; the page shows the graphs' panels at once and their data once the
     * engine runs.
     *
     * @param address   where to listen
     * @param title     what the page's header says
     * @param plans     the graphs in engine order, each with its display tap ({@link DisplayTaps})
     * @param sinkNames the engine's other sinks, for the health panel
     * @param log       where one-line problems go
     * @return the running dashboard
     * @throws IOException naming the address if a port cannot be bound
     */
    public static Dashboard start(final DashboardAddress address, final String title, final List<RenderPlan> plans,
        final List<String> sinkNames, final Consumer<String> log) throws IOException {
        final List<HubGraph> graphs = new ArrayList<>();
        long blockPeriodNs = Long.MAX_VALUE;
        for (int g = 0; g < plans.size(); g++) {
            graphs.add(HubGraph.of(g, plans.get(g)));
            blockPeriodNs = Math.min(blockPeriodNs, plans.get(g).config().blockPeriodNs());
        }
        final DashboardSink sink = new DashboardSink(blockPeriodNs);
        final DashboardHub hub = new DashboardHub(title, sinkNames, graphs, sink, System::nanoTime, log);
        final PageServer pages;
        try {
            pages = new PageServer(new InetSocketAddress(address.host(), address.port()));
        } catch (final IOException ex) {
            throw new IOException("--dashboard " + address.host() + ":" + address.port() + ": cannot listen: "
                + ex.getMessage(), ex);
        }
        final WebSocketTransport sockets = new WebSocketTransport(
            new InetSocketAddress(address.host(), address.webSocketPort()), hub);
        try {
            sockets.startAndWait(pages.port());
        } catch (final IOException ex) {
            pages.stop();
            throw new IOException("--dashboard " + address.host() + ":" + address.webSocketPort()
                + " (the WebSocket port, PORT+1): cannot listen: " + ex.getMessage(), ex);
        }
        pages.start(sockets.getPort());
        final AgentRunner runner = new AgentRunner(new SleepingMillisIdleStrategy(2),
            t -> log.accept("dashboard: " + t), null, hub);
        AgentRunner.startOnThread(runner, r -> {
            final Thread t = new Thread(r, "earshot-dashboard");
            t.setDaemon(true);
            return t;
        });
        final String host = address.host().contains(":") ? "[" + address.host() + "]" : address.host();
        return new Dashboard(hub, sink, pages, sockets, runner, List.copyOf(graphs),
            "http://" + host + ":" + pages.port() + "/");
    }

    /** @return the sink to add, last, to the engine's sinks */
    public DashboardSink sink() {
        return sink;
    }

    /** @return the page's address */
    public String url() {
        return url;
    }

    /** @return the WebSocket port */
    public int webSocketPort() {
        return sockets.getPort();
    }

    /**
     * Connects the controls and the health panel to a started engine whose graphs are the plans given to
     * {@link #start}, in the same order.
     *
     * @param engine the engine
     */
    public void attach(final Engine engine) {
        final List<Engine.Graph> running = engine.graphs();
        final List<GraphRunner> runners = running.stream().map(Engine.Graph::runner).toList();
        final CountersFile file = engine.countersFile();
        final EngineCounters counters = new EngineCounters(file.reader(),
            graphs.stream().map(HubGraph::name).toList(), graphs.stream().map(HubGraph::nodeNames).toList());
        hub.attach(new EngineLink() {
            @Override
            public boolean trySetParameter(final int graphId, final String node, final int parameterId,
                final double value) {
                return graphId >= 0 && graphId < runners.size()
                    && runners.get(graphId).trySetParameter(node, parameterId, value);
            }

            @Override
            public EngineCounters counters() {
                return counters;
            }
        });
    }

    /** Disconnects from the engine; call before the engine closes (its counters are unmapped then). */
    public void detach() {
        hub.detach();
    }

    /** Detaches, sends the last frames, closes every client and both servers. */
    @Override
    public void close() {
        hub.detach();
        runner.close();
        try {
            sockets.stop(1000);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        pages.stop();
    }
}
