package org.earshot.detectors.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EventLogTest {
    private static final int COUGH = 0;
    private static final int KNOCK = 1;
    /** Per label: a knock does not take a sound from the impact detector, a cough does. */
    private static final boolean[] ALLOWED = {false, true};

    @Test
    void shouldAnswerOtherForASoundUnderAWrittenEventOfAnotherLabelAndNoneUnderAnAllowedOne() {
        final EventLog log = new EventLog();
        log.begin(1_000, 10);
        log.decide(COUGH, 2_000, true, 20);
        log.begin(5_000, 30);
        log.decide(KNOCK, 6_000, true, 40);
        assertEquals(EventDecisionNode.OTHER, log.verdict(1_500, 1_600, 40, ALLOWED, Long.MIN_VALUE, 40));
        assertEquals(EventDecisionNode.NONE, log.verdict(5_500, 5_600, 40, ALLOWED, Long.MIN_VALUE, 40));
        assertEquals(EventDecisionNode.NONE, log.verdict(3_000, 3_100, 40, ALLOWED, Long.MIN_VALUE, 40),
            "nothing was written over the gap between them");
    }

    @Test
    void shouldAnswerAsTheLogStoodAtTheFrameAskedAbout() {
        final EventLog log = new EventLog();
        log.begin(1_000, 10);
        log.running(12, -1);
        log.running(14, COUGH);
        log.decide(COUGH, 2_000, true, 20);
        assertEquals(EventDecisionNode.NONE, log.verdict(1_500, 1_600, 9, ALLOWED, Long.MIN_VALUE, 20),
            "not yet begun at frame 9");
        assertEquals(EventDecisionNode.UNDECIDED, log.verdict(1_500, 1_600, 12, ALLOWED, Long.MIN_VALUE, 20));
        assertEquals(EventDecisionNode.LIKELY_OTHER, log.verdict(1_500, 1_600, 14, ALLOWED, Long.MIN_VALUE, 20),
            "undecided at frame 14 but near certain of a cough then");
        assertEquals(EventDecisionNode.OTHER, log.verdict(1_500, 1_600, 20, ALLOWED, Long.MIN_VALUE, 20));
    }

    @Test
    void shouldLeaveOutEventsThatBeganBeforeASoundJoinedThem() {
        final EventLog log = new EventLog();
        log.begin(1_000, 10);
        log.decide(COUGH, 9_000, true, 20);
        assertEquals(EventDecisionNode.NONE, log.verdict(4_000, 4_100, 20, ALLOWED, 2_000, 20));
        assertEquals(EventDecisionNode.OTHER, log.verdict(4_000, 4_100, 20, ALLOWED, 500, 20));
    }

    @Test
    void shouldTellWhetherTheEventBeforeTheNewestHadALabelAndEndedRecently() {
        final EventLog log = new EventLog();
        log.begin(1_000, 10);
        log.decide(COUGH, 2_000, true, 20);
        log.begin(3_000, 30);
        assertTrue(log.previousHadLabel(COUGH, 3_000, 1_000));
        assertFalse(log.previousHadLabel(COUGH, 3_000, 999));
        assertFalse(log.previousHadLabel(KNOCK, 3_000, 1_000));
        assertTrue(log.heardInWritten(1_500, 3_000, 0, 1_000));
        assertFalse(log.heardInWritten(1_500, 3_000, 0, 1_001), "ended too shortly before the new event");
        assertFalse(log.heardInWritten(2_500, 3_000, 0, 1_000), "after the written event and its context");
        assertTrue(log.heardInWritten(2_500, 3_000, 500, 1_000));
    }

    @Test
    void shouldForgetEveryEventOnReset() {
        final EventLog log = new EventLog();
        log.begin(1_000, 10);
        log.decide(COUGH, 2_000, true, 20);
        log.reset();
        assertEquals(EventDecisionNode.NONE, log.verdict(1_500, 1_600, 20, ALLOWED, Long.MIN_VALUE, 20));
    }
}
