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

    /** Fills a window with a bed at -80 dB and one click at the given age and level, decaying 4 dB per frame. */
    private static ContextWindow click(final int clickAge, final float clickDb) {
        final ContextWindow window = new ContextWindow(SETTINGS);
        final float[] frame = new float[SETTINGS.bands()];
        final int frames = window.capacity();
        for (int t = 0; t < frames; t++) {
            final int sinceClick = t - (frames - 1 - clickAge);
            final float energy = sinceClick < 0 ? -80f : Math.max(-80f, clickDb - 4f * sinceClick);
            java.util.Arrays.fill(frame, energy - 18f);
            window.push(frame, energy);
        }
        return window;
    }

    /**
     * A click 40 dB over a flat bed at -80 dB, decaying 4 dB per frame to the bed in 10 frames, 40 frames before the
     * newest of 100: the mean energy is -80 + (40 + 36 + ... + 4) / 100 = -77.8 dB, so the click stands 37.8 dB out of
     * it, and every envelope value is the energy at its offset under the click's, in those units: the bed before it
     * (-40 / 37.8), the decay after it at 2, 4 and 8 frames (-8, -16, -32 dB), the bed from 16 frames on, and at 64
     * frames (beyond the newest frame) the newest frame. Then the click's age in the window.
     */
    @Test
    void envelopeFeaturesDescribeTheAttackAndDecayInUnitsOfTheLoudestFramesProminence() {
        final ContextWindow window = click(40, -40f);
        assertEquals(100, window.capacity(), "a 1 s context of 10 ms hops");
        final PooledFeatures pooled = new PooledFeatures(SETTINGS.bands());
        final float[] out = new float[pooled.dimension()];
        pooled.compute(window, out);
        final int g = 5 * SETTINGS.bands() + 4;
        final float bed = -40f / 37.8f;
        final float[] expected = {bed, bed, bed, bed, bed, -8f / 37.8f, -16f / 37.8f, -32f / 37.8f, bed, bed, bed};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], out[g + i], 1e-4f, "envelope feature " + i);
        }
        assertEquals(0.40f, out[g + expected.length], 1e-6f, "the loudest frame's age");
        assertEquals(pooled.dimension(), g + expected.length + 1);
    }

    /**
     * A click only 2.5 dB over the bed (one frame: the next is back at the bed) stands 2.475 dB out of the mean: its
     * prominence is taken as 3 dB (no unit smaller), so the bed reads -2.5 / 3. A steady sound at -20 dB that swells to -15 dB once and drops out (to -100
     * dB) 2 frames later reads its drop-out at -2, not at -85 / 5.75.
     */
    @Test
    void envelopeFeaturesKeepAFloorUnderTheProminenceAndUnderTheValues() {
        final PooledFeatures pooled = new PooledFeatures(SETTINGS.bands());
        final float[] out = new float[pooled.dimension()];
        final int g = 5 * SETTINGS.bands() + 4;
        pooled.compute(click(40, -77.5f), out);
        assertEquals(-2.5f / 3f, out[g], 1e-4f, "the bed before a faint click");

        final ContextWindow window = new ContextWindow(SETTINGS);
        final float[] frame = new float[SETTINGS.bands()];
        for (int t = 0; t < window.capacity(); t++) {
            final float energy = t == 50 ? -15f : t == 52 ? -100f : -20f;
            java.util.Arrays.fill(frame, energy - 18f);
            window.push(frame, energy);
        }
        pooled.compute(window, out);
        assertEquals(-2f, out[g + 5], 1e-6f, "the drop-out 2 frames after the swell");
        // mean (98 x -20 - 15 - 100) / 100 = -20.75, so the swell stands 5.75 dB out of it
        assertEquals(-5f / 5.75f, out[g + 4], 1e-4f, "the steady sound 2 frames before the swell");
    }
}
