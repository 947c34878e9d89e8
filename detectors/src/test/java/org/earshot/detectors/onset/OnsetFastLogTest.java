package org.earshot.detectors.onset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The compression logarithm against {@link Math#log1p}. */
class OnsetFastLogTest {
    @Test
    void shouldMatchLog1pWithin1e7WhenArgumentIsNonNegative() {
        final Random random = new Random(42);
        double worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            final double x = Math.pow(10.0, -12.0 + 24.0 * random.nextDouble());
            worst = Math.max(worst, Math.abs(FastLog.ln1p(x) - Math.log1p(x)));
        }
        for (int i = 0; i <= 100_000; i++) {
            final double x = i * 1e-3;
            worst = Math.max(worst, Math.abs(FastLog.ln1p(x) - Math.log1p(x)));
        }
        assertTrue(worst < 1e-7, "worst error " + worst);
        assertEquals(0.0, FastLog.ln1p(0.0));
        assertEquals(Double.POSITIVE_INFINITY, FastLog.ln1p(Double.POSITIVE_INFINITY));
        assertTrue(Double.isNaN(FastLog.ln1p(Double.NaN)));
    }
}
