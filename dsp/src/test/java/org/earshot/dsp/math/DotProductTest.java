package org.earshot.dsp.math;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class DotProductTest {
    @Test
    void shouldEqualTheNaiveSumForOddAndEvenLengthsAndOffsets() {
        final SplittableRandom random = new SplittableRandom(7);
        final float[] a = new float[300];
        final float[] b = new float[300];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float)(random.nextDouble() * 2 - 1);
            b[i] = (float)(random.nextDouble() * 2 - 1);
        }
        for (final int length : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 64, 127}) {
            double naive = 0;
            for (int i = 0; i < length; i++) {
                naive += a[5 + i] * b[100 + i];
            }
            assertEquals(naive, DotProduct.of(a, 5, b, 100, length), 1e-12, "length " + length);
        }
    }
}
