package org.earshot.bench.accuracy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * aubio's {@code aubioonset} command (Debian package {@code aubio-tools}), run on the file with one onset method
 * and otherwise default settings; its output (one time per line, seconds) is parsed.
 */
final class AubioOnsets implements OnsetSystem {
    private final String method;

    /**
     * @param method aubio's {@code -O} method, or {@code default}
     */
    AubioOnsets(final String method) {
        this.method = method;
    }

    /** @return the {@code aubioonset} executable on the PATH, or null if there is none */
    static Path find() {
        final String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (final String dir : path.split(java.io.File.pathSeparator)) {
            final Path candidate = Path.of(dir, "aubioonset");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Override
    public String name() {
        return "aubio-" + method;
    }

    @Override
    public double[] detect(final Path audio) throws Exception {
        final List<String> command = new ArrayList<>(List.of("aubioonset"));
        if (!"default".equals(method)) {
            command.add("-O");
            command.add(method);
        }
        command.add("-i");
        command.add(audio.toString());
        return ExternalTimes.run(command);
    }
}
