package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs the packaged command, {@code java @native-config/jvm.options @PROFILE -jar app/target/earshot.jar ARGS}
 * (the profile chosen as {@code ./earshot} chooses it: {@code jvm-live.options} for {@code live}, otherwise
 * {@code jvm-batch.options} and the compiler directives {@code jit-batch.directives}), as
 * a subprocess of the system tests, with its stdout and stderr in files (no pipe can fill up and block
 * it) and a timeout on everything.
 */
final class Earshot {
    /** The shaded jar built by {@code package}, relative to the app module. */
    static final Path JAR = Path.of("target", "earshot.jar").toAbsolutePath();
    /** The launcher's JVM options for every command. */
    static final Path JVM_OPTIONS = Path.of("..", "native-config", "jvm.options").toAbsolutePath().normalize();
    /** The launcher's extra JVM options for {@code live}. */
    static final Path LIVE_OPTIONS = Path.of("..", "native-config", "jvm-live.options").toAbsolutePath().normalize();
    /** The launcher's extra JVM options for every other command. */
    static final Path BATCH_OPTIONS = Path.of("..", "native-config", "jvm-batch.options").toAbsolutePath()
        .normalize();
    /** The compiler directives the launcher adds to the batch profile. */
    static final Path BATCH_DIRECTIVES = Path.of("..", "native-config", "jit-batch.directives").toAbsolutePath()
        .normalize();
    /** The launcher script. */
    static final Path LAUNCHER = Path.of("..", "earshot").toAbsolutePath().normalize();

    private Earshot() {
    }

    /**
     * What a finished run printed.
     *
     * @param exitStatus the exit status
     * @param stdout     everything on stdout
     * @param stderr     everything on stderr
     */
    record Result(int exitStatus, String stdout, String stderr) {
        /** @return stderr's non-empty lines */
        List<String> stderrLines() {
            return stderr.lines().filter(l -> !l.isBlank()).toList();
        }

        /** @return stdout's non-empty lines */
        List<String> stdoutLines() {
            return stdout.lines().filter(l -> !l.isBlank()).toList();
        }

        /** @return the {@code level} events on stdout */
        List<Map<String, Object>> levels() {
            return events().stream().filter(e -> "level".equals(e.get("type"))).toList();
        }

        /** @return stdout parsed as JSON Lines, failing on a line that is not a flat JSON object */
        List<Map<String, Object>> events() {
            final List<Map<String, Object>> events = new ArrayList<>();
            for (final String line : stdoutLines()) {
                events.add(FlatJson.parse(line));
            }
            return events;
        }

        /**
         * Asserts the one-line user error contract: the status, a single stderr line that starts with
         * {@code earshot: } and holds every fragment, and no stack trace.
         *
         * @param status    expected exit status
         * @param fragments texts the line must contain
         * @return the line
         */
        String assertOneLineError(final int status, final String... fragments) {
            assertNoStackTrace();
            final List<String> lines = stderrLines();
            assertEquals(1, lines.size(), "expected exactly one line on stderr, got:\n" + stderr);
            final String line = lines.get(0);
            assertTrue(line.startsWith("earshot: "), line);
            for (final String f : fragments) {
                assertTrue(line.contains(f), "'" + line + "' does not contain '" + f + "'");
            }
            assertEquals(status, exitStatus, "exit status; stderr: " + stderr);
            return line;
        }

        /** Asserts that stderr holds no Java exception or stack trace. */
        void assertNoStackTrace() {
            assertFalse(stderr.contains("Exception"), "stderr mentions an exception:\n" + stderr);
            assertFalse(stderr.contains("\tat ") || stderr.contains("at org.") || stderr.contains("at java."),
                "stderr holds a stack trace:\n" + stderr);
        }
    }

    /** A running command. */
    static final class Running implements AutoCloseable {
        private final Process process;
        private final Path stdout;
        private final Path stderr;

