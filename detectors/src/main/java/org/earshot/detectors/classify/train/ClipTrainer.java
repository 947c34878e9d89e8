package org.earshot.detectors.classify.train;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.ContextWindow;
import org.earshot.detectors.classify.FeatureSettings;
import org.earshot.detectors.classify.PooledFeatures;

/**
 * Trains an event classifier from labelled clips, in Java: resamples every clip to the analysis rate,
 * makes class-balanced augmented copies ({@link Augmenter}), cuts 1 s context windows around the loud
 * part of each copy through the very front end the live graph uses, and fits a {@link MlpTrainer} MLP.
 * Also evaluates clips (held-out reports, cross-validation).
 */
public final class ClipTrainer {
    /** Label of the generated negative class. */
    public static final String NOISE_LABEL = "noise";
    /** Share of event clips isolated from their recording in the shipped recipe ({@link Options#isolate}). */
    public static final double ISOLATE = 0.3;

    /**
     * Training options.
     *
     * @param features          front-end settings
     * @param background        labels that are backgrounds (textures), never events
     * @param mlp               network settings
     * @param windowsPerClass   augmented windows per class (class balancing)
     * @param windowsPerCopy    windows cut from each augmented copy
     * @param syntheticNoise    generated noise clips added as the background class {@value #NOISE_LABEL}
     * @param seed              random seed (the same seed and data give the same model)
     * @param impulsiveNoise    generated impulsive textures (crackle, rain ticks; {@link Noises#generateImpulsive})
     *                          added to the class {@value #NOISE_LABEL} after the other generated clips; 0 (the
     *                          default) leaves every other clip and window as it was
     * @param isolate           share of the event clips' augmented copies made from the sound alone, cut out of its
     *                          recording ({@link Augmenter}); 0 leaves every copy as it was, the shipped recipe is
     *                          {@value #ISOLATE}
     */
    public record Options(
        FeatureSettings features, Set<String> background, MlpTrainer.Settings mlp, int windowsPerClass,
        int windowsPerCopy, int syntheticNoise, long seed, int impulsiveNoise, double isolate) {

        /** Options without impulsive textures and without isolation. */
        public Options(final FeatureSettings features, final Set<String> background, final MlpTrainer.Settings mlp,
            final int windowsPerClass, final int windowsPerCopy, final int syntheticNoise, final long seed) {
            this(features, background, mlp, windowsPerClass, windowsPerCopy, syntheticNoise, seed, 0, 0.0);
        }

        /** Options without isolation. */
        public Options(final FeatureSettings features, final Set<String> background, final MlpTrainer.Settings mlp,
            final int windowsPerClass, final int windowsPerCopy, final int syntheticNoise, final long seed,
            final int impulsiveNoise) {
            this(features, background, mlp, windowsPerClass, windowsPerCopy, syntheticNoise, seed, impulsiveNoise, 0.0);
        }
        /**
         * @throws IllegalArgumentException naming a field out of range
         */
        public Options {
            if (windowsPerClass < 10 || windowsPerClass > 1_000_000) {
                throw new IllegalArgumentException("windowsPerClass must be in [10, 1000000], got " + windowsPerClass);
            }
            if (windowsPerCopy < 1 || windowsPerCopy > 100) {
                throw new IllegalArgumentException("windowsPerCopy must be in [1, 100], got " + windowsPerCopy);
            }
            if (syntheticNoise < 0 || syntheticNoise > 100_000) {
                throw new IllegalArgumentException("syntheticNoise must be in [0, 100000], got " + syntheticNoise);
            }
            if (impulsiveNoise < 0 || impulsiveNoise > 100_000) {
                throw new IllegalArgumentException("impulsiveNoise must be in [0, 100000], got " + impulsiveNoise);
            }
            if (!(isolate >= 0.0 && isolate <= 1.0)) {
                throw new IllegalArgumentException("isolate must be in [0, 1], got " + isolate);
            }
            background = Set.copyOf(background);
        }
    }

    /** Augmented feature windows with where each came from. */
    public static final class Dataset {
        final List<String> classes;
        final float[][] x;
        final int[] y;
        final int[] clip;
        final int[] noise;

