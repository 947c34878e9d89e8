package org.earshot.detectors.denoise;

/** Closed-form approximations used by the gain rules; allocation-free, no branches on NaN. */
final class SpecialFunctions {
    private SpecialFunctions() {
    }

    /**
     * Exponential integral {@code E1(x) = int_x^inf e^-t / t dt} for {@code x > 0}, after Abramowitz and
     * Stegun 5.1.53 ({@code x <= 1}, error below 2e-7) and 5.1.56 ({@code x > 1}, relative error below 5e-5).
     *
     * @param x argument, greater than 0 (tiny values are clamped to 1e-12)
     * @return {@code E1(x)}
     */
    static double expint(final double x) {
        return expint(x, Math.exp(-x));
    }

    /**
     * {@link #expint(double)} when {@code exp(-x)} is already known (saves one exponential per call).
     *
     * @param x            argument, greater than 0
     * @param expMinusX    {@code exp(-x)}
     * @return {@code E1(x)}
     */
    static double expint(final double x, final double expMinusX) {
        final double v = Math.max(x, 1e-12);
        if (v <= 1.0) {
            return -Math.log(v) - 0.57721566 + v * (0.99999193 + v * (-0.24991055 + v * (0.05519968
                + v * (-0.00976004 + v * 0.00107857))));
        }
        if (v > 40.0) {
            return 0.0;
        }
        final double num = v * v + 2.334733 * v + 0.250621;
        final double den = v * v + 3.330657 * v + 1.681534;
        return num / den * expMinusX / v;
    }
}
