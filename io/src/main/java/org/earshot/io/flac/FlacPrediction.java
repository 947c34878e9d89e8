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
        for (int i = order; i < blockSize; i++) {
            final int base = i - order;
            int sum = 0;
            for (int j = 0; j < order; j++) {
                sum += coefficients[j] * s[base + j];
            }
            s[i] += sum >> shift;
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