        Running(final Process process, final Path stdout, final Path stderr) {
            this.process = process;
            this.stdout = stdout;
            this.stderr = stderr;
        }

        /** @return what it printed on stdout so far */
        String stdout() {
            return read(stdout);
        }

        /** @return what it printed on stderr so far */
        String stderr() {
            return read(stderr);
        }

        /** @return the process */
        Process process() {
            return process;
        }

        /**
         * Waits until stdout holds a line that matches, or fails.
         *
         * @param what    description for the failure message
         * @param matches the condition
         * @param timeout how long to wait
         * @throws InterruptedException if interrupted
         */
        void awaitStdoutLine(final String what, final Predicate<String> matches, final Duration timeout)
            throws InterruptedException {
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() - deadline < 0) {
                if (stdout().lines().anyMatch(matches)) {
                    return;
                }
                if (!process.isAlive()) {
                    fail("earshot exited with " + process.exitValue() + " before printing " + what
                        + "\nstderr:\n" + stderr());
                }
                Thread.sleep(50);
            }
            fail("no " + what + " on stdout within " + timeout + "\nstdout:\n" + tail(stdout())
                + "\nstderr:\n" + stderr());
        }

        /**
         * Waits for the exit.
         *
         * @param timeout how long
         * @return the result
         * @throws InterruptedException if interrupted
         */
        Result await(final Duration timeout) throws InterruptedException {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                fail("earshot did not finish within " + timeout + " (killed)\nstderr:\n" + stderr());
            }
            return new Result(process.exitValue(), stdout(), stderr());
        }

        /**
         * Sends SIGTERM (what Ctrl-C's shutdown path does) and waits for the exit.
         *
         * @param timeout how long to wait
         * @return the result
         * @throws InterruptedException if interrupted
         */
        Result terminate(final Duration timeout) throws InterruptedException {
            process.destroy();
            return await(timeout);
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }

        private static String read(final Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (final IOException ex) {
                return "";
            }
        }
    }

    /**
     * Starts {@code earshot ARGS}.
     *
     * @param workDir where stdout and stderr files go
     * @param env     environment changes; a null value removes the variable
     * @param args    arguments
     * @return the running process
     * @throws IOException if it cannot start
     */
    static Running start(final Path workDir, final Map<String, String> env, final String... args) throws IOException {
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: the system tests run after `mvn package`");
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + JVM_OPTIONS);
        if (args.length > 0 && "live".equals(args[0])) {
            command.add("@" + LIVE_OPTIONS);
        } else {
            command.add("@" + BATCH_OPTIONS);
            command.add("-XX:CompilerDirectivesFile=" + BATCH_DIRECTIVES);
        }
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        return startCommand(workDir, env, command);
    }

    /**
     * Starts any command with earshot's output handling.
     *
     * @param workDir where stdout and stderr files go
     * @param env     environment changes; a null value removes the variable
     * @param command the command
     * @return the running process
     * @throws IOException if it cannot start
     */
    static Running startCommand(final Path workDir, final Map<String, String> env, final List<String> command)
        throws IOException {
        final Path out = Files.createTempFile(workDir, "stdout", ".txt");
        final Path err = Files.createTempFile(workDir, "stderr", ".txt");
        final ProcessBuilder pb = new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        return new Running(pb.start(), out, err);
    }

    /**
     * Runs {@code earshot ARGS} to the end.
     *
     * @param workDir where output files go
     * @param timeout how long it may take
     * @param env     environment changes
     * @param args    arguments
     * @return what it printed
     * @throws Exception if it cannot run, or on timeout (then it is killed and the test fails)
     */
    static Result run(final Path workDir, final Duration timeout, final Map<String, String> env, final String... args)
        throws Exception {
        try (Running r = start(workDir, env, args)) {
            return r.await(timeout);
        }
    }

    /**
     * @param text some output
     * @return its last 40 lines
     */
    static String tail(final String text) {
        final List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
