package org.earshot.detectors.beat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When beats start and stop, on confidence sequences of known shape (100 tracker frames per second). */
class BeatGateTest {
    private static final double FPS = 100.0;
    private static final int HOLD = (int)Math.round(BeatGate.STOP_HOLD_SECONDS * FPS);
    private static final int LOCK = (int)Math.round(BeatGate.LOCK_HOLD_SECONDS * FPS);

    /** Feeds frames that meet the start condition until just before the lock hold is over. */
    private static void almostLock(final BeatGate g, final double confidence, final double periodicity) {
        for (int i = 0; i < LOCK - 1; i++) {
            assertEquals(BeatGate.Change.NONE, g.update(false, false, false, confidence, confidence, periodicity, 0),
                "frame " + i);
        }
    }

    private static BeatGate locked() {
        final BeatGate g = new BeatGate(BeatTrackerConfig.defaults(), FPS);
        almostLock(g, 0.3, 0.3);
        assertEquals(BeatGate.Change.LOCKED, g.update(false, false, false, 0.3, 0.3, 0.3, 0));
        return g;
    }

    @Test
    void shouldStartOnConfidenceAndPeriodicityOutsideSilenceAndTalk() {
        final BeatGate g = new BeatGate(BeatTrackerConfig.defaults(), FPS);
        assertEquals(BeatGate.Change.NONE, g.update(false, false, false, 0.14, 0.14, 0.3, 0), "confidence under 0.15");
        assertEquals(BeatGate.Change.NONE, g.update(false, false, false, 0.3, 0.3, 0.05, 0), "periodicity under 0.1");
        assertEquals(BeatGate.Change.NONE, g.update(true, false, false, 0.3, 0.3, 0.3, 0), "silence");
        assertEquals(BeatGate.Change.NONE, g.update(false, true, false, 0.9, 0.9, 0.9, 0), "talk");
        assertEquals(BeatGate.Change.NONE, g.update(false, false, true, 0.9, 0.9, 0.9, 0), "talk beginning");
        almostLock(g, 0.15, 0.1);
        assertEquals(BeatGate.Change.LOCKED, g.update(false, false, false, 0.15, 0.15, 0.1, 0));
        assertTrue(g.locked());
    }

    @Test
    void shouldStartOnALowerConfidenceWhenTheInputIsStronglyPeriodic() {
        // defaults: confidence 0.15, periodicity 0.1; with the periodicity at twice that, two thirds of 0.15 will do
        final BeatGate weak = new BeatGate(BeatTrackerConfig.defaults(), FPS);
        for (int i = 0; i < 3 * LOCK; i++) {
            assertEquals(BeatGate.Change.NONE, weak.update(false, false, false, 0.14, 0.14, 0.19, 0),
                "a confidence under 0.15 with a periodicity under 0.2, frame " + i);
        }
        final BeatGate strong = new BeatGate(BeatTrackerConfig.defaults(), FPS);
        almostLock(strong, 0.1, 0.2);
        assertEquals(BeatGate.Change.LOCKED, strong.update(false, false, false, 0.1, 0.1, 0.2, 0));
        final BeatGate tooLow = new BeatGate(BeatTrackerConfig.defaults(), FPS);
        for (int i = 0; i < 3 * LOCK; i++) {
            assertEquals(BeatGate.Change.NONE, tooLow.update(false, false, false, 0.09, 0.09, 0.9, 0),
                "under two thirds of the threshold however periodic, frame " + i);
        }
        for (int i = 0; i < 3 * LOCK; i++) {
            assertEquals(BeatGate.Change.NONE, tooLow.update(false, true, false, 0.5, 0.5, 0.9, 0), "nor in talk, frame " + i);
        }
    }

    @Test
    void shouldKeepARunGoingUnderTalkWhileBothConfidencesForeseeThePulse() {
        final BeatGate g = locked();
        // a singer over a locked band: both means of the speech gate hear talk, the band keeps the pulse foreseen
        final double off = SpeechGate.CONFIDENCE_OFF_IN_TALK;
        for (int i = 0; i < 3 * HOLD; i++) {
            assertEquals(BeatGate.Change.NONE, g.update(false, true, true, off, off, 0.3, BeatGate.ESTABLISHED_BEATS));
        }
        assertTrue(g.locked());
    }

