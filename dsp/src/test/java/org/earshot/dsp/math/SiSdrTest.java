package org.earshot.dsp.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SiSdrTest {
    private static float[] noise(final int n, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float)(random.nextDouble() * 2 - 1);
        }
        return x;
    }

    @Test
    void shouldEqualTheSignalToNoiseRatioOfAnUncorrelatedAddition() {
        final float[] reference = noise(48_000, 1);
        final float[] disturbance = noise(48_000, 2);
        final float[] estimate = new float[reference.length];
        final double gain = Math.pow(10, -10 / 20.0); // 10 dB below the reference (both have the same power)
        for (int i = 0; i < estimate.length; i++) {
            estimate[i] = reference[i] + (float)(gain * disturbance[i]);
        }
        assertEquals(10.0, SiSdr.atLag(reference, estimate, 0), 0.1);
    }

    @Test
    void shouldIgnoreTheEstimatesScaleAndOffset() {
        final float[] reference = noise(10_000, 3);
        final float[] estimate = new float[reference.length];
        for (int i = 0; i < estimate.length; i++) {
            estimate[i] = 0.25f * reference[i] + 0.5f;
        }
        assertTrue(SiSdr.atLag(reference, estimate, 0) > 100, "a scaled, shifted copy is perfect");
    }

    @Test
    void shouldFindTheReferenceInsideALongerRecording() {
        final float[] reference = noise(4_000, 4);
        final float[] recording = noise(20_000, 5);
        final int offset = 7_321;
        for (int i = 0; i < reference.length; i++) {
            recording[offset + i] += 4 * reference[i];
        }
        final double[] found = SiSdr.bestWithin(reference, recording, 0, recording.length - reference.length);
        assertEquals(offset, (int)found[1]);
        // 4x the reference over unit-power noise: 20 log10(4) = 12.04 dB
        assertEquals(12.04, found[0], 0.3);
    }

    @Test
    void shouldFindANegativeLagWithinASymmetricWindow() {
        final float[] reference = noise(8_000, 6);
        final float[] estimate = new float[reference.length];
        System.arraycopy(reference, 37, estimate, 0, reference.length - 37); // the estimate leads by 37 samples
        final double[] found = SiSdr.best(reference, estimate, 100);
        assertEquals(-37, (int)found[1]);
        assertTrue(found[0] > 100);
        assertTrue(SiSdr.atLag(reference, estimate, 0) < 1, "unaligned, it scores nothing");
    }

    @Test
    void shouldRefuseAnEmptyLagWindow() {
        assertThrows(IllegalArgumentException.class, () -> SiSdr.bestWithin(new float[4], new float[4], 3, 2));
    }
}
