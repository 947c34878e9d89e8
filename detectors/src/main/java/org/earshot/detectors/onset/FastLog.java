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
    private static final double SQRT2 = 1.4142135623730951;
    private static final long MANTISSA = 0x000f_ffff_ffff_ffffL;
    private static final long ONE_BITS = 0x3ff0_0000_0000_0000L;

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
        final long bits = Double.doubleToRawLongBits(z);
        int exponent = (int)(bits >>> 52) - 1023;
        double m = Double.longBitsToDouble((bits & MANTISSA) | ONE_BITS);
        if (m > SQRT2) {
            m *= 0.5;
            exponent++;
        }
        final double t = (m - 1.0) / (m + 1.0);
        final double t2 = t * t;
        final double series = t * (2.0 + t2 * (2.0 / 3.0 + t2 * (2.0 / 5.0 + t2 * (2.0 / 7.0))));
        return exponent * LN2 + series;
    }
}
