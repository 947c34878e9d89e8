package org.earshot.bench.accuracy;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.earshot.app.train.ClipLoader;
import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.train.SoundBounds;

/**
 * {@code thuds-after-coughs [--set DIR] [--trials N] [--seed S] [--model FILE] [--sensitivity S] [--detail]}: is a
 * fall heard
 * when someone has just coughed? The impact detector leaves a sound to the event decisions' label for it (one label per
 * sound), and the classifier's one-second context still holds a cough for a second after it: a thud in that second
 * might be taken for the cough's. Each trial is one development cough ({@code events/clips}, cut to its sound by
 * {@link SoundBounds#bounds}, -20 dBFS peak ± 3 dB), a pause drawn from one of three ranges (0.2-0.6 s, 0.6-1.2 s,
 * 1.2-2.5 s after the cough's end), then a thud at -14 dBFS peak ± 3 dB, over a pink-noise bed at -45 dBFS with 6 s of
 * bed before and after; a fourth row plays the thud alone. Two kinds of thud: a development door slam or knock (cut
 * to its sound; the classifier was trained on these) and a generated one the classifier has never heard (noise
 * low-passed under 400 Hz with a 5 ms attack and a 120 ms decay, as a body or a heavy object hitting the floor). A
 * thud is found when an {@code impact} event starts within 250 ms of it. {@code N} trials per row and kind (default
 * 30). {@code --detail} prints each trial's events. With {@code --noizeus DIR} (the NOIZEUS pairs of
 * {@code ../shared/eval/denoise}) a row lands the thud 30–80 % into a clean NOIZEUS sentence (a real talker,
 * -20 dBFS peak ± 3 dB): a fall while someone talks; and a last row starts the sentence 0.1–0.6 s after the thud: a
 * fall followed at once by a voice (a cry, a call for help), which must not pass for the voice's own onset.
 */
public final class ThudsAfterCoughs {
    private static final int RATE_HZ = 16_000;
    /** Pauses from the cough's end to the thud, seconds: low and high bound per row; null for the thud alone. */
    private static final double[][] PAUSES = {{0.2, 0.6}, {0.6, 1.2}, {1.2, 2.5}, null};
    private static final double COLLAR_S = 0.25;

    private ThudsAfterCoughs() {
    }

