package org.earshot.bench.accuracy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
        final Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
            throw new IllegalStateException("aubioonset exited with " + status + " on " + audio);
        }
        return times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
