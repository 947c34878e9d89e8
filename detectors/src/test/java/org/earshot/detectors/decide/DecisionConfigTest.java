package org.earshot.detectors.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.earshot.engine.event.EventType;
import org.junit.jupiter.api.Test;

class DecisionConfigTest {
    private static final EventType TYPE = SoundEvents.type(1007, List.of("cough", "impact"));

    private static DecisionConfig config(final float on, final float off, final double sensitivity, final int smooth) {
        return new DecisionConfig("d", TYPE, new int[] {0}, new int[] {0}, on, off, new float[] {0.4f}, sensitivity,
            smooth, 50, 400, 30_000, 6f);
    }

    @Test
    void shouldNameTheBadField() {
        assertEquals("eventOnThreshold must be in (0, 1), got 1.0",
            assertThrows(IllegalArgumentException.class, () -> config(1f, 0.4f, 0.5, 5)).getMessage());
        assertEquals("eventOffThreshold must be in (0, eventOnThreshold=0.7], got 0.8",
            assertThrows(IllegalArgumentException.class, () -> config(0.7f, 0.8f, 0.5, 5)).getMessage());
        assertEquals("sensitivity must be in [0, 1], got 2",
            assertThrows(IllegalArgumentException.class, () -> config(0.7f, 0.4f, 2, 5)).getMessage());
        assertEquals("smoothFrames must be in [1, 100], got 0",
            assertThrows(IllegalArgumentException.class, () -> config(0.7f, 0.4f, 0.5, 0)).getMessage());
    }

    @Test
    void shouldRefuseALabelTableThatDiffersFromTheOneInUse() {
        assertEquals("the event type is already defined in this process with labels [cough, impact]; cannot use "
            + "[cough] as well (one model per process)", assertThrows(IllegalArgumentException.class,
                () -> SoundEvents.type(1007, List.of("cough"))).getMessage());
    }

    @Test
    void shouldRejectAClassTheModelLacks() {
        assertEquals("class sneeze is not in the model [cough, impact]", assertThrows(IllegalArgumentException.class,
            () -> DecisionConfig.defaults("d", TYPE, List.of("cough", "impact"), List.of("sneeze"))).getMessage());
    }
}
