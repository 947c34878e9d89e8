package org.earshot.detectors.denoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.earshot.detectors.audio.LowDelayStft;
import org.earshot.detectors.audio.OfflineRender;
import org.junit.jupiter.api.Test;

class DenoiseProfileTest {
    private static final int RATE = 16_000;

    @Test
    void shouldLearnTheDensityOfWhiteNoise() {
        final float[] noise = DenoiserNodeTest.gaussian(4 * RATE, 0.1, 11);
        final NoiseProfileNode learner = new NoiseProfileNode("learn");
        OfflineRender.render(learner, n -> List.of(), noise, RATE, 160);
        final NoiseProfile p = learner.snapshot();
        // variance 0.01 at 16 kHz: 10 log10(0.01 / 16000) = -62.04 dB re 1/Hz, flat
        for (final double hz : new double[] {500, 2000, 6000}) {
            assertEquals(-62.04, p.densityDbAt(hz), 0.5, hz + " Hz");
        }
        assertTrue(p.framesAveraged() > 100);
    }

    @Test
    void shouldPredictTheBinPowerOfTheDenoiserStft() {
        final NoiseProfile flat = new NoiseProfile(new double[] {0, 24_000}, new double[] {-62.04, -62.04}, 1);
        final LowDelayStft stft = new LowDelayStft(320, 320, 80, 512);
        final double[] p = flat.binPower(512, RATE, stft.analysisSquaresSum());
        // white noise of variance 0.01: E|X|^2 = 0.01 * sum(w^2)
        assertEquals(0.01 * stft.analysisSquaresSum(), p[100], 0.01 * stft.analysisSquaresSum() * 0.01);
    }

    @Test
    void shouldDenoiseStrongSteadyNoiseBetterWithAProfile() {
        final float[] noise = DenoiserNodeTest.gaussian(3 * RATE, 0.2, 12);
        final NoiseProfileNode learner = new NoiseProfileNode("learn");
        OfflineRender.render(learner, n -> List.of(), DenoiserNodeTest.gaussian(2 * RATE, 0.2, 13), RATE, 160);
        final NoiseProfile profile = learner.snapshot();
        final float[] plain = DenoiserNodeTest.render(DenoiserConfig.defaults(), noise, RATE, 160);
        final float[] seeded = DenoiserNodeTest.render(DenoiserConfig.defaults().withProfile(profile), noise, RATE, 160);
        // the first 100 ms: the profile knows the noise at once
        final double plainDrop = DenoiserNodeTest.powerDb(noise, 0, RATE / 10) - DenoiserNodeTest.powerDb(plain, 0, RATE / 10);
        final double seededDrop = DenoiserNodeTest.powerDb(noise, 0, RATE / 10)
            - DenoiserNodeTest.powerDb(seeded, 0, RATE / 10);
        assertTrue(seededDrop > 10, "with profile " + seededDrop + ", without " + plainDrop);
        assertTrue(seededDrop >= plainDrop - 1, "with " + seededDrop + " without " + plainDrop);
    }

    @Test
    void shouldRejectAProfileThatIsNotAscending() {
        assertEquals("frequenciesHz must be ascending, got 10.0 after 20.0", assertThrows(IllegalArgumentException.class,
            () -> new NoiseProfile(new double[] {0, 20, 10}, new double[] {1, 2, 3}, 1)).getMessage());
    }

    @Test
    void shouldReconstructPerfectlyWithAsymmetricWindows() {
        final float[] x = DenoiserNodeTest.gaussian(RATE, 0.1, 14);
        final LowDelayStft stft = new LowDelayStft(640, 320, 80, 1024);
        final float[] out = new float[x.length + 1024];
        final float[] hop = new float[80];
        int written = 0;
        for (int pos = 0; pos < x.length; ) {
            pos += stft.feed(x, pos, x.length - pos);
            if (stft.frameReady()) {
                stft.synthesize(stft.spectrum(), hop, 0);
                System.arraycopy(hop, 0, out, written, 80);
                written += 80;
            }
        }
        final int lead = stft.leadingOutputFrames();
        for (int i = 0; i + lead < written; i++) {
            assertEquals(x[i], out[i + lead], 1e-5, "sample " + i);
        }
    }
}
