package org.earshot.dsp.window;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WindowTypeTest {
    @Test
    void shouldMatchClosedFormWhenHannPeriodicOfLengthEight() {
        final double a = 0.5 - 0.5 * Math.cos(Math.PI / 4);
        final double b = 0.5 + 0.5 * Math.cos(Math.PI / 4);
        final float[] expected = {0f, (float)a, 0.5f, (float)b, 1f, (float)b, 0.5f, (float)a};
        assertArrayEquals(expected, WindowType.HANN.periodic(8), 1e-7f);
    }

    @ParameterizedTest
    @EnumSource(WindowType.class)
    void shouldBeDftEvenWhenPeriodic(final WindowType type) {
        final int n = 64;
        final float[] w = type.periodic(n);
        for (int i = 1; i < n; i++) {
            assertEquals(w[i], w[n - i], 1e-7f, "w[" + i + "] vs w[" + (n - i) + "]");
        }
        for (int i = 0; i < n; i++) {
            assertEquals(true, w[i] <= w[n / 2] + 1e-7f, "peak at N/2");
        }
    }

    @Test
    void shouldSumToHalfLengthWhenHann() {
        double sum = 0;
        for (final float v : WindowType.HANN.periodic(1024)) {
            sum += v;
        }
        assertEquals(512.0, sum, 1e-4);
    }

    @Test
    void shouldOverlapAddToConstantWhenHannAtQuarterHop() {
        final int n = 256;
        final float[] w = WindowType.HANN.periodic(n);
        for (int i = 0; i < n / 4; i++) {
            double sum = 0;
            for (int m = i; m < n; m += n / 4) {
                sum += w[m];
            }
            assertEquals(2.0, sum, 1e-6);
        }
    }

    @Test
    void shouldSquareToHannWhenSqrtHann() {
        final float[] hann = WindowType.HANN.periodic(100);
        final float[] root = WindowType.SQRT_HANN.periodic(100);
        for (int i = 0; i < 100; i++) {
            assertEquals(hann[i], root[i] * root[i], 1e-6f);
        }
    }

    @Test
    void shouldMatchKnownValuesWhenHammingAndBlackman() {
        assertEquals(0.08, WindowType.HAMMING.coefficient(0, 16), 1e-12);
        assertEquals(1.0, WindowType.HAMMING.coefficient(8, 16), 1e-12);
        assertEquals(0.0, WindowType.BLACKMAN.coefficient(0, 16), 1e-12);
        assertEquals(1.0, WindowType.BLACKMAN.coefficient(8, 16), 1e-12);
        assertEquals(0.34, WindowType.BLACKMAN.coefficient(4, 16), 1e-12);
    }

    @Test
    void shouldBeOnesWhenRectangular() {
        final float[] out = new float[12];
        WindowType.RECTANGULAR.fillPeriodic(out, 2, 10);
        assertArrayEquals(new float[] {0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, out);
    }

    @Test
    void shouldRejectLengthWhenZero() {
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> WindowType.HANN.periodic(0));
        assertEquals("length must be >= 1, got 0", e.getMessage());
    }
}
