package org.earshot.io.flac;

/**
 * Restores samples from FLAC residuals in place: {@code s[i] = residual[i] + prediction(s[i - order, i))}
 * for i from the predictor order on, the warm-up samples being already in place.
 */
final class FlacPrediction {
    private FlacPrediction() {
    }

    /**
     * @param coefficients LPC coefficients
     * @param order        how many
     * @param sampleBits   bits per sample
     * @return true if |sum of coefficient * sample| stays below 2^31 for any samples of {@code sampleBits}
     */
    static boolean fitsInt(final int[] coefficients, final int order, final int sampleBits) {
        long sumAbs = 0;
        for (int j = 0; j < order; j++) {
            sumAbs += Math.abs(coefficients[j]);
        }
        return sampleBits <= 32 && sumAbs << sampleBits - 1 <= Integer.MAX_VALUE;
    }

    /**
     * Adds LPC predictions summed in {@code int}: when {@link #fitsInt} holds, or when {@code shift} is 0 (then
     * the wrapped sum equals the true one modulo 2^32, which is all a sample of up to 32 bits needs).
     *
     * @param s            residuals after the warm-up samples; samples on return
     * @param blockSize    samples
     * @param coefficients reversed: {@code coefficients[j]} multiplies {@code s[i - order + j]}
     * @param order        1 to 32
     * @param shift        right shift of the sum, 0 to 15
     */
    static void restoreLpc(final int[] s, final int blockSize, final int[] coefficients, final int order,
        final int shift) {
        if (order <= 4) {
            restore4(s, blockSize, coefficients, order, shift);
        } else if (order <= 8) {
            restore8(s, blockSize, coefficients, order, shift);
        } else if (order <= 12) {
            restore12(s, blockSize, coefficients, order, shift);
        } else {
            restoreAny(s, order, blockSize, coefficients, order, shift);
        }
    }

    /** The plain loop over the predictor's taps, for samples {@code from} (at least {@code order}) to the end. */
    static void restoreAny(final int[] s, final int from, final int blockSize, final int[] coefficients,
        final int order, final int shift) {
        for (int i = from; i < blockSize; i++) {
            final int base = i - order;
            int sum = 0;
            for (int j = 0; j < order; j++) {
                sum += coefficients[j] * s[base + j];
            }
            s[i] += sum >> shift;
        }
    }

    /*
     * Orders up to 4, 8 and 12 (the fixed predictors, and the LPC orders of the common encoder presets) run as
     * that many taps written out, the coefficients in locals and missing ones zero: a loop over a run-time order
     * of 8 costs about 10 ns a sample, the written-out sum about 2.5 ns (one sample's sum no longer waits for
     * the loop's own bookkeeping). Integer sums wrap the same in any order, so the samples are identical.
     */

    private static int tap(final int[] coefficients, final int j) {
        return j < 0 ? 0 : coefficients[j];
    }

    private static void restore4(final int[] s, final int blockSize, final int[] k, final int order, final int shift) {
        final int pad = 4 - order;
        final int c0 = tap(k, -pad);
        final int c1 = tap(k, 1 - pad);
        final int c2 = tap(k, 2 - pad);
        final int c3 = tap(k, 3 - pad);
        restoreAny(s, order, Math.min(4, blockSize), k, order, shift);
        for (int i = Math.max(order, 4); i < blockSize; i++) {
            s[i] += (c0 * s[i - 4] + c1 * s[i - 3]) + (c2 * s[i - 2] + c3 * s[i - 1]) >> shift;
        }
    }

    private static void restore8(final int[] s, final int blockSize, final int[] k, final int order, final int shift) {
        final int pad = 8 - order;
        final int c0 = tap(k, -pad);
        final int c1 = tap(k, 1 - pad);
        final int c2 = tap(k, 2 - pad);
        final int c3 = tap(k, 3 - pad);
        final int c4 = tap(k, 4 - pad);
        final int c5 = tap(k, 5 - pad);
        final int c6 = tap(k, 6 - pad);
        final int c7 = tap(k, 7 - pad);
        restoreAny(s, order, Math.min(8, blockSize), k, order, shift);
        for (int i = Math.max(order, 8); i < blockSize; i++) {
            s[i] += (c0 * s[i - 8] + c1 * s[i - 7]) + (c2 * s[i - 6] + c3 * s[i - 5])
                + ((c4 * s[i - 4] + c5 * s[i - 3]) + (c6 * s[i - 2] + c7 * s[i - 1])) >> shift;
        }
    }

    private static void restore12(final int[] s, final int blockSize, final int[] k, final int order, final int shift) {
        final int pad = 12 - order;
        final int c0 = tap(k, -pad);
        final int c1 = tap(k, 1 - pad);
        final int c2 = tap(k, 2 - pad);
        final int c3 = tap(k, 3 - pad);
        final int c4 = tap(k, 4 - pad);
        final int c5 = tap(k, 5 - pad);
        final int c6 = tap(k, 6 - pad);
        final int c7 = tap(k, 7 - pad);
        final int c8 = tap(k, 8 - pad);
        final int c9 = tap(k, 9 - pad);
        final int c10 = tap(k, 10 - pad);
        final int c11 = tap(k, 11 - pad);
        restoreAny(s, order, Math.min(12, blockSize), k, order, shift);
        for (int i = Math.max(order, 12); i < blockSize; i++) {
            s[i] += (c0 * s[i - 12] + c1 * s[i - 11]) + (c2 * s[i - 10] + c3 * s[i - 9])
                + ((c4 * s[i - 8] + c5 * s[i - 7]) + (c6 * s[i - 6] + c7 * s[i - 5]))
                + ((c8 * s[i - 4] + c9 * s[i - 3]) + (c10 * s[i - 2] + c11 * s[i - 1])) >> shift;
        }
    }

    /**
     * Adds LPC predictions summed in {@code long}: for sums that may exceed 32 bits.
     *
     * @param s            residuals after the warm-up samples; samples on return
     * @param blockSize    samples
     * @param coefficients reversed, as {@link #restoreLpc}
     * @param order        1 to 32
     * @param shift        right shift of the sum, 0 to 15
     */
    static void restoreLpcLong(final int[] s, final int blockSize, final int[] coefficients, final int order,
        final int shift) {
        for (int i = order; i < blockSize; i++) {
            final int base = i - order;
            long sum = 0;
            for (int j = 0; j < order; j++) {
                sum += (long)coefficients[j] * s[base + j];
            }
            s[i] += (int)(sum >> shift);
        }
    }

    /**
     * As {@link #restoreLpcLong} for 33-bit samples.
     *
     * @param s            residuals after the warm-up samples; samples on return
     * @param blockSize    samples
     * @param coefficients reversed, as {@link #restoreLpc}
     * @param order        1 to 32
     * @param shift        right shift of the sum, 0 to 15
     */
    static void restoreLpcWide(final long[] s, final int blockSize, final int[] coefficients, final int order,
        final int shift) {
        for (int i = order; i < blockSize; i++) {
            final int base = i - order;
            long sum = 0;
            for (int j = 0; j < order; j++) {
                sum += coefficients[j] * s[base + j];
            }
            s[i] += sum >> shift;
        }
    }
}
