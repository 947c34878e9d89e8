package org.earshot.detectors.onset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.earshot.dsp.filter.AdaptiveWhiteningConfig;
import org.earshot.engine.runtime.CollectingSink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The same signal through blocks of 1, 37, 256 and 4096 frames gives identical onsets. */
class OnsetBlockSizeInvarianceTest {
    private static final int RATE = 44_100;

    /** Bursts and notes over a noise bed: onsets of both kinds, some close together. */
    static float[] mixture() {
        final int length = RATE * 3;
        final float[] bursts = OnsetSignals.bursts(length, RATE, new int[] {5_000, 20_000, 21_500, 47_000, 90_000,
            91_000, 120_000}, 0.6, -50.0, 11);
        final float[] notes = OnsetSignals.notes(length, RATE, new int[] {9_000, 33_000, 61_000, 100_000},
            new double[] {330.0, 495.0, 660.0, 247.5});
        final float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = bursts[i] + notes[i];
        }
        return x;
    }

    @ParameterizedTest
    @EnumSource(NoveltyType.class)
    void shouldGiveIdenticalOnsetsWhateverTheBlockSize(final NoveltyType type) throws InterruptedException {
        assertBlockSizeInvariant(OnsetConfig.defaults(type), 8);
    }

    @ParameterizedTest
    @EnumSource(NoveltyType.class)
    void shouldGiveIdenticalOnsetsWhateverTheBlockSizeWhenWhitening(final NoveltyType type)
        throws InterruptedException {
        final OnsetConfig d = OnsetConfig.defaults(type);
        assertBlockSizeInvariant(d.withNovelty(d.novelty().withWhitening(new AdaptiveWhiteningConfig(10.0, 0.01f)))
            // whitened magnitudes are at most 1: thresholds below the unwhitened ones
            .withPicker(d.picker().withThreshold(type == NoveltyType.SUPERFLUX ? 2.0 : 0.25 * d.picker().threshold())),
            4);
    }

    private static void assertBlockSizeInvariant(final OnsetConfig config, final int minOnsets)
        throws InterruptedException {
        final float[] x = mixture();
        final List<CollectingSink.Event> reference = OnsetTestGraphs.run(config, RATE, x, 256);
        assertTrue(reference.size() >= minOnsets, "reference onsets " + OnsetTestGraphs.describe(reference));
        for (final int block : new int[] {1, 37, 4096}) {
            final List<CollectingSink.Event> events = OnsetTestGraphs.run(config, RATE, x, block);
            assertEquals(OnsetTestGraphs.describe(reference), OnsetTestGraphs.describe(events), "block " + block);
            for (int i = 0; i < reference.size(); i++) {
                assertEquals(reference.get(i).frame(), events.get(i).frame(), "block " + block + " onset " + i);
                assertEquals(reference.get(i).value(OnsetPeakPickerNode.FIELD_STRENGTH),
                    events.get(i).value(OnsetPeakPickerNode.FIELD_STRENGTH), "block " + block + " onset " + i);
                assertEquals(reference.get(i).value(OnsetPeakPickerNode.FIELD_LATENCY),
                    events.get(i).value(OnsetPeakPickerNode.FIELD_LATENCY));
            }
        }
    }
}
