package org.earshot.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class LogFilterbankTest {
    private static void assertRejected(final String message, final Executable executable) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertEquals(message, e.getMessage());
    }

    @Test
    void shouldPlaceOneBandPerSemitoneWhenBinsFinerThanGrid() {
        // binHz = 8000 / 4096 = 1.95 Hz, far finer than a semitone above 1 kHz: no duplicates
        final LogFilterbank fb = new LogFilterbank(
            new LogFilterbankConfig(12, 1000.0, 3000.0, 440.0, TriangleNorm.UNIT_HEIGHT), 8000, 4096);
        // grid points 440 * 2^(i/12) for i = 15..33 (1046.5 Hz .. 2959.96 Hz): 19 points, 17 bands
        assertEquals(17, fb.bands());
        final double binHz = 8000.0 / 4096;
        for (int b = 0; b < fb.bands(); b++) {
            final double nominal = 440.0 * Math.pow(2.0, (16 + b) / 12.0);
            assertEquals(Math.round(nominal / binHz) * binHz, fb.centreHz(b), 1e-9, "band " + b);
        }
    }

    @Test
    void shouldMergeDuplicateBinsAndKeepCentresDistinctWhenMadmomDefaults() {
        final int rate = 44_100;
        final int fft = 2048;
        final LogFilterbank fb = new LogFilterbank(LogFilterbankConfig.madmomDefaults(), rate, fft);
        final double binHz = (double)rate / fft;
        // independent count of distinct snapped grid bins
        int distinct = 0;
        long previous = -1;
        for (int i = -200; i <= 200; i++) {
            final double f = 440.0 * Math.pow(2.0, i / 12.0);
            if (f >= 30.0 && f <= 17_000.0) {
                final long bin = Math.round(f / binHz);
                if (bin != previous) {
                    distinct++;
                    previous = bin;
                }
            }
        }
        assertEquals(distinct - 2, fb.bands());
        assertTrue(fb.bands() < 108, "duplicates merged: " + fb.bands());
        for (int b = 1; b < fb.bands(); b++) {
            assertTrue(fb.centreHz(b) > fb.centreHz(b - 1), "centres strictly increase at band " + b);
        }
    }

    @Test
    void shouldUseSingleBinWhenEdgesAreAdjacentBins() {
        final LogFilterbank fb = new LogFilterbank(LogFilterbankConfig.madmomDefaults(), 44_100, 2048);
        final int centreBin = (int)Math.round(fb.centreHz(0) / (44_100.0 / 2048));
        // at 30-60 Hz the bins (21.5 Hz) are coarser than semitones: the first band is one bin with weight 1
        assertEquals(1f, fb.weight(0, centreBin));
        assertEquals(0f, fb.weight(0, centreBin - 1));
        assertEquals(0f, fb.weight(0, centreBin + 1));
    }

    @Test
    void shouldPeakAtOneOnCentreBinWhenUnitHeight() {
        final LogFilterbank fb = new LogFilterbank(
            new LogFilterbankConfig(6, 50.0, 8000.0, 440.0, TriangleNorm.UNIT_HEIGHT), 16_000, 1024);
        final double binHz = 16_000.0 / 1024;
        for (int b = 0; b < fb.bands(); b++) {
            final int centre = (int)Math.round(fb.centreHz(b) / binHz);
            assertEquals(1f, fb.weight(b, centre), "band " + b);
            for (int k = 0; k < fb.inputBins(); k++) {
                assertTrue(fb.weight(b, k) <= 1f);
            }
        }
    }

    @Test
    void shouldSumEachBandToOneWhenUnitSum() {
        final LogFilterbank fb = new LogFilterbank(LogFilterbankConfig.madmomDefaults(), 44_100, 4096);
        final float[] flat = new float[fb.inputBins()];
        java.util.Arrays.fill(flat, 2f);
        final float[] out = new float[fb.bands()];
        fb.apply(flat, out);
        for (int b = 0; b < fb.bands(); b++) {
            assertEquals(2f, out[b], 1e-5f, "band " + b);
        }
    }

    @Test
    void shouldRejectRangeWhenFewerThanThreeDistinctBins() {
        // 44.1 kHz / 256 = 172 Hz per bin: every grid point from 30 to 60 Hz snaps to bin 0
        final LogFilterbankConfig config = new LogFilterbankConfig(12, 30.0, 60.0, 440.0, TriangleNorm.UNIT_SUM);
        assertRejected("the range [30.0, 60.0] Hz must hold at least 3 distinct FFT bins of the grid, got 1 "
            + "(widen the range or raise fftSize=256)", () -> new LogFilterbank(config, 44_100, 256));
    }

    @Test
    void shouldRejectBandsPerOctaveWhenZero() {
        assertRejected("bandsPerOctave must be in [1, 96], got 0",
            () -> new LogFilterbankConfig(0, 30.0, 17_000.0, 440.0, TriangleNorm.UNIT_SUM));
    }

    @Test
    void shouldRejectMinHzWhenZero() {
        assertRejected("minHz must be in (0, maxHz=17000.0), got 0.0",
            () -> new LogFilterbankConfig(12, 0.0, 17_000.0, 440.0, TriangleNorm.UNIT_SUM));
    }

    @Test
    void shouldRejectReferenceHzWhenNegative() {
        assertRejected("referenceHz must be in (0, 96000.0], got -440.0",
            () -> new LogFilterbankConfig(12, 30.0, 17_000.0, -440.0, TriangleNorm.UNIT_SUM));
    }

    @Test
    void shouldRejectNormWhenNull() {
        assertRejected("norm must not be null", () -> new LogFilterbankConfig(12, 30.0, 17_000.0, 440.0, null));
    }
}
