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
        for (int round = 0; round < 2; round++) {
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
            if (round == 1) {
                assertEquals(before, after, "bytes allocated over 10,000 frames");
            }
        }
        assertEquals(false, Double.isNaN(sink));
    }
}
