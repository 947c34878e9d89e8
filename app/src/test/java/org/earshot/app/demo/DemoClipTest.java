package org.earshot.app.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoClipTest {
    private static final int RATE = 16_000;

    @Test
    void shouldRenderTheSameSamplesEveryTime() {
        assertArrayEquals(DemoClip.render(RATE), DemoClip.render(RATE));
    }

    @Test
    void shouldLastThirtySecondsAndPeakAtMinusOneDb() {
        final float[] clip = DemoClip.render(RATE);
        assertEquals(30 * RATE, clip.length);
        float peak = 0;
        for (final float x : clip) {
            assertTrue(Float.isFinite(x));
            peak = Math.max(peak, Math.abs(x));
        }
        assertEquals(DemoClip.PEAK, peak, 1e-4);
    }

    @Test
    void shouldBeLouderJustAfterEachBeatThanJustBeforeIt() {
        final float[] clip = DemoClip.render(RATE);
        final int window = RATE / 50;
        for (int beat = 1; beat < 60; beat++) {
            final int at = (int)DemoClip.beatFrame(beat, RATE);
            final double before = rms(clip, at - window, window);
            final double after = rms(clip, at, window);
            assertTrue(after > before, "beat " + beat + ": rms after " + after + " <= before " + before);
        }
    }

    @Test
    void shouldHoldTheNoiseBurstWhereDocumented() {
        final float[] clip = DemoClip.render(RATE);
        final int start = DemoClip.NOISE_BURST_START_MS * RATE / 1000;
        final int length = DemoClip.NOISE_BURST_LENGTH_MS * RATE / 1000;
        final double inBurst = highBandRms(clip, start + length / 4, length / 2);
        final double beforeBurst = highBandRms(clip, start - 4 * length, length / 2);
        assertTrue(inBurst > 1.5 * beforeBurst, "burst " + inBurst + " vs before " + beforeBurst);
    }

    private static double rms(final float[] x, final int from, final int n) {
        double sum = 0;
        for (int i = from; i < from + n; i++) {
            sum += (double)x[i] * x[i];
        }
        return Math.sqrt(sum / n);
    }

    private static double highBandRms(final float[] x, final int from, final int n) {
        double sum = 0;
        for (int i = from + 1; i < from + n; i++) {
            final double d = x[i] - x[i - 1];
            sum += d * d;
        }
        return Math.sqrt(sum / n);
    }
}
