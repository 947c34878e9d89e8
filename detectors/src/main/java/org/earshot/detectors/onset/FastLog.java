package org.earshot.detectors.onset;

/**
 * A natural logarithm for the compression {@code ln(1 + x)} of the novelty functions, about ten times cheaper than
 * {@link Math#log} and within 1e-7 of it: the exponent comes from the double's bits, and the logarithm of the
 * mantissa {@code m} (moved into {@code [sqrt(1/2), sqrt(2))}) from the series
 * {@code ln m = 2 atanh(t) = 2 (t + t^3/3 + t^5/5 + t^7/7)}, {@code t = (m - 1) / (m + 1)}, {@code |t| < 0.172}.
 * Deterministic (no lookup tables, no platform intrinsics), allocation-free.
 */
final class FastLog {
    private static final double LN2 = 0.6931471805599453;
    private static final long SQRT_HALF_BITS = Double.doubleToRawLongBits(Math.sqrt(0.5));
    private static final long EXPONENT_MASK = 0xfff0_0000_0000_0000L;

    private FastLog() {
    }

    /**
     * @param x 0 or more, finite
     * @return {@code ln(1 + x)}, absolute error below 1e-7; {@link Math#log} is used for non-finite or negative
     *     arguments
     */
    static double ln1p(final double x) {
        final double z = 1.0 + x;
        if (!(z >= 1.0 && z <= Double.MAX_VALUE)) {
            return Math.log(z);
        }
        // z = 2^e * m with m in [sqrt(1/2), sqrt(2)), found without a branch (the mantissa of a spectrum is
        // random, so a branch there would be mispredicted half the time)
        final long offset = Double.doubleToRawLongBits(z) - SQRT_HALF_BITS;
        final long exponentBits = offset & EXPONENT_MASK;
        final int exponent = (int)(offset >> 52);
        final double m = Double.longBitsToDouble(Double.doubleToRawLongBits(z) - exponentBits);
        final double t = (m - 1.0) / (m + 1.0);
        final double t2 = t * t;
        final double series = t * (2.0 + t2 * (2.0 / 3.0 + t2 * (2.0 / 5.0 + t2 * (2.0 / 7.0))));
        return exponent * LN2 + series;
    }
}
