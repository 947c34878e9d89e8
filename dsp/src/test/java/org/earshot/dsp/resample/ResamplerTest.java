package org.earshot.dsp.resample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Generated sines through the resampler: gain, frequency, alignment, stopband, length, blocks, garbage. */
class ResamplerTest {
    /** Output frames ignored at each end of a stream when measuring (filter edges). */
    private static final int EDGE_FRAMES = 2_000;

    @ParameterizedTest(name = "{0} Hz -> {1} Hz")
    @CsvSource({"44100, 48000", "48000, 16000", "8000, 48000", "192000, 44100", "48000, 44100",
        "22050, 48000", "96000, 8000", "44100, 44100", "11025, 44100", "47999, 48000"})
    void shouldKeepFrequencyAmplitudeAndTimingOfOneKiloHertzSineWhenResampling(final int inHz, final int outHz) {
        final double amplitude = 0.5;
        final float[] in = sine(inHz, 1000.0, amplitude, inHz);
        final float[] out = resampleAll(new Resampler(ResamplerConfig.of(inHz, outHz)), in, 4096);

        final double[] fit = fitSine(out, outHz, 1000.0, EDGE_FRAMES, out.length - EDGE_FRAMES);
        final double gainDb = 20 * Math.log10(Math.hypot(fit[0], fit[1]) / amplitude);
        assertEquals(0.0, gainDb, 0.1, "gain in dB");
        // aligned: the output is the same sine sampled at output times, phase 0
        double worst = 0;
        for (int n = EDGE_FRAMES; n < out.length - EDGE_FRAMES; n++) {
            worst = Math.max(worst, Math.abs(out[n] - amplitude * Math.sin(2 * Math.PI * 1000.0 * n / outHz)));
        }
        assertTrue(20 * Math.log10(worst / amplitude) < -70, "largest deviation from the ideal sine: " + worst);
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz, tone {2} Hz")
    @CsvSource({"48000, 16000, 8100", "48000, 16000, 11000", "48000, 16000, 23000", "192000, 44100, 22300",
        "192000, 44100, 60000", "44100, 8000, 4050", "96000, 48000, 24500", "48000, 44100, 22200"})
    void shouldAttenuateToneAboveOutputNyquistByEightyDbWhenDownsampling(
        final int inHz, final int outHz, final double toneHz) {
        final float[] in = sine(inHz, toneHz, 1.0, inHz);
        final float[] out = resampleAll(new Resampler(ResamplerConfig.of(inHz, outHz)), in, 4096);

        final double levelDb = 20 * Math.log10(peak(out, EDGE_FRAMES, out.length - EDGE_FRAMES));
        assertTrue(levelDb <= -80.0, "alias level " + levelDb + " dB");
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz, tone {2} Hz")
    @CsvSource({"8000, 48000, 3500", "44100, 48000, 19000", "16000, 44100, 7000"})
    void shouldRejectImagesByEightyDbWhenUpsampling(final int inHz, final int outHz, final double toneHz) {
        final float[] in = sine(inHz, toneHz, 1.0, inHz);
        final float[] out = resampleAll(new Resampler(ResamplerConfig.of(inHz, outHz)), in, 4096);

        final double[] fit = fitSine(out, outHz, toneHz, EDGE_FRAMES, out.length - EDGE_FRAMES);
        final float[] residual = new float[out.length];
        for (int n = 0; n < out.length; n++) {
            final double w = 2 * Math.PI * toneHz * n / outHz;
            residual[n] = (float)(out[n] - fit[0] * Math.sin(w) - fit[1] * Math.cos(w));
        }
        final double imageDb = 20 * Math.log10(peak(residual, EDGE_FRAMES, out.length - EDGE_FRAMES));
        assertTrue(imageDb <= -80.0, "image level " + imageDb + " dB");
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz, {2} frames")
    @CsvSource({"44100, 48000, 44100", "44100, 48000, 12345", "48000, 16000, 1001", "8000, 48000, 7",
        "192000, 44100, 96001", "48000, 48000, 999", "44100, 48000, 0", "47999, 48000, 5000"})
    void shouldProduceRatioTimesInputFramesWhenFlushed(final int inHz, final int outHz, final int frames) {
        final Resampler resampler = new Resampler(ResamplerConfig.of(inHz, outHz));
        final float[] out = resampleAll(resampler, new float[frames], 37);

        assertEquals((long)Math.ceil((double)frames * outHz / inHz), out.length);
        assertEquals(0, resampler.pendingOutputFrames());
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz")
    @CsvSource({"44100, 48000", "48000, 16000", "8000, 48000", "192000, 44100", "47999, 48000"})
    void shouldGiveIdenticalOutputWhenBlockSizesDiffer(final int inHz, final int outHz) {
        final float[] in = noise(inHz / 2, 42);
        final float[] whole = resampleAll(new Resampler(ResamplerConfig.of(inHz, outHz)), in, 4096);

        assertArrayEquals(whole, resampleAll(new Resampler(ResamplerConfig.of(inHz, outHz)), in, 1));
        assertArrayEquals(whole, resampleAll(new Resampler(ResamplerConfig.of(inHz, outHz)), in, 37));
    }

    @Test
    void shouldGiveSameOutputAfterResetWhenFedAgain() {
        final Resampler resampler = new Resampler(ResamplerConfig.of(44100, 48000));
        final float[] in = noise(10_000, 7);
        final float[] first = resampleAll(resampler, in, 512);
        resampler.reset();

        assertArrayEquals(first, resampleAll(resampler, in, 300));
    }

    @Test
    void shouldHoldBackAboutLatencyFramesWhenStreaming() {
        final Resampler resampler = new Resampler(ResamplerConfig.of(44100, 48000));
        final float[] in = new float[44100];
        final float[] out = new float[resampler.maxOutputFrames(in.length)];
        final int written = resampler.process(in, 0, in.length, out, 0, out.length);

        assertTrue(resampler.latencyOutputFrames() > 0);
        assertEquals(48000 - written, resampler.pendingOutputFrames());
        assertTrue(Math.abs(resampler.pendingOutputFrames() - resampler.latencyOutputFrames()) <= 2,
            "pending " + resampler.pendingOutputFrames() + " vs latency " + resampler.latencyOutputFrames());
    }

    @Test
    void shouldCopyUnchangedWithZeroLatencyWhenRatesAreEqual() {
        final Resampler resampler = new Resampler(ResamplerConfig.of(48000, 48000));
        final float[] in = noise(1000, 3);
        final float[] out = new float[1000];

        assertTrue(resampler.isPassThrough());
        assertEquals(0, resampler.latencyOutputFrames());
        assertEquals(1000, resampler.process(in, 0, 1000, out, 0, 1000));
        assertArrayEquals(in, out);
        assertEquals(0, resampler.flush(out, 0, 1000));
    }

    @Test
    void shouldInterpolatePhasesWhenReducedRatioIsLarge() {
        final Resampler resampler = new Resampler(ResamplerConfig.of(47999, 48000));

        assertTrue(resampler.interpolatesPhases());
        assertFalse(new Resampler(ResamplerConfig.of(44100, 48000)).interpolatesPhases());
    }

    @Test
    void shouldNotAllocateWhenProcessingBlocksAfterWarmUp() {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final Resampler resampler = new Resampler(ResamplerConfig.of(44100, 48000));
        final float[] in = noise(256, 9);
        final float[] out = new float[resampler.maxOutputFrames(256)];
        for (int i = 0; i < 20_000; i++) {
            resampler.process(in, 0, 256, out, 0, out.length);
        }
        final StringBuilder windows = new StringBuilder();
        boolean clean = false;
        for (int window = 0; window < 4 && !clean; window++) {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                resampler.process(in, 0, i % 257, out, 0, out.length);
            }
            final long after = threads.getCurrentThreadAllocatedBytes();
            windows.append(after - before).append(' ');
            clean = after == before;
        }

        assertEquals(true, clean, "bytes allocated per 10,000-block window: " + windows);
    }

    @Test
    void shouldRejectInputRateWhenOutOfRange() {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> ResamplerConfig.of(7999, 48000));
        assertEquals("inputRateHz must be in [8000, 192000], got 7999", ex.getMessage());
    }

    @Test
    void shouldRejectOutputRateWhenOutOfRange() {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> ResamplerConfig.of(48000, 384000));
        assertEquals("outputRateHz must be in [8000, 192000], got 384000", ex.getMessage());
    }

    @Test
    void shouldRejectAttenuationWhenOutOfRange() {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new ResamplerConfig(48000, 16000, 20.0, 0.9));
        assertEquals("stopbandAttenuationDb must be in [40.0, 140.0], got 20.0", ex.getMessage());
    }

