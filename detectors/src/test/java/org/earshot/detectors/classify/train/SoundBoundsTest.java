package org.earshot.detectors.classify.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SoundBoundsTest {
    private static final int RATE = 16_000;

    /** Faint noise with 700 Hz tones at {@code startsMs} for {@code lengthsMs}, the first at 0.2, the others at 0.1. */
    private static float[] clip(final int seconds, final int[] startsMs, final int[] lengthsMs) {
        final SplittableRandom r = new SplittableRandom(7);
        final float[] x = new float[RATE * seconds];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float)(0.001 * r.nextGaussian());
        }
        for (int t = 0; t < startsMs.length; t++) {
            final int from = startsMs[t] * RATE / 1000;
            for (int i = 0; i < lengthsMs[t] * RATE / 1000; i++) {
                x[from + i] += (float)((t == 0 ? 0.2 : 0.1) * Math.sin(2 * Math.PI * 700 * i / RATE));
            }
        }
        return x;
    }

    @Test
    void shouldFindTheSoundInAClipToTheFrame() {
        // a 600 ms tone from 2 s: its 100 ms energies reach 90 ms before it and end with it
        assertArrayEquals(new int[] {1910 * 16, 2600 * 16}, SoundBounds.bounds(clip(5, new int[] {2000},
            new int[] {600}), RATE));
    }

    @Test
    void shouldBridgeShortPausesButNotLongOnes() {
        // 300 ms apart: one sound; 1 s apart: the louder alone
        assertArrayEquals(new int[] {910 * 16, 2500 * 16}, SoundBounds.bounds(clip(5, new int[] {1000, 1800},
            new int[] {500, 700}), RATE));
        assertArrayEquals(new int[] {910 * 16, 1500 * 16}, SoundBounds.bounds(clip(5, new int[] {1000, 2500},
            new int[] {500, 700}), RATE));
    }

    @Test
    void shouldFindNoSoundInATexture() {
        final SplittableRandom r = new SplittableRandom(3);
        final float[] noise = new float[RATE * 4];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float)(0.05 * r.nextGaussian());
        }
        assertNull(SoundBounds.bounds(noise, RATE));
    }
}