    @Test
    void shouldStopARunAsSoonAsTalkBeginsAndTheRecentPulseIsLost() {
        // the band stops and someone talks: the confidence still holds seconds of good lock, the recent one has fallen
        BeatGate g = locked();
        assertEquals(BeatGate.Change.NONE, g.update(false, false, false, 0.6, 0.1, 0.3, BeatGate.ESTABLISHED_BEATS),
            "no talk: the recent confidence alone does not stop a run");
        assertEquals(BeatGate.Change.UNLOCKED, g.update(false, false, true, 0.6, 0.2, 0.3, BeatGate.ESTABLISHED_BEATS),
            "talk begins (the half-second mean) and the recent confidence is under "
                + SpeechGate.CONFIDENCE_OFF_IN_TALK);
        g = locked();
        assertEquals(BeatGate.Change.UNLOCKED, g.update(false, true, false, 0.2, 0.6, 0.3, BeatGate.ESTABLISHED_BEATS),
            "talk over 2 s and the confidence under " + SpeechGate.CONFIDENCE_OFF_IN_TALK);
    }

    @Test
    void shouldNotStartOnAConfidenceThatOnlyBrushesTheThreshold() {
        final BeatGate g = new BeatGate(BeatTrackerConfig.defaults(), FPS);
        for (int crossing = 0; crossing < 5; crossing++) {
            almostLock(g, 0.4, 0.3);
            assertEquals(BeatGate.Change.NONE, g.update(false, false, false, 0.09, 0.09, 0.3, 0), "dips before the lock hold ends");
        }
        assertFalse(g.locked());
        almostLock(g, 0.4, 0.3);
        assertEquals(BeatGate.Change.LOCKED, g.update(false, false, false, 0.4, 0.4, 0.3, 0));
    }

    @Test
    void shouldHoldAnEstablishedRunThroughADipShorterThanTheHold() {
        final BeatGate g = locked();
        for (int i = 0; i < HOLD - 1; i++) {
            assertEquals(BeatGate.Change.NONE, g.update(false, false, false, 0.05, 0.05, 0.3, BeatGate.ESTABLISHED_BEATS),
                "frame " + i + " of the dip");
        }
        assertEquals(BeatGate.Change.NONE, g.update(false, false, false, 0.12, 0.12, 0.3, BeatGate.ESTABLISHED_BEATS));
        // the dip is over: a new one is counted afresh
        for (int i = 0; i < HOLD - 1; i++) {
            assertEquals(BeatGate.Change.NONE, g.update(false, false, false, 0.05, 0.05, 0.3, BeatGate.ESTABLISHED_BEATS));
        }
        assertEquals(BeatGate.Change.UNLOCKED, g.update(false, false, false, 0.05, 0.05, 0.3, BeatGate.ESTABLISHED_BEATS),
            "a dip as long as the hold stops it");
        assertFalse(g.locked());
    }

    @Test
    void shouldStopAYoungRunAtTheFirstLowFrame() {
        final BeatGate g = locked();
        assertEquals(BeatGate.Change.UNLOCKED, g.update(false, false, false, 0.09, 0.09, 0.3, BeatGate.ESTABLISHED_BEATS - 1));
    }

    @Test
    void shouldStopAnEstablishedRunAtOnceOnSilenceLostPeriodicityOrLooselyForeseenTalk() {
        final long run = 100;
        BeatGate g = locked();
        assertEquals(BeatGate.Change.UNLOCKED, g.update(true, false, false, 0.5, 0.5, 0.5, run), "silence");
        g = locked();
        assertEquals(BeatGate.Change.UNLOCKED, g.update(false, false, false, 0.5, 0.5, 0.04, run), "periodicity under 0.05");
        g = locked();
        assertEquals(BeatGate.Change.NONE, g.update(false, true, false, SpeechGate.CONFIDENCE_OFF_IN_TALK, SpeechGate.CONFIDENCE_OFF_IN_TALK, 0.3, run),
            "talk, well foreseen");
        assertEquals(BeatGate.Change.UNLOCKED, g.update(false, true, false, 0.2, 0.2, 0.3, run), "talk, loosely foreseen");
    }

    @Test
    void shouldForgetALowStretchOnReset() {
        final BeatGate g = locked();
        for (int i = 0; i < HOLD - 1; i++) {
            g.update(false, false, false, 0.05, 0.05, 0.3, BeatGate.ESTABLISHED_BEATS);
        }
        g.reset();
        assertFalse(g.locked());
        almostLock(g, 0.3, 0.3);
        assertEquals(BeatGate.Change.LOCKED, g.update(false, false, false, 0.3, 0.3, 0.3, 0));
        assertEquals(BeatGate.Change.NONE, g.update(false, false, false, 0.05, 0.05, 0.3, BeatGate.ESTABLISHED_BEATS));
    }
}
