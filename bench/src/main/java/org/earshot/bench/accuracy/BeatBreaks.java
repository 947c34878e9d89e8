package org.earshot.bench.accuracy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.earshot.app.train.ClipLoader;
import org.earshot.detectors.beat.BeatGraph;
import org.earshot.detectors.beat.BeatTrackerConfig;
import org.earshot.io.decode.AudioFileDecoder;

/**
 * {@code beat-breaks --eval-dir DIR --talk-noizeus DIR [--before-s 12] [--silence-s 3]}: does the tracker stop when the
 * music stops and come back when it resumes? Every file of the beat set long enough is played for {@code --before-s}
 * seconds, then a break, then the rest of the file from where it stopped (a band pausing between sections); the
 * break is either digital silence of {@code --silence-s} seconds or talk: the first three NOIZEUS sentences in
 * restaurant noise at 10 dB SNR (about 7.7 s, read by a real talker, as an MC between songs), scaled to the music's RMS.
 * For each file and break, at the file's own rate:
 * <ul>
 *   <li>{@code in_break}: beats predicted more than half a second into the break (those the tracker foresaw before the
 *       music stopped are not counted): the issue asks for none in silence and speech;</li>
 *   <li>{@code back_s}: from the music's return to the first beat predicted after it;</li>
 *   <li>{@code ok_s}: from the music's return to the first of four emitted beats in a row on as many annotated beats
 *       in a row (±70 ms, {@link BeatScore#firstCorrectRun}), the beat found again and kept.</li>
 * </ul>
 * Two more columns show what the tracker's memory of a tempo across a pause costs when the music that returns is
 * another song: each file from its start, once alone ({@code song alone}) and once after {@code --before-s} seconds of
 * the file before it in the set (another tempo, mostly) and the same silence ({@code after another song}); both
 * {@code back_s} and {@code ok_s} count from the song's start.
 * The target: beats resume within 2 s when the music does.
 */
public final class BeatBreaks {
    private static final int TALK_SENTENCES = 3;
    private static final String TALK_NOISE = "restaurant";
    private static final int TALK_SNR_DB = 10;
    private static final double IN_BREAK_GRACE_S = 0.5;
    private static final double AFTER_S = 10.0;
    private static final double TARGET_S = 2.0;

    private BeatBreaks() {
    }

