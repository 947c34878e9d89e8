package org.earshot.bench.accuracy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared evaluation set when no {@code --eval-dir} is given. */
final class EvalDirs {
    private EvalDirs() {
    }

    /**
     * @param folder a folder of the set, e.g. {@code denoise}
     * @return {@code ../shared/eval/FOLDER} if it exists (run from the repository root), else
     *     {@code ../../shared/eval/FOLDER} (run from a module), else the first
     */
    static Path find(final String folder) {
        for (final String base : new String[] {"../shared/eval", "../../shared/eval", "shared/eval"}) {
            final Path p = Path.of(base, folder);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        return Path.of("../shared/eval", folder);
    }
}
