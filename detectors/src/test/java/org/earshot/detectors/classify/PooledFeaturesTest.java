package org.earshot.detectors.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class PooledFeaturesTest {
    private static final FeatureSettings SETTINGS = FeatureSettings.defaults();

    /** Band values with the awkward cases: below the clamp, repeated maxima, loud bursts, long quiet. */
    private static float[] frame(final SplittableRandom rnd, final int t) {
        final float[] f = new float[SETTINGS.bands()];
        final boolean burst = t % 173 < 9;
        final boolean silent = t % 411 > 380;
        for (int b = 0; b < f.length; b++) {
            f[b] = silent ? -140f : (float)Math.rint(-70 + 25 * rnd.nextDouble() + (burst ? 30 : 0));
        }
        return f;
    }

    private static void assertSameVector(final float[] expected, final float[] actual, final int t) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-3f, "feature " + i + " after push " + t);
        }
    }

    /** Streams the same frames through push + compute and through pushAndCompute, clearing both at the given pushes. */
    private static void assertSlidingMatchesFull(final long seed, final int pushes, final int... clearAt) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final ContextWindow reference = new ContextWindow(SETTINGS);
        final ContextWindow sliding = new ContextWindow(SETTINGS);
        final PooledFeatures full = new PooledFeatures(SETTINGS.bands());
        final PooledFeatures running = new PooledFeatures(SETTINGS.bands());
        final float[] expected = new float[full.dimension()];
        final float[] actual = new float[full.dimension()];
        for (int t = 0; t < pushes; t++) {
            for (final int c : clearAt) {
                if (c == t) {
                    reference.clear();
                    sliding.clear();
                }
            }
            final float[] f = frame(rnd, t);
            final float energy = f[(int)(seed % f.length)] + 10;
            reference.push(f, energy);
            full.compute(reference, expected);
            running.pushAndCompute(sliding, f, energy, actual);
            assertSameVector(expected, actual, t);
        }
    }

    @Test
    void slidingPoolingGivesTheFullComputationsNumbersOverALongStream() {
        assertSlidingMatchesFull(3, 5_000);
    }

    @Test
    void slidingPoolingStartsAgainAfterTheWindowIsCleared() {
        assertSlidingMatchesFull(4, 700, 250, 251, 600);
    }
}
