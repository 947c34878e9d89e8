package org.earshot.bench.accuracy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.earshot.app.train.ClipLoader;
import org.earshot.app.train.LabelsCsv;
import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.FeatureSettings;
import org.earshot.detectors.classify.train.ClipReport;
import org.earshot.detectors.classify.train.Channel;
import org.earshot.detectors.classify.train.ClipTrainer;
import org.earshot.detectors.classify.train.OfflineClassifier;
import org.earshot.detectors.classify.train.LabelledClip;
import org.earshot.detectors.classify.train.MlpTrainer;
import org.earshot.detectors.decide.RoomMonitor;
import org.earshot.detectors.decide.SoundEvents;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.Engine;
import org.earshot.engine.runtime.EventSink;

/**
 * The sound-event evaluation on {@code ../shared/eval/events}:
 * <ol>
 *   <li>clip classification, k-fold cross-validation (grouped, stratified) of the trainer with the shipped
 *       settings: accuracy, per-class F1, cough F1;</li>
 *   <li>the tutorial baseline on the same folds: the mean of 40 MFCCs per clip and logistic regression;</li>
 *   <li>streaming detection on the scenes with the room-monitor graph (through the engine, offline):
 *       event-based F1 (onset collar 250 ms) and segment-based F1 (1 s) per class and overall, the
 *       decision delay, impact recall on door slams, knocks and dropped keys, and false alarms per hour
 *       (every alert label) on the event-free backgrounds; the baseline's sliding-window version too. Also how
 *       many annotated onsets are not audible within the collar ({@link AudibleOnset}), the ceiling they set, and
 *       the event scores against the audible onsets (each reference's onset moved to its first audible frame).</li>
 * </ol>
 *
 * <pre>
 * java -jar bench/target/earshot-bench.jar events [--set ../shared/eval] [--model MODEL] [--negatives CSV]...
 *     [--folds 5] [--skip-cv] [--skip-scenes] [--scene-holdout] [--sensitivity 0.5] [--cache DIR] [--detail]
 *     [--hidden 128] [--members 1] [--channel telephone|cheap-mic|narrowband-8k|reverb] [--gain-db DB]
 *     [--seed 1] [--windows-per-copy 1] [--hard-negatives 0] [--impulsive-noise 0] [--isolate 0.3]
 *     [--leave-out BACKGROUND] [--save-model FILE] [--alerts LABEL,...]
 * </pre>
 *
 * {@code --seed} and {@code --windows-per-copy} set the trainer's seed and windows per augmented copy as
 * {@code earshot train} does, for the cross-validation and the {@code --scene-holdout} model (default: seed 1 and
 * the shipped recipe); {@code --impulsive-noise N} adds N generated impulsive textures to the class {@code noise}
 * as {@code earshot train --impulsive-noise N} does (default 0, the shipped recipe); {@code --isolate SHARE} makes that
 * share of the event clips' augmented copies from the sound alone, as {@code earshot train --isolate} does (default
 * 0.3, the shipped recipe since session 17). {@code --save-model} writes the
 * {@code --scene-holdout} or {@code --leave-out} model, to score it again (another sensitivity or channel) without
 * training it again.
 *
 * {@code --channel} plays every scene (backgrounds too) through a fixed microphone, line or room colouring
 * ({@link Channel}) before detection: how the room monitor holds up on a channel it did not hear. {@code --gain-db}
 * scales every scene (after the channel) by that gain, clipping at full scale: a quieter room or a farther
 * microphone, or a hotter input. {@code --alerts LABEL,...} writes only those labels' events, as {@code earshot live
 * --alerts} does (every label is still decided): the false alarms of a monitor set for those alerts.
 *
 * {@code --hidden} sets the MLP's hidden layer widths, comma-separated ({@code 256,64}), or {@code none} for
 * softmax regression on the same features, and {@code --members} trains that many networks and averages their
 * logits (an ensemble): the model-family comparison of the README.
 *
 * {@code --detail} lists every scene's annotated events and detections side by side, for diagnosis. Impact
 * detections in the event scenes are also counted by what they overlap (a door slam, knock or dropped keys;
 * another annotated event; nothing): the event scores leave them out, but each is an alert.
 *
 * {@code --scene-holdout} trains a model on every clip not used in any scene and scores the scenes with it
 * (the scenes are built from the development clips, so the shipped model has heard their events).
 * {@code --leave-out BACKGROUND} trains without any clip of one background class (fire_crackling, clock_tick...)
 * and scores the scenes with it: how the room monitor does in a room whose background it never heard (the
 * event-free backgrounds and scene beds are made of those clips). {@code --hard-negatives N} trains as
 * {@code earshot train --hard-negatives N} does, for the cross-validation and these models.
 */
