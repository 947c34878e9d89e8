package org.earshot.detectors.beat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The exponentially weighted correlation on series of known relation. */
class RunningCorrelationTest {
    @Test
    void shouldReadOneForAScaledCopyMinusOneForANegatedOneAndAboutZeroForIndependentNoise() {
        final SplittableRandom r = new SplittableRandom(3);
        final RunningCorrelation same = new RunningCorrelation(200);
        final RunningCorrelation opposite = new RunningCorrelation(200);
        final RunningCorrelation independent = new RunningCorrelation(200);
        for (int i = 0; i < 5_000; i++) {
            final double x = r.nextDouble();
            same.add(x, 3.0 * x + 1.0);
            opposite.add(x, -x);
            independent.add(x, r.nextDouble());
        }
        assertEquals(1.0, same.value(), 1e-9);
        assertEquals(-1.0, opposite.value(), 1e-9);
        assertEquals(0.0, independent.value(), 0.15);
    }

    @Test
    void shouldForgetThePastWithinAFewHalfLives() {
        final SplittableRandom r = new SplittableRandom(4);
        final RunningCorrelation c = new RunningCorrelation(50);
        for (int i = 0; i < 2_000; i++) {
            final double x = r.nextDouble();
            c.add(x, x);
        }
        for (int i = 0; i < 500; i++) {
            final double x = r.nextDouble();
            c.add(x, -x);
        }
        assertEquals(-1.0, c.value(), 0.01, "ten half-lives later the old relation is gone");
    }

    @Test
    void shouldKeepThePastCorrelationWhenTheSecondSeriesIsRescaledAndForgetAllOnReset() {
        final SplittableRandom r = new SplittableRandom(5);
        final RunningCorrelation c = new RunningCorrelation(100);
        for (int i = 0; i < 1_000; i++) {
            final double x = r.nextDouble();
            c.add(x, 0.5 * x + 0.1 * r.nextDouble());
        }
        final double before = c.value();
        c.rescaleY(10.0);
        assertEquals(before, c.value(), 1e-9);
        c.reset();
        assertEquals(0.0, c.value(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> new RunningCorrelation(0));
    }
}
