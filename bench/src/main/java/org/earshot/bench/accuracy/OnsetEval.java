package org.earshot.bench.accuracy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.earshot.detectors.onset.NoveltyType;
import org.earshot.detectors.onset.OnsetConfig;
import org.earshot.detectors.onset.PeakPickerConfig;
import org.earshot.dsp.filter.AdaptiveWhiteningConfig;

/**
 * The onset evaluation: runs earshot's streaming onset graph (the same nodes, through the engine, offline) over
 * every annotated file of an onset set, and the peers (TarsosDSP's complex-domain detector, and aubio's
 * {@code aubioonset} with its default and {@code specflux} methods when it is installed), scores them all with
 * mir_eval's convention ({@link OnsetScore}: ±50 ms, one-to-one matching; P, R, F per file and their means over
 * files), prints a table and writes every system's per-file estimates.
 *
 * <pre>
 * java -jar bench/target/earshot-bench.jar onsets --eval-dir ../shared/eval/onsets --out /tmp/onsets
 * java --add-exports java.base/jdk.internal.misc=ALL-UNNAMED -cp bench/target/earshot-bench.jar \
 *     org.earshot.bench.accuracy.OnsetEval --eval-dir ../shared/eval/onsets --out /tmp/onsets
 * options: [--novelty SUPERFLUX|...|all] [--threshold X]
 *     [--look-ahead-ms MS] [--log-compression LAMBDA] [--floor-factor K] [--whitening SECONDS:FLOOR]
 *     [--block FRAMES] [--rate HZ] [--no-peers]
 *     [--tarsos-buffer N] [--tarsos-overlap N] [--passes N]
 * </pre>
 *
 * A set is a folder of audio files ({@code .flac}, {@code .wav}, {@code .ogg}, {@code .mp3}) each with a
 * {@code NAME.onsets} file beside it, one time in seconds per line (first column). Output folder: one
 * sub-folder per system with {@code NAME.onsets} files, and {@code scores.tsv}. {@code --passes N} analyses the
 * set {@code N - 1} times with earshot before the scored pass (JIT warm-up), printing the real-time factor of each
 * pass; earshot's wall time (engine start to last event, per file, decoding included) is printed at the end.
 * {@code --rate HZ} runs earshot's graph at that rate, each file resampled to it as a live input is (the peers
 * keep the files' own rates).
 */
public final class OnsetEval {
    /** Peak floor of {@code --whitening} when none is given: raw FFT magnitude (about -90 dB below a full-scale sine). */
    static final float DEFAULT_WHITENING_FLOOR = 0.01f;

    private OnsetEval() {
    }

    /**
     * @param args see the class documentation
     * @throws Exception on failure
     */
    public static void main(final String[] args) throws Exception {
        System.exit(run(args));
    }

