package org.earshot.bench.accuracy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.earshot.app.train.ClipLoader;
import org.earshot.detectors.beat.BeatGraph;
import org.earshot.detectors.beat.BeatTrackerConfig;
import org.earshot.detectors.beat.ClickTrack;
import org.earshot.detectors.classify.train.Channel;
import org.earshot.detectors.onset.NoveltyConfig;
import org.earshot.detectors.onset.NoveltyType;
import org.earshot.detectors.onset.OnsetConfig;
import org.earshot.io.decode.AudioFileDecoder;
import org.earshot.io.wav.WavEncoding;
import org.earshot.io.wav.WavWriter;

/**
 * The beat evaluation: runs earshot's streaming beat tracker (STFT → onset novelty → beat tracker, through the
 * engine, offline, default settings) over every annotated file of a beat set and scores the <em>predicted</em> beat
 * times with mir_eval's conventions ({@link BeatScore}). Per file and as means over files it prints F, Cemgil, CMLt
 * and AMLt, the median of (emit time − predicted time) (negative: emitted ahead), the median |error| of the beats
 * that hit (±70 ms), and the time from the first annotated beat to the first emitted beat. aubio's
 * {@code aubiotrack} is scored beside it when installed. Last, a generated click track steps from 100 to 128 BPM and
 * the number of beats the tracker needs to re-lock is reported.
 *
 * <pre>
 * java -jar bench/target/earshot-bench.jar beats --eval-dir ../shared/eval/beats --out /tmp/beats
 *     [--block FRAMES] [--rate HZ] [--lead-ms MS] [--no-peers] [--relock-only] [--talk | --talk-seeds S,S...]
 *     [--talk-noizeus DIR] [--channel telephone|cheap-mic|narrowband-8k|reverb] [--snr-db DB]
 * </pre>
 *
 * {@code --channel} plays every file through a fixed microphone, line or room colouring ({@link Channel}, the one the
 * room monitor's evaluation uses), and {@code --snr-db} adds pink noise that many dB below the file's RMS (a crowd or
 * a fan between the band and the microphone; the same noise for a file on every run): how the tracker holds up on a
 * channel the recordings were not made through. Both apply after the file is decoded at the graph's rate.
 *
 * {@code --relock-only} runs only the tempo-step test, at {@code --rate} or else at both 44.1 and 48 kHz.
 * {@code --talk} also counts the beats emitted on generated speech (the {@code speech-alarms} conversation of seed 7,
 * needs espeak-ng), where there should be none; {@code --talk-seeds} counts them on the conversations of these seeds;
 * {@code --talk-noizeus DIR} on real talkers in everyday noise (the NOIZEUS streams of {@code speech-alarms --noizeus},
 * one after another).
 *
 * A set is a folder of audio files each with a {@code NAME.beats} file beside it (time in seconds in the first
 * column). A file with no annotated beat after 5 s (mir_eval's trimming) scores 0 in mir_eval; it is listed, and the
 * means are printed both over the scored files and over all files with it as 0 (the convention of the peers' quoted
 * figures). Output: {@code OUT/earshot/NAME.beats} (predicted time, emit time), {@code OUT/aubio/NAME.beats},
 * {@code OUT/scores.tsv}.
 */
public final class BeatEval {
    private static final double HIT_WINDOW_S = 0.07;

