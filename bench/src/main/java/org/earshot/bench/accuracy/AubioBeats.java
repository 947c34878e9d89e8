package org.earshot.bench.accuracy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * aubio's {@code aubiotrack} command (Debian package {@code aubio-tools}) with its default settings, as a peer; its
 * output (one beat time per line, seconds) is parsed. aubio tracks causally but reports each beat when it is
 * decided, after the fact, so only its accuracy is comparable, not its emit times.
 */
final class AubioBeats {
    private AubioBeats() {
    }

    /** @return the {@code aubiotrack} executable on the PATH, or null if there is none */
    static Path find() {
        final String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (final String dir : path.split(java.io.File.pathSeparator)) {
            final Path candidate = Path.of(dir, "aubiotrack");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * @param audio an audio file
     * @return beat times, s, ascending
     * @throws Exception if aubiotrack fails
     */
    static double[] track(final Path audio) throws Exception {
        return ExternalTimes.run(List.of("aubiotrack", "-i", audio.toString()));
    }
}
