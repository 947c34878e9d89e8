package org.earshot.dsp.stft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.earshot.dsp.TestSignals;
import org.earshot.dsp.window.WindowType;
import org.junit.jupiter.api.Test;

/** After warm-up, 10,000 hops through the STFT, its views and the ISTFT must allocate nothing. */
class StftAllocationTest {
    private static final int HOPS = 10_000;

    private final StftConfig config = new StftConfig(2048, 512, 2048, WindowType.HANN);
    private final Stft stft = new Stft(config);
    private final Istft istft = new Istft(config);
    private final float[] input = TestSignals.noise(37 * 1000, 11);
    private final float[] output = new float[512];
    private int inputPos;
    private double sink;

    /** Feeds blocks of 37 samples until {@code hops} frames have gone through, reading every view. */
    private void runHops(final int hops) {
        int frames = 0;
        while (frames < hops) {
            if (inputPos + 37 > input.length) {
                inputPos = 0;
            }
            int pos = 0;
            while (pos < 37) {
                pos += stft.feed(input, inputPos + pos, 37 - pos);
                if (stft.frameReady()) {
                    final SpectralFrame f = stft.frame();
                    sink += f.magnitude()[10] + f.phase()[10] + f.power()[10] + f.logMagnitude(100f)[10]
                        + f.magnitudeDb(-120f)[10] + f.re(3) + f.im(3) + f.firstSampleFrame() + f.centreFrame();
                    istft.addFrame(f);
                    istft.readHop(output, 0);
                    sink += output[7];
                    frames++;
                }
            }
            inputPos += 37;
        }
    }

    @Test
    void shouldNotAllocateWhenFeedingReadingViewsAndResynthesisingAfterWarmUp() {
        runHops(HOPS);
        stft.reset(5);
        istft.reset(5);
        TestSignals.allocatedBytes();
        final StringBuilder windows = new StringBuilder();
        boolean clean = false;
        for (int window = 0; window < 4 && !clean; window++) {
            final long before = TestSignals.allocatedBytes();
            runHops(HOPS);
            stft.reset();
            istft.reset();
            final long after = TestSignals.allocatedBytes();
            windows.append(after - before).append(' ');
            clean = after == before;
        }
        assertEquals(true, clean, "bytes allocated per " + HOPS + "-hop window: " + windows);
        assertEquals(false, Double.isNaN(sink));
    }
}
