package org.earshot.bench.accuracy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        final Process process = new ProcessBuilder(List.of("aubiotrack", "-i", audio.toString()))
            .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        final List<Double> times = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    times.add(Double.parseDouble(line.trim()));
                }
            }
        }
        final int status = process.waitFor();
        if (status != 0) {
            throw new IllegalStateException("aubiotrack exited with " + status + " on " + audio);
        }
        return times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
