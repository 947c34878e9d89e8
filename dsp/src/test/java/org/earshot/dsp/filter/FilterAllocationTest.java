package org.earshot.dsp.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.earshot.dsp.TestSignals;
import org.junit.jupiter.api.Test;

/** After warm-up, 10,000 frames through both filterbanks and the whitening must allocate nothing. */
class FilterAllocationTest {
    @Test
    void shouldNotAllocateWhenApplyingFilterbanksAndWhiteningAfterWarmUp() {
        final MelFilterbank mel = new MelFilterbank(
            new MelFilterbankConfig(80, 0.0, 8000.0, MelScale.SLANEY, TriangleNorm.UNIT_SUM), 16_000, 1024);
        final LogFilterbank log = new LogFilterbank(LogFilterbankConfig.madmomDefaults(), 44_100, 2048);
        final AdaptiveWhitening whitening = new AdaptiveWhitening(new AdaptiveWhiteningConfig(5.0, 1e-3f), 1025, 441,
            44_100);
        final float[] spectrum = TestSignals.noise(1025, 3);
        final float[] complex = TestSignals.noise(2050, 4);
        final float[] melOut = new float[mel.bands()];
        final float[] logOut = new float[log.bands()];
        double sink = 0;
        final StringBuilder windows = new StringBuilder();
        boolean clean = false;
        // round 0 warms up; then up to 4 measured windows, one of which must allocate nothing (a one-off JIT
        // deoptimisation can re-materialise a few objects once; allocation per frame fails every window)
        for (int round = 0; round < 5 && !clean; round++) {
            final long before = TestSignals.allocatedBytes();
            for (int i = 0; i < 10_000; i++) {
                mel.apply(spectrum, melOut);
                log.apply(spectrum, logOut);
                whitening.apply(spectrum, complex);
                whitening.apply(spectrum);
                sink += melOut[3] + logOut[5];
            }
            whitening.reset();
            final long after = TestSignals.allocatedBytes();
            if (round > 0) {
                windows.append(after - before).append(' ');
                clean = after == before;
            }
        }
        assertEquals(true, clean, "bytes allocated per 10,000-frame window: " + windows);
        assertEquals(false, Double.isNaN(sink));
    }
}
