package org.earshot.app.cli;

import java.util.Arrays;
import java.util.Iterator;

import org.earshot.app.config.Preset;

/** Completion candidates for help texts and shell completion. */
final class Completions {
    private Completions() {
    }

    /** The preset names. */
    static final class Presets implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Preset.values()).map(Preset::cliName).iterator();
        }
    }
}
