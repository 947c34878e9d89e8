package org.earshot.bench.accuracy;


import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.earshot.detectors.audio.OfflineRender;
import org.earshot.detectors.separate.HpssConfig;
import org.earshot.detectors.separate.HpssNode;
import org.earshot.dsp.math.SiSdr;

/**
 * The separation evaluation: for every drum mixture of a separation set ({@code src1} = drums,
 * {@code src2} = everything else), SI-SDR of earshot's online {@link HpssNode} (streaming, block by block,
 * latency removed) percussive output against the drums and harmonic output against the rest, next to the
 * offline whole-file median-filter HPSS ({@link OfflineHpss}, the reference) and the unprocessed mixture.
 * Items with other sources (Bach10 instrument mixtures) are listed as not applicable to HPSS.
 *
 * <pre>
 * java -jar bench/target/earshot-bench.jar separate [--eval-dir ../shared/eval/separation]
 *     [--look-ahead-ms MS] [--window-ms MS] [--past-ms MS] [--percussive-hz HZ] [--offline-kernel N]
 *     [--online-only]
 * </pre>
 */
public final class SeparationEval {
    private SeparationEval() {
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
     * @return exit status
     * @throws Exception on failure
     */
    public static int run(final String[] args) throws Exception {
        Path dir = null;
        HpssConfig config = HpssConfig.defaults();
        int kernel = OfflineHpss.KERNEL;
        boolean onlineOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--eval-dir" -> dir = Path.of(args[++i]);
                case "--look-ahead-ms" -> config = config.withLookAheadMs(Double.parseDouble(args[++i]));
                case "--window-ms" -> config = config.withWindowMs(Double.parseDouble(args[++i]));
                case "--past-ms" -> config = config.withHarmonicPastMs(Double.parseDouble(args[++i]));
                case "--offline-kernel" -> kernel = Integer.parseInt(args[++i]);
                case "--online-only" -> onlineOnly = true;
                case "--percussive-hz" -> config = config.withPercussiveWidthHz(Double.parseDouble(args[++i]));
                default -> {
                    System.err.println("separate: unknown option " + args[i]);
                    return 2;
                }
            }
        }
        if (dir == null) {
            dir = EvalDirs.find("separation");
        }
        final Path manifest = dir.resolve("manifest.tsv");
        if (!Files.isRegularFile(manifest)) {
            System.err.println("separate: no manifest.tsv in " + dir);
            return 2;
        }
        final Path root = dir.getParent();
        final List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        final List<double[]> rows = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        int latency = 0;
        int lookAhead = 0;
        int rate = 0;
        for (int li = 1; li < lines.size(); li++) {
            final String[] c = lines.get(li).split("\t");
            if (!c[3].startsWith("src1=drums")) {
                skipped.add(c[0]);
                continue;
            }
            final String base = c[1].substring(0, c[1].length() - ".mix.flac".length());
            final MonoAudio mix = MonoAudio.read(root.resolve(c[1]));
            final float[] drums = MonoAudio.read(root.resolve(base + ".src1.flac")).samples();
            final float[] rest = MonoAudio.read(root.resolve(base + ".src2.flac")).samples();
            rate = mix.sampleRateHz();
            final HpssNode node = new HpssNode(config);
            final float[][] online = OfflineRender.render(node, n -> List.of(node.harmonic(), node.percussive()),
                mix.samples(), rate, 512);
            latency = node.latencyFrames();
            lookAhead = node.lookAheadSampleFrames();
            final float[][] offline = onlineOnly ? online : OfflineHpss.separate(mix.samples(), OfflineHpss.WINDOW,
                OfflineHpss.HOP, kernel);
            final int maxLag = rate / 10;
            rows.add(new double[] {
                SiSdr.best(drums, mix.samples(), maxLag)[0], SiSdr.best(rest, mix.samples(), maxLag)[0],
                SiSdr.best(drums, offline[1], maxLag)[0], SiSdr.best(rest, offline[0], maxLag)[0],
                SiSdr.best(drums, online[1], maxLag)[0], SiSdr.best(rest, online[0], maxLag)[0]});
            names.add(c[0]);
        }
        print(System.out, names, rows, config, latency, lookAhead, rate, skipped, kernel);
        return 0;
    }

    static void print(final PrintStream o, final List<String> names, final List<double[]> rows,
        final HpssConfig config, final int latency, final int lookAhead, final int rate, final List<String> skipped,
        final int kernel) {
        o.printf(Locale.ROOT, "earshot online HPSS: window %.0f ms, harmonic median %.0f ms past + %.0f ms look-ahead,"
            + " percussive median %.0f Hz; declared latency %d frames = %.1f ms at %d Hz (look-ahead %.1f ms)%n",
            config.windowMs(), config.harmonicPastMs(), config.lookAheadMs(), config.percussiveWidthHz(), latency,
            latency * 1000.0 / rate, rate, lookAhead * 1000.0 / rate);
        o.printf(Locale.ROOT, "offline reference: whole-file HPSS, %d-point STFT, hop %d, kernels %d, power-2 masks%n%n",
            OfflineHpss.WINDOW, OfflineHpss.HOP, kernel);
        o.println("SI-SDR (dB) per source: drums = percussive output, rest = harmonic output");
        o.println("| item | mixture: drums | mixture: rest | offline: drums | offline: rest | online: drums |"
            + " online: rest |");
        o.println("|---|---:|---:|---:|---:|---:|---:|");
        final double[] mean = new double[6];
        for (int i = 0; i < rows.size(); i++) {
            final double[] r = rows.get(i);
            o.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", names.get(i), r[0], r[1], r[2],
                r[3], r[4], r[5]);
            for (int j = 0; j < 6; j++) {
                mean[j] += r[j] / rows.size();
            }
        }
        o.printf(Locale.ROOT, "| **mean** | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n", mean[0], mean[1], mean[2],
            mean[3], mean[4], mean[5]);
        o.println();
        final double offline = (mean[2] + mean[3]) / 2;
        final double online = (mean[4] + mean[5]) / 2;
        o.printf(Locale.ROOT, "Mean over both sources: offline %.2f dB, online %.2f dB, online - offline %+.2f dB"
            + " (target: within 2 dB)%n", offline, online, online - offline);
        o.printf(Locale.ROOT, "Drums over the mixture: offline %+.2f dB, online %+.2f dB%n", mean[2] - mean[0],
            mean[4] - mean[0]);
        if (!skipped.isEmpty()) {
            o.println("Not applicable to harmonic/percussive separation (no drum source): " + String.join(", ", skipped));
        }
    }
}
