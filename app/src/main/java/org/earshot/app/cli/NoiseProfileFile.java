package org.earshot.app.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.earshot.detectors.denoise.NoiseProfile;

/**
 * The noise profile file {@code earshot learn-noise} writes and {@code earshot denoise --profile} reads: text,
 * a header line {@value #MAGIC}, comment lines starting with {@code #}, then one {@code frequency_hz density_db}
 * pair per line (the density two-sided, dB re 1 FS^2/Hz).
 */
final class NoiseProfileFile {
    /** First line of every profile. */
    static final String MAGIC = "# earshot noise profile v1";

    private NoiseProfileFile() {
    }

    static void write(final Path file, final NoiseProfile profile) throws UserError {
        final StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        sb.append("# frames_averaged ").append(profile.framesAveraged()).append('\n');
        sb.append("# frequency_hz density_db\n");
        final double[] hz = profile.frequenciesHz();
        final double[] db = profile.densityDb();
        for (int i = 0; i < hz.length; i++) {
            sb.append(String.format(Locale.ROOT, "%.3f %.3f%n", hz[i], db[i]));
        }
        try {
            Files.writeString(file, sb, StandardCharsets.UTF_8);
        } catch (final IOException ex) {
            throw UserError.input(file + ": cannot write the profile (" + ex.getMessage() + ")");
        }
    }

    static NoiseProfile read(final Path file) throws UserError {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (final NoSuchFileException ex) {
            throw UserError.input(file + ": no such noise profile");
        } catch (final IOException ex) {
            throw UserError.input(file + ": cannot read the noise profile (" + ex.getMessage() + ")");
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals(MAGIC)) {
            throw UserError.input(file + ": not an earshot noise profile (first line must be '" + MAGIC + "')");
        }
        final List<double[]> points = new ArrayList<>();
        long frames = 0;
        for (int i = 1; i < lines.size(); i++) {
            final String line = lines.get(i).strip();
            if (line.startsWith("# frames_averaged ")) {
                frames = Long.parseLong(line.substring("# frames_averaged ".length()).strip());
                continue;
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            final String[] f = line.split("\\s+");
            try {
                points.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            } catch (final RuntimeException ex) {
                throw UserError.input(file + ": line " + (i + 1) + ": expected 'frequency_hz density_db', got '"
                    + line + "'");
            }
        }
        final double[] hz = new double[points.size()];
        final double[] db = new double[points.size()];
        for (int i = 0; i < hz.length; i++) {
            hz[i] = points.get(i)[0];
            db[i] = points.get(i)[1];
        }
        try {
            return new NoiseProfile(hz, db, frames);
        } catch (final IllegalArgumentException ex) {
            throw UserError.input(file + ": " + ex.getMessage());
        }
    }
}
