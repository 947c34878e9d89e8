package org.earshot.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.earshot.engine.status.CountersFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code earshot stat}: prints the live counters of every running engine on this machine, read from the
 * memory-mapped counters files they publish (Aeron's CnC idea), as {@code label: value} lines.
 */
@Command(
    name = "stat",
    mixinStandardHelpOptions = true,
    description = {
        "Print the counters of the earshot engines running on this machine (blocks, budget misses, overruns, "
            + "dropped events, block-time percentiles).",
        "Counters are read from the memory-mapped files in $EARSHOT_DIR, else /dev/shm/earshot-$USER."
    })
final class StatCommand implements Callable<Integer> {
    /** Refresh period of {@code --watch}, ms. */
    static final long WATCH_PERIOD_MS = 1_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--watch", description = "Refresh every second until Ctrl-C.")
    private boolean watch;

    @Option(names = "--dir", paramLabel = "DIR", description = "Counters directory (default: ${DEFAULT-VALUE}).")
    private Path directory = CountersFile.defaultDirectory();

    @Override
    public Integer call() throws Exception {
        final PrintWriter out = spec.commandLine().getOut();
        if (!watch) {
            final boolean any = printOnce(out);
            if (!any) {
                throw UserError.input("stat: no running engine publishes counters in " + directory);
            }
            return 0;
        }
        final boolean ansi = System.console() != null;
        while (!Thread.currentThread().isInterrupted()) {
            if (ansi) {
                out.print("\033[H\033[2J");
            } else {
                out.println("--- " + Instant.now());
            }
            if (!printOnce(out)) {
                out.println("(no running engine publishes counters in " + directory + ")");
            }
            out.flush();
            Thread.sleep(WATCH_PERIOD_MS);
        }
        return 0;
    }

    private boolean printOnce(final PrintWriter out) {
        final List<CountersFile.Published> engines = CountersFile.findPublished(directory);
        for (final CountersFile.Published engine : engines) {
            out.println("engine pid " + engine.pid() + ", started " + Instant.ofEpochMilli(engine.startEpochMs())
                + " (" + engine.path() + ")");
            engine.reader().forEach((id, label) ->
                out.printf("  %-52s %,d%n", label + ":", engine.reader().getCounterValue(id)));
        }
        out.flush();
        return !engines.isEmpty();
    }
}
