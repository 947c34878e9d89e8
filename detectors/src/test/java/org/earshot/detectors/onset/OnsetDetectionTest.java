package org.earshot.detectors.onset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.earshot.dsp.filter.AdaptiveWhiteningConfig;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.engine.runtime.CollectingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Onsets of generated signals, for every novelty function, through the real runtime. */
class OnsetDetectionTest {
    private static final int RATE = 44_100;
    /** Reported times are STFT frame centres: within half a window (11.6 ms) and a hop of the true onset. */
    private static final int TOLERANCE_FRAMES = 512 + 221;

    private static void assertOnsetsAt(final int[] expected, final List<CollectingSink.Event> events) {
        final String got = OnsetTestGraphs.describe(events);
        assertEquals(expected.length, events.size(), "onsets " + got);
        for (int i = 0; i < expected.length; i++) {
            final long error = events.get(i).frame() - expected[i];
            assertTrue(Math.abs(error) <= TOLERANCE_FRAMES,
                "onset " + i + " at " + events.get(i).frame() + ", expected " + expected[i] + ": " + got);
        }
    }

    @ParameterizedTest
    @EnumSource(NoveltyType.class)
    void shouldFindEveryBurstWhenBurstsAreOnAQuietBed(final NoveltyType type) throws InterruptedException {
        final int[] onsets = OnsetSignals.grid(12, 13_000, 11_025);
        final float[] x = OnsetSignals.bursts(RATE * 3 + 13_000, RATE, onsets, 0.8, -60.0, 1);
        assertOnsetsAt(onsets, OnsetTestGraphs.run(OnsetConfig.defaults(type), RATE, x, 256));
    }

    @ParameterizedTest
    @EnumSource(NoveltyType.class)
    void shouldFindEveryNoteWhenTonesStartAtKnownFrames(final NoveltyType type) throws InterruptedException {
        final int[] onsets = OnsetSignals.grid(8, 8_000, 17_640);
        final double[] hz = {440.0, 660.0, 523.25, 392.0, 880.0, 329.6, 587.3, 493.9};
        final float[] x = OnsetSignals.notes(8_000 + 8 * 17_640, RATE, onsets, hz);
        assertOnsetsAt(onsets, OnsetTestGraphs.run(OnsetConfig.defaults(type), RATE, x, 256));
    }

    @ParameterizedTest
    @EnumSource(NoveltyType.class)
    void shouldFindNoOnsetWhenInputIsSilent(final NoveltyType type) throws InterruptedException {
        assertEquals(List.of(), OnsetTestGraphs.run(OnsetConfig.defaults(type), RATE, new float[RATE * 3], 256));
    }

    @ParameterizedTest
    @EnumSource(NoveltyType.class)
    void shouldFindNoOnsetWhenNoiseIsSteady(final NoveltyType type) throws InterruptedException {
        final OnsetConfig config = OnsetConfig.defaults(type);
        for (final double dbfs : new double[] {-80.0, -40.0, -20.0, -6.0}) {
            final List<CollectingSink.Event> white =
                OnsetTestGraphs.run(config, RATE, OnsetSignals.whiteNoise(RATE * 10, dbfs, 7), 512);
            assertEquals(0, white.size(), "white noise at " + dbfs + " dBFS: " + OnsetTestGraphs.describe(white));
            final List<CollectingSink.Event> pink =
                OnsetTestGraphs.run(config, RATE, OnsetSignals.pinkNoise(RATE * 10, dbfs, 8), 512);
            assertEquals(0, pink.size(), "pink noise at " + dbfs + " dBFS: " + OnsetTestGraphs.describe(pink));
        }
    }

