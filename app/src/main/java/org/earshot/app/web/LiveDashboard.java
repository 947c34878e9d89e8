package org.earshot.app.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import org.earshot.app.config.ConfigException;
import org.earshot.app.config.ErrorKind;
import org.earshot.detectors.display.DisplayTapConfig;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.Engine;

/**
 * What {@code earshot live --dashboard} adds to a run, in one place so that the commands stay short: the
 * display tap in every graph, the servers, the sink, and the engine hand-over.
 *
 * <pre>{@code
 * try (LiveDashboard web = LiveDashboard.open(flag, plans, title, sinkNames, err)) {  // null when no flag
 *     plan = web == null ? plan : web.plans().get(0);
 *     sinks.add(web.sink());                                                           // last
 *     engine.start(); web.attach(engine); ... web.detach(); engine.close();
 * }
 * }</pre>
 */
public final class LiveDashboard implements AutoCloseable {
    private final Dashboard dashboard;
    private final List<RenderPlan> plans;

    private LiveDashboard(final Dashboard dashboard, final List<RenderPlan> plans) {
        this.dashboard = dashboard;
        this.plans = plans;
    }

    /**
     * Adds a display tap to each graph and starts serving; prints the page's address on {@code err}.
     *
     * @param flag      the {@code --dashboard} value ({@code [HOST:]PORT}), or null for no dashboard
     * @param plans     the graphs, in the order they will be added to the engine
     * @param title     what the page's header says
     * @param sinkNames the other sinks, for the health panel
     * @param err       where the address and problems go
     * @return the dashboard, or null if {@code flag} is null
     * @throws ConfigException naming {@code --dashboard}: a bad address (usage), or a port that cannot be bound
     */
    public static LiveDashboard open(final String flag, final List<RenderPlan> plans, final String title,
        final List<String> sinkNames, final PrintWriter err) {
        if (flag == null) {
            return null;
        }
        final DashboardAddress address = DashboardAddress.parse(flag);
        final List<RenderPlan> tapped = new ArrayList<>();
        for (final RenderPlan plan : plans) {
            tapped.add(DisplayTaps.addTo(plan, EventMode.LIVE, DisplayTapConfig.defaults()).plan());
        }
        final Dashboard d;
        try {
            d = Dashboard.start(address, title, tapped, sinkNames, line -> {
                err.println("earshot: " + line);
                err.flush();
            });
        } catch (final IOException ex) {
            throw new ConfigException(ErrorKind.INPUT, ex.getMessage());
        }
        err.println("earshot: dashboard: " + d.url() + " (WebSocket on port " + d.webSocketPort() + ")");
        err.flush();
        return new LiveDashboard(d, List.copyOf(tapped));
    }

    /** @return the graphs with their display taps, to run instead of the ones given */
    public List<RenderPlan> plans() {
        return plans;
    }

    /** @return the sink to add last */
    public DashboardSink sink() {
        return dashboard.sink();
    }

    /** @return the page's address */
    public String url() {
        return dashboard.url();
    }

    /**
     * @param engine the started engine
     */
    public void attach(final Engine engine) {
        dashboard.attach(engine);
    }

    /** Before the engine closes. */
    public void detach() {
        dashboard.detach();
    }

    @Override
    public void close() {
        dashboard.close();
    }
}
