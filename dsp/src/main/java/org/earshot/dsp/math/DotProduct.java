package org.earshot.dsp.math;

/**
 * The inner product of two float runs, accumulated in double with two running sums, which halves the chain of
 * dependent additions that bounds a single sum (the JIT does not reorder floating-point additions). The hot
 * loop of the resampler and the filterbanks.
 *
 * <p>Four running sums make the resampler 27 % faster ({@code ResamplerBlockBenchmark}), but they change the
 * rounding of the training front end, and the built-in event model would no longer be reproduced bit for bit by
 * its recorded training command (a retrain scored cough F1 0.582 instead of 0.593 on the scenes). Any change to the
 * order of these additions needs the built-in model retrained with it.
 */
public final class DotProduct {
    private DotProduct() {
    }

    /**
     * @param a      first run
     * @param aFrom  its first index
     * @param b      second run
     * @param bFrom  its first index
     * @param length number of products
     * @return {@code sum a[aFrom + i] * b[bFrom + i]} for {@code i} in {@code [0, length)}
     */
    public static double of(final float[] a, final int aFrom, final float[] b, final int bFrom, final int length) {
        double even = 0.0;
        double odd = 0.0;
        int i = 0;
        for (; i + 1 < length; i += 2) {
            even += a[aFrom + i] * b[bFrom + i];
            odd += a[aFrom + i + 1] * b[bFrom + i + 1];
        }
        if (i < length) {
            even += a[aFrom + i] * b[bFrom + i];
        }
        return even + odd;
    }
}