    private BeatEval() {
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
        int block = 256;
        Integer rate = null;
        double leadMs = 0.0;
        boolean peers = true;
        boolean relockOnly = false;
        long[] talkSeeds = new long[0];
        Path talkNoizeus = null;
        Channel channel = Channel.CLEAN;
        double snrDb = Double.NaN;
        BeatTrackerConfig config = BeatTrackerConfig.defaults();
        OnsetConfig onsets = BeatGraph.noveltySettings();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--eval-dir" -> evalDir = Path.of(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--block" -> block = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--lead-ms" -> leadMs = Double.parseDouble(args[++i]);
                case "--no-peers" -> peers = false;
                case "--relock-only" -> relockOnly = true;
                case "--channel" -> channel = Channel.named(args[++i]);
                case "--snr-db" -> snrDb = Double.parseDouble(args[++i]);
                case "--talk" -> talkSeeds = new long[] {7L};
                case "--talk-noizeus" -> talkNoizeus = Path.of(args[++i]);
                case "--talk-seeds" -> talkSeeds = Arrays.stream(args[++i].split(","))
                    .mapToLong(Long::parseLong).toArray();
                case "--confidence" -> {
                    final String[] v = args[++i].split(",");
                    config = config.withConfidence(Double.parseDouble(v[0]), Double.parseDouble(v[1]));
                }
                case "--silence-db" -> config = config.withSilenceDb(Double.parseDouble(args[++i]));
                case "--tracker" -> config = override(config, args[++i]);
                case "--novelty" -> onsets = onsets.withNovelty(
                    NoveltyConfig.defaults(NoveltyType.valueOf(args[++i].toUpperCase(Locale.ROOT))));
                case "--window-ms" -> onsets = new OnsetConfig(onsets.stftName(), Double.parseDouble(args[++i]),
                    onsets.hopMs(), onsets.window(), onsets.novelty(), onsets.picker());
                case "--hop-ms" -> onsets = new OnsetConfig(onsets.stftName(), onsets.windowMs(),
                    Double.parseDouble(args[++i]), onsets.window(), onsets.novelty(), onsets.picker());
                default -> {
                    System.err.println("unknown option " + args[i]);
                    return usage();
                }
            }
        }
        if (evalDir == null || out == null) {
            return usage();
        }
        config = config.withLeadMs(leadMs);
        final StreamingBeats earshot = new StreamingBeats(onsets, config, block, rate);
        if (relockOnly) {
            for (final int sr : rate == null ? new int[] {44_100, 48_000} : new int[] {rate}) {
                final double[] relock = relock(earshot, sr);
                System.out.printf(Locale.ROOT, "%d Hz: tempo step 100 -> 128 BPM (generated clicks): re-locked after "
                    + "%s beats (%.2f s); first beat %.2f s after the music starts%n", sr,
                    Double.isNaN(relock[0]) ? "never" : Integer.toString((int)relock[0]), relock[1], relock[2]);
            }
            return 0;
        }
        final boolean aubio = peers && AubioBeats.find() != null;
        Files.createDirectories(out.resolve("earshot"));
        if (aubio) {
            Files.createDirectories(out.resolve("aubio"));
        }
        final List<Path> files = audioFiles(evalDir);
        final PrintStream o = System.out;
        o.printf(Locale.ROOT, "beat evaluation: %d files in %s, block %d, rate %s, lead %.0f ms; mir_eval conventions "
            + "(beats < 5 s ignored, F ±70 ms, Cemgil σ 40 ms, CML/AML 0.175)%n", files.size(), evalDir, block,
            rate == null ? "file's own" : rate + " Hz", leadMs);
        if (channel != Channel.CLEAN || !Double.isNaN(snrDb)) {
            o.println("every file through " + channel + (Double.isNaN(snrDb) ? ""
                : String.format(Locale.ROOT, ", pink noise %.0f dB below its RMS", snrDb)));
        }
        o.println("novelty: " + onsets.novelty().type() + ", window " + onsets.windowMs() + " ms, hop " + onsets.hopMs()
            + " ms; tracker: " + config);
        o.printf(Locale.ROOT, "%-44s %6s %6s %6s %6s %8s %7s %7s %6s %6s %6s %6s%s%n", "file", "F", "Cemgil", "CMLt",
            "AMLt", "ahead_ms", "err_ms", "first_s", "ok_s", "dbF", "bar", "late", aubio ? String.format(Locale.ROOT, " | %6s %6s %6s", "aubioF",
                "aCemg", "aAMLt") : "");
        final List<double[]> rows = new ArrayList<>();
        final List<double[]> aubioRows = new ArrayList<>();
        final List<String> tsv = new ArrayList<>();
        tsv.add("file\tF\tCemgil\tCMLc\tCMLt\tAMLc\tAMLt\tmedian_emit_minus_t_ms\tmedian_abs_err_ms\tfirst_beat_s"
            + "\tfirst_correct_run_s\tdownbeat_F\tbar_position_accuracy\tlate_beats\taubio_F\taubio_Cemgil\taubio_AMLt");
        int lateTotal = 0;
        final List<Double> correctStarts = new ArrayList<>();
        final List<Double> downbeatFs = new ArrayList<>();
        final List<Double> barAccuracies = new ArrayList<>();
        int neverCorrect = 0;
        int unscored = 0;
        int aubioUnscored = 0;
        for (final Path audio : files) {
            final String name = stem(audio);
            final double[] reference = readBeats(evalDir.resolve(name + ".beats"));
            final boolean clean = channel == Channel.CLEAN && Double.isNaN(snrDb);
            // the file's rate is probed only for a coloured run: the clean run's source probes it itself
            final int fileRate = clean ? 0 : rateOf(audio, rate);
            final float[] heard = clean ? null : coloured(audio, fileRate, channel, snrDb);
            final StreamingBeats.Result r = clean ? earshot.track(audio)
                : earshot.track(new MemorySource(heard, fileRate), fileRate, name);
            writeBeats(out.resolve("earshot").resolve(name + ".beats"), r.predictedS(), r.emittedS(), r.barPositions());
            final BeatScore s = BeatScore.score(reference, r.predictedS());
            BeatScore a = null;
            if (aubio) {
                final double[] aubioBeats = clean ? AubioBeats.track(audio) : aubioOn(heard, fileRate);
                writeBeats(out.resolve("aubio").resolve(name + ".beats"), aubioBeats, null, null);
                a = BeatScore.score(reference, aubioBeats);
            }
            int late = 0;
            final double[] ahead = new double[r.predictedS().length];
            for (int i = 0; i < ahead.length; i++) {
                ahead[i] = r.emittedS()[i] - r.predictedS()[i];
                if (ahead[i] > 0) {
                    late++;
                }
            }
            lateTotal += late;
            final double aheadMs = 1000.0 * median(ahead);
            final double errMs = 1000.0 * medianHitError(reference, r.predictedS());
            final double first = r.emittedS().length == 0 || reference.length == 0 ? Double.NaN
                : r.emittedS()[0] - Math.max(0.0, reference[0]);
            final int[] referenceBars = readBarPositions(evalDir.resolve(name + ".beats"));
            final double downbeatF = referenceBars == null ? Double.NaN
                : BeatScore.downbeatF(reference, referenceBars, r.predictedS(), r.barPositions());
            final double barAccuracy = referenceBars == null ? Double.NaN
                : BeatScore.barPositionAccuracy(reference, referenceBars, r.predictedS(), r.barPositions());
            final double ok = reference.length == 0 ? Double.NaN
                : BeatScore.firstCorrectRun(reference, r.predictedS()) - Math.max(0.0, reference[0]);
            if (s == null) {
                unscored++;
                aubioUnscored += aubio ? 1 : 0;
                o.printf(Locale.ROOT, "%-44s %6s %6s %6s %6s %8.1f %7s %7.2f %6s %6s %6s %6d   (no annotated beat after "
                    + "5 s: not scored)%n", trimName(name), "-", "-", "-", "-", aheadMs, "-", first, seconds(ok), "-", "-",
                    late);
                continue;
            }
            final double[] row = {s.fMeasure(), s.cemgil(), s.cmlT(), s.amlT(), aheadMs, errMs, first, late};
            rows.add(row);
            if (!Double.isNaN(downbeatF)) {
                downbeatFs.add(downbeatF);
            }
            if (!Double.isNaN(barAccuracy)) {
                barAccuracies.add(barAccuracy);
            }
            if (Double.isNaN(ok)) {
                neverCorrect++;
            } else {
                correctStarts.add(ok);
            }
            if (a != null) {
                aubioRows.add(new double[] {a.fMeasure(), a.cemgil(), a.amlT()});
            }
            o.printf(Locale.ROOT, "%-44s %6.3f %6.3f %6.3f %6.3f %8.1f %7.1f %7.2f %6s %6s %6s %6d%s%n", trimName(name),
                row[0], row[1], row[2], row[3], row[4], row[5], row[6], seconds(ok), share(downbeatF),
                share(barAccuracy), late, a == null ? "" : String.format(Locale.ROOT,
                    " | %6.3f %6.3f %6.3f", a.fMeasure(), a.cemgil(), a.amlT()));
            tsv.add(String.join("\t", name, f(s.fMeasure()), f(s.cemgil()), f(s.cmlC()), f(s.cmlT()), f(s.amlC()),
                f(s.amlT()), f(aheadMs), f(errMs), f(first), f(ok), f(downbeatF), f(barAccuracy),
                Integer.toString(late),
                a == null ? "" : f(a.fMeasure()), a == null ? "" : f(a.cemgil()), a == null ? "" : f(a.amlT())));
        }
        final double[] mean = mean(rows);
        final double[] aubioMean = aubioRows.isEmpty() ? null : mean(aubioRows);
        final double[] starts = correctStarts.stream().mapToDouble(Double::doubleValue).toArray();
        final double meanStart = starts.length == 0 ? Double.NaN : Arrays.stream(starts).average().orElse(Double.NaN);
        final double meanDownbeatF = downbeatFs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        final double meanBar = barAccuracies.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        o.printf(Locale.ROOT, "%-44s %6.3f %6.3f %6.3f %6.3f %8.1f %7.1f %7.2f %6s %6s %6s %6d%s%n", "MEAN (" + rows.size()
            + " files)", mean[0], mean[1], mean[2], mean[3], medianOf(rows, 4), medianOf(rows, 5), mean[6],
            seconds(meanStart), share(meanDownbeatF), share(meanBar), lateTotal,
            aubioMean == null ? "" : String.format(Locale.ROOT, " | %6.3f %6.3f %6.3f", aubioMean[0], aubioMean[1],
                aubioMean[2]));
        if (unscored > 0) {
            final double k = rows.size() / (double)(rows.size() + unscored);
            final double ka = aubioRows.isEmpty() ? 0 : aubioRows.size() / (double)(aubioRows.size() + aubioUnscored);
            o.printf(Locale.ROOT, "%-44s %6.3f %6.3f %6.3f %6.3f%s%n", "MEAN, all " + (rows.size() + unscored)
                + " files (mir_eval: unscorable = 0)", k * mean[0], k * mean[1], k * mean[2], k * mean[3],
                aubioMean == null ? "" : String.format(Locale.ROOT, " %8s %7s %7s %6s %6s %6s %6s | %6.3f %6.3f %6.3f",
                    "", "", "", "", "", "", "", ka * aubioMean[0], ka * aubioMean[1], ka * aubioMean[2]));
        }
        o.printf(Locale.ROOT, "(ahead_ms and err_ms of the MEAN row are medians over files; first_s is the mean time "
            + "from the first annotated beat to the first emitted beat; worst %.2f s)%n", maxOf(rows, 6));
        o.printf(Locale.ROOT, "(ok_s: from the first annotated beat to the first of %d emitted beats in a row on as many "
            + "annotated beats in a row, ±%.0f ms: the beat found and kept; median %s s, within 3 s on %d of %d files, "
            + "never on %d; the MEAN row averages the files where it happens)%n", BeatScore.CORRECT_RUN_BEATS,
            1000 * BeatScore.F_WINDOW_S, seconds(median(starts)), Arrays.stream(starts).filter(x -> x <= 3.0).count(),
            rows.size(), neverCorrect);
        o.printf(Locale.ROOT, "(dbF: F-measure of the emitted downbeats (bar_pos 1) against the annotated ones, ±%.0f ms, "
            + "beats < 5 s ignored, mean over the %d files with bar positions; bar: of the emitted beats that hit an "
            + "annotated beat, the share in the right place in the bar, mean over %d files)%n",
            1000 * BeatScore.F_WINDOW_S, downbeatFs.size(), barAccuracies.size());
        final int sr = rate == null ? 44_100 : rate;
        final double[] relock = relock(earshot, sr);
        o.printf(Locale.ROOT, "tempo step 100 -> 128 BPM (generated clicks): re-locked after %s beats (%.2f s); "
            + "first beat %.2f s after the music starts%n", Double.isNaN(relock[0]) ? "never" : Integer.toString(
                (int)relock[0]), relock[1], relock[2]);
        tsv.add("MEAN\t" + f(mean[0]) + "\t" + f(mean[1]) + "\t\t" + f(mean[2]) + "\t\t" + f(mean[3]) + "\t"
            + f(medianOf(rows, 4)) + "\t" + f(medianOf(rows, 5)) + "\t" + f(mean[6]) + "\t" + f(meanStart) + "\t"
            + f(meanDownbeatF) + "\t" + f(meanBar) + "\t" + lateTotal + "\t"
            + (aubioMean == null ? "\t\t" : f(aubioMean[0]) + "\t" + f(aubioMean[1]) + "\t" + f(aubioMean[2])));
        tsv.add("relock_beats\t" + f(relock[0]));
        for (final long seed : talkSeeds) {
            final int[] t = talkBeats(earshot, seed);
            o.printf(Locale.ROOT, "generated talk (espeak-ng, 96 sentences, seed %d, %.1f min, no music): %d beats in %d "
                + "stretches, the longest %d beats%n", seed, t[3] / 60.0, t[0], t[1], t[2]);
            tsv.add("talk_beats_seed" + seed + "\t" + t[0]);
        }
        if (talkNoizeus != null) {
            final SpeechAlarms.Joined noizeus = SpeechAlarms.allNoizeus(talkNoizeus);
            final double[] beats = talkBeatTimes(earshot, noizeus.samples());
            final int[] t = stretches(beats, noizeus.samples().length / 16_000);
            o.printf(Locale.ROOT, "real talk in everyday noise (NOIZEUS, 20 streams of 15 sentences, %.1f min, no music): "
                + "%d beats in %d stretches, the longest %d beats; per noise and SNR:%n", t[3] / 60.0, t[0], t[1], t[2]);
            final int[] perStream = new int[noizeus.starts().length - 1];
            for (final double b : beats) {
                perStream[noizeus.streamOf(Math.round(b * 16_000))]++;
            }
            o.printf(Locale.ROOT, "  %-11s", "");
            for (final int snr : SpeechAlarms.NOIZEUS_SNRS) {
                o.printf(Locale.ROOT, " %5d dB", snr);
            }
            o.println();
            int s = 0;
            for (final String noise : SpeechAlarms.NOIZEUS_NOISES) {
                o.printf(Locale.ROOT, "  %-11s", noise);
                for (int k = 0; k < SpeechAlarms.NOIZEUS_SNRS.length; k++) {
                    o.printf(Locale.ROOT, " %8d", perStream[s++]);
                }
                o.println();
            }
            tsv.add("talk_beats_noizeus\t" + t[0]);
        }
        tsv.add("unscorable_files\t" + unscored);
        Files.write(out.resolve("scores.tsv"), tsv, StandardCharsets.UTF_8);
        return 0;
    }

    /**
     * Beats on speech: the conversation {@code speech-alarms} generates with this seed at 16 kHz. Beats further apart than
     * 2 s start a new stretch.
     *
     * @return {beats, stretches, beats in the longest stretch, seconds of talk}
     */
    static int[] talkBeats(final StreamingBeats tracker, final long seed) throws Exception {
        return talkBeats(tracker, SpeechAlarms.talk(96, seed));
    }

    /**
     * Beats on speech at 16 kHz. Beats further apart than 2 s start a new stretch.
     *
     * @return {beats, stretches, beats in the longest stretch, seconds of talk}
     */
    static int[] talkBeats(final StreamingBeats tracker, final float[] x) throws Exception {
        return stretches(talkBeatTimes(tracker, x), x.length / 16_000);
    }

    /** @return the predicted times of the beats emitted on speech at 16 kHz, seconds */
    private static double[] talkBeatTimes(final StreamingBeats tracker, final float[] x) throws Exception {
        final int rate = 16_000;
        return tracker.track(new MemorySource(x, rate), rate, "talk").predictedS();
    }

    /**
     * Beats further apart than 2 s start a new stretch.
     *
     * @return {beats, stretches, beats in the longest stretch, seconds of talk}
     */
    private static int[] stretches(final double[] beats, final int seconds) {
        int stretches = 0;
        int longest = 0;
        int run = 0;
        for (int i = 0; i < beats.length; i++) {
            if (i == 0 || beats[i] - beats[i - 1] > 2.0) {
                stretches++;
                run = 0;
            }
            run++;
            longest = Math.max(longest, run);
        }
        return new int[] {beats.length, stretches, longest, seconds};
    }

    /**
     * Re-lock measurement: 20 s of clicks at 100 BPM, then 20 s at 128 BPM.
     *
     * @return {beats after the step until every later beat is hit (NaN if never), the same in seconds, time to the
     *     first emitted beat}
     */
    static double[] relock(final StreamingBeats tracker, final int rate) throws Exception {
        final double step = 20.0;
        final double[] truth = ClickTrack.tempoStep(0.5, step, 40.0, 100.0, 128.0);
        final float[] signal = ClickTrack.render(rate, 40.5, truth, 4, 7L);
        final StreamingBeats.Result r = tracker.track(new MemorySource(signal, rate), rate, "tempo step");
        return relockBeats(truth, step, r.predictedS(), r.emittedS());
    }

    /**
     * @param truth     true beat times
     * @param stepS     time of the tempo change
     * @param predicted tracker's beats
     * @param emitted   their emit times
     * @return {beats after the step, seconds after the step, first emitted beat time minus first true beat}
     */
    static double[] relockBeats(final double[] truth, final double stepS, final double[] predicted,
        final double[] emitted) {
        int firstAfter = 0;
        while (firstAfter < truth.length && truth[firstAfter] < stepS) {
            firstAfter++;
        }
        int lockedFrom = -1;
        for (int k = truth.length - 1; k >= firstAfter; k--) {
            if (!hit(truth[k], predicted)) {
                break;
            }
            lockedFrom = k;
        }
        final double first = emitted.length == 0 ? Double.NaN : emitted[0] - truth[0];
        if (lockedFrom < 0) {
            return new double[] {Double.NaN, Double.NaN, first};
        }
        return new double[] {lockedFrom - firstAfter, truth[lockedFrom] - truth[firstAfter], first};
    }

    private static boolean hit(final double t, final double[] predicted) {
        for (final double p : predicted) {
            if (Math.abs(p - t) <= HIT_WINDOW_S) {
                return true;
            }
        }
        return false;
    }

    private static double medianHitError(final double[] reference, final double[] estimated) {
        final double[] r = BeatScore.trim(reference);
        final List<Double> errors = new ArrayList<>();
        for (final double e : BeatScore.trim(estimated)) {
            double best = Double.POSITIVE_INFINITY;
            for (final double x : r) {
                best = Math.min(best, Math.abs(e - x));
            }
            if (best <= HIT_WINDOW_S) {
                errors.add(best);
            }
        }
        return median(errors.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String share(final double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String seconds(final double s) {
        return Double.isNaN(s) ? "never" : String.format(Locale.ROOT, "%.2f", s);
    }

    private static double median(final double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        final double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
    }

    private static double[] mean(final List<double[]> rows) {
        final int n = rows.isEmpty() ? 8 : rows.get(0).length;
        final double[] m = new double[n];
        for (int c = 0; c < n; c++) {
            double s = 0.0;
            int k = 0;
            for (final double[] row : rows) {
                if (!Double.isNaN(row[c])) {
                    s += row[c];
                    k++;
                }
            }
            m[c] = k == 0 ? Double.NaN : s / k;
        }
        return m;
    }

    private static double medianOf(final List<double[]> rows, final int column) {
        return median(rows.stream().mapToDouble(r -> r[column]).filter(v -> !Double.isNaN(v)).toArray());
    }

    private static double maxOf(final List<double[]> rows, final int column) {
        return rows.stream().mapToDouble(r -> r[column]).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
    }

    private static String f(final double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String trimName(final String name) {
        return name.length() <= 44 ? name : name.substring(0, 44);
    }

    static List<Path> audioFiles(final Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                final String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                return (n.endsWith(".flac") || n.endsWith(".wav") || n.endsWith(".ogg") || n.endsWith(".mp3"))
                    && Files.exists(p.resolveSibling(stem(p) + ".beats"));
            }).sorted().toList();
        }
    }

    static String stem(final Path p) {
        final String n = p.getFileName().toString();
        final int dot = n.lastIndexOf('.');
        return dot < 0 ? n : n.substring(0, dot);
    }

    /**
     * @param file a beats file: time in seconds in the first column
     * @return the times, ascending
     * @throws IOException if it cannot be read
     */
    static double[] readBeats(final Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::trim).filter(l -> !l.isEmpty()
            && !l.startsWith("#")).mapToDouble(l -> Double.parseDouble(l.split("\\s+")[0])).sorted().toArray();
    }

    /**
     * @param file a beats file whose second column, where present, is the beat's position in its bar (1 = downbeat)
     * @return each beat's bar position in time order, or null if a line has none
     * @throws IOException if it cannot be read
     */
    static int[] readBarPositions(final Path file) throws IOException {
        final List<double[]> rows = new ArrayList<>();
        for (final String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            final String l = line.trim();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            final String[] f = l.split("\\s+");
            if (f.length < 2) {
                return null;
            }
            rows.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
        }
        rows.sort((a, b) -> Double.compare(a[0], b[0]));
        return rows.stream().mapToInt(r -> (int)Math.round(r[1])).toArray();
    }

    /** One line per beat: predicted time, then (if given) the emit time and the bar position. */
    private static void writeBeats(final Path file, final double[] times, final double[] emitted, final int[] bars)
        throws IOException {
        final List<String> lines = new ArrayList<>(times.length);
        for (int i = 0; i < times.length; i++) {
            lines.add(emitted == null ? String.format(Locale.ROOT, "%.6f", times[i])
                : String.format(Locale.ROOT, "%.6f\t%.6f\t%d", times[i], emitted[i], bars[i]));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * @param base      settings to start from
     * @param overrides {@code field=value[,field=value...]} naming {@link BeatTrackerConfig} components
     * @return the settings with those fields replaced (validated by the record's constructor)
     */
    static BeatTrackerConfig override(final BeatTrackerConfig base, final String overrides) throws Exception {
        final java.lang.reflect.RecordComponent[] components = BeatTrackerConfig.class.getRecordComponents();
        final Object[] values = new Object[components.length];
        final Class<?>[] types = new Class<?>[components.length];
        for (int c = 0; c < components.length; c++) {
            values[c] = components[c].getAccessor().invoke(base);
            types[c] = components[c].getType();
        }
        for (final String pair : overrides.split(",")) {
            final String[] kv = pair.split("=", 2);
            int c = 0;
            while (c < components.length && !components[c].getName().equals(kv[0].trim())) {
                c++;
            }
            if (c == components.length || kv.length != 2) {
                throw new IllegalArgumentException("--tracker: unknown field or missing value in '" + pair + "'");
            }
            final String v = kv[1].trim();
            values[c] = types[c] == int.class ? Integer.valueOf(v) : types[c] == double.class ? Double.valueOf(v) : v;
        }
        return BeatTrackerConfig.class.getDeclaredConstructor(types).newInstance(values);
    }

    private static int rateOf(final Path audio, final Integer rate) throws IOException {
        return rate != null ? rate : AudioFileDecoder.probe(audio).sampleRateHz();
    }

    /** @return aubio's beats on these samples, written to a temporary 32-bit float WAV file for it */
    private static double[] aubioOn(final float[] x, final int rateHz) throws Exception {
        final Path wav = Files.createTempFile("earshot-beats", ".wav");
        try {
            try (WavWriter w = new WavWriter(wav, rateHz, 1, WavEncoding.FLOAT_32)) {
                w.write(x, 0, x.length);
            }
            return AubioBeats.track(wav);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    /**
     * @return the file, decoded at {@code sr}, through {@code channel} and with pink noise {@code snrDb} below its RMS
     *     (none when NaN)
     */
    static float[] coloured(final Path audio, final int sr, final Channel channel, final double snrDb)
        throws IOException {
        final float[] x = channel.apply(ClipLoader.decode(audio, sr), sr);
        if (!Double.isNaN(snrDb)) {
            SpeechAlarms.addPinkNoise(x, sr, BeatBreaks.rms(x, 0, x.length) * Math.pow(10.0, -snrDb / 20.0),
                new SplittableRandom(stem(audio).hashCode()));
        }
        return x;
    }

    private static int usage() {
        System.err.println("usage: beats --eval-dir DIR --out DIR [--block FRAMES] [--rate HZ] [--lead-ms MS] "
            + "[--no-peers] [--relock-only] [--talk | --talk-seeds S,S...] [--talk-noizeus DIR] [--channel NAME] "
            + "[--snr-db DB] "
            + "[--confidence ON,OFF] [--silence-db DB] "
            + "[--novelty TYPE] [--window-ms MS] "
            + "[--hop-ms MS] [--tracker FIELD=VALUE,...]");
        return 2;
    }
}
