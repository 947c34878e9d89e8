package org.earshot.app.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a clip labels file: CSV with a header holding at least {@code file} and {@code label} columns
 * (RFC 4180 quoting), as in {@code events/clips/labels.csv}. A file path is resolved against the clips
 * directory, then each of its parents (for paths relative to a data set root), then the labels file's
 * own directory.
 */
public final class LabelsCsv {
    private static final Pattern ESC_NAME = Pattern.compile("^(\\d+-\\d+)-[A-Z]-\\d+\\.[a-z0-9]+$");

    /**
     * One labelled file.
     *
     * @param file  resolved path
     * @param label class
     * @param group files of one group stay in one fold (same source recording)
     */
    public record Entry(Path file, String label, String group) {
    }

    private LabelsCsv() {
    }

    /**
     * @param clipsDir the {@code --clips} directory
     * @param csv      the labels file
     * @return the entries, in file order
     * @throws IOException if the file cannot be read, lacks a column or names a missing clip
     */
    public static List<Entry> read(final Path clipsDir, final Path csv) throws IOException {
        final List<List<String>> rows = parse(Files.readString(csv, StandardCharsets.UTF_8));
        if (rows.isEmpty()) {
            throw new IOException(csv + ": empty labels file");
        }
        final List<String> header = rows.get(0);
        final int fileCol = header.indexOf("file");
        final int labelCol = header.indexOf("label");
        if (fileCol < 0 || labelCol < 0) {
            throw new IOException(csv + ": the header must name the columns 'file' and 'label', got " + header);
        }
        final List<Entry> out = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            final List<String> row = rows.get(r);
            if (row.size() <= Math.max(fileCol, labelCol) || row.get(fileCol).isBlank()) {
                continue;
            }
            final String name = row.get(fileCol).trim();
            final Path file = resolve(clipsDir, csv, name);
            if (file == null) {
                throw new IOException(csv + " line " + (r + 1) + ": clip " + name + " not found under " + clipsDir
                    + " or its parents, or beside " + csv);
            }
            out.add(new Entry(file, row.get(labelCol).trim(), group(file)));
        }
        return out;
    }

    private static Path resolve(final Path clipsDir, final Path csv, final String name) {
        for (Path dir = clipsDir.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            final Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        final Path beside = csv.toAbsolutePath().getParent().resolve(name);
        return Files.isRegularFile(beside) ? beside : null;
    }

    /** ESC-50 style names {@code FOLD-SOURCE-TAKE-CLASS.ext} group by fold and source clip; others by file. */
    private static String group(final Path file) {
        final String n = file.getFileName().toString();
        final Matcher m = ESC_NAME.matcher(n);
        return m.matches() ? m.group(1) : file.toString();
    }

    static List<List<String>> parse(final String text) {
        final List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        final StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !row.isEmpty()) {
            row.add(cell.toString());
            rows.add(row);
        }
        return rows;
    }
}
