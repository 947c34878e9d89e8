package org.earshot.detectors.classify.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.earshot.detectors.classify.FeatureSettings;
import org.junit.jupiter.api.Test;

class NoisesTest {
    private static final int RATE = 16_000;

    private static double rms(final float[] x) {
        double s = 0;
        for (final float v : x) {
            s += (double)v * v;
        }
        return Math.sqrt(s / x.length);
    }

    /** Fourth moment over the squared variance: 3 for Gaussian noise, far above for sparse bursts. */
    private static double kurtosis(final float[] x) {
        double m = 0;
        for (final float v : x) {
            m += v;
        }
        m /= x.length;
        double m2 = 0;
        double m4 = 0;
        for (final float v : x) {
            final double d = v - m;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        m2 /= x.length;
        m4 /= x.length;
        return m4 / (m2 * m2);
    }

    private static double crestDb(final float[] x) {
        double peak = 0;
        for (final float v : x) {
            peak = Math.max(peak, Math.abs(v));
        }
        return 20 * Math.log10(peak / rms(x));
    }

    @Test
    void shouldGiveTheSameTextureForTheSameSeed() {
        for (int kind = 0; kind < Noises.IMPULSIVE_KINDS.length; kind++) {
            final float[] a = Noises.generateImpulsive(kind, RATE * 4, RATE, new SplittableRandom(42));
            final float[] b = Noises.generateImpulsive(kind, RATE * 4, RATE, new SplittableRandom(42));
            final float[] c = Noises.generateImpulsive(kind, RATE * 4, RATE, new SplittableRandom(43));
            assertArrayEquals(a, b);
            assertFalse(Arrays.equals(a, c));
            assertEquals(0.1, rms(a), 1e-4);
        }
    }

    @Test
    void shouldBeImpulsiveUnlikeTheSteadyNoises() {
        final SplittableRandom rnd = new SplittableRandom(7);
        double minCrackleKurtosis = Double.MAX_VALUE;
        double minCrackleCrest = Double.MAX_VALUE;
        double minRainKurtosis = Double.MAX_VALUE;
        for (int i = 0; i < 60; i++) {
            final float[] x = Noises.generateImpulsive(i, RATE * 4, RATE, rnd);
            for (final float v : x) {
                assertTrue(Float.isFinite(v));
            }
            if (Noises.IMPULSIVE_KINDS[i % Noises.IMPULSIVE_KINDS.length].equals("crackle")) {
                minCrackleKurtosis = Math.min(minCrackleKurtosis, kurtosis(x));
                minCrackleCrest = Math.min(minCrackleCrest, crestDb(x));
            } else {
                minRainKurtosis = Math.min(minRainKurtosis, kurtosis(x));
            }
        }
        double maxSteadyKurtosis = 0;
        for (int k = 0; k < Noises.KINDS.length; k++) {
            maxSteadyKurtosis = Math.max(maxSteadyKurtosis, kurtosis(Noises.generate(k, RATE * 4, RATE, rnd)));
        }
        System.out.printf("crackle kurtosis >= %.1f, crest >= %.1f dB; rain kurtosis >= %.1f; steady <= %.1f%n",
            minCrackleKurtosis, minCrackleCrest, minRainKurtosis, maxSteadyKurtosis);
        assertTrue(maxSteadyKurtosis < 5, "steady kurtosis " + maxSteadyKurtosis);
        assertTrue(minCrackleKurtosis > 20, "crackle kurtosis " + minCrackleKurtosis);
        assertTrue(minCrackleCrest > 20, "crackle crest " + minCrackleCrest);
        assertTrue(minRainKurtosis > 6, "rain kurtosis " + minRainKurtosis);
    }

    @Test
    void shouldPlaceBurstsAtTheDrawnRate() {
        final SplittableRandom rnd = new SplittableRandom(11);
        final int seconds = 20;
        for (int i = 0; i < 60; i++) {
            final Noises.Impulsive t = Noises.impulsive(i, RATE * seconds, RATE, rnd);
            final boolean rain = Noises.IMPULSIVE_KINDS[i % Noises.IMPULSIVE_KINDS.length].equals("rain-ticks");
            final double lo = rain ? Noises.RAIN_RATE_MIN : Noises.CRACKLE_RATE_MIN;
            final double hi = rain ? Noises.RAIN_RATE_MAX : Noises.CRACKLE_RATE_MAX;
            assertTrue(t.ratePerSec() >= lo && t.ratePerSec() <= hi, "rate " + t.ratePerSec());
            final double expected = t.ratePerSec() * seconds;
            // Poisson: within 5 standard deviations
            assertEquals(expected, t.bursts(), 5 * Math.sqrt(expected), "bursts at " + t.ratePerSec() + "/s");
        }
    }

    @Test
    void shouldLeaveTheOtherClipsAsTheyWereAndAddImpulsiveOnesToNoise() {
        final var mlp = new MlpTrainer.Settings(new int[] {8}, 1, 32, 1e-3, 1e-4, 0.1);
        final ClipTrainer off = new ClipTrainer(List.of(),
            new ClipTrainer.Options(FeatureSettings.defaults(), Set.of(), mlp, 100, 1, 8, 3), line -> { });
        final ClipTrainer on = new ClipTrainer(List.of(),
            new ClipTrainer.Options(FeatureSettings.defaults(), Set.of(), mlp, 100, 1, 8, 3, 5), line -> { });
        assertEquals(8, off.clips().size());
        assertEquals(13, on.clips().size());
        for (int i = 0; i < 8; i++) {
            assertArrayEquals(off.audio(i), on.audio(i));
            assertEquals(off.clips().get(i).id(), on.clips().get(i).id());
        }
        for (int i = 8; i < 13; i++) {
            assertEquals(ClipTrainer.NOISE_LABEL, on.clips().get(i).label());
            assertTrue(on.clips().get(i).id().startsWith("generated:crackle")
                || on.clips().get(i).id().startsWith("generated:rain-ticks"));
        }
        assertEquals(off.classes(), on.classes());
    }
}