    @Test
    void shouldRejectPassbandEdgeWhenNaN() {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new ResamplerConfig(48000, 16000, 90.0, Double.NaN));
        assertEquals("passbandEdgeRatio must be in [0.5, 0.98], got NaN", ex.getMessage());
    }

    @Test
    void shouldRejectSmallOutputBufferWhenProcessing() {
        final Resampler resampler = new Resampler(ResamplerConfig.of(8000, 48000));
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> resampler.process(new float[10], 0, 10, new float[59], 0, 59));
        assertEquals("outCapacity must be >= maxOutputFrames(10) = 60, got 59", ex.getMessage());
    }

    @Test
    void shouldRejectProcessWhenFlushedWithoutReset() {
        final Resampler resampler = new Resampler(ResamplerConfig.of(8000, 48000));
        resampler.flush(new float[10], 0, 10);
        final IllegalStateException ex = assertThrows(IllegalStateException.class,
            () -> resampler.process(new float[1], 0, 1, new float[6], 0, 6));
        assertEquals("process after flush: call reset() first", ex.getMessage());
    }

    static float[] resampleAll(final Resampler resampler, final float[] in, final int blockFrames) {
        final float[] out = new float[resampler.maxOutputFrames(in.length) + resampler.latencyOutputFrames() + 16];
        final float[] block = new float[resampler.maxOutputFrames(blockFrames)];
        int written = 0;
        for (int i = 0; i < in.length; i += blockFrames) {
            final int n = Math.min(blockFrames, in.length - i);
            final int got = resampler.process(in, i, n, block, 0, block.length);
            System.arraycopy(block, 0, out, written, got);
            written += got;
            resampler.process(in, i, 0, block, 0, block.length);
        }
        int got;
        while ((got = resampler.flush(block, 0, block.length)) > 0) {
            System.arraycopy(block, 0, out, written, got);
            written += got;
        }
        return Arrays.copyOf(out, written);
    }

    static float[] sine(final int frames, final double hz, final double amplitude, final int rateHz) {
        final float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float)(amplitude * Math.sin(2 * Math.PI * hz * i / rateHz));
        }
        return x;
    }

    static float[] noise(final int frames, final long seed) {
        final java.util.Random random = new java.util.Random(seed);
        final float[] x = new float[frames];
        for (int i = 0; i < frames; i++) {
            x[i] = (float)(random.nextDouble() * 2 - 1);
        }
        return x;
    }

    /** Least-squares fit of a sin b cos at a known frequency over [from, to): returns {a, b}. */
    static double[] fitSine(final float[] y, final int rateHz, final double hz, final int from, final int to) {
        double ss = 0;
        double cc = 0;
        double sc = 0;
        double ys = 0;
        double yc = 0;
        for (int n = from; n < to; n++) {
            final double w = 2 * Math.PI * hz * n / rateHz;
            final double s = Math.sin(w);
            final double c = Math.cos(w);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            ys += y[n] * s;
            yc += y[n] * c;
        }
        final double det = ss * cc - sc * sc;
        return new double[] {(ys * cc - yc * sc) / det, (yc * ss - ys * sc) / det};
    }

    static double peak(final float[] y, final int from, final int to) {
        double max = 0;
        for (int n = from; n < to; n++) {
            max = Math.max(max, Math.abs(y[n]));
        }
        return max;
    }
}
