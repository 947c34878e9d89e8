package org.earshot.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MelFilterbankTest {
    private static final int RATE_HZ = 16_000;
    private static final int FFT = 1024;
    private static final double BIN_HZ = (double)RATE_HZ / FFT;

    private static void assertRejected(final String message, final Executable executable) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertEquals(message, e.getMessage());
    }

    @Test
    void shouldMatchPublishedValuesWhenHtkScale() {
        assertEquals(2595.0 * Math.log10(1.0 + 1000.0 / 700.0), MelScale.HTK.hzToMel(1000.0), 1e-9);
        assertEquals(999.99, MelScale.HTK.hzToMel(1000.0), 0.01);
        assertEquals(0.0, MelScale.HTK.hzToMel(0.0), 0.0);
    }

    @Test
    void shouldBeLinearBelowOneKilohertzAndLogAboveWhenSlaneyScale() {
        assertEquals(7.5, MelScale.SLANEY.hzToMel(500.0), 1e-12);
        assertEquals(15.0, MelScale.SLANEY.hzToMel(1000.0), 1e-12);
        assertEquals(42.0, MelScale.SLANEY.hzToMel(6400.0), 1e-12);
    }

    @ParameterizedTest
    @EnumSource(MelScale.class)
    void shouldRoundTripWhenConvertingHzToMelAndBack(final MelScale scale) {
        for (double hz = 0; hz < 20_000; hz += 123.4) {
            assertEquals(hz, scale.melToHz(scale.hzToMel(hz)), 1e-9 * (1 + hz));
        }
    }

    @ParameterizedTest
    @EnumSource(MelScale.class)
    void shouldSpaceCentresEquallyInMelWhenBuilt(final MelScale scale) {
        final MelFilterbank fb =
            new MelFilterbank(new MelFilterbankConfig(40, 0.0, 8000.0, scale, TriangleNorm.UNIT_HEIGHT), RATE_HZ, FFT);
        final double step = scale.hzToMel(8000.0) / 41;
        assertEquals(40, fb.bands());
        assertEquals(513, fb.inputBins());
        for (int b = 0; b < 40; b++) {
            assertEquals(step * (b + 1), scale.hzToMel(fb.centreHz(b)), 1e-9);
        }
    }

    @Test
    void shouldFormPartitionOfUnityBetweenFirstAndLastCentreWhenUnitHeight() {
        final MelFilterbank fb = new MelFilterbank(
            new MelFilterbankConfig(26, 100.0, 7000.0, MelScale.HTK, TriangleNorm.UNIT_HEIGHT), RATE_HZ, FFT);
        for (int k = 0; k < fb.inputBins(); k++) {
            final double f = k * BIN_HZ;
            if (f >= fb.centreHz(0) && f <= fb.centreHz(fb.bands() - 1)) {
                double sum = 0;
                for (int b = 0; b < fb.bands(); b++) {
                    sum += fb.weight(b, k);
                }
                assertEquals(1.0, sum, 1e-6, "bin " + k);
            }
        }
    }

    @Test
    void shouldTakeTriangleValueAtBinFrequencyWhenUnitHeight() {
        final MelFilterbank fb = new MelFilterbank(
            new MelFilterbankConfig(10, 0.0, 8000.0, MelScale.SLANEY, TriangleNorm.UNIT_HEIGHT), RATE_HZ, FFT);
        final int band = 6;
        final double lo = band == 0 ? 0.0 : fb.centreHz(band - 1);
        final double c = fb.centreHz(band);
        final double hi = fb.centreHz(band + 1);
        double sum = 0;
        for (int k = 0; k < fb.inputBins(); k++) {
            final double f = k * BIN_HZ;
            final double expected = Math.max(0.0, Math.min((f - lo) / (c - lo), (hi - f) / (hi - c)));
            assertEquals(expected, fb.weight(band, k), 1e-6, "bin " + k);
            sum += fb.weight(band, k);
        }
        // a wide triangle sums to its area in bins, (hi - lo) / 2 / binHz
        assertEquals((hi - lo) / 2 / BIN_HZ, sum, 0.01 * sum);
    }

    @ParameterizedTest
    @EnumSource(MelScale.class)
    void shouldSumEachBandToOneAndPassFlatSpectrumWhenUnitSum(final MelScale scale) {
        final MelFilterbank fb =
            new MelFilterbank(new MelFilterbankConfig(128, 0.0, 8000.0, scale, TriangleNorm.UNIT_SUM), RATE_HZ, 256);
        final float[] flat = new float[fb.inputBins()];
        Arrays.fill(flat, 3f);
        final float[] out = new float[fb.bands()];
        fb.apply(flat, out);
        for (int b = 0; b < fb.bands(); b++) {
            double sum = 0;
            for (int k = 0; k < fb.inputBins(); k++) {
                sum += fb.weight(b, k);
            }
            assertEquals(1.0, sum, 1e-6, "band " + b);
            assertEquals(3f, out[b], 1e-5f, "band " + b);
        }
    }

    @Test
    void shouldGiveEveryBandABinWhenBandsNarrowerThanBins() {
        final MelFilterbank fb = new MelFilterbank(
            new MelFilterbankConfig(128, 0.0, 8000.0, MelScale.HTK, TriangleNorm.UNIT_HEIGHT), RATE_HZ, 256);
        for (int b = 0; b < fb.bands(); b++) {
            float max = 0f;
            for (int k = 0; k < fb.inputBins(); k++) {
                max = Math.max(max, fb.weight(b, k));
            }
            assertTrue(max > 0f, "band " + b + " is empty");
        }
    }

    @Test
    void shouldSelectBandOfSineWhenApplied() {
        final MelFilterbank fb = new MelFilterbank(
            new MelFilterbankConfig(40, 0.0, 8000.0, MelScale.HTK, TriangleNorm.UNIT_HEIGHT), RATE_HZ, FFT);
        final float[] spectrum = new float[fb.inputBins()];
        final int bin = (int)Math.round(fb.centreHz(20) / BIN_HZ);
        spectrum[bin] = 1f;
        final float[] out = new float[fb.bands()];
        fb.apply(spectrum, out);
        int best = 0;
        for (int b = 1; b < out.length; b++) {
            best = out[b] > out[best] ? b : best;
        }
        assertEquals(20, best);
        assertEquals(fb.weight(20, bin), out[20]);
    }

    @Test
    void shouldRejectBandsWhenZero() {
        assertRejected("bands must be in [1, 1024], got 0",
            () -> new MelFilterbankConfig(0, 0.0, 8000.0, MelScale.HTK, TriangleNorm.UNIT_SUM));
    }

    @Test
    void shouldRejectMinHzWhenNotBelowMaxHz() {
        assertRejected("minHz must be in [0, maxHz=8000.0), got 8000.0",
            () -> new MelFilterbankConfig(40, 8000.0, 8000.0, MelScale.HTK, TriangleNorm.UNIT_SUM));
    }

    @Test
    void shouldRejectMaxHzWhenNotPositive() {
        assertRejected("maxHz must be in (0, 96000.0], got 0.0",
            () -> new MelFilterbankConfig(40, 0.0, 0.0, MelScale.HTK, TriangleNorm.UNIT_SUM));
    }

    @Test
    void shouldRejectScaleWhenNull() {
        assertRejected("scale must not be null", () -> new MelFilterbankConfig(40, 0.0, 8000.0, null,
            TriangleNorm.UNIT_SUM));
    }

    @Test
    void shouldRejectMaxHzWhenAboveNyquist() {
        final MelFilterbankConfig config = new MelFilterbankConfig(40, 0.0, 11_025.0, MelScale.HTK,
            TriangleNorm.UNIT_SUM);
        assertRejected("maxHz must be <= sampleRateHz/2=8000.0, got 11025.0", () -> new MelFilterbank(config, 16_000,
            1024));
    }

    @Test
    void shouldRejectFftSizeWhenNotPowerOfTwo() {
        final MelFilterbankConfig config = new MelFilterbankConfig(40, 0.0, 8000.0, MelScale.HTK,
            TriangleNorm.UNIT_SUM);
        assertRejected("fftSize must be a power of two in [4, 4096], got 1000", () -> new MelFilterbank(config,
            16_000, 1000));
    }

    @Test
    void shouldRejectSampleRateWhenOutOfRange() {
        final MelFilterbankConfig config = new MelFilterbankConfig(40, 0.0, 2000.0, MelScale.HTK,
            TriangleNorm.UNIT_SUM);
        assertRejected("sampleRateHz must be in [8000, 192000], got 4000", () -> new MelFilterbank(config, 4000,
            1024));
    }
}
