package org.earshot.app.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything {@code earshot live} was asked to do.
 *
 * @param graph        the graph
 * @param input        where audio comes from
 * @param channel      which channel of a file input feeds the graph
 * @param sinks        where events go, at least one
 * @param durationMs   how long to run, ms; 0 runs until Ctrl-C (or until a file input ends)
 * @param histogramLog HdrHistogram interval log to write, or null
 */
public record LiveConfig(
    GraphSettings graph,
    InputSpec input,
    ChannelChoice channel,
    List<SinkSpec> sinks,
    long durationMs,
    Path histogramLog) {

    /** Longest {@code --duration}: one week, in seconds. */
    public static final long MAX_DURATION_S = 7L * 24 * 3600;

    /**
     * @throws ConfigException on a missing part or a bad duration
     */
    public LiveConfig {
        if (graph == null || input == null || channel == null) {
            throw new IllegalArgumentException("graph, input and channel must be given");
        }
        sinks = List.copyOf(sinks);
        if (sinks.isEmpty()) {
            throw new ConfigException("--sink: at least one sink is needed");
        }
        if (durationMs < 0) {
            throw new ConfigException("--duration: must be positive, got " + durationMs + " ms");
        }
    }

    /**
     * Builds the configuration from flag values; nulls take the defaults.
     *
     * @param graph        graph settings
     * @param input        {@code --input} or null
     * @param channel      {@code --channel} or null
     * @param sinks        {@code --sink} values, possibly empty (then JSON Lines on stdout)
     * @param durationS    {@code --duration} in seconds or null
     * @param histogramLog {@code --histogram-log} or null
     * @return the configuration
     * @throws ConfigException naming the first bad flag
     */
    public static LiveConfig fromFlags(final GraphSettings graph, final String input, final String channel,
        final List<String> sinks, final Double durationS, final Path histogramLog) {
        long durationMs = 0;
        if (durationS != null) {
            if (!(durationS > 0) || durationS > MAX_DURATION_S) {
                throw new ConfigException(
                    "--duration: " + durationS + " s is out of range (0, " + MAX_DURATION_S + "]");
            }
            durationMs = Math.max(1, Math.round(durationS * 1000.0));
        }
        return new LiveConfig(graph, InputSpec.parse(input), ChannelChoice.parse(channel), parseSinks(sinks),
            durationMs, checkedLogPath(histogramLog));
    }

    /**
     * @param sinks {@code --sink} values
     * @return the parsed sinks; JSON Lines on stdout when none was given
     */
    public static List<SinkSpec> parseSinks(final List<String> sinks) {
        if (sinks == null || sinks.isEmpty()) {
            return List.of(JsonlSinkSpec.STDOUT);
        }
        return sinks.stream().map(SinkKind::parse).toList();
    }

    private static Path checkedLogPath(final Path log) {
        if (log == null) {
            return null;
        }
        final Path parent = log.toAbsolutePath().getParent();
        if (parent != null && !java.nio.file.Files.isDirectory(parent)) {
            throw new ConfigException("--histogram-log " + log + ": directory " + parent + " does not exist");
        }
        return log;
    }
}
