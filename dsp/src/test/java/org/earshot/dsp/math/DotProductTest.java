package org.earshot.dsp.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DotProductTest {
    /** Fingerprint of {@link #shouldKeepItsOrderOfAdditionsBitForBit}'s results with four running sums (since 2026-11-23). */
    private static final long PINNED_ORDER = 0xcf24f0b7aad9dafeL;

    @Test
    void shouldEqualTheNaiveSumForOddAndEvenLengthsAndOffsets() {
        final SplittableRandom random = new SplittableRandom(7);
        final float[] a = new float[300];
        final float[] b = new float[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float)(random.nextDouble() * 2 - 1);
            b[i] = (float)(random.nextDouble() * 2 - 1);
        }
        for (final int length : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 64, 127, 195}) {
            double naive = 0;
            for (int i = 0; i < length; i++) {
                naive += a[5 + i] * b[100 + i];
            }
            assertEquals(naive, DotProduct.of(a, 5, b, 100, length), 1e-12, "length " + length);
        }
    }

    /**
     * The order of additions is part of the result: training amplifies a last-bit difference, so reordering them
     * (four running sums instead of two, or back) leaves every streaming score as it was and yet makes the recorded
     * command train a different built-in event model. When this fails on purpose, retrain the built-in model with
     * the change (detectors' {@code classify/README.md}) and update the pin.
     */
    @Test
    void shouldKeepItsOrderOfAdditionsBitForBit() {
        final SplittableRandom random = new SplittableRandom(11);
        final float[] a = new float[400];
        final float[] b = new float[400];
        long fingerprint = 0;
        for (int k = 0; k < 200; k++) {
            for (int i = 0; i < a.length; i++) {
                // magnitudes over 2^-20 to 2^20, so that partial sums are rounded (products of floats in a narrow
                // range add up exactly in double whatever the order)
                a[i] = (float)((random.nextDouble() * 2 - 1) * Math.scalb(1.0, random.nextInt(-20, 21)));
                b[i] = (float)(random.nextDouble() * 2 - 1);
            }
            final int length = 1 + k % 316;
            fingerprint = 31 * fingerprint + Double.doubleToLongBits(DotProduct.of(a, k % 7, b, k % 5, length));
        }
        assertEquals(PINNED_ORDER, fingerprint, "the dot product's order of additions changed (fingerprint 0x"
            + Long.toHexString(fingerprint) + "): retrain the built-in event model with it, then update the pin");
    }
}
