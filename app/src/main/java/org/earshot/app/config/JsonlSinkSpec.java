package org.earshot.app.config;

import java.nio.file.Path;

/**
 * JSON Lines events on stdout or in a file.
 *
 * @param file the file to write, or null for stdout
 */
public record JsonlSinkSpec(Path file) implements SinkSpec {
    /** JSON Lines on stdout. */
    public static final JsonlSinkSpec STDOUT = new JsonlSinkSpec(null);

    @Override
    public SinkKind kind() {
        return SinkKind.JSONL;
    }

    /** @return whether events go to stdout */
    public boolean toStdout() {
        return file == null;
    }

    @Override
    public String describe() {
        return "jsonl:" + (file == null ? "stdout" : file.toString());
    }
}
