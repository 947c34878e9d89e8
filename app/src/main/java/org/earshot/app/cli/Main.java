package org.earshot.app.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

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
        + "and sends the events to sinks.")
public final class Main implements Runnable {
    /** Exit status of an internal error (EX_SOFTWARE). */
    public static final int EXIT_INTERNAL = 70;

    /**
     * The subcommands by name, in the order help lists them. Picocli reads a command's annotations (options,
     * converters, help texts) when the command is added, by reflection, in the interpreter: building all nine
     * took about a fifth of a second of start-up on one core, so a command line naming one gets only that one.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        final Map<String, Class<?>> m = new LinkedHashMap<>();
        m.put("live", LiveCommand.class);
        m.put("analyze", AnalyzeCommand.class);
        m.put("train", TrainCommand.class);
        m.put("devices", DevicesCommand.class);
        m.put("stat", StatCommand.class);
        m.put("denoise", DenoiseCommand.class);
        m.put("separate", SeparateCommand.class);
        m.put("learn-noise", LearnNoiseCommand.class);
        m.put("help", CommandLine.HelpCommand.class);
        return m;
    }

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
        final PrintWriter out = new PrintWriter(System.out, true);
        final PrintWriter err = new PrintWriter(System.err, true);
        final Class<?> named = args.length > 0 ? SUBCOMMANDS.get(args[0]) : null;
        final CommandLine cl = named == null || named == CommandLine.HelpCommand.class
            ? commandLine(out, err)
            : configured(new CommandLine(new Main()).addSubcommand(args[0], named), out, err);
        return cl.execute(args);
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
        SUBCOMMANDS.forEach(cl::addSubcommand);
        return configured(cl, out, err);
    }

    private static CommandLine configured(final CommandLine cl, final PrintWriter out, final PrintWriter err) {
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