    /**
     * @param args see the class documentation
     * @return exit status
     * @throws Exception on failure
     */
    public static int run(final String[] args) throws Exception {
        Path evalDir = null;
        Path noizeus = null;
        double beforeS = 12.0;
        double silenceS = 3.0;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--eval-dir" -> evalDir = Path.of(args[++i]);
                case "--talk-noizeus" -> noizeus = Path.of(args[++i]);
                case "--before-s" -> beforeS = Double.parseDouble(args[++i]);
                case "--silence-s" -> silenceS = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("beat-breaks: unknown option " + args[i]);
            }
        }
        if (evalDir == null || noizeus == null) {
            throw new IllegalArgumentException("beat-breaks: give --eval-dir DIR (the beat set) and --talk-noizeus DIR "
                + "(the NOIZEUS pairs)");
        }
        final StreamingBeats tracker = new StreamingBeats(BeatGraph.noveltySettings(), BeatTrackerConfig.defaults(), 256,
            null);
        final PrintStream o = System.out;
        o.printf(Locale.ROOT, "beat breaks: %.0f s of music, then %.0f s of silence or %d NOIZEUS sentences (%s, %d dB) at "
            + "the music's RMS, then the rest of the file; in_break: beats predicted more than %.1f s into the break; "
            + "back_s / ok_s: from the music's return to the first beat / to the first of 4 right in a row%n", beforeS,
            silenceS, TALK_SENTENCES, TALK_NOISE, TALK_SNR_DB, IN_BREAK_GRACE_S);
        o.printf(Locale.ROOT, "%-44s | %8s %7s %7s | %8s %7s %7s | %7s %7s | %7s %7s%n", "file", "in_break", "back_s",
            "ok_s", "in_break", "back_s", "ok_s", "back_s", "ok_s", "back_s", "ok_s");
        o.printf(Locale.ROOT, "%-44s | %-24s | %-24s | %-15s | %-15s%n", "", "silence", "talk", "song alone",
            "after another song");
        final List<double[]> rows = new ArrayList<>();
        final List<Path> files = BeatEval.audioFiles(evalDir);
        for (int f = 0; f < files.size(); f++) {
            final Path audio = files.get(f);
            final String name = BeatEval.stem(audio);
            final double[] reference = BeatEval.readBeats(evalDir.resolve(name + ".beats"));
            final int rate = AudioFileDecoder.probe(audio).sampleRateHz();
            final float[] music = ClipLoader.decode(audio, rate);
            final int cut = (int)Math.round(beforeS * rate);
            if (music.length < cut + AFTER_S * rate || reference.length == 0) {
                continue;
            }
            final float[] silence = new float[(int)Math.round(silenceS * rate)];
            final float[] talk = scaled(talk(noizeus, rate), rms(music, 0, cut));
            final double[] row = new double[10];
            int c = 0;
            for (final float[] pause : new float[][] {silence, talk}) {
                final double[] m = measure(tracker, music, cut, pause, rate, reference, name);
                row[c++] = m[0];
                row[c++] = m[1];
                row[c++] = m[2];
            }
            final float[] previous = ClipLoader.decode(files.get((f + files.size() - 1) % files.size()), rate);
            for (final float[] before : new float[][] {new float[0],
                concat(Arrays.copyOf(previous, Math.min(previous.length, cut)), silence)}) {
                final double[] m = measure(tracker, concat(before, music), before.length, new float[0], rate,
                    shift(reference, (double)before.length / rate), name);
                row[c++] = m[1];
                row[c++] = m[2];
            }
            rows.add(row);
            o.printf(Locale.ROOT, "%-44s | %8.0f %7s %7s | %8.0f %7s %7s | %7s %7s | %7s %7s%n",
                BeatEval.trimName(name), row[0], seconds(row[1]), seconds(row[2]), row[3], seconds(row[4]),
                seconds(row[5]), seconds(row[6]), seconds(row[7]), seconds(row[8]), seconds(row[9]));
        }
        for (int b = 0; b < 2; b++) {
            final int base = 3 * b;
            final double beats = rows.stream().mapToDouble(r -> r[base]).sum();
            final long filesWithBeats = rows.stream().filter(r -> r[base] > 0).count();
            o.printf(Locale.ROOT, "%s: %d files; beats in the break %.0f (on %d files); back %s; right again %s%n",
                b == 0 ? "silence" : "talk", rows.size(), beats, filesWithBeats, summary(rows, base + 1),
                summary(rows, base + 2));
        }
        for (int b = 0; b < 2; b++) {
            final int base = 6 + 2 * b;
            o.printf(Locale.ROOT, "%s: first beat %s; right %s%n", b == 0 ? "song alone" : "after another song and "
                + "silence", summary(rows, base), summary(rows, base + 1));
        }
        return 0;
    }

    /** @return {beats in the break, back_s, ok_s} for the music with this pause cut in at {@code cut} */
    private static double[] measure(final StreamingBeats tracker, final float[] music, final int cut,
        final float[] pause, final int rate, final double[] reference, final String name) throws Exception {
        final float[] x = new float[music.length + pause.length];
        System.arraycopy(music, 0, x, 0, cut);
        System.arraycopy(pause, 0, x, cut, pause.length);
        System.arraycopy(music, cut, x, cut + pause.length, music.length - cut);
        final double stopS = (double)cut / rate;
        final double backS = (double)(cut + pause.length) / rate;
        final double[] beats = tracker.track(new MemorySource(x, rate), rate, name).predictedS();
        int inBreak = 0;
        final List<Double> after = new ArrayList<>();
        for (final double t : beats) {
            if (t >= stopS + IN_BREAK_GRACE_S && t < backS) {
                inBreak++;
            } else if (t >= backS) {
                after.add(t);
            }
        }
        final double[] shifted = Arrays.stream(reference).filter(r -> r >= stopS).map(r -> r + (backS - stopS))
            .toArray();
        final double[] est = after.stream().mapToDouble(Double::doubleValue).toArray();
        final double first = est.length == 0 ? Double.NaN : est[0] - backS;
        final double ok = BeatScore.firstCorrectRun(shifted, est) - backS;
        return new double[] {inBreak, first, ok};
    }

    private static float[] concat(final float[] a, final float[] b) {
        final float[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] shift(final double[] times, final double by) {
        return Arrays.stream(times).map(t -> t + by).toArray();
    }

    /** @return the first {@value #TALK_SENTENCES} NOIZEUS sentences in {@value #TALK_NOISE} noise, joined, at rate */
    private static float[] talk(final Path dir, final int rate) throws java.io.IOException {
        final List<float[]> parts = new ArrayList<>();
        int n = 0;
        for (int sp = 1; sp <= TALK_SENTENCES; sp++) {
            final float[] s = ClipLoader.decode(SpeechAlarms.noizeusFile(dir, sp, TALK_NOISE, TALK_SNR_DB), rate);
            parts.add(s);
            n += s.length;
        }
        final float[] out = new float[n];
        int at = 0;
        for (final float[] s : parts) {
            System.arraycopy(s, 0, out, at, s.length);
            at += s.length;
        }
        return out;
    }

    /** @return the RMS of {@code x[from, to)} */
    static double rms(final float[] x, final int from, final int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * (double)x[i];
        }
        return Math.sqrt(sum / Math.max(1, to - from));
    }

    private static float[] scaled(final float[] x, final double targetRms) {
        final double gain = targetRms / Math.max(1e-9, rms(x, 0, x.length));
        final float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = (float)(x[i] * gain);
        }
        return out;
    }

    private static String seconds(final double s) {
        return Double.isNaN(s) ? "never" : String.format(Locale.ROOT, "%.2f", s);
    }

    /** @return mean and median over the files where it happened, how many within the target, how many never */
    private static String summary(final List<double[]> rows, final int column) {
        final double[] v = rows.stream().mapToDouble(r -> r[column]).filter(d -> !Double.isNaN(d)).sorted().toArray();
        final long within = Arrays.stream(v).filter(d -> d <= TARGET_S).count();
        final double mean = Arrays.stream(v).average().orElse(Double.NaN);
        final double median = v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2]
            : 0.5 * (v[v.length / 2 - 1] + v[v.length / 2]);
        return String.format(Locale.ROOT, "mean %s s, median %s s, within %.0f s on %d of %d files, never on %d",
            seconds(mean), seconds(median), TARGET_S, within, rows.size(), rows.size() - v.length);
    }
}
