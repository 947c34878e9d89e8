package org.earshot.detectors.classify.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.earshot.detectors.classify.Signals;
import org.junit.jupiter.api.Test;

class SoundSpanTest {
    private static final int RATE = 16_000;

    /** Faint noise with steady tones of {@code lengthsMs} starting at {@code startsMs}, the first the loudest. */
    private static float[] clip(final int seconds, final int[] startsMs, final int[] lengthsMs) {
        final float[] x = Signals.noise(RATE * seconds, 0.001, 7);
        for (int i = 0; i < startsMs.length; i++) {
            Signals.addTone(x, RATE, startsMs[i] * RATE / 1000, lengthsMs[i] * RATE / 1000, 700, i == 0 ? 0.2 : 0.1);
        }
        return x;
    }

    @Test
    void shouldMeasureHowLongTheSoundInAClipLasts() {
        // a 600 ms sound in a 5 s clip: its span, with the 100 ms the short-term energy adds
        assertEquals(0.7, SoundSpan.seconds(clip(5, new int[] {2000}, new int[] {600}), RATE), 0.03);
    }

    @Test
    void shouldBridgeShortPausesButNotLongOnes() {
        // two sounds 300 ms apart are one (a sneeze's in-breath and burst); 1 s apart, only the louder one counts
        assertEquals(1.6, SoundSpan.seconds(clip(5, new int[] {1000, 1800}, new int[] {500, 700}), RATE), 0.03);
        assertEquals(0.6, SoundSpan.seconds(clip(5, new int[] {1000, 2500}, new int[] {500, 700}), RATE), 0.03);
    }

    @Test
    void shouldSpanTheWholeClipOfATexture() {
        assertEquals(4.0, SoundSpan.seconds(Signals.noise(RATE * 4, 0.05, 3), RATE), 1e-9);
        // a sound that lasts the whole clip
        assertEquals(4.9, SoundSpan.seconds(clip(5, new int[] {0}, new int[] {5000}), RATE), 0.1);
    }

    @Test
    void shouldLimitAClassToTwiceItsLongestSoundPlusTheContextUnlessItsSoundsAreSustained() {
        assertEquals(2.0 * 1.2 + 1.0, SoundSpan.longestEventSeconds(new double[] {0.5, 1.2, 0.8}, 1.0), 1e-6);
        // a crying baby that filled a 5 s clip: nothing is known of where such a sound ends
        assertEquals(0f, SoundSpan.longestEventSeconds(new double[] {0.5, 4.9}, 1.0));
        assertEquals(0f, SoundSpan.longestEventSeconds(new double[0], 1.0));
    }
}
