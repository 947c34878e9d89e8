package org.earshot.dsp.stft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.earshot.dsp.TestSignals;
import org.earshot.dsp.window.WindowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IstftTest {
    private static final int[] LENGTHS = {512, 1024, 2048};
    private static final int[] BLOCK_SIZES = {1, 37, 256, 4096};

    static Stream<Arguments> reconstructionCases() {
        final List<Arguments> cases = new ArrayList<>();
        for (final int n : LENGTHS) {
            for (final int block : BLOCK_SIZES) {
                cases.add(Arguments.of(WindowType.HANN, n, n / 4, block));
                cases.add(Arguments.of(WindowType.SQRT_HANN, n, n / 2, block));
                cases.add(Arguments.of(WindowType.HANN, n, n / 2, block));
                cases.add(Arguments.of(WindowType.BLACKMAN, n, n / 4, block));
            }
        }
        return cases.stream();
    }

    /**
     * Streams seeded noise through Stft then Istft in blocks; every output hop must trail the newest input by
     * exactly the declared latency, and the concatenated hops must equal the input from the first fully
     * overlapped sample ({@code windowLength - hop}) on.
     */
    @ParameterizedTest(name = "{0} N={1} hop={2} block={3}")
    @MethodSource("reconstructionCases")
    void shouldReconstructNoiseBelowMinus100DbWhenSpectrumUnmodified(
        final WindowType window, final int n, final int hop, final int blockSize) {
        final StftConfig config = new StftConfig(n, hop, n, window);
        final Stft stft = new Stft(config);
        final Istft istft = new Istft(config);
        final float[] x = TestSignals.noise(6 * 2048 + 333, 1234L + n);
        final float[] y = new float[x.length];
        int produced = 0;
        for (int off = 0; off < x.length; off += blockSize) {
            final int len = Math.min(blockSize, x.length - off);
            int pos = 0;
            while (pos < len) {
                pos += stft.feed(x, off + pos, len - pos);
                if (stft.frameReady()) {
                    istft.addFrame(stft.frame());
                    final long hopStart = istft.nextOutputFrame();
                    assertEquals(hop, istft.readHop(y, produced));
                    produced += hop;
                    final long newestInput = stft.nextSampleFrame() - 1;
                    final long newestOutput = hopStart + hop - 1;
                    assertEquals(istft.latencyFrames(), newestInput - newestOutput);
                }
            }
        }
        assertEquals(((x.length - n) / hop + 1) * hop, produced);
        double signal = 0;
        double error = 0;
        for (int i = n - hop; i < produced; i++) {
            signal += (double)x[i] * x[i];
            final double d = (double)y[i] - x[i];
            error += d * d;
        }
        final double errorDb = 10 * Math.log10(error / signal);
        System.out.printf("ISTFT reconstruction %-9s N=%4d hop=%4d block=%4d: %.1f dB%n", window, n, hop, blockSize,
            errorDb);
        assertTrue(errorDb < -100.0, "reconstruction error " + errorDb + " dB");
    }

    @Test
    void shouldDeclareLatencyOfWindowMinusHop() {
        assertEquals(768, new Istft(new StftConfig(1024, 256, 1024, WindowType.HANN)).latencyFrames());
        assertEquals(512, new Istft(new StftConfig(1024, 512, 2048, WindowType.SQRT_HANN)).latencyFrames());
    }

    @Test
    void shouldReconstructWhenZeroPaddedAndHopDoesNotDivideWindow() {
        final StftConfig config = new StftConfig(1000, 300, 2048, WindowType.HAMMING);
        final Stft stft = new Stft(config);
        final Istft istft = new Istft(config);
        final float[] x = TestSignals.noise(10_000, 9);
        final float[] y = new float[x.length];
        int produced = 0;
        int pos = 0;
        while (pos < x.length) {
            pos += stft.feed(x, pos, x.length - pos);
            if (stft.frameReady()) {
                istft.addFrame(stft.frame());
                produced += istft.readHop(y, produced);
            }
        }
        double error = 0;
        double signal = 0;
        for (int i = 1000 - 300; i < produced; i++) {
            error += (y[i] - x[i]) * (double)(y[i] - x[i]);
            signal += x[i] * (double)x[i];
        }
        assertTrue(10 * Math.log10(error / signal) < -100.0);
    }

    @Test
    void shouldReturnZeroWhenNoFramePending() {
        final Istft istft = new Istft(new StftConfig(64, 16, 64, WindowType.HANN));
        assertEquals(0, istft.readHop(new float[16], 0));
    }

    @Test
    void shouldThrowWhenFrameAddedBeforeHopRead() {
        final StftConfig config = new StftConfig(64, 16, 64, WindowType.HANN);
        final Istft istft = new Istft(config);
        final SpectralFrame frame = new SpectralFrame(config);
        istft.addFrame(frame);
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> istft.addFrame(frame));
        assertEquals("readHop must be called after each addFrame", e.getMessage());
    }

    @Test
    void shouldStartOverFromOriginWhenReset() {
        final StftConfig config = new StftConfig(64, 16, 64, WindowType.HANN);
        final Istft istft = new Istft(config);
        istft.addFrame(new SpectralFrame(config));
        istft.readHop(new float[16], 0);
        assertEquals(16, istft.nextOutputFrame());
        istft.reset(1000);
        assertEquals(1000, istft.nextOutputFrame());
        assertEquals(0, istft.readHop(new float[16], 0));
    }
}