    /**
     * @param args see the class documentation
     * @return exit status
     * @throws Exception on failure
     */
    public static int run(final String[] args) throws Exception {
        Path set = Path.of("../shared/eval");
        int trials = 30;
        long seed = 1;
        Path modelPath = null;
        double sensitivity = 0.5;
        boolean detail = false;
        Path noizeus = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--set" -> set = Path.of(args[++i]);
                case "--trials" -> trials = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--model" -> modelPath = Path.of(args[++i]);
                case "--sensitivity" -> sensitivity = Double.parseDouble(args[++i]);
                case "--detail" -> detail = true;
                case "--noizeus" -> noizeus = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: thuds-after-coughs [--set DIR] [--trials N] [--seed S] [--model FILE] "
                        + "[--sensitivity S] [--detail] [--noizeus DIR]");
                    return 2;
                }
            }
        }
        final ClassifierModel model = modelPath == null ? ClassifierModel.builtIn() : ClassifierModel.read(modelPath);
        final List<float[]> coughs = CoughFits.sounds(set, List.of("cough"));
        final List<float[]> slams = CoughFits.sounds(set, List.of("doorslam", "knock"));
        System.out.printf(Locale.ROOT, "thuds-after-coughs: %d coughs, %d door slams and knocks of %s, %d trials per "
            + "row and kind, seed %d, sensitivity %.2f; found: an impact event within %.2f s of the thud's onset%n",
            coughs.size(), slams.size(), set.resolve("events/clips"), trials, seed, sensitivity, COLLAR_S);
        System.out.printf(Locale.ROOT, "%-16s %22s %22s%n", "pause (s)", "door slam/knock found",
            "generated thud found");
        final SplittableRandom random = new SplittableRandom(seed);
        for (final double[] pause : PAUSES) {
            final int[] found = new int[2];
            for (int kind = 0; kind < 2; kind++) {
                for (int t = 0; t < trials; t++) {
                    final float[] thud = thud(kind, slams, random);
                    final float[] cough = pause == null ? new float[0]
                        : CoughFits.scaled(coughs.get(random.nextInt(coughs.size())), -20 + random.nextDouble(-3, 3));
                    final int gap = pause == null ? 0 : (int)(random.nextDouble(pause[0], pause[1]) * RATE_HZ);
                    final int start = 6 * RATE_HZ;
                    final int thudAt = start + cough.length + gap;
                    final float[] x = new float[thudAt + thud.length + 6 * RATE_HZ];
                    System.arraycopy(cough, 0, x, start, cough.length);
                    System.arraycopy(thud, 0, x, thudAt, thud.length);
                    SpeechAlarms.addPinkNoise(x, RATE_HZ, Math.pow(10, -45 / 20.0), random);
                    final double thudS = thudAt / (double)RATE_HZ;
                    final List<EventEval.Detection> detections = EventEval.detect(model, x, sensitivity);
                    if (detail) {
                        printTrial(pause == null ? "alone" : String.format(Locale.ROOT, "%.1f", pause[0]), kind, t,
                            String.format(Locale.ROOT, "cough %.2f-%.2f, thud at %.2f", start / (double)RATE_HZ,
                                (start + cough.length) / (double)RATE_HZ, thudS), detections);
                    }
                    found[kind] += impactAt(detections, thudS) ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "%-16s %16d / %-4d %16d / %-4d%n", pause == null ? "thud alone"
                : String.format(Locale.ROOT, "%.1f-%.1f", pause[0], pause[1]), found[0], trials, found[1], trials);
        }
        if (noizeus != null) {
            talkRow(false, noizeus, slams, model, sensitivity, trials, random, detail);
            talkRow(true, noizeus, slams, model, sensitivity, trials, random, detail);
        }
        return 0;
    }

    /**
     * Prints a row of thuds with a real talker: landing 30–80 % into a clean NOIZEUS sentence ({@code after} false: a
     * fall while someone talks), or with the sentence starting 0.1–0.6 s after the thud's onset ({@code after} true:
     * someone who cries out or speaks right after a fall, whose voice the classifier hears within its context).
     */
    private static void talkRow(final boolean after, final Path noizeus, final List<float[]> slams,
        final ClassifierModel model, final double sensitivity, final int trials, final SplittableRandom random,
        final boolean detail) throws Exception {
        final int[] found = new int[2];
        for (int kind = 0; kind < 2; kind++) {
            for (int t = 0; t < trials; t++) {
                final int sentence = 1 + random.nextInt(15);
                final float[] talk = CoughFits.scaled(ClipLoader.decode(noizeus.resolve(
                    String.format(Locale.ROOT, "noizeus_sp%02d_airport_00dB.clean.flac", sentence)), RATE_HZ),
                    -20 + random.nextDouble(-3, 3));
                final float[] thud = thud(kind, slams, random);
                final int start = 6 * RATE_HZ;
                final int talkAt;
                final int thudAt;
                if (after) {
                    thudAt = start;
                    talkAt = start + (int)(random.nextDouble(0.1, 0.6) * RATE_HZ);
                } else {
                    talkAt = start;
                    thudAt = start + (int)(random.nextDouble(0.3, 0.8) * talk.length);
                }
                final float[] x = new float[(after ? talkAt : start + thud.length) + talk.length + 6 * RATE_HZ];
                System.arraycopy(talk, 0, x, talkAt, talk.length);
                for (int i = 0; i < thud.length; i++) {
                    x[thudAt + i] += thud[i];
                }
                SpeechAlarms.addPinkNoise(x, RATE_HZ, Math.pow(10, -45 / 20.0), random);
                final double thudS = thudAt / (double)RATE_HZ;
                final List<EventEval.Detection> detections = EventEval.detect(model, x, sensitivity);
                if (detail) {
                    printTrial(after ? "then-talk" : "in-talk", kind, t, String.format(Locale.ROOT,
                        "sentence %d at %.2f, thud at %.2f", sentence, talkAt / (double)RATE_HZ, thudS), detections);
                }
                found[kind] += impactAt(detections, thudS) ? 1 : 0;
            }
        }
        System.out.printf(Locale.ROOT, "%-16s %16d / %-4d %16d / %-4d%n", after ? "then talk" : "during talk",
            found[0], trials, found[1], trials);
    }

    /** Prints one trial's events ({@code --detail}). */
    private static void printTrial(final String row, final int kind, final int trial, final String what,
        final List<EventEval.Detection> detections) {
        System.out.printf(Locale.ROOT, "  %s %s %02d: %s:", row, kind == 0 ? "slam" : "generated", trial, what);
        for (final EventEval.Detection d : detections) {
            System.out.printf(Locale.ROOT, " %s %.2f-%.2f (%.2f)", d.event().label(), d.event().onset(),
                d.event().offset(), d.confidence());
        }
        System.out.println();
    }

    /** @return a door slam or knock clip ({@code kind} 0) or a generated thud (1), at -14 dBFS peak ± 3 dB */
    private static float[] thud(final int kind, final List<float[]> slams, final SplittableRandom random) {
        return kind == 0
            ? CoughFits.scaled(slams.get(random.nextInt(slams.size())), -14 + random.nextDouble(-3, 3))
            : CoughFits.scaled(generatedThud(random), -14 + random.nextDouble(-3, 3));
    }

    /** @return whether an {@code impact} event starts within {@link #COLLAR_S} of {@code thudS} */
    private static boolean impactAt(final List<EventEval.Detection> detections, final double thudS) {
        for (final EventEval.Detection d : detections) {
            if (d.event().label().equals("impact") && Math.abs(d.event().onset() - thudS) <= COLLAR_S) {
                return true;
            }
        }
        return false;
    }

    /** Noise low-passed under about 400 Hz, 5 ms attack, 120 ms decay, 0.5 s long. */
    private static float[] generatedThud(final SplittableRandom random) {
        final float[] x = new float[RATE_HZ / 2];
        final double a = Math.exp(-2 * Math.PI * 400.0 / RATE_HZ);
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < x.length; i++) {
            final double t = (double)i / RATE_HZ;
            final double env = Math.min(1.0, t / 0.005) * Math.exp(-t / 0.12);
            // two one-pole low-passes in a row
            y1 = (1 - a) * (random.nextDouble() * 2 - 1) + a * y1;
            y2 = (1 - a) * y1 + a * y2;
            x[i] = (float)(env * y2);
        }
        return x;
    }
}
