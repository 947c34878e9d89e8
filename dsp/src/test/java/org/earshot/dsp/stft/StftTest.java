package org.earshot.dsp.stft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.earshot.dsp.TestSignals;
import org.earshot.dsp.window.WindowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StftTest {
    /** Position and spectrum of one frame, copied out. */
    private record Captured(long index, long first, long last, float[] complex) {
    }

    private static List<Captured> run(final Stft stft, final float[] x, final int blockSize) {
        final List<Captured> frames = new ArrayList<>();
        for (int off = 0; off < x.length; off += blockSize) {
            final int n = Math.min(blockSize, x.length - off);
            int pos = 0;
            while (pos < n) {
                pos += stft.feed(x, off + pos, n - pos);
                if (stft.frameReady()) {
                    final SpectralFrame f = stft.frame();
                    frames.add(new Captured(f.index(), f.firstSampleFrame(), f.lastSampleFrame(), f.complex().clone()));
                }
            }
            stft.feed(x, off, 0); // empty blocks are allowed anywhere
            assertFalse(stft.frameReady());
        }
        return frames;
    }

    @Test
    void shouldPlaceBinCentredCosineInItsBinWithAmplitudeTimesQuarterLengthWhenHann() {
        final int n = 1024;
        final int bin = 100;
        final double amplitude = 0.5;
        final Stft stft = new Stft(new StftConfig(n, 256, n, WindowType.HANN));
        final float[] x = TestSignals.cosine(n, amplitude, (double)bin / n, 0.0);
        assertEquals(n, stft.feed(x, 0, n));
        assertTrue(stft.frameReady());
        final SpectralFrame f = stft.frame();
        final float[] mag = f.magnitude();
        assertEquals(amplitude * n / 4, mag[bin], 1e-3);
        assertEquals(amplitude * stft.windowSum() / 2, mag[bin], 1e-3);
        assertEquals(amplitude * n / 8, mag[bin - 1], 1e-3);
        assertEquals(amplitude * n / 8, mag[bin + 1], 1e-3);
        for (int k = 0; k < f.bins(); k++) {
            if (Math.abs(k - bin) > 1) {
                assertEquals(0.0, mag[k], 1e-3, "leakage in bin " + k);
            }
        }
        assertEquals(0.0, f.phase()[bin], 1e-5);
        assertEquals(Math.PI, Math.abs(f.phase()[bin + 1]), 1e-5);
    }

    @Test
    void shouldGivePhaseMinusHalfPiWhenSine() {
        final int n = 512;
        final Stft stft = new Stft(new StftConfig(n, 128, n, WindowType.HANN));
        final float[] x = TestSignals.cosine(n, 1.0, 20.0 / n, -Math.PI / 2);
        stft.feed(x, 0, n);
        assertEquals(-Math.PI / 2, stft.frame().phase()[20], 1e-5);
        assertEquals(0f, stft.frame().im(0));
        assertEquals(0f, stft.frame().im(n / 2));
    }

    @Test
    void shouldPeakInNearestBinWhenZeroPadded() {
        final int sampleRateHz = 16_000;
        final double frequencyHz = 1234.5;
        final StftConfig config = new StftConfig(1000, 250, 4096, WindowType.HANN);
        final Stft stft = new Stft(config);
        stft.feed(TestSignals.cosine(1000, 1.0, frequencyHz / sampleRateHz, 0.3), 0, 1000);
        final float[] mag = stft.frame().magnitude();
        int peak = 0;
        for (int k = 1; k < mag.length; k++) {
            peak = mag[k] > mag[peak] ? k : peak;
        }
        assertEquals(Math.round(frequencyHz / config.binWidthHz(sampleRateHz)), peak);
        assertEquals(2049, stft.frame().bins());
        assertEquals(500.0 / 2, mag[peak], 500.0 / 2 * 0.01);
    }

    @Test
    void shouldEmitFirstFrameWhenWindowLengthSamplesFedThenEveryHop() {
        final Stft stft = new Stft(new StftConfig(512, 128, 512, WindowType.HANN));
        final float[] x = TestSignals.noise(2000, 1);
        assertEquals(511, stft.feed(x, 0, 511));
        assertFalse(stft.frameReady());
        assertEquals(1, stft.samplesUntilNextFrame());
        assertEquals(1, stft.feed(x, 511, 1000));
        assertTrue(stft.frameReady());
        final SpectralFrame f = stft.frame();
        assertEquals(0, f.index());
        assertEquals(0, f.firstSampleFrame());
        assertEquals(511, f.lastSampleFrame());
        assertEquals(256, f.centreFrame());
        assertEquals(128, stft.feed(x, 512, 1000));
        assertSame(f, stft.frame());
        assertEquals(1, f.index());
        assertEquals(128, f.firstSampleFrame());
        assertEquals(639, f.lastSampleFrame());
        assertEquals(640, stft.nextSampleFrame());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 37, 256, 4096})
    void shouldProduceIdenticalFramesWhenBlockSizeVaries(final int blockSize) {
        final StftConfig config = new StftConfig(1024, 300, 2048, WindowType.HANN);
        final float[] x = TestSignals.noise(20_000, 42);
        final List<Captured> reference = run(new Stft(config), x, x.length);
        final List<Captured> frames = run(new Stft(config), x, blockSize);
        assertEquals((20_000 - 1024) / 300 + 1, reference.size());
        assertEquals(reference.size(), frames.size());
        for (int i = 0; i < frames.size(); i++) {
            assertEquals(i, frames.get(i).index());
            assertEquals(300L * i, frames.get(i).first());
            assertEquals(300L * i + 1023, frames.get(i).last());
            assertArrayEquals(reference.get(i).complex(), frames.get(i).complex(), "frame " + i);
        }
    }

    @Test
    void shouldReproduceFramesFromNewOriginWhenReset() {
        final StftConfig config = new StftConfig(256, 64, 256, WindowType.BLACKMAN);
        final float[] x = TestSignals.noise(3000, 7);
        final Stft stft = new Stft(config);
        final List<Captured> first = run(stft, x, 100);
        run(stft, TestSignals.noise(777, 8), 13);
        stft.reset(48_000L);
        assertEquals(48_000L, stft.nextSampleFrame());
        final List<Captured> second = run(stft, x, 100);
        assertEquals(first.size(), second.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).index(), second.get(i).index());
            assertEquals(first.get(i).first() + 48_000L, second.get(i).first());
            assertArrayEquals(first.get(i).complex(), second.get(i).complex());
        }
    }

    @Test
    void shouldReturnZeroWithoutFrameWhenFedEmptyBlock() {
        final Stft stft = new Stft(new StftConfig(16, 4, 16, WindowType.HANN));
        assertEquals(0, stft.feed(new float[0], 0, 0));
        assertFalse(stft.frameReady());
        assertEquals(0, stft.nextSampleFrame());
    }

    @Test
    void shouldDeriveViewsConsistentlyWhenRequested() {
        final Stft stft = new Stft(new StftConfig(256, 64, 512, WindowType.HAMMING));
        final float[] x = TestSignals.noise(256, 3);
        x[10] = 0;
        stft.feed(x, 0, 256);
        final SpectralFrame f = stft.frame();
        final float[] mag = f.magnitude();
        final float[] pow = f.power();
        final float[] phase = f.phase();
        final float[] log1 = f.logMagnitude(1f).clone();
        final float[] log1000 = f.logMagnitude(1000f);
        final float[] db = f.magnitudeDb(-20f);
        for (int k = 0; k < f.bins(); k++) {
            final double re = f.re(k);
            final double im = f.im(k);
            assertEquals(Math.hypot(re, im), mag[k], 1e-4 * (1 + mag[k]));
            assertEquals(mag[k] * (double)mag[k], pow[k], 1e-4 * (1 + pow[k]));
            assertEquals(Math.atan2(im, re), phase[k], 1e-6);
            assertEquals(Math.log1p(mag[k]), log1[k], 1e-6);
            assertEquals(Math.log1p(1000.0 * mag[k]), log1000[k], 1e-5);
            assertEquals(Math.max(-20.0, 20 * Math.log10(mag[k])), db[k], 1e-4);
        }
    }

    @Test
    void shouldGiveFloorDbWhenSilent() {
        final Stft stft = new Stft(new StftConfig(64, 16, 64, WindowType.HANN));
        stft.feed(new float[64], 0, 64);
        final float[] db = stft.frame().magnitudeDb(-150f);
        for (final float v : db) {
            assertEquals(-150f, v);
        }
    }

    @Test
    void shouldRejectLogCompressionWhenNotPositive() {
        final SpectralFrame f = new SpectralFrame(new StftConfig(64, 16, 64, WindowType.HANN));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.logMagnitude(0f));
        assertEquals("compression must be finite and > 0, got 0.0", e.getMessage());
    }

    @Test
    void shouldCopyPositionAndSpectrumWhenCopyFrom() {
        final StftConfig config = new StftConfig(128, 32, 128, WindowType.HANN);
        final Stft stft = new Stft(config);
        final float[] x = TestSignals.noise(200, 5);
        int pos = 0;
        while (pos < x.length) {
            pos += stft.feed(x, pos, x.length - pos);
        }
        final SpectralFrame copy = new SpectralFrame(config);
        copy.copyFrom(stft.frame());
        assertEquals(stft.frame().index(), copy.index());
        assertEquals(stft.frame().firstSampleFrame(), copy.firstSampleFrame());
        assertArrayEquals(stft.frame().magnitude(), copy.magnitude());
        final SpectralFrame other = new SpectralFrame(new StftConfig(128, 32, 256, WindowType.HANN));
        final IllegalArgumentException e =
            assertThrows(IllegalArgumentException.class, () -> other.copyFrom(stft.frame()));
        assertEquals("frame geometry differs: fftSize 128 vs 256, windowLength 128 vs 128", e.getMessage());
    }
}
