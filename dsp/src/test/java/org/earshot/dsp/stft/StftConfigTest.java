package org.earshot.dsp.stft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.earshot.dsp.window.WindowType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class StftConfigTest {
    private static void assertRejected(final String message, final Executable executable) {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, executable);
        assertEquals(message, e.getMessage());
    }

    @Test
    void shouldRejectHopWhenZero() {
        assertRejected("hop must be in [1, windowLength=2048], got 0",
            () -> new StftConfig(2048, 0, 2048, WindowType.HANN));
    }

    @Test
    void shouldRejectHopWhenLongerThanWindow() {
        assertRejected("hop must be in [1, windowLength=1024], got 1025",
            () -> new StftConfig(1024, 1025, 2048, WindowType.HANN));
    }

    @Test
    void shouldRejectWindowLengthWhenTooShort() {
        assertRejected("windowLength must be in [4, 4096], got 3", () -> new StftConfig(3, 1, 4, WindowType.HANN));
    }

    @Test
    void shouldRejectWindowLengthWhenTooLong() {
        assertRejected("windowLength must be in [4, 4096], got 8192",
            () -> new StftConfig(8192, 512, 8192, WindowType.HANN));
    }

    @Test
    void shouldRejectFftSizeWhenShorterThanWindow() {
        assertRejected("fftSize must be a power of two in [windowLength=1024, 4096], got 512",
            () -> new StftConfig(1024, 256, 512, WindowType.HANN));
    }

    @Test
    void shouldRejectFftSizeWhenNotPowerOfTwo() {
        assertRejected("fftSize must be a power of two in [windowLength=1000, 4096], got 1000",
            () -> new StftConfig(1000, 250, 1000, WindowType.HANN));
    }

    @Test
    void shouldRejectFftSizeWhenAboveSingleThreadedLimit() {
        assertRejected("fftSize must be a power of two in [windowLength=2048, 4096], got 8192",
            () -> new StftConfig(2048, 512, 8192, WindowType.HANN));
    }

    @Test
    void shouldRejectWindowWhenNull() {
        assertRejected("window must not be null", () -> new StftConfig(1024, 256, 1024, null));
    }

    @Test
    void shouldPickSmallestPowerOfTwoFftWhenBuiltWithOf() {
        assertEquals(1024, StftConfig.of(1000, 250, WindowType.HANN).fftSize());
        assertEquals(1024, StftConfig.of(1024, 256, WindowType.HANN).fftSize());
        assertEquals(4, StftConfig.of(4, 1, WindowType.HANN).fftSize());
    }

    @Test
    void shouldDeriveBinsAndBinWidthWhenValid() {
        final StftConfig c = new StftConfig(1000, 250, 2048, WindowType.HANN);
        assertEquals(1025, c.bins());
        assertEquals(44_100.0 / 2048, c.binWidthHz(44_100), 1e-12);
        assertEquals(500, c.centreOffsetFrames());
    }

    @Test
    void shouldRejectIstftWhenWindowHopPairNotNola() {
        final StftConfig c = new StftConfig(512, 512, 512, WindowType.HANN);
        assertRejected("hop=512 with window HANN and windowLength=512 is not NOLA: min/max of the overlap-added "
            + "squared window must be >= 1.0E-4, got 0.0", () -> new Istft(c));
    }
}
