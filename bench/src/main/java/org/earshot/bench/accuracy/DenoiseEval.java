package org.earshot.bench.accuracy;


import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.earshot.detectors.audio.OfflineRender;
import org.earshot.detectors.denoise.DenoiserConfig;
import org.earshot.detectors.denoise.DenoiserNode;
import org.earshot.detectors.denoise.DenoiserTuning;
import org.earshot.detectors.denoise.LatencyMode;
import org.earshot.dsp.math.SiSdr;

/**
 * The denoising evaluation: runs earshot's streaming {@link DenoiserNode} (block by block at the file's own
 * rate, 10 ms blocks, the declared latency removed) over every pair of a denoise set and prints
 * <ul>
 *   <li>SI-SDR improvement (output minus noisy input, each at its best integer alignment within ±100 ms),
 *       mean per input SNR, per noise type and overall, next to the peers' published means;</li>
 *   <li>the noise floor on noise-only stretches (20 ms frames where the clean signal is more than 50 dB
 *       below its loudest frame): input and output level, and the drop.</li>
 * </ul>
 * Noise types are the manifest's {@code noise} column with the instance suffix removed
 * ({@code noise_train_n36} becomes {@code noise_train}, {@code esc10_rain_1-29561-A} becomes {@code esc10_rain}).
 *
 * <pre>
 * java -jar bench/target/earshot-bench.jar denoise [--eval-dir ../shared/eval/denoise] [--strength DB]
 *     [--mode STANDARD|LOW] [--stride N] [--gain WIENER|LSA|OMLSA] [--out scores.tsv]
 * </pre>
 * {@code --stride N} scores every N-th pair (a fixed subset for quick iterations).
 */
public final class DenoiseEval {
    /** Peers' mean SI-SDR improvement on the same development pairs at their defaults (from issue 6). */
    static final Map<String, Double> PEERS = new java.util.LinkedHashMap<>();

    static {
        PEERS.put("SpeexDSP preprocessor", 1.39);
        PEERS.put("WebRTC NS level 2", -1.48);
        PEERS.put("WebRTC NS level 3", -2.27);
        PEERS.put("RNNoise", 2.54);
        PEERS.put("ffmpeg afftdn", 0.23);
    }

    private DenoiseEval() {
    }

    /**
     * @param args see the class documentation
     * @throws Exception on failure
     */
    public static void main(final String[] args) throws Exception {
        System.exit(run(args));
    }

    /** One scored pair. */
    record Score(String name, String noise, int snrDb, int rate, double inputSiSdr, double outputSiSdr, int lag,
        double floorInDb, double floorOutDb) {
        double improvement() {
            return outputSiSdr - inputSiSdr;
        }
    }

