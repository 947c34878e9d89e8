package org.earshot.app.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT, SIGTERM) into an orderly stop: the JVM's shutdown hook raises a flag, runs the
 * stop action (e.g. {@code engine.requestStop()}) and waits, at most {@link #GRACE_MS}, until the command
 * has closed the engine and flushed its sinks. No stack trace is printed.
 */
final class ShutdownGuard implements AutoCloseable {
    /** Longest time the hook waits for the command to finish, ms. */
    static final long GRACE_MS = 5_000;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;
    private volatile boolean stopRequested;
    private volatile Runnable stopAction = () -> { };

    /** Installs the hook. */
    ShutdownGuard() {
        hook = new Thread(this::onShutdown, "earshot-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * @param action what to do when a stop is asked for, replacing the previous action
     */
    void onStop(final Runnable action) {
        stopAction = action;
        if (stopRequested) {
            action.run();
        }
    }

    /** @return whether Ctrl-C (or a termination signal) asked the command to stop */
    boolean stopRequested() {
        return stopRequested;
    }

    private void onShutdown() {
        stopRequested = true;
        try {
            stopAction.run();
            finished.await(GRACE_MS, TimeUnit.MILLISECONDS);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets a waiting hook go and removes the hook if the JVM is not shutting down. */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (final IllegalStateException shuttingDown) {
            // the hook is running: it returns once it sees the latch
        }
    }
}
