package org.earshot.detectors.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerdictQueueTest {
    @Test
    void shouldHandTheImpactsBackOldestFirstAcrossTheRingsEnd() {
        final VerdictQueue q = new VerdictQueue(3);
        q.add(10, 20, 2, 0.1f, true, false);
        q.add(30, 40, 4, 0.2f, false, true);
        q.removeOldest();
        q.add(50, 60, 6, 0.3f, false, false);
        q.add(70, 80, 8, 0.4f, true, true);
        assertTrue(q.isFull());
        assertEquals(30, q.oldestStart());
        assertEquals(40, q.oldestEnd());
        assertEquals(4, q.oldestEndStep());
        assertEquals(0.2f, q.oldestConfidence());
        assertFalse(q.oldestBassNovel());
        assertTrue(q.oldestUnvoiced());
        q.removeOldest();
        assertEquals(50, q.oldestStart());
        q.removeOldest();
        assertEquals(70, q.oldestStart());
        assertTrue(q.oldestBassNovel());
        q.removeOldest();
        assertTrue(q.isEmpty());
    }

    @Test
    void shouldForgetEveryWaitingImpactWhenCleared() {
        final VerdictQueue q = new VerdictQueue(2);
        q.add(1, 2, 3, 0.5f, false, false);
        q.add(4, 5, 6, 0.5f, false, false);
        q.clear();
        assertTrue(q.isEmpty());
        assertFalse(q.isFull());
    }
}
