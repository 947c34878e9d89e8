package org.earshot.detectors.beat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The choice between every pulse and every other pulse, on generated accent patterns. */
class PulseLevelTest {
    private static final double FPS = 100.0;

    /**
     * Feeds a pulse train at {@code bpm} whose pulse {@code i} has accent {@code accents[i % accents.length]} in both
     * bands, commits each pulse one frame before it comes (as the tracker does), and records which were beats.
     */
    private static boolean[] run(final PulseLevel level, final double bpm, final double[] accents, final int pulses) {
        final double period = 60.0 * FPS / bpm;
        final boolean[] beat = new boolean[pulses];
        int next = 0;
        for (int frame = 0; next < pulses; frame++) {
            final double pulseFrame = next * period;
            if (frame + 1 >= pulseFrame) {
                beat[next] = level.onPulse(pulseFrame - frame, period, bpm);
                next++;
            }
            final int nearest = (int)Math.round(frame / period);
            final boolean on = Math.abs(frame - nearest * period) <= 0.5;
            final double a = on ? accents[nearest % accents.length] : 0.02;
            level.push(a, a, true);
        }
        return beat;
    }

    @Test
    void shouldEmitEveryOtherPulseWhenEveryOtherIsClearlyStrongerAndHalfTheTempoIsNearerThePrior() {
        final PulseLevel level = new PulseLevel(100.0, 60.0, 100, FPS);
        final boolean[] beat = run(level, 160.0, new double[] {1.0, 0.5}, 60);
        assertTrue(level.half());
        for (int i = 30; i < beat.length; i++) {
            assertEquals(i % 2 == 0, beat[i], "pulse " + i + ": the strong pulses are the beats");
        }
    }

    @Test
    void shouldEmitEveryPulseAtOnceWhenTheTrackerItselfSlowsToTheEmittedLevel() {
        final PulseLevel level = new PulseLevel(100.0, 60.0, 100, FPS);
        run(level, 150.0, new double[] {1.0, 0.0}, 11);
        assertTrue(level.half(), "150 BPM clicks with silent off-pulses: half the tempo");

        // the tracker now follows the clicks at 75 BPM itself: too few pulses of the new grid to judge yet, and
        // halving again would drop every other beat
        final boolean[] beat = run(level, 75.0, new double[] {1.0}, 12);

        assertFalse(level.half());
        for (int i = 0; i < beat.length; i++) {
            assertTrue(beat[i], "pulse " + i + " at 75 BPM is a beat");
        }
    }

    @Test
    void shouldEmitEveryPulseOfMetronomeWithAccentedDownbeat() {
        final PulseLevel level = new PulseLevel(100.0, 60.0, 100, FPS);
        final boolean[] beat = run(level, 160.0, new double[] {1.0, 0.5, 0.5, 0.5}, 60);
        assertFalse(level.half());
        for (final boolean b : beat) {
            assertTrue(b);
        }
    }

    @Test
    void shouldEmitEveryPulseWhenHalfTheTempoIsFartherFromThePrior() {
        final PulseLevel level = new PulseLevel(100.0, 60.0, 100, FPS);
        run(level, 130.0, new double[] {1.0, 0.4}, 60);
        assertFalse(level.half());
    }

    @Test
    void shouldEmitEveryPulseWhenHalfTheTempoIsBelowTheRange() {
        final PulseLevel level = new PulseLevel(100.0, 90.0, 100, FPS);
        run(level, 170.0, new double[] {1.0, 0.4}, 60);
        assertFalse(level.half());
    }

    @Test
    void shouldKeepTheSlowerLevelThroughBarsOfEvenAccentsButNotTakeItLate() {
        final PulseLevel level = new PulseLevel(100.0, 60.0, 100, FPS);
        run(level, 160.0, new double[] {1.0, 0.5}, 24);
        assertTrue(level.half());
        run(level, 160.0, new double[] {1.0}, 40);
        assertTrue(level.half(), "a stretch of even accents does not undo the level");

        final PulseLevel late = new PulseLevel(100.0, 60.0, 100, FPS);
        run(late, 160.0, new double[] {1.0}, 40);
        run(late, 160.0, new double[] {1.0, 0.5}, 40);
        assertFalse(late.half(), "alternation that only appears after 10 s at a steady tempo is not taken");
    }

    @Test
    void shouldForgetTheLevelOnReset() {
        final PulseLevel level = new PulseLevel(100.0, 60.0, 100, FPS);
        run(level, 160.0, new double[] {1.0, 0.5}, 40);
        assertTrue(level.half());
        level.reset();
        assertFalse(level.half());
        assertEquals(1.0, level.alternation());
    }
}
