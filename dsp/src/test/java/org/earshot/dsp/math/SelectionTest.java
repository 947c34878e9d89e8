package org.earshot.dsp.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SelectionTest {
    @Test
    void shouldFindEveryRankOfRandomValuesWithTiesAsSortingDoes() {
        final SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            final int n = 1 + random.nextInt(200);
            final float[] values = new float[n + 5];
            for (int i = 0; i < n; i++) {
                // few distinct values in some trials: long runs of ties
                values[i] = trial % 3 == 0 ? random.nextInt(4) : (float)random.nextDouble();
            }
            final float[] sorted = Arrays.copyOf(values, n);
            Arrays.sort(sorted);
            final int k = random.nextInt(n);
            assertEquals(sorted[k], Selection.kth(values.clone(), n, k), "trial " + trial + ", rank " + k + " of " + n);
        }
    }

    @Test
    void shouldFindTheMedianOfAConstantOrSortedArray() {
        final float[] constant = new float[180];
        Arrays.fill(constant, 0.25f);
        assertEquals(0.25f, Selection.kth(constant, 180, 90));
        final float[] ascending = new float[181];
        for (int i = 0; i < ascending.length; i++) {
            ascending[i] = i;
        }
        assertEquals(90f, Selection.kth(ascending, 181, 90));
    }

    @Test
    void shouldRefuseARankOutsideTheValues() {
        assertThrows(IllegalArgumentException.class, () -> Selection.kth(new float[3], 3, 3));
        assertThrows(IllegalArgumentException.class, () -> Selection.kth(new float[3], 4, 0));
    }
}
