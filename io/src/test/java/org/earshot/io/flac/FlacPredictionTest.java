package org.earshot.io.flac;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

class FlacPredictionTest {
    /** The definition: each sample adds the shifted sum of the taps over the {@code order} samples before it. */
    private static void reference(final int[] s, final int blockSize, final int[] c, final int order, final int shift) {
        for (int i = order; i < blockSize; i++) {
            long sum = 0;
            for (int j = 0; j < order; j++) {
                sum += (long)c[j] * s[i - order + j];
            }
            s[i] += (int)sum >> shift;
        }
    }

    @Test
    void everyOrderAndBlockSizeRestoresTheSamplesOfTheDefinition() {
        final Random r = new Random(11);
        for (int order = 0; order <= 32; order++) {
            for (final int blockSize : new int[] {1, 3, 4, 5, 8, 11, 12, 13, 31, 192, 4096}) {
                for (int trial = 0; trial < 4; trial++) {
                    final int shift = r.nextInt(16);
                    final int[] c = new int[32];
                    for (int j = 0; j < order; j++) {
                        c[j] = r.nextInt(1 << 15) - (1 << 14);
                    }
                    final int[] expected = new int[blockSize];
                    for (int i = 0; i < blockSize; i++) {
                        expected[i] = r.nextInt(1 << 16) - (1 << 15);
                    }
                    final int[] actual = expected.clone();
                    reference(expected, blockSize, c, Math.min(order, blockSize), shift);
                    FlacPrediction.restoreLpc(actual, blockSize, c, Math.min(order, blockSize), shift);
                    assertArrayEquals(expected, actual, "order " + order + ", block " + blockSize + ", shift " + shift);
                }
            }
        }
    }
}
