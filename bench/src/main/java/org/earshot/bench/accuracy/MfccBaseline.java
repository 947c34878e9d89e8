package org.earshot.bench.accuracy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.earshot.app.train.ClipLoader;
import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.FeatureSettings;
import org.earshot.detectors.classify.LogMelExtractor;
import org.earshot.detectors.classify.train.ClipReport;
import org.earshot.detectors.classify.train.ClipTrainer;
import org.earshot.detectors.classify.train.OfflineClassifier;
import org.earshot.detectors.classify.train.MlpTrainer;

/**
 * The baseline introductory tutorials build: the mean of 40 MFCCs over a clip (DCT-II of the log-mel
 * frames) and a logistic-regression classifier, no augmentation. For scenes it slides a 1 s window every
 * 250 ms, classifies each and merges runs of the same event class into events.
 */
final class MfccBaseline {
    static final int COEFFICIENTS = 40;

    private MfccBaseline() {
    }

    static float[][] mfccFrames(final float[] x) {
        final FeatureSettings fs = FeatureSettings.defaults();
        final LogMelExtractor ex = new LogMelExtractor(fs, fs.sampleRateHz(), 4096);
        final List<float[]> frames = new ArrayList<>();
        final int b = fs.bands();
        for (int off = 0; off < x.length; off += 4096) {
            final int n = ex.feed(x, off, Math.min(4096, x.length - off));
            for (int i = 0; i < n; i++) {
                final float[] m = ex.frame(i);
                final float[] c = new float[COEFFICIENTS];
                for (int k = 0; k < COEFFICIENTS; k++) {
                    double s = 0;
                    for (int j = 0; j < b; j++) {
                        s += Math.max(-100f, m[j]) * Math.cos(Math.PI * k * (j + 0.5) / b);
                    }
                    c[k] = (float)s;
                }
                frames.add(c);
            }
        }
        return frames.toArray(new float[0][]);
    }

    static float[] mean(final float[][] frames, final int from, final int to) {
        final float[] m = new float[COEFFICIENTS];
        for (int t = from; t < to; t++) {
            for (int k = 0; k < COEFFICIENTS; k++) {
                m[k] += frames[t][k] / Math.max(1, to - from);
            }
        }
        return m;
    }

    /** A standardised logistic regression. */
    static final class Model {
        final float[] mean = new float[COEFFICIENTS];
        final float[] scale = new float[COEFFICIENTS];
        final ClassifierModel.Layer layer;

        Model(final List<float[]> xs, final List<Integer> ys, final int classes) {
            for (final float[] x : xs) {
                for (int k = 0; k < COEFFICIENTS; k++) {
                    mean[k] += x[k] / xs.size();
                }
            }
            for (final float[] x : xs) {
                for (int k = 0; k < COEFFICIENTS; k++) {
                    scale[k] += (x[k] - mean[k]) * (x[k] - mean[k]) / xs.size();
                }
            }
            for (int k = 0; k < COEFFICIENTS; k++) {
                scale[k] = (float)(1 / Math.sqrt(scale[k] + 1e-6));
            }
            final float[][] x = new float[xs.size()][];
            final int[] y = new int[xs.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = norm(xs.get(i));
                y[i] = ys.get(i);
            }
            layer = MlpTrainer.train(x, y, classes, new MlpTrainer.Settings(new int[0], 200, 32, 1e-2, 1e-3, 0),
                new SplittableRandom(1)).get(0);
        }

        float[] norm(final float[] v) {
            final float[] n = new float[COEFFICIENTS];
            for (int k = 0; k < COEFFICIENTS; k++) {
                n[k] = (v[k] - mean[k]) * scale[k];
            }
            return n;
        }

        float[] predict(final float[] v) {
            final float[] x = norm(v);
            final float[] p = new float[layer.out()];
            double max = -Double.MAX_VALUE;
            for (int o = 0; o < layer.out(); o++) {
                double s = layer.bias()[o];
                for (int i = 0; i < COEFFICIENTS; i++) {
                    s += layer.weights()[o * COEFFICIENTS + i] * x[i];
                }
                p[o] = (float)s;
                max = Math.max(max, s);
            }
            double sum = 0;
            for (int o = 0; o < p.length; o++) {
                p[o] = (float)Math.exp(p[o] - max);
                sum += p[o];
            }
            for (int o = 0; o < p.length; o++) {
                p[o] /= (float)sum;
            }
            return p;
        }
    }

