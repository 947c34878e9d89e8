package org.earshot.io.sink.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Ghost-clock offset from round trips. */
class ClockOffsetEstimateTest {
    @Test
    void shouldTakeTheOffsetAtTheMiddleOfSymmetricRoundTrips() {
        final ClockOffsetEstimate e = new ClockOffsetEstimate(3);
        // ghost = host + 1_000_000, legs of 100 us
        e.add(10_000L, 1_010_100L, 10_200L);
        e.add(20_000L, 1_020_100L, 20_200L);
        e.add(30_000L, 1_030_100L, 30_200L);
        assertEquals(1_000_000L, e.offset());
        assertFalse(e.add(1L, 1L, 2L), "full");
    }

    @Test
    void shouldIgnoreRoundTripsSlowedByQueueingOnOneLeg() {
        final ClockOffsetEstimate e = new ClockOffsetEstimate(5);
        e.add(0L, 500_100L, 200L);
        e.add(1_000L, 501_100L, 1_200L);
        e.add(2_000L, 502_100L, 2_200L);
        // the return leg held 20 ms: taken at face value it would read 10 ms off
        e.add(3_000L, 503_100L, 23_200L);
        e.add(4_000L, 524_100L, 24_200L);
        assertEquals(500_000L, e.offset());
        assertEquals(200L, e.minRoundTrip());
    }

    @Test
    void shouldRefuseAnOffsetWithoutRoundTrips() {
        assertEquals("no round trip measured",
            assertThrows(IllegalStateException.class, () -> new ClockOffsetEstimate(2).offset()).getMessage());
    }
}