        Dataset(final List<String> classes, final float[][] x, final int[] y, final int[] clip, final int[] noise) {
            this.classes = classes;
            this.x = x;
            this.y = y;
            this.clip = clip;
            this.noise = noise;
        }

        /** @return number of windows */
        public int size() {
            return x.length;
        }

        /**
         * @param i window index
         * @return its pooled features (shared: do not modify)
         */
        public float[] features(final int i) {
            return x[i];
        }

        /**
         * @param i window index
         * @return its label
         */
        public String label(final int i) {
            return classes.get(y[i]);
        }

        /**
         * @param i window index
         * @return index of the clip it was cut from
         */
        public int clip(final int i) {
            return clip[i];
        }
    }

    private final Options options;
    private final Consumer<String> log;
    private final List<LabelledClip> clips = new ArrayList<>();
    private final List<float[]> audio = new ArrayList<>();
    private final List<String> classes;
    private final boolean[] backgroundClass;

    /**
     * Resamples the clips and adds the generated noise clips.
     *
     * @param input   labelled clips at any rate
     * @param options options
     * @param log     progress lines
     */
    public ClipTrainer(final List<LabelledClip> input, final Options options, final Consumer<String> log) {
        this.options = options;
        this.log = log;
        final int rate = options.features().sampleRateHz();
        final float[][] converted = new float[input.size()][];
        IntStream.range(0, input.size()).parallel().forEach(i -> converted[i] = OfflineClassifier.resample(
            input.get(i).samples(), input.get(i).sampleRateHz(), rate));
        for (int i = 0; i < input.size(); i++) {
            clips.add(input.get(i));
            audio.add(converted[i]);
        }
        final SplittableRandom rnd = new SplittableRandom(options.seed() ^ 0x5eedL);
        for (int i = 0; i < options.syntheticNoise(); i++) {
            final float[] x = Noises.generate(i, rate * 4, rate, rnd);
            if (i % 3 == 2) {
                final float[] other = Noises.generate(i + 3, rate * 4, rate, rnd);
                for (int k = 0; k < x.length; k++) {
                    x[k] += 0.5f * other[k];
                }
            }
            clips.add(new LabelledClip("generated:" + Noises.KINDS[i % Noises.KINDS.length] + "-" + i,
                "generated-" + i, NOISE_LABEL, x, rate));
            audio.add(x);
        }
        // own random source, so that the clips above stay as they were
        final SplittableRandom impulsiveRnd = new SplittableRandom(options.seed() ^ 0xc7ac1eL);
        for (int i = 0; i < options.impulsiveNoise(); i++) {
            final float[] x = Noises.generateImpulsive(i, rate * 4, rate, impulsiveRnd);
            clips.add(new LabelledClip("generated:" + Noises.IMPULSIVE_KINDS[i % Noises.IMPULSIVE_KINDS.length]
                + "-" + i, "generated-impulsive-" + i, NOISE_LABEL, x, rate));
            audio.add(x);
        }
        final Set<String> labels = new TreeSet<>();
        for (final LabelledClip c : clips) {
            labels.add(c.label());
        }
        this.classes = List.copyOf(labels);
        this.backgroundClass = new boolean[classes.size()];
        for (int c = 0; c < classes.size(); c++) {
            backgroundClass[c] = options.background().contains(classes.get(c)) || classes.get(c).equals(NOISE_LABEL);
        }
    }

    /** @return class names in model order */
    public List<String> classes() {
        return classes;
    }

    /** @return every clip, generated ones last */
    public List<LabelledClip> clips() {
        return List.copyOf(clips);
    }

    /**
     * @param i clip index
     * @return the clip at the analysis rate
     */
    public float[] audio(final int i) {
        return audio.get(i);
    }

    /**
     * @param i clip index
     * @return its class index
     */
    public int classOf(final int i) {
        return classes.indexOf(clips.get(i).label());
    }