    /**
     * @param args see the class documentation
     * @return exit status: 0 on success, 2 on a usage error
     * @throws Exception on failure
     */
    public static int run(final String[] args) throws Exception {
        Path evalDir = null;
        Path out = null;
        String novelty = NoveltyType.SUPERFLUX.name();
        Double threshold = null;
        Double lookAheadMs = null;
        Double logCompression = null;
        Double floorFactor = null;
        AdaptiveWhiteningConfig whitening = null;
        int block = 512;
        Integer rate = null;
        int passes = 1;
        boolean peers = true;
        int tarsosBuffer = TarsosComplexOnsets.DEFAULT_BUFFER;
        int tarsosOverlap = TarsosComplexOnsets.DEFAULT_OVERLAP;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--eval-dir" -> evalDir = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--novelty" -> novelty = args[++i].toUpperCase(Locale.ROOT);
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--look-ahead-ms" -> lookAheadMs = Double.parseDouble(args[++i]);
                case "--log-compression" -> logCompression = Double.parseDouble(args[++i]);
                case "--floor-factor" -> floorFactor = Double.parseDouble(args[++i]);
                case "--whitening" -> {
                    final String[] w = args[++i].split(":", 2);
                    whitening = new AdaptiveWhiteningConfig(Double.parseDouble(w[0]),
                        w.length > 1 ? Float.parseFloat(w[1]) : DEFAULT_WHITENING_FLOOR);
                }
                case "--block" -> block = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                case "--no-peers" -> peers = false;
                case "--tarsos-buffer" -> tarsosBuffer = Integer.parseInt(args[++i]);
                case "--tarsos-overlap" -> tarsosOverlap = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    return usage();
                }
            }
        }
        if (evalDir == null || out == null) {
            return usage();
        }
        final List<NoveltyType> types = new ArrayList<>();
        if ("ALL".equals(novelty)) {
            types.addAll(List.of(NoveltyType.values()));
        } else {
            types.add(NoveltyType.valueOf(novelty));
        }
        final List<OnsetSystem> systems = new ArrayList<>();
        final List<StreamingOnsets> ours = new ArrayList<>();
        for (final NoveltyType type : types) {
            OnsetConfig config = OnsetConfig.defaults(type);
            if (threshold != null) {
                config = config.withPicker(config.picker().withThreshold(threshold));
            }
            if (logCompression != null) {
                config = config.withNovelty(config.novelty().withLogCompression(logCompression));
            }
            if (floorFactor != null) {
                final PeakPickerConfig p = config.picker();
                config = config.withPicker(new PeakPickerConfig(p.name(), p.threshold(), p.preAverageMs(),
                    p.preMaxMs(), p.lookAheadMs(), p.minInterOnsetMs(), floorFactor, p.floorSmoothMs(),
                    p.floorWindowMs(), p.silenceDb()));
            }
            if (lookAheadMs != null) {
                config = config.withPicker(config.picker().withLookAheadMs(lookAheadMs));
            }
            if (whitening != null) {
                config = config.withNovelty(config.novelty().withWhitening(whitening));
            }
            final String name = types.size() == 1 && type == NoveltyType.SUPERFLUX
                ? "earshot" : "earshot-" + type.name().toLowerCase(Locale.ROOT).replace('_', '-');
            final StreamingOnsets system = new StreamingOnsets(name, config, block, rate);
            systems.add(system);
            ours.add(system);
        }
        if (peers) {
            systems.add(new TarsosComplexOnsets(tarsosBuffer, tarsosOverlap));
            if (AubioOnsets.find() != null) {
                systems.add(new AubioOnsets("default"));
                systems.add(new AubioOnsets("specflux"));
            } else {
                System.out.println("aubioonset not found on the PATH (apt-get install aubio-tools): "
                    + "aubio not measured");
            }
        }
        final List<Path> files = audioFiles(evalDir);
        if (files.isEmpty()) {
            System.err.println("no annotated audio files in " + evalDir);
            return 2;
        }
        Files.createDirectories(out);
        final OnsetScore[][] scores = new OnsetScore[files.size()][systems.size()];
        for (int s = 0; s < systems.size(); s++) {
            Files.createDirectories(out.resolve(systems.get(s).name()));
        }
        for (int pass = 1; pass < passes; pass++) {
            for (final StreamingOnsets s : ours) {
                final long n0 = s.nanosSpent();
                final double a0 = s.secondsAnalysed();
                for (final Path audio : files) {
                    s.detect(audio);
                }
                final double wall = (s.nanosSpent() - n0) / 1e9;
                final double audioS = s.secondsAnalysed() - a0;
                System.out.printf(Locale.ROOT, "%s warm-up pass %d: %.1f s of audio in %.2f s, %.0fx real time "
                    + "(graph thread busy %.2f s)%n", s.name(), pass, audioS, wall, audioS / wall,
                    s.graphNanos() / 1e9);
                s.resetTotals();
            }
        }
        for (int f = 0; f < files.size(); f++) {
            final Path audio = files.get(f);
            final double[] reference = readTimes(annotation(audio));
            for (int s = 0; s < systems.size(); s++) {
                final OnsetSystem system = systems.get(s);
                final double[] estimated = system.detect(audio);
                writeTimes(out.resolve(system.name()).resolve(baseName(audio) + ".onsets"), estimated);
                scores[f][s] = OnsetScore.of(reference, estimated, OnsetScore.DEFAULT_WINDOW_S);
            }
        }
        printTable(System.out, files, systems, scores);
        writeTsv(out.resolve("scores.tsv"), files, systems, scores);
        for (final StreamingOnsets s : ours) {
            final double seconds = s.nanosSpent() / 1e9;
            System.out.printf(Locale.ROOT, "%s: declared latency %.1f ms (at the last file's rate); blocks of %d; "
                    + "%.1f s of audio in %.2f s wall (engine start to last event, per file, incl. decoding): "
                    + "%.0fx real time%n",
                s.name(), s.declaredLatencyMs(), block, s.secondsAnalysed(), seconds, s.secondsAnalysed() / seconds);
            System.out.printf(Locale.ROOT, "%s: graph thread busy %.2f s processing blocks: %.0fx real time; "
                    + "process CPU %.2f s (all threads: decoding, graph, sinks, JIT, idle spinning): %.0fx%n",
                s.name(), s.graphNanos() / 1e9, s.secondsAnalysed() / (s.graphNanos() / 1e9), s.cpuNanos() / 1e9,
                s.secondsAnalysed() / (s.cpuNanos() / 1e9));
        }
        System.out.println("estimates and scores.tsv written to " + out.toAbsolutePath());
        return 0;
    }

    private static int usage() {
        System.err.println("usage: OnsetEval --eval-dir DIR --out DIR [--novelty TYPE|all] [--threshold X] "
            + "[--look-ahead-ms MS] [--log-compression LAMBDA] [--floor-factor K] [--whitening SECONDS[:FLOOR]] [--block FRAMES] [--rate HZ] "
            + "[--no-peers] [--tarsos-buffer N] [--tarsos-overlap N] [--passes N]");
        return 2;
    }

    static List<Path> audioFiles(final Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                final String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (n.endsWith(".flac") || n.endsWith(".wav") || n.endsWith(".ogg") || n.endsWith(".mp3"))
                    && Files.exists(annotation(p));
            }).sorted().toList();
        }
    }

    static String baseName(final Path audio) {
        final String n = audio.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.'));
    }

    static Path annotation(final Path audio) {
        return audio.resolveSibling(baseName(audio) + ".onsets");
    }

    static double[] readTimes(final Path file) throws IOException {
        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        return lines.stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .mapToDouble(l -> Double.parseDouble(l.split("\\s+")[0])).sorted().toArray();
    }

    static void writeTimes(final Path file, final double[] times) throws IOException {
        final StringBuilder sb = new StringBuilder();
        for (final double t : times) {
            sb.append(String.format(Locale.ROOT, "%.6f%n", t));
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void printTable(final PrintStream out, final List<Path> files, final List<OnsetSystem> systems,
        final OnsetScore[][] scores) {
        final StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%-44s", "file"));
        final StringBuilder sub = new StringBuilder(String.format(Locale.ROOT, "%-44s", ""));
        for (final OnsetSystem s : systems) {
            head.append(String.format(Locale.ROOT, " | %-17s", s.name()));
            sub.append(" |     F     P     R");
        }
        out.println(head);
        out.println(sub);
        out.println("-".repeat(head.length()));
        for (int f = 0; f < files.size(); f++) {
            String name = baseName(files.get(f));
            if (name.length() > 44) {
                name = name.substring(0, 41) + "...";
            }
            final StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-44s", name));
            for (int s = 0; s < systems.size(); s++) {
                final OnsetScore sc = scores[f][s];
                row.append(String.format(Locale.ROOT, " | %.3f %.3f %.3f", sc.f(), sc.precision(), sc.recall()));
            }
            out.println(row);
        }
        out.println("-".repeat(head.length()));
        final StringBuilder mean = new StringBuilder(String.format(Locale.ROOT, "%-44s",
            "MEAN over " + files.size() + " files"));
        for (int s = 0; s < systems.size(); s++) {
            double f = 0;
            double p = 0;
            double r = 0;
            for (final OnsetScore[] row : scores) {
                f += row[s].f();
                p += row[s].precision();
                r += row[s].recall();
            }
            final int n = scores.length;
            mean.append(String.format(Locale.ROOT, " | %.3f %.3f %.3f", f / n, p / n, r / n));
        }
        out.println(mean);
    }

    private static void writeTsv(final Path file, final List<Path> files, final List<OnsetSystem> systems,
        final OnsetScore[][] scores) throws IOException {
        final StringBuilder sb =
            new StringBuilder("file\tsystem\treferences\testimates\tmatched\tprecision\trecall\tf\n");
        for (int f = 0; f < files.size(); f++) {
            for (int s = 0; s < systems.size(); s++) {
                final OnsetScore sc = scores[f][s];
                sb.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%.6f\t%.6f\t%.6f%n", baseName(files.get(f)),
                    systems.get(s).name(), sc.references(), sc.estimates(), sc.matched(), sc.precision(),
                    sc.recall(), sc.f()));
            }
        }
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }
}
