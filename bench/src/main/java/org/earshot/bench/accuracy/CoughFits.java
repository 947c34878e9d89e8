package org.earshot.bench.accuracy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.earshot.app.train.LabelsCsv;
import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.train.LabelledClip;
import org.earshot.detectors.classify.train.SoundBounds;
import org.earshot.io.wav.WavEncoding;
import org.earshot.io.wav.WavWriter;

/**
 * {@code cough-fits [--set DIR] [--fits N] [--seed S] [--model FILE] [--sensitivity S] [--keep DIR] [--detail]}:
 * does the room monitor report a coughing fit? ({@code --keep} writes each fit as a WAV file there, to trace with
 * {@code events-trace}; {@code --detail} prints each fit's events.) A fit is one cough of the development set
 * ({@code events/clips}, label {@code cough}, cut to its sound by {@link SoundBounds#bounds}) repeated 6 to 12
 * times, each within 3 dB of -20 dBFS peak, with pauses drawn from one of three ranges (0.15-0.35 s, barely a
 * breath; 0.3-0.6 s; 0.5-1 s), over a pink-noise bed at -45 dBFS with 6 s of bed before and after; a fourth row
 * spaces the same coughs 2-3 s apart (single coughs, each its own event). {@code N} fits per range (default 10). A
 * fit is reported when a {@code cough} event overlaps it, a cough is heard when one overlaps that cough; every event
 * is counted by label (an {@code impact} among them is a fall alert raised by a cough). The scenes hold single
 * coughs and short runs only: a fit is what a carer most needs to hear, and a rule on how long events of a class last
 * (a duration prior, measured in session 16 and not kept) showed here what it would have cost.
 */
public final class CoughFits {
    private static final int RATE_HZ = 16_000;
    /** Pause ranges, seconds: low and high bound per row. */
    private static final double[][] PAUSES = {{0.15, 0.35}, {0.3, 0.6}, {0.5, 1.0}, {2.0, 3.0}};

    private CoughFits() {
    }