    /**
     * Builds class-balanced augmented windows from the clips marked in {@code use}.
     *
     * @param use clips to draw from
     * @return the windows
     */
    public Dataset buildDataset(final BitSet use) {
        final Augmenter augmenter = augmenter(use);
        final int[] perClass = new int[classes.size()];
        for (int i = use.nextSetBit(0); i >= 0; i = use.nextSetBit(i + 1)) {
            perClass[classOf(i)]++;
        }
        final int[] useList = use.stream().toArray();
        final List<List<float[]>> xs = new ArrayList<>();
        for (int k = 0; k < useList.length; k++) {
            xs.add(null);
        }
        final int[][] noiseOf = new int[useList.length][];
        IntStream.range(0, useList.length).parallel().forEach(k -> {
            final int i = useList[k];
            final int c = classOf(i);
            final int windows = (int)Math.ceil((double)options.windowsPerClass() / perClass[c]);
            final int copies = (int)Math.ceil((double)windows / options.windowsPerCopy());
            final SplittableRandom rnd = new SplittableRandom(options.seed() * 31 + clips.get(i).id().hashCode());
            final List<float[]> out = new ArrayList<>();
            final List<Integer> noises = new ArrayList<>();
            for (int copy = 0; copy < copies; copy++) {
                final Augmenter.Augmented a = augmenter.augment(audio.get(i), !backgroundClass[c], null, rnd);
                final int want = Math.min(options.windowsPerCopy(), windows - copy * options.windowsPerCopy());
                for (final float[] f : windows(a.samples(), a.clipStart(), a.clipEnd(), !backgroundClass[c], want,
                    rnd)) {
                    out.add(f);
                    noises.add(a.noiseSource());
                }
            }
            xs.set(k, out);
            noiseOf[k] = noises.stream().mapToInt(Integer::intValue).toArray();
        });
        int total = 0;
        for (final List<float[]> l : xs) {
            total += l.size();
        }
        final float[][] x = new float[total][];
        final int[] y = new int[total];
        final int[] clip = new int[total];
        final int[] noise = new int[total];
        int n = 0;
        for (int k = 0; k < useList.length; k++) {
            for (int j = 0; j < xs.get(k).size(); j++) {
                x[n] = xs.get(k).get(j);
                y[n] = classOf(useList[k]);
                clip[n] = useList[k];
                noise[n] = noiseOf[k][j];
                n++;
            }
        }
        log.accept("dataset: " + total + " windows from " + useList.length + " clips, " + classes.size() + " classes");
        return new Dataset(classes, x, y, clip, noise);
    }

    /** The augmenter for clips in {@code use}: generated noises and the real background clips in use to mix in. */
    private Augmenter augmenter(final BitSet use) {
        final int rate = options.features().sampleRateHz();
        final List<Augmenter.Noise> pool = new ArrayList<>();
        final SplittableRandom noiseRnd = new SplittableRandom(options.seed() ^ 0xa11L);
        for (int k = 0; k < 24; k++) {
            pool.add(new Augmenter.Noise(Noises.generate(k, rate * 6, rate, noiseRnd), -1));
        }
        for (int i = 0; i < clips.size(); i++) {
            if (use.get(i) && backgroundClass[classOf(i)] && !clips.get(i).label().equals(NOISE_LABEL)) {
                pool.add(new Augmenter.Noise(audio.get(i), i));
            }
        }
        return new Augmenter(rate, pool, options.isolate());
    }

    /**
     * Fits a model, then fits it again with hard negatives added ({@link #mineHardNegatives}): the background
     * windows the first model took for an event. With {@code hardNegativesPerClass} 0 this is {@link #fit}.
     *
     * @param data                  windows
     * @param use                   clips allowed
     * @param hardNegativesPerClass most mined windows per background class, 0 for none
     * @param notes                 notes to store in the model
     * @return the model
     */
    public ClassifierModel fit(final Dataset data, final BitSet use, final int hardNegativesPerClass,
        final String notes) {
        if (hardNegativesPerClass == 0) {
            return fit(data, use, notes);
        }
        final ClassifierModel first = fit(data, use, "");
        return fit(concat(data, mineHardNegatives(first, use, hardNegativesPerClass)), use, notes);
    }

