package org.earshot.app.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Entry point of the {@code earshot} command.
 *
 * <pre>
 * earshot live     [--preset P] [--input DEVICE|FILE] [--sink SPEC]... [--duration S]   run a preset live
 * earshot analyze  FILE... [--preset P] [--json] [--sink SPEC]...                      run it over files, fast
 * earshot devices                                                                      list audio devices
 * earshot stat     [--watch]                                                           counters of running engines
 * earshot train    --clips DIR --labels CSV --out MODEL                                train an event classifier
 * </pre>
 */
@Command(
    name = "earshot",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Real-time streaming audio engine: runs a graph of detectors over live or recorded audio "
        + "and sends the events to sinks.",
    subcommands = {
        LiveCommand.class,
        AnalyzeCommand.class,
        TrainCommand.class,
        DevicesCommand.class,
        StatCommand.class,
        DenoiseCommand.class,
        SeparateCommand.class,
        LearnNoiseCommand.class,
        CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
    /** Exit status of an internal error (EX_SOFTWARE). */
    public static final int EXIT_INTERNAL = 70;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "missing command: live, analyze, devices or stat");
    }

    /**
     * Runs the command and exits with its status.
     *
     * @param args the command line
     */
    public static void main(final String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command without exiting (for tests).
     *
     * @param args the command line
     * @return the exit status
     */
    public static int execute(final String... args) {
        return commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true)).execute(args);
    }

    /**
     * The configured command line, with one-line error handlers.
     *
     * @param out where help and normal output go
     * @param err where errors go
     * @return the command line
     */
    public static CommandLine commandLine(final PrintWriter out, final PrintWriter err) {
        final CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler(new UsageErrorHandler());
        cl.setExecutionExceptionHandler(new FailureHandler());
        cl.setOverwrittenOptionsAllowed(false);
        return cl;
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {
                "earshot " + (v == null ? "(development build)" : v),
                "JVM: ${java.version} (${java.vendor} ${java.vm.name})",
                "OS: ${os.name} ${os.version} ${os.arch}"
            };
        }
    }
}
