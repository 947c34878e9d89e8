package org.earshot.detectors.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.earshot.detectors.classify.train.ClipReport;
import org.earshot.detectors.classify.train.ClipTrainer;
import org.earshot.detectors.classify.train.OfflineClassifier;
import org.earshot.detectors.classify.train.LabelledClip;
import org.earshot.detectors.classify.train.MlpTrainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hard negatives on generated clips: a background texture of sparse short bursts ({@code crackle}) that a first
 * model partly takes for the event class ({@code burst}, one longer burst per clip). The windows mined are the
 * training texture's windows the first model took for an event, and the model fitted with them takes fewer
 * windows of unseen crackle for an event while still recognising unseen bursts.
 */
class HardNegativeMiningTest {
    private static final int RATE = 16_000;
    private static final int PER_CLASS = 60;
    private static ClipTrainer trainer;
    private static BitSet train;
    private static BitSet test;
    private static ClipTrainer.Dataset data;
    private static ClassifierModel first;

    @BeforeAll
    static void fitFirst() {
        final List<LabelledClip> clips = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            final float[] b = Signals.noise(RATE * 2, 0.002, i);
            Signals.addBurst(b, RATE, 6000 + 200 * i, 250 + 10 * i, 0.3 + 0.02 * i, 100 + i);
            clips.add(new LabelledClip("burst" + i, "burst" + i, "burst", b, RATE));
            clips.add(new LabelledClip("crackle" + i, "crackle" + i, "crackle", crackle(RATE * 4, 300 + i), RATE));
            clips.add(new LabelledClip("hiss" + i, "hiss" + i, "hiss", Signals.noise(RATE * 3, 0.05, 80 + i), RATE));
        }
        final ClipTrainer.Options o = new ClipTrainer.Options(FeatureSettings.defaults(), Set.of("hiss", "crackle"),
            new MlpTrainer.Settings(new int[] {16}, 15, 32, 3e-3, 1e-4, 0.1), 120, 4, 8, 7);
        trainer = new ClipTrainer(clips, o, line -> { });
        train = new BitSet();
        test = new BitSet();
        for (int i = 0; i < trainer.clips().size(); i++) {
            (i % 12 < 9 || trainer.clips().get(i).label().equals(ClipTrainer.NOISE_LABEL) ? train : test).set(i);
        }
        data = trainer.buildDataset(train);
        first = trainer.fit(data, train, "");
    }

    /** Faint noise with a short burst (40–120 ms) every 150–650 ms, some as loud as an event. */
    private static float[] crackle(final int n, final long seed) {
        final float[] x = Signals.noise(n, 0.002, seed);
        final SplittableRandom r = new SplittableRandom(seed);
        for (int at = r.nextInt(RATE / 4); at < n - RATE / 10; at += RATE * (150 + r.nextInt(500)) / 1000) {
            Signals.addBurst(x, RATE, at, 40 + r.nextInt(80), 0.05 + 0.3 * r.nextDouble(), r.nextLong());
        }
        return x;
    }

    /** Share of hops of the test clips of {@code label} whose event classes' probability sums to 0.5 or more. */
    private static double takenForEvent(final ClassifierModel model, final String label) {
        final double[] n = new double[2];
        for (int i = test.nextSetBit(0); i >= 0; i = test.nextSetBit(i + 1)) {
            if (trainer.clips().get(i).label().equals(label)) {
                OfflineClassifier.forEachHop(model, trainer.audio(i), 1, (t, v, p) -> {
                    n[0]++;
                    n[1] += OfflineClassifier.eventMass(model, p) >= 0.5f ? 1 : 0;
                });
            }
        }
        return n[1] / n[0];
    }

    @Test
    void shouldMineOnlyTrainingBackgroundWindowsTheModelTookForAnEvent() {
        final ClipTrainer.Dataset mined = trainer.mineHardNegatives(first, train, PER_CLASS);
        assertTrue(mined.size() > 0, "the first model takes some crackle for a burst");
        final int[] perLabel = new int[2];
        final float[] p = new float[first.classCount()];
        final ClassifierModel.Inference inference = first.newInference();
        for (int i = 0; i < mined.size(); i++) {
            final String label = mined.label(i);
            assertTrue(label.equals("crackle") || label.equals("hiss") || label.equals(ClipTrainer.NOISE_LABEL),
                "a background label: " + label);
            assertTrue(train.get(mined.clip(i)), "from a training clip");
            assertTrue(trainer.clips().get(mined.clip(i)).label().equals(label), "labelled as its clip");
            perLabel[label.equals("crackle") ? 0 : 1]++;
            inference.predict(mined.features(i), p);
            assertTrue(OfflineClassifier.eventMass(first, p) >= 0.5f, "taken for an event by the first model");
        }
        assertTrue(perLabel[0] <= PER_CLASS, "at most " + PER_CLASS + " crackle windows: " + perLabel[0]);
    }

    @Test
    void shouldTakeLessUnseenCrackleForAnEventWithHardNegatives() {
        final ClassifierModel second = trainer.fit(data, train, PER_CLASS, "");
        final double before = takenForEvent(first, "crackle");
        final double after = takenForEvent(second, "crackle");
        assertTrue(before > 0.02, "the first model takes unseen crackle for a burst: " + before);
        assertTrue(after < before * 0.7, "crackle hops taken for a burst: " + before + " -> " + after);
        final ClipReport report = trainer.evaluate(second, test);
        assertTrue(report.f1("burst") >= 0.9, before + " -> " + after + "\n" + report.format());
    }

    @Test
    void shouldFitAsBeforeWithoutHardNegatives() {
        final ClassifierModel again = trainer.fit(data, train, 0, "");
        for (int l = 0; l < first.layers().size(); l++) {
            assertArrayEquals(first.layers().get(l).weights(), again.layers().get(l).weights(), 0f);
        }
    }
}