    /**
     * Hard negatives: plays {@value #MINING_COPIES} augmented copies of every background clip in {@code use} through
     * {@code model} as the live classifier hears them (a 1 s context every {@value #MINING_STRIDE} hops) and keeps
     * the windows it takes for an event (the event classes' probabilities summing to at least
     * {@value OfflineClassifier#TAKEN_FOR_EVENT}), labelled with their background class: per background class at most
     * {@code perClass}, the most wrongly held first, and at most twice a fair share from any one clip, so that one
     * odd clip does not fill its class.
     *
     * @param model    a model fitted on the same clips
     * @param use      clips allowed
     * @param perClass most windows per background class
     * @return the mined windows
     */
    public Dataset mineHardNegatives(final ClassifierModel model, final BitSet use, final int perClass) {
        if (perClass < 1 || perClass > 1_000_000) {
            throw new IllegalArgumentException("perClass must be in [1, 1000000], got " + perClass);
        }
        final Augmenter augmenter = augmenter(use);
        final int[] list = use.stream().filter(i -> backgroundClass[classOf(i)]).toArray();
        final int[] clipsOfClass = new int[classes.size()];
        for (final int i : list) {
            clipsOfClass[classOf(i)]++;
        }
        final List<List<Mined>> found = new ArrayList<>(java.util.Collections.nCopies(list.length, null));
        final long[] heard = new long[list.length];
        IntStream.range(0, list.length).parallel().forEach(k -> {
            final int i = list[k];
            final SplittableRandom rnd = new SplittableRandom(options.seed() * 37 + (clips.get(i).id().hashCode()
                ^ 0x4a4dL));
            final List<Mined> mine = new ArrayList<>();
            for (int copy = 0; copy < MINING_COPIES; copy++) {
                final Augmenter.Augmented a = augmenter.augment(audio.get(i), false, null, rnd);
                final int n = OfflineClassifier.forEachHop(model, a.samples(), MINING_STRIDE, (t, v, p) -> {
                    final float event = OfflineClassifier.eventMass(model, p);
                    if (event >= OfflineClassifier.TAKEN_FOR_EVENT) {
                        mine.add(new Mined(v.clone(), i, a.noiseSource(), event));
                    }
                });
                heard[k] += n;
            }
            mine.sort((x, y) -> Float.compare(y.eventMass, x.eventMass));
            final int share = 2 * (int)Math.ceil((double)perClass / clipsOfClass[classOf(i)]);
            found.set(k, mine.subList(0, Math.min(share, mine.size())));
        });
        final List<Mined> kept = new ArrayList<>();
        for (int c = 0; c < classes.size(); c++) {
            if (!backgroundClass[c]) {
                continue;
            }
            final List<Mined> ofClass = new ArrayList<>();
            long heardOfClass = 0;
            for (int k = 0; k < list.length; k++) {
                if (classOf(list[k]) == c) {
                    ofClass.addAll(found.get(k));
                    heardOfClass += heard[k];
                }
            }
            ofClass.sort((x, y) -> Float.compare(y.eventMass, x.eventMass));
            final List<Mined> take = ofClass.subList(0, Math.min(perClass, ofClass.size()));
            kept.addAll(take);
            log.accept(String.format(java.util.Locale.ROOT, "hard negatives: %s: %d kept of %d windows taken for an "
                + "event (%d heard)", classes.get(c), take.size(), ofClass.size(), heardOfClass));
        }
        final float[][] x = new float[kept.size()][];
        final int[] y = new int[kept.size()];
        final int[] clip = new int[kept.size()];
        final int[] noise = new int[kept.size()];
        for (int n = 0; n < kept.size(); n++) {
            x[n] = kept.get(n).features;
            y[n] = classOf(kept.get(n).clip);
            clip[n] = kept.get(n).clip;
            noise[n] = kept.get(n).noise;
        }
        return new Dataset(classes, x, y, clip, noise);
    }

    /** Augmented copies of each background clip that {@link #mineHardNegatives} hears. */
    static final int MINING_COPIES = 4;
    /** Hops between the windows {@link #mineHardNegatives} classifies (50 ms). */
    static final int MINING_STRIDE = 5;
    private record Mined(float[] features, int clip, int noise, float eventMass) {
    }

