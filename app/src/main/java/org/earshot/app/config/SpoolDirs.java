package org.earshot.app.config;

import java.nio.file.Path;

/** Where network sinks keep unsent alerts by default: {@code $EARSHOT_SPOOL_DIR},
    else {@code ~/.local/state/earshot/spool}. */
final class SpoolDirs {
    private SpoolDirs() {
    }

    static Path defaultDirectory() {
        final String env = System.getenv("EARSHOT_SPOOL_DIR");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "earshot", "spool");
    }
}
