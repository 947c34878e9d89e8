package org.earshot.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of {@code bench/target/earshot-bench.jar}: {@code java -jar earshot-bench.jar COMMAND ARGS...}.
 * Commands are registered by name below; {@code jmh} runs the JMH benchmarks with JMH's own options.
 */
public final class BenchMain {
    /** A bench command. */
    @FunctionalInterface
    public interface Command {
        /**
         * @param args the arguments after the command name
         * @return process exit status
         * @throws Exception on failure
         */
        int run(String[] args) throws Exception;
    }

    private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("latency", org.earshot.bench.latency.LatencyHarness::run);
        COMMANDS.put("onsets", org.earshot.bench.accuracy.OnsetEval::run);
        COMMANDS.put("beats", org.earshot.bench.accuracy.BeatEval::run);
        COMMANDS.put("beat-breaks", org.earshot.bench.accuracy.BeatBreaks::run);
        COMMANDS.put("events", org.earshot.bench.accuracy.EventEval::run);
        COMMANDS.put("events-trace", org.earshot.bench.accuracy.EventTrace::run);
        COMMANDS.put("speech-alarms", org.earshot.bench.accuracy.SpeechAlarms::run);
        COMMANDS.put("cough-fits", org.earshot.bench.accuracy.CoughFits::run);
        COMMANDS.put("thuds-after-coughs", org.earshot.bench.accuracy.ThudsAfterCoughs::run);
        COMMANDS.put("voicing", org.earshot.bench.accuracy.VoicingShare::run);
        COMMANDS.put("rooms", org.earshot.bench.latency.RoomsBench::run);
        COMMANDS.put("denoise", org.earshot.bench.accuracy.DenoiseEval::run);
        COMMANDS.put("separate", org.earshot.bench.accuracy.SeparationEval::run);
        COMMANDS.put("jmh", args -> {
            org.openjdk.jmh.Main.main(args);
            return 0;
        });
    }

    private BenchMain() {
    }

    /**
     * @param args command and its arguments
     * @throws Exception on failure
     */
    public static void main(final String[] args) throws Exception {
        if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
            System.err.println("usage: java -jar earshot-bench.jar {" + String.join("|", COMMANDS.keySet()) + "} ARGS...");
            System.exit(2);
        }
        int status;
        try {
            status = COMMANDS.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
        } catch (final IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            if (!fromArguments(e)) {
                // thrown inside the measurement, not by the parsing of the command line: a bug, with its stack
                throw e;
            }
            // a wrong option or value (a number that is not one, an unknown channel, an option missing its value)
            System.err.println("earshot-bench " + args[0] + ": " + (e instanceof ArrayIndexOutOfBoundsException
                ? "an option is missing its value" : e.getMessage()));
            status = 2;
        }
        System.exit(status);
    }

    /**
     * Whether an exception comes from the command line: a missing value ({@code args[++i]} past the end) is thrown in
     * the command's {@code run} itself; a wrong value by the JDK's parsers, an enum's {@code valueOf} or a settings
     * record's validation. An {@link ArrayIndexOutOfBoundsException} anywhere else is a bug.
     *
     * @param e the exception
     * @return true if it is the user's error, to be reported in one line
     */
    static boolean fromArguments(final RuntimeException e) {
        if (!(e instanceof ArrayIndexOutOfBoundsException)) {
            return true;
        }
        for (final StackTraceElement f : e.getStackTrace()) {
            if (f.getClassName().startsWith("org.earshot.")) {
                return "run".equals(f.getMethodName());
            }
        }
        return false;
    }
}