    /**
     * @param a windows
     * @param b more windows of the same classes
     * @return both, {@code a}'s first
     */
    static Dataset concat(final Dataset a, final Dataset b) {
        final int n = a.size() + b.size();
        final float[][] x = java.util.Arrays.copyOf(a.x, n);
        final int[] y = java.util.Arrays.copyOf(a.y, n);
        final int[] clip = java.util.Arrays.copyOf(a.clip, n);
        final int[] noise = java.util.Arrays.copyOf(a.noise, n);
        System.arraycopy(b.x, 0, x, a.size(), b.size());
        System.arraycopy(b.y, 0, y, a.size(), b.size());
        System.arraycopy(b.clip, 0, clip, a.size(), b.size());
        System.arraycopy(b.noise, 0, noise, a.size(), b.size());
        return new Dataset(a.classes, x, y, clip, noise);
    }

    /**
     * Cuts pooled-feature windows from an augmented clip: for event classes, windows that hold a frame
     * within 6 dB of the clip's loudest; for backgrounds, anywhere.
     */
    private List<float[]> windows(final float[] x, final int clipStart, final int clipEnd, final boolean event,
        final int want, final SplittableRandom rnd) {
        final FeatureSettings fs = options.features();
        final OfflineClassifier.Frames f = OfflineClassifier.frames(fs, x);
        final int hop = fs.hop();
        final int first = Math.max(0, clipStart / hop - 2);
        final int last = Math.min(f.count - 1, clipEnd / hop + 2);
        final List<Integer> candidates = new ArrayList<>();
        if (event) {
            OfflineClassifier.loudHops(f, first, last, fs.contextFrames()).stream().forEach(candidates::add);
        } else {
            for (int t = Math.min(fs.contextFrames() / 2, f.count - 1); t < f.count; t++) {
                candidates.add(t);
            }
        }
        final List<float[]> out = new ArrayList<>();
        if (candidates.isEmpty()) {
            return out;
        }
        final ContextWindow window = new ContextWindow(fs);
        final PooledFeatures pooled = new PooledFeatures(fs.bands());
        for (int k = 0; k < want; k++) {
            final int t = candidates.get(rnd.nextInt(candidates.size()));
            window.clear();
            for (int s = Math.max(0, t - fs.contextFrames() + 1); s <= t; s++) {
                window.push(f.bands[s], f.energy[s]);
            }
            final float[] v = new float[pooled.dimension()];
            pooled.compute(window, v);
            out.add(v);
        }
        return out;
    }