    private static List<Integer> realClips(final ClipTrainer t) {
        final List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < t.clips().size(); i++) {
            if (!t.clips().get(i).label().equals(ClipTrainer.NOISE_LABEL)) {
                idx.add(i);
            }
        }
        return idx;
    }

    static ClipReport crossValidate(final ClipTrainer t, final int folds, final long seed) {
        final int[] fold = t.folds(folds, seed);
        final List<Integer> idx = realClips(t);
        final float[][] features = new float[t.clips().size()][];
        idx.parallelStream().forEach(i -> {
            final float[][] f = mfccFrames(t.audio(i));
            features[i] = mean(f, 0, f.length);
        });
        final ClipReport total = new ClipReport(t.classes());
        for (int k = 0; k < folds; k++) {
            final List<float[]> xs = new ArrayList<>();
            final List<Integer> ys = new ArrayList<>();
            for (final int i : idx) {
                if (fold[i] != k) {
                    xs.add(features[i]);
                    ys.add(t.classOf(i));
                }
            }
            final Model m = new Model(xs, ys, t.classes().size());
            for (final int i : idx) {
                if (fold[i] == k) {
                    total.add(t.classOf(i), OfflineClassifier.argmax(m.predict(features[i])));
                }
            }
        }
        return total;
    }

    static void scoreScenes(final ClipTrainer t, final Path dir, final PrintStream out) throws Exception {
        final List<Integer> idx = realClips(t);
        final List<float[]> xs = new ArrayList<>();
        final List<Integer> ys = new ArrayList<>();
        for (final int i : idx) {
            final float[][] f = mfccFrames(t.audio(i));
            xs.add(mean(f, 0, f.length));
            ys.add(t.classOf(i));
        }
        final Model m = new Model(xs, ys, t.classes().size());
        final SceneScore score = new SceneScore(0.25, 1.0);
        final Map<String, Integer> falseAlarms = new TreeMap<>();
        double hours = 0;
        for (final Path file : EventEval.sceneFiles(dir)) {
            final String name = file.getFileName().toString().replace(".flac", "");
            final float[] x = ClipLoader.decode(file, 16_000);
            final float[][] f = mfccFrames(x);
            final List<SceneScore.Event> est = new ArrayList<>();
            String current = null;
            double onset = 0;
            for (int t0 = 0; t0 + 100 <= f.length; t0 += 25) {
                final float[] p = m.predict(mean(f, t0, t0 + 100));
                final int c = OfflineClassifier.argmax(p);
                final String label = t.classes().get(c);
                final boolean event = p[c] >= 0.5f && !EventEval.BACKGROUND.contains(label);
                final String now = event ? label : null;
                if (current != null && !current.equals(now)) {
                    est.add(new SceneScore.Event(onset, (t0 + 75) / 100.0, current));
                    current = null;
                }
                if (now != null && current == null) {
                    current = now;
                    onset = t0 / 100.0;
                }
            }
            if (current != null) {
                est.add(new SceneScore.Event(onset, f.length / 100.0, current));
            }
            if (name.startsWith("background")) {
                hours += x.length / 16_000.0 / 3600;
                est.forEach(e -> falseAlarms.merge(e.label(), 1, Integer::sum));
                continue;
            }
            score.add(EventEval.reference(dir.resolve(name + ".events.tsv")), est, x.length / 16_000.0);
        }
        final int fa = falseAlarms.values().stream().mapToInt(Integer::intValue).sum();
        out.println();
        out.println("== baseline on scenes (1 s MFCC-mean windows every 250 ms) ==");
        out.printf(Locale.ROOT,
            "  event F1 overall %.3f, cough %.3f; segment F1 overall %.3f; false alarms %.1f per hour%n",
            SceneScore.total(score.eventCounts()).f1(),
            score.eventCounts().containsKey("cough") ? score.eventCounts().get("cough").f1() : 0.0,
            SceneScore.total(score.segmentCounts()).f1(), fa / hours);
    }
}