public final class EventEval {
    /**
     * The background classes of the built-in model's recorded training command ({@code --background}, see the
     * classify README): keep the two in step, or the hold-out no longer trains as the shipped model was trained.
     */
    static final List<String> BACKGROUND = List.of("rain", "sea_waves", "clock_tick", "fire_crackling", "helicopter",
        "chainsaw");
    static final Set<String> IMPACTS = Set.of("doorslam", "knock", "keysDrop");
    /** Where decoded clips are kept between runs ({@link #load}) unless {@code --cache} names another folder. */
    static final Path DEFAULT_CACHE = Path.of(System.getProperty("java.io.tmpdir"), "earshot-eval-cache");

    private EventEval() {
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
        Path set = Path.of("../shared/eval");
        Path modelPath = null;
        Path cache = DEFAULT_CACHE;
        final List<Path> negatives = new ArrayList<>();
        int folds = 5;
        boolean cv = true;
        boolean scenes = true;
        boolean sceneHoldout = false;
        boolean detail = false;
        double sensitivity = 0.5;
        int windowsPerClass = 800;
        MlpTrainer.Settings mlp = MlpTrainer.Settings.defaults();
        Channel channel = Channel.CLEAN;
        double gainDb = 0;
        long seed = 1;
        int windowsPerCopy = 1;
        int impulsiveNoise = 0;
        double isolate = ClipTrainer.ISOLATE;
        Path saveModel = null;
        int hardNegatives = 0;
        String leaveOut = null;
        List<String> alerts = List.of();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--set" -> set = Path.of(args[++i]);
                case "--model" -> modelPath = Path.of(args[++i]);
                case "--negatives" -> negatives.add(Path.of(args[++i]));
                case "--folds" -> folds = Integer.parseInt(args[++i]);
                case "--skip-cv" -> cv = false;
                case "--skip-scenes" -> scenes = false;
                case "--scene-holdout" -> sceneHoldout = true;
                case "--detail" -> detail = true;
                case "--sensitivity" -> sensitivity = Double.parseDouble(args[++i]);
                case "--windows-per-class" -> windowsPerClass = Integer.parseInt(args[++i]);
                case "--cache" -> cache = Path.of(args[++i]);
                case "--hidden" -> mlp = withHidden(mlp, args[++i]);
                case "--members" -> mlp = mlp.withMembers(Integer.parseInt(args[++i]));
                case "--channel" -> channel = Channel.named(args[++i]);
                case "--gain-db" -> gainDb = Double.parseDouble(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--windows-per-copy" -> windowsPerCopy = Integer.parseInt(args[++i]);
                case "--impulsive-noise" -> impulsiveNoise = Integer.parseInt(args[++i]);
                case "--save-model" -> saveModel = Path.of(args[++i]);
                case "--hard-negatives" -> hardNegatives = Integer.parseInt(args[++i]);
                case "--leave-out" -> leaveOut = args[++i];
                case "--isolate" -> isolate = Double.parseDouble(args[++i]);
                case "--alerts" -> alerts = List.of(args[++i].split(","));
                default -> {
                    System.err.println("events: unknown argument " + args[i]);
                    return 2;
                }
            }
        }
        if (leaveOut != null && !BACKGROUND.contains(leaveOut)) {
            throw new IllegalArgumentException("--leave-out: '" + leaveOut + "' is not a background class: one of "
                + String.join(", ", BACKGROUND));
        }
        final PrintStream out = System.out;
        final FeatureSettings fs = FeatureSettings.defaults();
        final Path clipsDir = set.resolve("events/clips");
        final List<LabelsCsv.Entry> entries = new ArrayList<>(LabelsCsv.read(clipsDir, clipsDir.resolve("labels.csv")));
        for (final Path n : negatives) {
            entries.addAll(LabelsCsv.read(clipsDir, n));
        }
        final long t0 = System.nanoTime();
        final List<LabelledClip> clips = load(entries, fs.sampleRateHz(), cache);
        out.printf(Locale.ROOT, "events: %d clips decoded in %.0f s%n", clips.size(), (System.nanoTime() - t0) / 1e9);
        final String left = leaveOut;
        final ClipTrainer.Options options = new ClipTrainer.Options(fs, BACKGROUND.stream()
            .filter(b -> !b.equals(left)).collect(java.util.stream.Collectors.toSet()),
            mlp, windowsPerClass, windowsPerCopy, 64, seed, impulsiveNoise, isolate);
        if (cv) {
            final ClipTrainer trainer = new ClipTrainer(clips, options, line -> out.println("  " + line));
            final BitSet all = new BitSet();
            all.set(0, trainer.clips().size());
            final ClipTrainer.Dataset data = trainer.buildDataset(all);
            final ClipReport report = trainer.crossValidate(folds, data, hardNegatives);
            out.println();
            out.println("== clip classification, " + folds
                + "-fold CV (grouped, stratified), MLP on pooled log-mel ==");
            out.print(report.format());
            out.printf(Locale.ROOT, "cough F1 %.3f%n", report.f1("cough"));
            final ClipReport baseline = MfccBaseline.crossValidate(trainer, folds, 1);
            out.println();
            out.println("== baseline: mean of 40 MFCCs per clip + logistic regression, same folds ==");
            out.print(baseline.format());
            out.printf(Locale.ROOT, "baseline cough F1 %.3f%n", baseline.f1("cough"));
        }
        if (scenes) {
            ClassifierModel model = modelPath == null ? ClassifierModel.builtIn() : ClassifierModel.read(modelPath);
            String which = modelPath == null ? "built-in model" : modelPath.toString();
            if (sceneHoldout || leaveOut != null) {
                final Set<String> used = sceneHoldout ? sceneClips(set) : Set.of();
                final Path root = set.toAbsolutePath().normalize();
                final List<LabelledClip> rest = clips.stream().filter(c -> !used.contains(
                    root.relativize(Path.of(c.id()).toAbsolutePath().normalize()).toString())
                    && !c.label().equals(left)).toList();
                final String without = (sceneHoldout ? "the scenes' clips" : "")
                    + (sceneHoldout && leaveOut != null ? " or " : "")
                    + (leaveOut == null ? "" : "any " + leaveOut + " clip");
                out.printf("events: training without %s: %d clips (%d held out)%n", without, rest.size(),
                    clips.size() - rest.size());
                if (negatives.isEmpty()) {
                    out.println("events: scene hold-out without the generated speech negatives the built-in model is "
                        + "trained with (add --negatives /tmp/earshot-negatives/labels.csv, made by the classify "
                        + "README's make-negatives.sh, to train as it was)");
                }
                final ClipTrainer t = new ClipTrainer(rest, options, line -> out.println("  " + line));
                final BitSet all = new BitSet();
                all.set(0, t.clips().size());
                model = t.fit(t.buildDataset(all), all, hardNegatives, sceneHoldout ? "scene hold-out" : "leave-out");
                if (saveModel != null) {
                    model.write(saveModel);
                    out.println("events: model written to " + saveModel);
                }
                which = "model trained without " + without;
            }
            scoreScenes(set.resolve("events/scenes"), model, which, sensitivity, channel, gainDb, detail, alerts, out);
            final ClipTrainer bt = new ClipTrainer(clips, options, line -> { });
            MfccBaseline.scoreScenes(bt, set.resolve("events/scenes"), out);
        }
        return 0;
    }

    /** Decodes clips, keeping raw float copies in a cache folder keyed by path, size and time. */
    static List<LabelledClip> load(final List<LabelsCsv.Entry> entries, final int rateHz, final Path cache)
        throws IOException {
        Files.createDirectories(cache);
        final List<LabelledClip> out = new ArrayList<>();
        final List<LabelsCsv.Entry> missing = new ArrayList<>();
        for (final LabelsCsv.Entry e : entries) {
            if (!Files.exists(cacheFile(cache, e.file(), rateHz))) {
                missing.add(e);
            }
        }
        for (final LabelledClip c : ClipLoader.load(missing, rateHz)) {
            final ByteBuffer b = ByteBuffer.allocate(c.samples().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(c.samples());
            Files.write(cacheFile(cache, Path.of(c.id()), rateHz), b.array());
        }
        for (final LabelsCsv.Entry e : entries) {
            final byte[] raw = Files.readAllBytes(cacheFile(cache, e.file(), rateHz));
            final float[] x = new float[raw.length / 4];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(x);
            if (x.length > 0) {
                out.add(new LabelledClip(e.file().toString(), e.group(), e.label(), x, rateHz));
            }
        }
        return out;
    }

    private static MlpTrainer.Settings withHidden(final MlpTrainer.Settings s, final String widths) {
        final int[] hidden = widths.equals("none") ? new int[0]
            : java.util.Arrays.stream(widths.split(",")).mapToInt(Integer::parseInt).toArray();
        return s.withHidden(hidden);
    }

    private static Path cacheFile(final Path cache, final Path file, final int rateHz) throws IOException {
        final String key = file.toAbsolutePath().normalize() + "|" + Files.size(file) + "|"
            + Files.getLastModifiedTime(file).toMillis() + "|" + rateHz;
        return cache.resolve(Integer.toHexString(key.hashCode()) + "-" + file.getFileName() + ".f32");
    }

    private static Set<String> sceneClips(final Path set) throws IOException {
        final Set<String> used = new HashSet<>();
        for (final String line : Files.readAllLines(set.resolve("events/scenes/events_detail.tsv"))) {
            final String[] f = line.split("\t");
            if (f.length >= 6 && !f[0].equals("scene")) {
                used.add(f[5]);
            }
        }
        return used;
    }

    static List<SceneScore.Event> reference(final Path tsv) throws IOException {
        final List<SceneScore.Event> ref = new ArrayList<>();
        for (final String line : Files.readAllLines(tsv)) {
            if (line.isBlank()) {
                continue;
            }
            final String[] f = line.split("\t");
            ref.add(new SceneScore.Event(Double.parseDouble(f[0]), Double.parseDouble(f[1]), f[2]));
        }
        return ref;
    }

    static List<Path> sceneFiles(final Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".flac")).sorted().toList();
        }
    }

    /** Detected events with their decision delay (emit frame minus end frame), in seconds. */
    record Detection(SceneScore.Event event, double confidence, double delayS) {
    }

    static List<Detection> detect(final ClassifierModel model, final float[] x, final double sensitivity)
        throws Exception {
        return detect(model, x, sensitivity, List.of());
    }

    /** As {@link #detect(ClassifierModel, float[], double)}, writing only the {@code alerts} (empty: every label). */
    static List<Detection> detect(final ClassifierModel model, final float[] x, final double sensitivity,
        final List<String> alerts) throws Exception {
        final GraphBuilder b = new GraphBuilder();
        RoomMonitor.addTo(b, new RoomMonitor.Settings(model, List.of(), sensitivity, true, alerts),
            SoundEvents.type(RoomMonitor.labelTable(model)));
        final RenderPlan plan = b.build(GraphConfig.of("scene", 16_000, 160, EventMode.OFFLINE).withRingSlots(1024));
        final List<Detection> found = Collections.synchronizedList(new ArrayList<>());
        final EventSink sink = (e, g) -> {
            if (e.type().name().equals("event")) {
                final double end = e.value(SoundEvents.END) / g.sampleRateHz();
                found.add(new Detection(new SceneScore.Event(e.value(SoundEvents.START) / g.sampleRateHz(), end,
                    e.type().labels().get((int)e.value(SoundEvents.LABEL))), e.value(SoundEvents.CONFIDENCE),
                    e.emitFrame() / (double)g.sampleRateHz() - end));
            }
        };
        try (Engine engine = new Engine(Engine.Settings.defaults(List.of(sink)))) {
            engine.addGraph(plan, new MemorySource(x, 16_000));
            engine.start();
            if (!engine.awaitCompletion(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("scene did not finish");
            }
        }
        return found;
    }

    private static void scoreScenes(final Path dir, final ClassifierModel model, final String which,
        final double sensitivity, final Channel channel, final double gainDb, final boolean detail,
        final List<String> alerts, final PrintStream out)
        throws Exception {
        final SceneScore score = new SceneScore(0.25, 1.0);
        final SceneScore audibleScore = new SceneScore(0.25, 1.0);
        final Map<String, Integer> falseAlarms = new TreeMap<>();
        final Map<String, Integer> falseAlarmsByBed = new TreeMap<>();
        final Map<String, double[]> backgroundMass = new TreeMap<>();
        double backgroundHours = 0;
        int impactsFound = 0;
        int impactsOverlap = 0;
        int impacts = 0;
        final int[] impactWhere = new int[3];
        final List<Double> delays = new ArrayList<>();
        final Map<String, int[]> inaudible = new TreeMap<>();
        for (final Path file : sceneFiles(dir)) {
            final String name = file.getFileName().toString().replace(".flac", "");
            final float[] x = channel.apply(ClipLoader.decode(file, 16_000), 16_000);
            final float gain = (float)Math.pow(10, gainDb / 20);
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.max(-1f, Math.min(1f, x[i] * gain));
            }
            final List<Detection> found = detect(model, x, sensitivity, alerts);
            found.forEach(d -> delays.add(d.delayS()));
            if (detail) {
                printDetail(dir, name, found, out);
            }
            if (name.startsWith("background")) {
                backgroundHours += x.length / 16_000.0 / 3600;
                found.forEach(d -> falseAlarms.merge(d.event().label(), 1, Integer::sum));
                falseAlarmsByBed.put(name, found.size());
                final double[] mass = new double[2];
                final int hops = OfflineClassifier.forEachHop(model, x, 1, (t, v, p) -> {
                    final float m = OfflineClassifier.eventMass(model, p);
                    mass[0] += m;
                    mass[1] += m >= OfflineClassifier.TAKEN_FOR_EVENT ? 1 : 0;
                });
                backgroundMass.put(name, new double[] {mass[0] / hops, mass[1] / hops});
                continue;
            }
            final List<SceneScore.Event> ref = reference(dir.resolve(name + ".events.tsv"));
            final List<SceneScore.Event> est = found.stream().map(Detection::event)
                .filter(e -> !e.label().equals(SoundEvents.IMPACT)).toList();
            score.add(ref, est, x.length / 16_000.0);
            final List<SceneScore.Event> audibleRef = new ArrayList<>();
            for (final SceneScore.Event r : ref) {
                final int[] c = inaudible.computeIfAbsent(r.label(), k -> new int[2]);
                c[0]++;
                final double delay = AudibleOnset.delayS(x, 16_000, r.onset(), r.offset());
                if (delay > score.collarS()) {
                    c[1]++;
                }
                audibleRef.add(Double.isFinite(delay)
                    ? new SceneScore.Event(r.onset() + delay, r.offset(), r.label()) : r);
            }
            audibleScore.add(audibleRef, est, x.length / 16_000.0);
            for (final Detection d : found) {
                if (d.event().label().equals(SoundEvents.IMPACT)) {
                    final SceneScore.Event e = d.event();
                    final List<SceneScore.Event> over = ref.stream().filter(r -> e.onset() < r.offset() + 0.25
                        && e.offset() > r.onset() - 0.25).toList();
                    final boolean onImpact = over.stream().anyMatch(r -> IMPACTS.contains(r.label()));
                    impactWhere[over.isEmpty() ? 2 : onImpact ? 0 : 1]++;
                }
            }
            for (final SceneScore.Event r : ref) {
                if (!IMPACTS.contains(r.label())) {
                    continue;
                }
                impacts++;
                if (found.stream().anyMatch(d -> d.event().label().equals(SoundEvents.IMPACT)
                    && Math.abs(d.event().onset() - r.onset()) <= 0.25)) {
                    impactsFound++;
                }
                if (found.stream().anyMatch(d -> d.event().label().equals(SoundEvents.IMPACT)
                    && d.event().onset() < r.offset() + 0.25 && d.event().offset() > r.onset() - 0.25)) {
                    impactsOverlap++;
                }
            }
        }
        out.println();
        out.println("== streaming detection on scenes (" + which + ", sensitivity " + sensitivity
            + (alerts.isEmpty() ? "" : ", alerts " + String.join(",", alerts))
            + (channel == Channel.CLEAN ? "" : ", every scene through " + channel) + ") ==");
        out.println("event-based (onset collar 250 ms)   tp   fp   fn");
        for (final Map.Entry<String, SceneScore.Counts> e : score.eventCounts().entrySet()) {
            out.printf(Locale.ROOT, "  %-16s %s%n", e.getKey(), e.getValue());
        }
        out.printf(Locale.ROOT, "  %-16s %s%n", "OVERALL", SceneScore.total(score.eventCounts()));
        final int refs = inaudible.values().stream().mapToInt(c -> c[0]).sum();
        final int late = inaudible.values().stream().mapToInt(c -> c[1]).sum();
        final int[] cough = inaudible.getOrDefault("cough", new int[2]);
        out.printf(Locale.ROOT, "  annotated onsets not heard within the collar (the scene rises %.0f dB above its %.0f s "
            + "before the onset only later): %d of %d (cough %d of %d)%n", AudibleOnset.RISE_DB, AudibleOnset.BED_S,
            late, refs, cough[1], cough[0]);
        out.printf(Locale.ROOT, "  event-F1 ceiling of a detector that finds every event where it becomes audible: "
            + "overall %.3f, cough %.3f%n", refs == 0 ? 0 : (double)(refs - late) / refs,
            cough[0] == 0 ? 0 : (double)(cough[0] - cough[1]) / cough[0]);
        final SceneScore.Counts audibleAll = SceneScore.total(audibleScore.eventCounts());
        final SceneScore.Counts audibleCough = audibleScore.eventCounts().get("cough");
        out.printf(Locale.ROOT, "  the same detections scored against where each annotated event becomes audible "
            + "(onset moved there; an inaudible event keeps its onset): overall %s; cough %s%n", audibleAll,
            audibleCough == null ? "-" : audibleCough.toString());
        out.println("segment-based (1 s)");
        for (final Map.Entry<String, SceneScore.Counts> e : score.segmentCounts().entrySet()) {
            out.printf(Locale.ROOT, "  %-16s %s%n", e.getKey(), e.getValue());
        }
        out.printf(Locale.ROOT, "  %-16s %s%n", "OVERALL", SceneScore.total(score.segmentCounts()));
        Collections.sort(delays);
        out.printf(Locale.ROOT, "decision delay after the event's end: median %.2f s, p95 %.2f s%n",
            delays.isEmpty() ? 0 : delays.get(delays.size() / 2),
            delays.isEmpty() ? 0 : delays.get((int)(delays.size() * 0.95)));
        out.printf(Locale.ROOT, "impact recall (door slams, knocks, dropped keys): %d/%d = %.3f onset within 250 ms; "
            + "%d/%d = %.3f overlapping%n", impactsFound, impacts, impacts == 0 ? 0 : (double)impactsFound / impacts,
            impactsOverlap, impacts, impacts == 0 ? 0 : (double)impactsOverlap / impacts);
        out.printf(Locale.ROOT, "impact detections in the event scenes: %d on door slams, knocks or dropped keys, "
            + "%d on other annotated events, %d on the bed alone%n", impactWhere[0], impactWhere[1], impactWhere[2]);
        final int fa = falseAlarms.values().stream().mapToInt(Integer::intValue).sum();
        out.printf(Locale.ROOT, "false alarms on event-free backgrounds (%.2f h): %d = %.1f per hour %s%n",
            backgroundHours, fa, fa / backgroundHours, falseAlarms);
        out.println("  by background: " + falseAlarmsByBed);
        out.print("  the classifier on every hop of the backgrounds (offline), event classes' summed probability: "
            + "mean");
        backgroundMass.forEach((k, v) -> out.printf(Locale.ROOT, " %s %.4f", k.replace("background_", ""), v[0]));
        out.printf(Locale.ROOT, "; share of hops at %.1f or more:", OfflineClassifier.TAKEN_FOR_EVENT);
        backgroundMass.forEach((k, v) -> out.printf(Locale.ROOT, " %s %.2f %%", k.replace("background_", ""),
            100 * v[1]));
        out.println();
    }

    /** Lists a scene's annotated events and detections side by side (for diagnosis: {@code --detail}). */
    private static void printDetail(final Path dir, final String name, final List<Detection> found,
        final PrintStream out) throws IOException {
        out.println("-- " + name);
        final List<SceneScore.Event> ref = name.startsWith("background") ? List.of()
            : reference(dir.resolve(name + ".events.tsv"));
        final List<Object[]> rows = new ArrayList<>();
        ref.forEach(r -> rows.add(new Object[] {r.onset(), String.format(Locale.ROOT, "  REF %8.3f %8.3f %s",
            r.onset(), r.offset(), r.label())}));
        found.forEach(d -> rows.add(new Object[] {d.event().onset(), String.format(Locale.ROOT,
            "      %8.3f %8.3f %-14s conf %.2f delay %.2f", d.event().onset(), d.event().offset(), d.event().label(),
            d.confidence(), d.delayS())}));
        rows.sort((a, b) -> Double.compare((Double)a[0], (Double)b[0]));
        rows.forEach(r -> out.println(r[1]));
    }
}
