package org.earshot.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code earshot analyze} was asked to do.
 *
 * @param graph   the graph, run once per file
 * @param files   the files, in the order given; each exists and is a regular file
 * @param channel which channel feeds the graph
 * @param sinks   where events go, at least one
 */
public record AnalyzeConfig(GraphSettings graph, List<Path> files, ChannelChoice channel, List<SinkSpec> sinks) {
    /**
     * @throws ConfigException if there is no file or no sink
     */
    public AnalyzeConfig {
        files = List.copyOf(files);
        sinks = List.copyOf(sinks);
        if (files.isEmpty()) {
            throw new ConfigException("analyze: give at least one FILE");
        }
        if (sinks.isEmpty()) {
            throw new ConfigException("--sink: at least one sink is needed");
        }
    }

    /**
     * Builds the configuration from flag values. JSON Lines go to stdout when {@code --json} is given or
     * no {@code --sink} is.
     *
     * @param graph   graph settings
     * @param files   the FILE arguments
     * @param channel {@code --channel} or null
     * @param sinks   {@code --sink} values
     * @param json    whether {@code --json} was given
     * @return the configuration
     * @throws ConfigException for a missing file (input error) or a bad flag (usage error)
     */
    public static AnalyzeConfig fromFlags(final GraphSettings graph, final List<Path> files, final String channel,
        final List<String> sinks, final boolean json) {
        final List<SinkSpec> parsed = new ArrayList<>();
        if (sinks != null) {
            for (final String s : sinks) {
                parsed.add(SinkKind.parse(s));
            }
        }
        if ((json || parsed.isEmpty()) && !parsed.contains(JsonlSinkSpec.STDOUT)) {
            parsed.add(0, JsonlSinkSpec.STDOUT);
        }
        final List<Path> checked = new ArrayList<>();
        for (final Path f : files == null ? List.<Path>of() : files) {
            checked.add(checkFile(f));
        }
        return new AnalyzeConfig(graph, checked, ChannelChoice.parse(channel), parsed);
    }

    /**
     * @param file a FILE argument
     * @return the file
     * @throws ConfigException (input error) naming the file if it does not exist, is a directory or cannot be read
     */
    public static Path checkFile(final Path file) {
        if (!Files.exists(file)) {
            throw new ConfigException(ErrorKind.INPUT, file + ": no such file");
        }
        if (Files.isDirectory(file)) {
            throw new ConfigException(ErrorKind.INPUT, file + ": is a directory, not an audio file");
        }
        if (!Files.isReadable(file)) {
            throw new ConfigException(ErrorKind.INPUT, file + ": cannot be read (permission denied)");
        }
        return file;
    }
}