    /**
     * @param args see the class documentation
     * @return exit status
     * @throws Exception on failure
     */
    public static int run(final String[] args) throws Exception {
        Path dir = null;
        double strength = DenoiserConfig.DEFAULT_REDUCTION_LIMIT_DB;
        LatencyMode mode = LatencyMode.STANDARD;
        int stride = 1;
        Path out = null;
        DenoiserTuning tuning = DenoiserTuning.DEFAULTS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--eval-dir" -> dir = Path.of(args[++i]);
                case "--strength" -> strength = Double.parseDouble(args[++i]);
                case "--mode" -> mode = LatencyMode.valueOf(args[++i].toUpperCase(Locale.ROOT));
                case "--stride" -> stride = Integer.parseInt(args[++i]);
                case "--gain" -> tuning = tuning.withGainRule(
                    DenoiserTuning.GainRule.valueOf(args[++i].toUpperCase(Locale.ROOT)));
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("denoise: unknown option " + args[i]);
                    return 2;
                }
            }
        }
        if (dir == null) {
            dir = EvalDirs.find("denoise");
        }
        final Path manifest = dir.resolve("manifest.tsv");
        if (!Files.isRegularFile(manifest)) {
            System.err.println("denoise: no manifest.tsv in " + dir);
            return 2;
        }
        final Path root = dir.getParent();
        final DenoiserConfig config = DenoiserConfig.defaults().withReductionLimitDb(strength).withLatencyMode(mode)
            .withTuning(tuning);
        final List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
        final List<Score> scores = new ArrayList<>();
        final long t0 = System.nanoTime();
        for (int li = 1; li < lines.size(); li += stride) {
            final String[] c = lines.get(li).split("\t");
            final MonoAudio clean = MonoAudio.read(root.resolve(c[4]));
            final MonoAudio noisy = MonoAudio.read(root.resolve(c[5]));
            final int rate = noisy.sampleRateHz();
            final DenoiserNode node = new DenoiserNode(config);
            final float[] enhanced = OfflineRender.render(node, n -> List.of(node.output()), noisy.samples(), rate,
                rate / 100)[0];
            final int maxLag = rate / 10;
            final double in = SiSdr.best(clean.samples(), noisy.samples(), maxLag)[0];
            final double[] outScore = SiSdr.best(clean.samples(), enhanced, maxLag);
            final double[] floors = noiseFloors(clean.samples(), noisy.samples(), enhanced, rate);
            scores.add(new Score(c[0], noiseType(c[1]), Integer.parseInt(c[2]), rate, in, outScore[0],
                (int)outScore[1], floors[0], floors[1]));
        }
        final double seconds = (System.nanoTime() - t0) / 1e9;
        print(System.out, scores, config, node0Latency(config), seconds);
        if (out != null) {
            try (PrintStream p = new PrintStream(Files.newOutputStream(out), true, StandardCharsets.UTF_8)) {
                p.println("name\tnoise\tsnr_db\trate\tsisdr_in\tsisdr_out\tsisdr_i\tlag\tfloor_in_db\tfloor_out_db");
                for (final Score s : scores) {
                    p.printf(Locale.ROOT, "%s\t%s\t%d\t%d\t%.3f\t%.3f\t%.3f\t%d\t%.2f\t%.2f%n", s.name(), s.noise(),
                        s.snrDb(), s.rate(), s.inputSiSdr(), s.outputSiSdr(), s.improvement(), s.lag(), s.floorInDb(),
                        s.floorOutDb());
                }
            }
        }
        return 0;
    }

    private static String node0Latency(final DenoiserConfig config) {
        final StringBuilder sb = new StringBuilder();
        for (final int rate : new int[] {8_000, 48_000}) {
            final DenoiserNode node = new DenoiserNode(config);
            OfflineRender.render(node, n -> List.of(), new float[0], rate, 80);
            sb.append(String.format(Locale.ROOT, "%s%d frames = %.2f ms at %d Hz", sb.length() > 0 ? ", " : "",
                node.latencyFrames(), node.latencyFrames() * 1000.0 / rate, rate));
        }
        return sb.toString();
    }

    /**
     * @param noise the manifest's noise column
     * @return the noise type: the name without its instance suffix
     */
    static String noiseType(final String noise) {
        return noise.replaceAll("_n\\d+$", "").replaceAll("_\\d+-\\d+-[A-Z]$", "");
    }

    /**
     * Levels of the noisy input and the output over the noise-only stretches: 20 ms frames where the clean
     * signal is more than 50 dB below its loudest frame.
     *
     * @return {input dBFS, output dBFS}, NaN if the file has no such stretch
     */
    static double[] noiseFloors(final float[] clean, final float[] noisy, final float[] out, final int rate) {
        final int frame = rate / 50;
        final int frames = clean.length / frame;
        final double[] energy = new double[frames];
        double max = 0;
        for (int f = 0; f < frames; f++) {
            double s = 0;
            for (int i = 0; i < frame; i++) {
                final double v = clean[f * frame + i];
                s += v * v;
            }
            energy[f] = s / frame;
            max = Math.max(max, energy[f]);
        }
        double pIn = 0;
        double pOut = 0;
        int count = 0;
        for (int f = 0; f < frames; f++) {
            if (energy[f] < max * 1e-5) {
                count++;
                for (int i = 0; i < frame; i++) {
                    final double a = noisy[f * frame + i];
                    final double b = out[f * frame + i];
                    pIn += a * a;
                    pOut += b * b;
                }
            }
        }
        if (count == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        final double n = (double)count * frame;
        return new double[] {10 * Math.log10(pIn / n + 1e-20), 10 * Math.log10(pOut / n + 1e-20)};
    }

    static void print(final PrintStream o, final List<Score> scores, final DenoiserConfig config,
        final String latency, final double seconds) {
        o.printf(Locale.ROOT, "earshot denoiser: reduction limit %.0f dB, %s latency (%s), gain %s%n",
            config.reductionLimitDb(), config.latencyMode(), latency, config.tuning().gainRule());
        o.printf(Locale.ROOT, "%d pairs scored in %.1f s%n%n", scores.size(), seconds);
        final Map<Integer, double[]> bySnr = new TreeMap<>();
        final Map<String, double[]> byNoise = new TreeMap<>();
        double sum = 0;
        double floorIn = 0;
        double floorOut = 0;
        int floors = 0;
        for (final Score s : scores) {
            accumulate(bySnr.computeIfAbsent(s.snrDb(), k -> new double[4]), s);
            accumulate(byNoise.computeIfAbsent(s.noise(), k -> new double[4]), s);
            sum += s.improvement();
            if (!Double.isNaN(s.floorInDb())) {
                floorIn += s.floorInDb();
                floorOut += s.floorOutDb();
                floors++;
            }
        }
        o.println("SI-SDR improvement by input SNR");
        o.println("| input SNR | pairs | SI-SDR in (dB) | SI-SDR out (dB) | SI-SDRi (dB) |");
        o.println("|---:|---:|---:|---:|---:|");
        for (final Map.Entry<Integer, double[]> e : bySnr.entrySet()) {
            row(o, e.getKey() + " dB", e.getValue());
        }
        o.println();
        o.println("SI-SDR improvement by noise type");
        o.println("| noise | pairs | SI-SDR in (dB) | SI-SDR out (dB) | SI-SDRi (dB) |");
        o.println("|---|---:|---:|---:|---:|");
        for (final Map.Entry<String, double[]> e : byNoise.entrySet()) {
            row(o, e.getKey(), e.getValue());
        }
        o.println();
        o.println("Mean SI-SDR improvement against the peers (same pairs, their defaults)");
        o.println("| system | SI-SDRi (dB) |");
        o.println("|---|---:|");
        o.printf(Locale.ROOT, "| **earshot** | **%+.2f** |%n", sum / scores.size());
        for (final Map.Entry<String, Double> p : PEERS.entrySet()) {
            o.printf(Locale.ROOT, "| %s | %+.2f |%n", p.getKey(), p.getValue());
        }
        o.println();
        if (floors > 0) {
            o.printf(Locale.ROOT, "Noise floor on noise-only stretches (%d pairs): input %.1f dBFS, output %.1f dBFS,"
                + " drop %.1f dB%n", floors, floorIn / floors, floorOut / floors, (floorIn - floorOut) / floors);
        }
        double worst = Double.POSITIVE_INFINITY;
        String worstName = "";
        for (final Map.Entry<Integer, double[]> e : bySnr.entrySet()) {
            if (e.getValue()[1] / e.getValue()[0] < worst) {
                worst = e.getValue()[1] / e.getValue()[0];
                worstName = e.getKey() + " dB";
            }
        }
        for (final Map.Entry<String, double[]> e : byNoise.entrySet()) {
            if (e.getValue()[1] / e.getValue()[0] < worst) {
                worst = e.getValue()[1] / e.getValue()[0];
                worstName = e.getKey();
            }
        }
        o.printf(Locale.ROOT, "Worst bucket: %s, %+.2f dB%n", worstName, worst);
    }

    private static void accumulate(final double[] acc, final Score s) {
        acc[0]++;
        acc[1] += s.improvement();
        acc[2] += s.inputSiSdr();
        acc[3] += s.outputSiSdr();
    }

    private static void row(final PrintStream o, final String label, final double[] acc) {
        o.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %+.2f |%n", label, (int)acc[0], acc[2] / acc[0],
            acc[3] / acc[0], acc[1] / acc[0]);
    }
}