    /**
     * @param args see the class documentation
     * @return exit status
     * @throws Exception on failure
     */
    public static int run(final String[] args) throws Exception {
        Path set = Path.of("../shared/eval");
        int fits = 10;
        long seed = 1;
        Path modelPath = null;
        double sensitivity = 0.5;
        Path keep = null;
        boolean detail = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--set" -> set = Path.of(args[++i]);
                case "--fits" -> fits = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--model" -> modelPath = Path.of(args[++i]);
                case "--sensitivity" -> sensitivity = Double.parseDouble(args[++i]);
                case "--keep" -> keep = Path.of(args[++i]);
                case "--detail" -> detail = true;
                default -> {
                    System.err.println("usage: cough-fits [--set DIR] [--fits N] [--seed S] [--model FILE] "
                        + "[--sensitivity S] [--keep DIR] [--detail]");
                    return 2;
                }
            }
        }
        final ClassifierModel model = modelPath == null ? ClassifierModel.builtIn() : ClassifierModel.read(modelPath);
        final List<float[]> coughs = coughs(set);
        final SplittableRandom random = new SplittableRandom(seed);
        System.out.printf(Locale.ROOT, "cough-fits: %d coughs of %s, %d fits per pause range, seed %d, "
            + "sensitivity %.2f%n", coughs.size(), set.resolve("events/clips"), fits, seed, sensitivity);
        System.out.printf(Locale.ROOT, "%-12s %10s %12s %10s %14s  %s%n", "pauses (s)", "reported", "cough events",
            "fit (s)", "coughs heard", "events by label");
        for (final double[] pause : PAUSES) {
            int reported = 0;
            int coughEvents = 0;
            int coughsHeard = 0;
            int coughsTotal = 0;
            double fitSeconds = 0;
            final Map<String, Integer> byLabel = new TreeMap<>();
            for (int f = 0; f < fits; f++) {
                final int clip = random.nextInt(coughs.size());
                final float[] one = coughs.get(clip);
                final int count = random.nextInt(6, 13);
                // each cough's start, after the pause before it; the pause drawn after the last one is not used
                final List<float[]> fitCoughs = new ArrayList<>();
                final int[] offsets = new int[count];
                int length = 0;
                for (int k = 0; k < count; k++) {
                    final float[] c = scaled(one, -20 + random.nextDouble(-3, 3));
                    final int gap = (int)(random.nextDouble(pause[0], pause[1]) * RATE_HZ);
                    fitCoughs.add(c);
                    offsets[k] = length;
                    length += c.length + (k + 1 < count ? gap : 0);
                }
                final int start = 6 * RATE_HZ;
                final float[] x = new float[start + length + 6 * RATE_HZ];
                for (int k = 0; k < count; k++) {
                    System.arraycopy(fitCoughs.get(k), 0, x, start + offsets[k], fitCoughs.get(k).length);
                }
                SpeechAlarms.addPinkNoise(x, RATE_HZ, Math.pow(10, -45 / 20.0), random);
                if (keep != null) {
                    Files.createDirectories(keep);
                    try (WavWriter w = new WavWriter(keep.resolve(String.format(Locale.ROOT, "fit-%.2f-%02d.wav",
                        pause[0], f)), RATE_HZ, 1, WavEncoding.PCM_16)) {
                        w.write(x, 0, x.length);
                    }
                }
                final double from = start / (double)RATE_HZ;
                final double to = (start + length) / (double)RATE_HZ;
                fitSeconds += to - from;
                boolean found = false;
                final List<EventEval.Detection> detections = EventEval.detect(model, x, sensitivity);
                if (detail) {
                    System.out.printf(Locale.ROOT, "  fit %.2f-%02d: clip %d, %d coughs, %.2f-%.2f s:", pause[0], f,
                        clip, count, from, to);
                    for (final EventEval.Detection d : detections) {
                        System.out.printf(Locale.ROOT, " %s %.2f-%.2f (%.2f)", d.event().label(), d.event().onset(),
                            d.event().offset(), d.confidence());
                    }
                    System.out.println();
                }
                for (final EventEval.Detection d : detections) {
                    byLabel.merge(d.event().label(), 1, Integer::sum);
                    if (d.event().label().equals("cough") && d.event().offset() > from && d.event().onset() < to) {
                        found = true;
                        coughEvents++;
                    }
                }
                reported += found ? 1 : 0;
                for (int k = 0; k < count; k++) {
                    final double c0 = (start + offsets[k]) / (double)RATE_HZ;
                    final double c1 = c0 + fitCoughs.get(k).length / (double)RATE_HZ;
                    coughsTotal++;
                    for (final EventEval.Detection d : detections) {
                        if (d.event().label().equals("cough") && d.event().offset() > c0 && d.event().onset() < c1) {
                            coughsHeard++;
                            break;
                        }
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%4.2f-%-7.2f %5d / %-2d %12.1f %10.1f %7d / %-4d  %s%n", pause[0], pause[1],
                reported, fits, coughEvents / (double)fits, fitSeconds / fits, coughsHeard, coughsTotal, byLabel);
        }
        return 0;
    }

    /** The cough clips of the set, each cut to its sound. */
    private static List<float[]> coughs(final Path set) throws Exception {
        return sounds(set, List.of("cough"));
    }

    /** The clips of the set with one of these labels, each cut to its sound. */
    static List<float[]> sounds(final Path set, final List<String> labels) throws Exception {
        final Path clips = set.resolve("events/clips");
        final List<LabelsCsv.Entry> entries = new ArrayList<>();
        for (final LabelsCsv.Entry e : LabelsCsv.read(clips, clips.resolve("labels.csv"))) {
            if (labels.contains(e.label())) {
                entries.add(e);
            }
        }
        final List<float[]> out = new ArrayList<>();
        for (final LabelledClip c : EventEval.load(entries, RATE_HZ, EventEval.DEFAULT_CACHE)) {
            final int[] b = SoundBounds.bounds(c.samples(), RATE_HZ);
            if (b != null) {
                out.add(Arrays.copyOfRange(c.samples(), b[0], b[1]));
            }
        }
        return out;
    }

    /** A copy of {@code x} whose peak is {@code peakDb} dBFS. */
    static float[] scaled(final float[] x, final double peakDb) {
        float peak = 1e-9f;
        for (final float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        final float gain = (float)(Math.pow(10, peakDb / 20) / peak);
        final float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * gain;
        }
        return out;
    }
}