    /**
     * Fits the standardisation and the network on the windows whose clip is in {@code use} and whose
     * mixed-in noise does not come from a clip outside it.
     *
     * @param data  windows
     * @param use   clips allowed
     * @param notes notes to store in the model
     * @return the model
     */
    public ClassifierModel fit(final Dataset data, final BitSet use, final String notes) {
        final List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (use.get(data.clip[i]) && (data.noise[i] < 0 || use.get(data.noise[i]))) {
                rows.add(i);
            }
        }
        final int dim = data.x[0].length;
        final double[] mean = new double[dim];
        final double[] sq = new double[dim];
        for (final int r : rows) {
            for (int j = 0; j < dim; j++) {
                mean[j] += data.x[r][j];
                sq[j] += (double)data.x[r][j] * data.x[r][j];
            }
        }
        final float[] m = new float[dim];
        final float[] scale = new float[dim];
        for (int j = 0; j < dim; j++) {
            final double mu = mean[j] / rows.size();
            final double var = Math.max(1e-6, sq[j] / rows.size() - mu * mu);
            m[j] = (float)mu;
            scale[j] = (float)(1 / Math.sqrt(var));
        }
        final float[][] x = new float[rows.size()][dim];
        final int[] y = new int[rows.size()];
        for (int k = 0; k < rows.size(); k++) {
            final float[] src = data.x[rows.get(k)];
            for (int j = 0; j < dim; j++) {
                x[k][j] = (src[j] - m[j]) * scale[j];
            }
            y[k] = data.y[rows.get(k)];
        }
        final long t0 = System.nanoTime();
        final List<ClassifierModel.Layer> layers = MlpTrainer.train(x, y, classes.size(), options.mlp(),
            new SplittableRandom(options.seed()));
        log.accept(String.format("trained on %d windows in %.1f s", rows.size(), (System.nanoTime() - t0) / 1e9));
        return new ClassifierModel(options.features(), classes, backgroundClass, m, scale, layers, notes);
    }

    /**
     * Evaluates a model on clips.
     *
     * @param model model
     * @param test  clip indices
     * @return the report
     */
    public ClipReport evaluate(final ClassifierModel model, final BitSet test) {
        final ClipReport report = new ClipReport(classes);
        final int[] list = test.stream().toArray();
        final int[] predicted = new int[list.length];
        final int noise = classes.indexOf(NOISE_LABEL);
        IntStream.range(0, list.length).parallel().forEach(k -> {
            final float[] p = OfflineClassifier.predictClip(model, audio.get(list[k]));
            if (noise >= 0) {
                p[noise] = -1f; // the generated class is not one of the clips' labels
            }
            predicted[k] = OfflineClassifier.argmax(p);
        });
        for (int k = 0; k < list.length; k++) {
            report.add(classOf(list[k]), predicted[k]);
        }
        return report;
    }

    /**
     * Assigns clips to folds, stratified by label and keeping each group in one fold.
     *
     * @param folds number of folds
     * @param seed  random seed
     * @return fold per clip
     */
    public int[] folds(final int folds, final long seed) {
        final Map<String, List<String>> groupsByLabel = new HashMap<>();
        for (final LabelledClip c : clips) {
            final List<String> g = groupsByLabel.computeIfAbsent(c.label(), k -> new ArrayList<>());
            if (!g.contains(c.group())) {
                g.add(c.group());
            }
        }
        final Map<String, Integer> foldOfGroup = new HashMap<>();
        final SplittableRandom rnd = new SplittableRandom(seed);
        int offset = 0;
        for (final String label : new TreeSet<>(groupsByLabel.keySet())) {
            final List<String> g = groupsByLabel.get(label);
            for (int i = g.size() - 1; i > 0; i--) {
                final int j = rnd.nextInt(i + 1);
                final String t = g.get(i);
                g.set(i, g.get(j));
                g.set(j, t);
            }
            for (int i = 0; i < g.size(); i++) {
                foldOfGroup.putIfAbsent(g.get(i), (i + offset) % folds);
            }
            offset += g.size();
        }
        final int[] fold = new int[clips.size()];
        for (int i = 0; i < clips.size(); i++) {
            fold[i] = foldOfGroup.get(clips.get(i).group());
        }
        return fold;
    }

    /**
     * Runs k-fold cross-validation on the real (not generated) clips; generated noise clips always train.
     *
     * @param k     folds
     * @param data  the windows of every clip
     * @return the pooled report over all folds
     */
    public ClipReport crossValidate(final int k, final Dataset data) {
        return crossValidate(k, data, 0);
    }

    /**
     * Runs k-fold cross-validation on the real (not generated) clips; generated noise clips always train.
     *
     * @param k                     folds
     * @param data                  the windows of every clip
     * @param hardNegativesPerClass as in {@link #fit(Dataset, BitSet, int, String)}, mined from each fold's
     *                              training clips only
     * @return the pooled report over all folds
     */
    public ClipReport crossValidate(final int k, final Dataset data, final int hardNegativesPerClass) {
        final int[] fold = folds(k, options.seed());
        final ClipReport total = new ClipReport(classes);
        for (int f = 0; f < k; f++) {
            final BitSet train = new BitSet();
            final BitSet test = new BitSet();
            for (int i = 0; i < clips.size(); i++) {
                if (fold[i] == f && !clips.get(i).label().equals(NOISE_LABEL)) {
                    test.set(i);
                } else {
                    train.set(i);
                }
            }
            final ClassifierModel m = fit(data, train, hardNegativesPerClass, "");
            final ClipReport r = evaluate(m, test);
            log.accept(String.format("fold %d: %d test clips, accuracy %.3f", f + 1, test.cardinality(), r.accuracy()));
            total.addAll(r);
        }
        return total;
    }


}
