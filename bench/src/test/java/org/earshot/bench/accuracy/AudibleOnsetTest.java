package org.earshot.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class AudibleOnsetTest {
    private static final int RATE = 16_000;

    /** White noise at the given RMS, with a 1 kHz tone of the given RMS from {@code fromS} to {@code toS}. */
    private static void tone(final float[] x, final double fromS, final double toS, final double rms) {
        for (int i = (int)(fromS * RATE); i < (int)(toS * RATE); i++) {
            x[i] += (float)(rms * Math.sqrt(2) * Math.sin(2 * Math.PI * 1000 * i / RATE));
        }
    }

    private static float[] noise(final double seconds, final double rms) {
        final Random r = new Random(7);
        final float[] x = new float[(int)(seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float)(rms * r.nextGaussian());
        }
        return x;
    }

    @Test
    void aLeadInBelowTheBedIsNotHeardTheLoudPartIs() {
        final float[] x = noise(6, 0.01);
        tone(x, 3.0, 3.5, 0.002);   // lead-in 14 dB under the noise
        tone(x, 3.5, 4.0, 0.1);     // the event proper, 20 dB over it
        final double delay = AudibleOnset.delayS(x, RATE, 3.0, 4.0);
        assertEquals(0.5, delay, 0.021);
    }

    @Test
    void anEventLouderThanTheBedFromItsOnsetIsHeardAtOnce() {
        final float[] x = noise(6, 0.01);
        tone(x, 3.0, 3.4, 0.05);
        assertEquals(0.0, AudibleOnset.delayS(x, RATE, 3.0, 3.4), 1e-9);
    }

    @Test
    void anEventThatNeverRisesAboveTheBedIsNeverHeard() {
        final float[] x = noise(6, 0.01);
        tone(x, 3.0, 3.4, 0.003);
        assertTrue(Double.isInfinite(AudibleOnset.delayS(x, RATE, 3.0, 3.4)));
    }
}
