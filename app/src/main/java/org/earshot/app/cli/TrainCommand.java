package org.earshot.app.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import org.earshot.app.train.ClipLoader;
import org.earshot.app.train.LabelsCsv;
import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.FeatureSettings;
import org.earshot.detectors.classify.train.ClipReport;
import org.earshot.detectors.classify.train.ClipTrainer;
import org.earshot.detectors.classify.train.LabelledClip;
import org.earshot.detectors.classify.train.MlpTrainer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code earshot train}: trains an event classifier from labelled clips in Java and writes a model file
 * for the {@code room-monitor} preset ({@code --model}).
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
        "Train a sound-event classifier from labelled clips (labels.csv: columns file,label) and write a model.",
        "Clips are augmented to sound like other rooms and microphones (gain, background noise at random SNR, "
            + "time shift, cheap-microphone and telephone band limits, resampling through 8 kHz, reverberation), "
            + "classes are balanced, a held-out part is reported (per-class precision/recall/F1, confusion "
            + "matrix), then the model is trained on every clip and written with its feature settings."
    })
final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--clips", paramLabel = "DIR", required = true,
        description = "Folder the labels' file paths are relative to (or one of its parents).")
    private Path clips;

    @Option(names = "--labels", paramLabel = "CSV", required = true,
        description = "Labels file(s), repeatable (e.g. extra negatives); paths may also be relative to the CSV.")
    private List<Path> labels = new ArrayList<>();

    @Option(names = "--out", paramLabel = "MODEL", required = true, description = "Model file to write.")
    private Path out;

    @Option(names = "--background", paramLabel = "LABEL,...", split = ",",
        description = "Labels that are background textures (absorb probability, never raised as events).")
    private List<String> background = new ArrayList<>();

    @Option(names = "--synthetic-noise", paramLabel = "N", defaultValue = "64",
        description = "Generated noise clips added as the background class 'noise'; default ${DEFAULT-VALUE}.")
    private int syntheticNoise;

    @Option(names = "--impulsive-noise", paramLabel = "N", defaultValue = "0",
        description = "Generated impulsive textures (crackle, rain ticks) added to the class 'noise', 0 to 100000; "
            + "default ${DEFAULT-VALUE} (off).")
    private int impulsiveNoise;

    @Option(names = "--isolate", paramLabel = "SHARE", defaultValue = "0.3",
        description = "Share of the event clips' augmented copies made from the sound alone, cut out of its recording "
            + "(its own room, phone line and talk dropped), 0 to 1; default ${DEFAULT-VALUE}.")
    private double isolate;

    @Option(names = "--windows-per-class", paramLabel = "N", defaultValue = "800",
        description = "Augmented 1 s windows per class (class balancing); default ${DEFAULT-VALUE}.")
    private int windowsPerClass;

    @Option(names = "--windows-per-copy", paramLabel = "N", defaultValue = "1",
        description = "Windows cut from each augmented copy of a clip (fewer: more copies, so more rooms, microphones, "
            + "noises and gains per class, and a longer dataset build; the built-in model was trained with 4 until "
            + "2026-11-23), 1 to 100; default ${DEFAULT-VALUE}.")
    private int windowsPerCopy;

    @Option(names = "--hard-negatives", paramLabel = "N", defaultValue = "0",
        description = "Train twice: the second time with up to N windows per background class that the first model "
            + "took for an event (hard negatives, mined from augmented copies of the background clips), 0 to 100000; "
            + "default ${DEFAULT-VALUE}.")
    private int hardNegatives;

    @Option(names = "--hidden", paramLabel = "N,...", split = ",", defaultValue = "128",
        description = "Hidden layer widths; empty for logistic regression; default ${DEFAULT-VALUE}.")
    private List<Integer> hidden = new ArrayList<>();

    @Option(names = "--members", paramLabel = "N", defaultValue = "1",
        description = "Networks trained from different random starts whose outputs are averaged (an ensemble, stored "
            + "as one wider network; each costs as much as one network per hop), 1 to 16; default ${DEFAULT-VALUE}.")
    private int members;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "40",
        description = "Training epochs; default ${DEFAULT-VALUE}.")
    private int epochs;

    @Option(names = "--holdout", paramLabel = "FRACTION", defaultValue = "0.2",
        description = "Fraction of clips held out for the report (grouped, stratified); 0 skips it; "
            + "default ${DEFAULT-VALUE}.")
    private double holdout;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
        description = "Random seed; default ${DEFAULT-VALUE}.")
    private long seed;

    @Override
    public Integer call() throws Exception {
        final PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(clips)) {
            throw UserError.input("--clips " + clips + ": not a directory");
        }
        if (!(holdout >= 0 && holdout < 0.9)) {
            throw UserError.input("--holdout: must be in [0, 0.9), got " + holdout);
        }
        if (epochs < 1 || epochs > 1000) {
            throw UserError.input("--epochs: must be in [1, 1000], got " + epochs);
        }
        if (members < 1 || members > 16) {
            throw UserError.input("--members: must be in [1, 16], got " + members);
        }
        if (windowsPerCopy < 1 || windowsPerCopy > 100) {
            throw UserError.input("--windows-per-copy: must be in [1, 100], got " + windowsPerCopy);
        }
        if (hardNegatives < 0 || hardNegatives > 100_000) {
            throw UserError.input("--hard-negatives: must be in [0, 100000], got " + hardNegatives);
        }
        if (impulsiveNoise < 0 || impulsiveNoise > 100_000) {
            throw UserError.input("--impulsive-noise: must be in [0, 100000], got " + impulsiveNoise);
        }
        if (!(isolate >= 0 && isolate <= 1)) {
            throw UserError.input("--isolate: must be in [0, 1], got " + isolate);
        }
        final List<LabelsCsv.Entry> entries = new ArrayList<>();
        for (final Path csv : labels) {
            entries.addAll(LabelsCsv.read(clips, csv));
        }
        final FeatureSettings fs = FeatureSettings.defaults();
        final long t0 = System.nanoTime();
        final List<LabelledClip> loaded = ClipLoader.load(entries, fs.sampleRateHz());
        final Set<String> seen = new LinkedHashSet<>();
        loaded.forEach(c -> seen.add(c.label()));
        for (final String b : background) {
            if (!seen.contains(b)) {
                throw UserError.input("--background: label '" + b + "' is in no labels file (labels: " + seen + ")");
            }
        }
        err.printf(Locale.ROOT, "earshot: train: %d clips, %d labels, decoded in %.1f s%n", loaded.size(), seen.size(),
            (System.nanoTime() - t0) / 1e9);
        err.flush();
        final ClipTrainer.Options options = new ClipTrainer.Options(fs, Set.copyOf(background),
            new MlpTrainer.Settings(hidden.stream().mapToInt(Integer::intValue).toArray(), epochs, 64, 1e-3, 1e-4, 0.3,
                members),
            windowsPerClass, windowsPerCopy, syntheticNoise, seed, impulsiveNoise, isolate);
        final ClipTrainer trainer = new ClipTrainer(loaded, options, line -> {
            err.println("earshot: train: " + line);
            err.flush();
        });
        final BitSet all = new BitSet();
        all.set(0, trainer.clips().size());
        final ClipTrainer.Dataset data = trainer.buildDataset(all);
        String report = "";
        if (holdout > 0) {
            final int folds = (int)Math.round(1 / holdout);
            final int[] fold = trainer.folds(folds, seed);
            final BitSet train = new BitSet();
            final BitSet test = new BitSet();
            for (int i = 0; i < trainer.clips().size(); i++) {
                final boolean generated = trainer.clips().get(i).label().equals(ClipTrainer.NOISE_LABEL);
                (fold[i] == 0 && !generated ? test : train).set(i);
            }
            final ClassifierModel heldOutModel = trainer.fit(data, train, hardNegatives, "");
            final ClipReport r = trainer.evaluate(heldOutModel, test);
            report = "held-out report (" + test.cardinality() + " clips, one of " + folds
                + " grouped folds):\n" + r.format();
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        }
        // the command as typed, and every recipe setting as it took effect (defaults change between versions)
        final String notes = "trained by: earshot " + String.join(" ", spec.commandLine().getParseResult()
            .originalArgs()) + "\n" + String.format(Locale.ROOT, "recipe: --seed %d --windows-per-class %d "
            + "--windows-per-copy %d --synthetic-noise %d --impulsive-noise %d --isolate %s --hard-negatives %d "
            + "--hidden %s --members %d --epochs %d --holdout %s%n", seed, windowsPerClass, windowsPerCopy,
            syntheticNoise, impulsiveNoise, isolate, hardNegatives,
            hidden.stream().map(String::valueOf).collect(Collectors.joining(",")), members, epochs,
            holdout) + report;
        final ClassifierModel model = trainer.fit(data, all, hardNegatives, notes);
        model.write(out);
        err.printf(Locale.ROOT, "earshot: train: wrote %s (%d classes, %d parameters, %d bytes) in %.0f s%n", out,
            model.classCount(), model.parameterCount(), Files.size(out), (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