    @ParameterizedTest
    @EnumSource(NoveltyType.class)
    void shouldFindNoOnsetWhenToneIsSteady(final NoveltyType type) throws InterruptedException {
        final float[] x = new float[RATE * 3];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float)(0.5 * Math.sin(2 * Math.PI * 440.0 * i / RATE));
        }
        assertEquals(List.of(), OnsetTestGraphs.run(OnsetConfig.defaults(type), RATE, x, 256));
    }

    @ParameterizedTest
    @ValueSource(ints = {8_000, 22_050, 48_000, 96_000})
    void shouldFindEveryBurstWhenSampleRateIsNot44100(final int rate) throws InterruptedException {
        final int step = rate / 4;
        final int[] onsets = OnsetSignals.grid(10, rate / 3, step);
        final float[] x = OnsetSignals.bursts(rate * 3, rate, onsets, 0.8, -60.0, 5);
        final List<CollectingSink.Event> events = OnsetTestGraphs.run(OnsetConfig.defaults(), rate, x, 256);
        final StftConfig stft = OnsetConfig.defaults().stftConfig(rate);
        final int tolerance = stft.windowLength() / 2 + stft.hop();
        assertEquals(onsets.length, events.size(), OnsetTestGraphs.describe(events));
        for (int i = 0; i < onsets.length; i++) {
            assertTrue(Math.abs(events.get(i).frame() - onsets[i]) <= tolerance,
                "onset " + i + " at " + events.get(i).frame() + ", expected " + onsets[i]);
        }
    }

    @Test
    void shouldFindNoOnsetWhenBurstsAreBelowTheSilenceGate() throws InterruptedException {
        final int[] onsets = OnsetSignals.grid(6, 13_000, 11_025);
        final float[] x = OnsetSignals.bursts(RATE * 2, RATE, onsets, 1e-4, -140.0, 2);
        assertEquals(List.of(), OnsetTestGraphs.run(OnsetConfig.defaults(), RATE, x, 256));
    }

    @Test
    void shouldKeepOnlyFirstOfTwoBurstsCloserThanTheMinimumInterOnsetInterval() throws InterruptedException {
        final int[] onsets = {13_000, 13_000 + 441, 40_000};
        final float[] x = OnsetSignals.bursts(RATE * 2, RATE, onsets, 0.8, -60.0, 3);
        final List<CollectingSink.Event> events = OnsetTestGraphs.run(OnsetConfig.defaults(), RATE, x, 256);
        assertOnsetsAt(new int[] {13_000, 40_000}, events);
    }

    @Test
    void shouldCarryStrengthEmitTimeAndDeclaredLatencyWhenOnsetIsReported() throws InterruptedException {
        final int[] onsets = OnsetSignals.grid(4, 13_000, 11_025);
        final float[] x = OnsetSignals.bursts(RATE * 2, RATE, onsets, 0.8, -60.0, 4);
        final OnsetTestGraphs.Built built = OnsetTestGraphs.build(OnsetConfig.defaults(), RATE, 256);
        // 1024-sample window: half window 512; look-ahead one 441-sample hop (10 ms)
        assertEquals(512 + 441, built.plan().latencyFrames());
        final List<CollectingSink.Event> events = OnsetTestGraphs.run(OnsetConfig.defaults(), RATE, x, 256);
        assertEquals(4, events.size(), OnsetTestGraphs.describe(events));
        for (final CollectingSink.Event e : events) {
            assertEquals("onset", e.type());
            assertTrue(e.value(OnsetPeakPickerNode.FIELD_STRENGTH) > 2.0, "strength " + e.value(0));
            assertEquals(953.0, e.value(OnsetPeakPickerNode.FIELD_LATENCY));
            final long emit = (long)e.value(OnsetPeakPickerNode.FIELD_EMIT);
            assertEquals(e.emitFrame(), emit);
            assertTrue(emit >= e.frame() + 953 && emit < e.frame() + 953 + 256,
                "decided at " + emit + " for an onset at " + e.frame());
        }
    }

    @Test
    void shouldGiveTheSameOnsetsAndStrengthsAtAnyInputGainWhenWhitening() throws InterruptedException {
        // whitening divides each bin by its own recent peak, so a gain cancels out (the floor is far below the
        // signal and the silence gate far below the quieter copy)
        final OnsetConfig d = OnsetConfig.defaults();
        final OnsetConfig config = d.withNovelty(d.novelty().withWhitening(new AdaptiveWhiteningConfig(10.0, 1e-6f)))
            .withPicker(d.picker().withThreshold(2.0));
        final float[] x = OnsetBlockSizeInvarianceTest.mixture();
        final float[] quiet = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            quiet[i] = 0.1f * x[i];
        }
        final List<CollectingSink.Event> loud = OnsetTestGraphs.run(config, RATE, x, 256);
        final List<CollectingSink.Event> soft = OnsetTestGraphs.run(config, RATE, quiet, 256);
        assertTrue(loud.size() >= 8, OnsetTestGraphs.describe(loud));
        assertEquals(loud.size(), soft.size(), OnsetTestGraphs.describe(loud) + " / " + OnsetTestGraphs.describe(soft));
        for (int i = 0; i < loud.size(); i++) {
            assertEquals(loud.get(i).frame(), soft.get(i).frame());
            final double a = loud.get(i).value(OnsetPeakPickerNode.FIELD_STRENGTH);
            assertEquals(a, soft.get(i).value(OnsetPeakPickerNode.FIELD_STRENGTH), 1e-3 * a);
        }
        // without whitening the same gain moves every strength
        final List<CollectingSink.Event> plainLoud = OnsetTestGraphs.run(OnsetConfig.defaults(), RATE, x, 256);
        final List<CollectingSink.Event> plainSoft = OnsetTestGraphs.run(OnsetConfig.defaults(), RATE, quiet, 256);
        final double first = plainLoud.get(0).value(OnsetPeakPickerNode.FIELD_STRENGTH);
        assertTrue(Math.abs(first - plainSoft.get(0).value(OnsetPeakPickerNode.FIELD_STRENGTH)) > 0.1 * first,
            OnsetTestGraphs.describe(plainLoud) + " / " + OnsetTestGraphs.describe(plainSoft));
    }

    @Test
    void shouldDeclareWindowAndHopForEachRateWhenConfiguredInMilliseconds() {
        assertEquals(1024, OnsetConfig.defaults().stftConfig(44_100).windowLength());
        assertEquals(441, OnsetConfig.defaults().stftConfig(44_100).hop());
        assertEquals(1024, OnsetConfig.defaults().stftConfig(48_000).windowLength());
        assertEquals(480, OnsetConfig.defaults().stftConfig(48_000).hop());
        assertEquals(512, OnsetConfig.defaults().stftConfig(22_050).windowLength());
        assertEquals(221, OnsetConfig.defaults().stftConfig(22_050).hop());
        assertEquals(221, OnsetConfig.defaults(NoveltyType.SPECTRAL_FLUX).stftConfig(44_100).hop());
    }
}
