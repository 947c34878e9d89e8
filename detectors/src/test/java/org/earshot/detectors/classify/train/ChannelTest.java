package org.earshot.detectors.classify.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ChannelTest {
    private static final int RATE = 16_000;

    @Test
    void shouldTakeItsCommandLineNameAndNameTheOthersWhenWrong() {
        for (final Channel c : Channel.values()) {
            assertEquals(c, Channel.named(c.cliName()));
            assertEquals(c, Channel.named(c.cliName().toUpperCase(java.util.Locale.ROOT)));
        }
        assertEquals(Channel.CHEAP_MIC, Channel.named("cheap_mic"));
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Channel.named("phone"));
        assertEquals("unknown channel 'phone': one of clean, telephone, cheap-mic, narrowband-8k, reverb", e.getMessage());
    }

    private static float[] tone(final double hz) {
        final float[] x = new float[RATE * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float)(0.5 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        return x;
    }

    /** Level change in dB over the second half (past the filters' and resamplers' transients). */
    private static double gainDb(final Channel channel, final double hz) {
        final float[] x = tone(hz);
        final float[] y = channel.apply(x, RATE);
        double in = 0;
        double out = 0;
        for (int i = x.length / 2; i < x.length; i++) {
            in += (double)x[i] * x[i];
            out += (double)y[i] * y[i];
        }
        return 10 * Math.log10(out / in);
    }

    @Test
    void cleanLeavesTheSamplesAsTheyAreAndEveryChannelKeepsTheLength() {
        final float[] x = tone(440);
        assertArrayEquals(x, Channel.CLEAN.apply(x, RATE));
        for (final Channel c : Channel.values()) {
            assertEquals(x.length, c.apply(x, RATE).length, c.name());
        }
    }

    @Test
    void aTelephoneLinePassesSpeechBandAndCutsBassAndTreble() {
        assertEquals(0, gainDb(Channel.TELEPHONE, 1000), 1.5);
        assertTrue(gainDb(Channel.TELEPHONE, 100) < -30, "100 Hz");
        assertTrue(gainDb(Channel.TELEPHONE, 7000) < -20, "7 kHz");
    }

    @Test
    void aCheapMicrophoneLosesTheLowestBassAndTheTopOctave() {
        assertEquals(0, gainDb(Channel.CHEAP_MIC, 1500), 1.5);
        assertTrue(gainDb(Channel.CHEAP_MIC, 60) < -20, "60 Hz");
        assertTrue(gainDb(Channel.CHEAP_MIC, 7500) < -6, "7.5 kHz");
    }

    @Test
    void theTripThrough8kHzKeepsTheNarrowBandAndRemovesTheRest() {
        assertEquals(0, gainDb(Channel.NARROWBAND_8K, 1000), 1.0);
        assertTrue(gainDb(Channel.NARROWBAND_8K, 5000) < -40, "5 kHz");
    }

    @Test
    void aReverberantRoomLeavesATailAfterAnImpulse() {
        final float[] x = new float[RATE];
        x[RATE / 10] = 1f;
        final float[] y = Channel.REVERB.apply(x, RATE);
        double tail = 0;
        for (int i = RATE / 10 + RATE / 10; i < RATE / 10 + RATE / 4; i++) {
            tail += (double)y[i] * y[i];
        }
        assertTrue(tail > 1e-4, "energy 100-250 ms after the impulse: " + tail);
    }
}
