package org.earshot.detectors.classify.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.earshot.detectors.classify.Signals;
import org.junit.jupiter.api.Test;

class AugmenterTest {
    private static final int RATE = 16_000;

    /** 3 s of the clip's own room (noise at 0.01) with a 300 ms burst 1.5 s in. */
    private static float[] burstInARoom() {
        final float[] x = Signals.noise(RATE * 3, 0.01, 1);
        Signals.addBurst(x, RATE, RATE * 3 / 2, 300, 0.5, 2);
        return x;
    }

    private static List<Augmenter.Noise> pool() {
        return List.of(new Augmenter.Noise(Signals.noise(RATE * 2, 0.1, 3), -1));
    }

    @Test
    void shouldCutAnEventClipToItsSoundWithFadedEdges() {
        final float[] isolated = new Augmenter(RATE, pool(), 1.0).isolate(burstInARoom());
        // the burst and at most the 90 ms its last loud 100 ms may ring on, not the 2.7 s of room around it
        assertTrue(isolated.length >= RATE * 3 / 10 && isolated.length <= RATE * 45 / 100,
            "isolated length " + isolated.length);
        // the first and last samples are faded in and out: the cut adds no click of its own
        assertEquals(0.0, isolated[0], 0.01);
        assertEquals(0.0, isolated[isolated.length - 1], 0.01);
    }

    @Test
    void shouldLeaveAClipWithNoSoundStandingOutAsItIs() {
        final float[] room = Signals.noise(RATE * 3, 0.01, 4);
        assertEquals(room.length, new Augmenter(RATE, pool(), 1.0).isolate(room).length);
    }

    @Test
    void shouldMakeTheSameCopiesAsBeforeWhenTheShareIsZeroAndIsolateOnlyEventClips() {
        final float[] clip = burstInARoom();
        final Augmenter.Augmented plain = new Augmenter(RATE, pool()).augment(clip, true, null,
            new SplittableRandom(5));
        final Augmenter.Augmented zero = new Augmenter(RATE, pool(), 0.0).augment(clip, true, null,
            new SplittableRandom(5));
        assertArrayEquals(plain.samples(), zero.samples());
        // a background clip is never cut: a texture has no sound to cut out, and no random number is drawn for it
        final Augmenter.Augmented texture = new Augmenter(RATE, pool()).augment(clip, false, null,
            new SplittableRandom(6));
        final Augmenter.Augmented textureAll = new Augmenter(RATE, pool(), 1.0).augment(clip, false, null,
            new SplittableRandom(6));
        assertArrayEquals(texture.samples(), textureAll.samples());
        // an event clip at share 1 is the burst alone, padded: far shorter than the 3 s recording
        final Augmenter.Augmented cut = new Augmenter(RATE, pool(), 1.0).augment(clip, true, null,
            new SplittableRandom(5));
        assertTrue(cut.clipEnd() - cut.clipStart() < RATE / 2, "clip span " + (cut.clipEnd() - cut.clipStart()));
    }

    @Test
    void shouldRefuseAShareOutsideZeroToOne() {
        assertThrows(IllegalArgumentException.class, () -> new Augmenter(RATE, pool(), 1.5));
        assertThrows(IllegalArgumentException.class, () -> new Augmenter(RATE, pool(), Double.NaN));
    }
}
