package org.earshot.app.cli;

import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.AudioSource;
import org.earshot.engine.runtime.Engine;
import org.earshot.engine.runtime.GraphCounters;

/**
 * Runs one graph over one source in an engine until the source ends, the duration passes or Ctrl-C,
 * then closes the engine (which drains events into the sinks) and reports what happened.
 */
final class EngineRun {
    /** How often the waiting thread checks the clock and the stop flag, ms. */
    static final long POLL_MS = 100;
    /** Longest wait for a graph to finish after a stop was asked for, ms. */
    static final long STOP_TIMEOUT_MS = 10_000;

    private EngineRun() {
    }

    /**
     * What a run did.
     *
     * @param framesRead       frames read from the source
     * @param elapsedNs        wall time from start to the last event delivered
     * @param eventsDelivered  events handed to the sinks
     * @param eventsDropped    events dropped on a full ring (live only)
     * @param captureOverruns  blocks lost to a full frame ring or by the device
     * @param sourceFailure    why the source failed, or null
     * @param stoppedByUser    whether Ctrl-C ended the run
     */
    record Result(
        long framesRead,
        long elapsedNs,
        long eventsDelivered,
        long eventsDropped,
        long captureOverruns,
        Throwable sourceFailure,
        boolean stoppedByUser) {
    }

    /**
     * Runs the graph.
     *
     * @param settings   engine settings (sinks, counters)
     * @param plan       the prepared graph
     * @param source     its source
     * @param durationMs how long to run, 0 until the source ends or Ctrl-C
     * @param guard      the Ctrl-C guard
     * @return what happened
     * @throws InterruptedException if interrupted while waiting
     * @throws UserError           if the counters file or the histogram log cannot be created
     */
    static Result run(
        final Engine.Settings settings,
        final RenderPlan plan,
        final AudioSource source,
        final long durationMs,
        final ShutdownGuard guard) throws InterruptedException, UserError {
        return run(settings, plan, source, durationMs, guard, null);
    }

    /**
     * Told when the engine has started and just before it closes: the web dashboard posts controls and reads
     * the counters in between (they are unmapped on close).
     */
    interface Observer {
        /**
         * @param engine the started engine
         */
        void onStarted(Engine engine);

        /** The engine is about to close; called at least once after {@link #onStarted}, maybe more. */
        void onClosing();
    }

    /**
     * Runs the graph, telling an observer when the engine starts and before it closes.
     *
     * @param settings   engine settings (sinks, counters)
     * @param plan       the prepared graph
     * @param source     its source
     * @param durationMs how long to run, 0 until the source ends or Ctrl-C
     * @param guard      the Ctrl-C guard
     * @param observer   told of the start and the close, or null
     * @return what happened
     * @throws InterruptedException if interrupted while waiting
     * @throws UserError           if the counters file or the histogram log cannot be created
     */
    static Result run(
        final Engine.Settings settings,
        final RenderPlan plan,
        final AudioSource source,
        final long durationMs,
        final ShutdownGuard guard,
        final Observer observer) throws InterruptedException, UserError {
        final Engine engine;
        try {
            engine = new Engine(settings);
        } catch (final UncheckedIOException ex) {
            throw UserError.input(FailureHandler.firstLine(ex.getMessage()));
        }
        try {
            final Engine.Graph graph = engine.addGraph(plan, source);
            final long startNs = System.nanoTime();
            guard.onStop(engine::requestStop);
            try {
                engine.start();
            } catch (final UncheckedIOException ex) {
                throw UserError.input(FailureHandler.firstLine(ex.getMessage()));
            }
            if (observer != null) {
                observer.onStarted(engine);
            }
            final long deadlineNs = startNs + TimeUnit.MILLISECONDS.toNanos(durationMs);
            long stopAskedNs = 0;
            while (!engine.awaitCompletion(POLL_MS, TimeUnit.MILLISECONDS)) {
                final long now = System.nanoTime();
                final boolean timeUp = durationMs > 0 && now - deadlineNs >= 0;
                if (stopAskedNs == 0 && (timeUp || guard.stopRequested())) {
                    engine.requestStop();
                    stopAskedNs = now;
                } else if (stopAskedNs != 0 && now - stopAskedNs > TimeUnit.MILLISECONDS.toNanos(STOP_TIMEOUT_MS)) {
                    settings.errorLog().accept("graph " + plan.config().name() + " did not finish within "
                        + STOP_TIMEOUT_MS + " ms of the stop request; closing anyway");
                    break;
                }
            }
            final long elapsedNs = System.nanoTime() - startNs;
            guard.onStop(() -> { });
            // read the counters before close, which unmaps a published counters file; every event has
            // been handed to the sinks once awaitCompletion returned true
            final GraphCounters c = graph.counters();
            final Result result = new Result(graph.pump().framesRead(), elapsedNs, c.eventsDelivered(),
                c.eventsDropped(), c.captureOverruns(), engine.sourceFailure(), guard.stopRequested());
            if (observer != null) {
                observer.onClosing();
            }
            engine.close();
            return result;
        } finally {
            if (observer != null) {
                observer.onClosing();
            }
            engine.close();
        }
    }
}
