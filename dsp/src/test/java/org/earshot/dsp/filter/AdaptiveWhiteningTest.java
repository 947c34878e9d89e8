package org.earshot.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class AdaptiveWhiteningTest {
    private static void assertRejected(final String message, final Executable executable) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertEquals(message, e.getMessage());
    }

    @Test
    void shouldGiveOnesWhenSpectrumStationaryAboveFloor() {
        final AdaptiveWhitening w = new AdaptiveWhitening(new AdaptiveWhiteningConfig(10.0, 1e-3f), 4, 512, 44_100);
        for (int i = 0; i < 5; i++) {
            final float[] mag = {0.5f, 2f, 100f, 7f};
            w.apply(mag);
            assertArrayEquals(new float[] {1f, 1f, 1f, 1f}, mag, 1e-6f);
        }
    }

    @Test
    void shouldDecayPeakBySixtyDbWhenRelaxationTimeElapsed() {
        // hop 441 at 44.1 kHz: 100 frames per second; relaxation 2 s = 200 frames
        final AdaptiveWhitening w = new AdaptiveWhitening(new AdaptiveWhiteningConfig(2.0, 1e-6f), 1, 441, 44_100);
        assertEquals(Math.pow(10.0, -3.0 / 200), w.memory(), 1e-7);
        w.apply(new float[] {1000f});
        final float[] silence = new float[1];
        for (int i = 0; i < 200; i++) {
            silence[0] = 0f;
            w.apply(silence);
        }
        assertEquals(1.0, w.peak(0), 1e-3);
        final float[] probe = {0.5f};
        w.apply(probe);
        assertEquals(0.5 / (w.memory() * 1.0), probe[0], 1e-3);
    }

    @Test
    void shouldDivideByFloorWhenQuieterThanFloor() {
        final AdaptiveWhitening w = new AdaptiveWhitening(new AdaptiveWhiteningConfig(1.0, 0.01f), 2, 256, 16_000);
        final float[] mag = {0.001f, 0f};
        w.apply(mag);
        assertArrayEquals(new float[] {0.1f, 0f}, mag, 1e-6f);
        assertEquals(0.01f, w.peak(1));
    }

    @Test
    void shouldScaleComplexPairsWhenWhiteningWithSpectrum() {
        final AdaptiveWhitening w = new AdaptiveWhitening(new AdaptiveWhiteningConfig(1.0, 0.01f), 2, 256, 16_000);
        final float[] complex = {3f, 4f, 0f, -2f};
        final float[] mag = {5f, 2f};
        w.apply(mag, complex);
        assertArrayEquals(new float[] {1f, 1f}, mag, 1e-6f);
        assertArrayEquals(new float[] {0.6f, 0.8f, 0f, -1f}, complex, 1e-6f);
    }

    @Test
    void shouldForgetPeaksWhenReset() {
        final AdaptiveWhitening w = new AdaptiveWhitening(new AdaptiveWhiteningConfig(30.0, 0.01f), 1, 256, 16_000);
        w.apply(new float[] {100f});
        w.reset();
        final float[] mag = {1f};
        w.apply(mag);
        assertEquals(1f, mag[0]);
    }

    @Test
    void shouldRejectRelaxationWhenZero() {
        assertRejected("relaxationSeconds must be in (0, 3600.0], got 0.0", () -> new AdaptiveWhiteningConfig(0.0,
            0.01f));
    }

    @Test
    void shouldRejectFloorWhenZero() {
        assertRejected("floor must be finite and > 0, got 0.0", () -> new AdaptiveWhiteningConfig(1.0, 0f));
    }

    @Test
    void shouldRejectBinsWhenZero() {
        assertRejected("bins must be >= 1, got 0",
            () -> new AdaptiveWhitening(new AdaptiveWhiteningConfig(1.0, 0.01f), 0, 256, 16_000));
    }

    @Test
    void shouldRejectHopWhenZero() {
        assertRejected("hopFrames must be >= 1, got 0",
            () -> new AdaptiveWhitening(new AdaptiveWhiteningConfig(1.0, 0.01f), 10, 0, 16_000));
    }
}
