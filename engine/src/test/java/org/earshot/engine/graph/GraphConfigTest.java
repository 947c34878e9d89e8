package org.earshot.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.earshot.engine.EventMode;
import org.junit.jupiter.api.Test;

class GraphConfigTest {
    private static String message(final Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void shouldNameFieldRangeAndValueWhenInvalid() {
        assertEquals("sampleRateHz must be in [8000, 192000], got 4000",
            message(() -> GraphConfig.of("g", 4_000, 256, EventMode.LIVE)));
        assertEquals("blockFrames must be in [1, maxBlockFrames=256], got 0",
            message(() -> new GraphConfig("g", 48_000, 0, 256, 64, ThreadingMode.SHARED, EventMode.LIVE, 0.5)));
        assertEquals("ringSlots must be a power of two in [2, 65536], got 100",
            message(() -> GraphConfig.of("g", 48_000, 256, EventMode.LIVE).withRingSlots(100)));
        assertEquals("budgetFraction must be in (0, 1], got 1.5",
            message(() -> GraphConfig.of("g", 48_000, 256, EventMode.LIVE).withBudgetFraction(1.5)));
        assertEquals("name must not be blank", message(() -> GraphConfig.of(" ", 48_000, 256, EventMode.LIVE)));
    }

    @Test
    void shouldDefaultBudgetToHalfTheBlockPeriod() {
        final GraphConfig c = GraphConfig.of("g", 48_000, 256, EventMode.LIVE);
        assertEquals(5_333_333, c.blockPeriodNs());
        assertEquals(2_666_666, c.budgetNs());
    }

    @Test
    void shouldRefuseDependencyNotYetInGraph() {
        final GraphBuilder b = new GraphBuilder();
        final var abs = new org.earshot.engine.runtime.TestNodesAccess().abs();
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> b.add(new org.earshot.engine.runtime.TestNodesAccess().peak(abs), abs));
        assertEquals("node peak depends on abs, which is not in the graph yet", ex.getMessage());
    }
}
