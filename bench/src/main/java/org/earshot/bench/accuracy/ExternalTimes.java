package org.earshot.bench.accuracy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs a peer's command-line tool (aubioonset, aubiotrack) that prints one time in seconds per line. */
final class ExternalTimes {
    private ExternalTimes() {
    }

    /**
     * @param command the command and its arguments
     * @return the times printed, s, ascending
     * @throws Exception if the command fails or exits non-zero
     */
    static double[] run(final List<String> command) throws Exception {
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
            throw new IllegalStateException(command.get(0) + " exited with " + status + " on "
                + command.get(command.size() - 1));
        }
        return times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
