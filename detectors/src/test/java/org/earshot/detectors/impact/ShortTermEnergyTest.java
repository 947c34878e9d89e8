package org.earshot.detectors.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ShortTermEnergyTest {
    @Test
    void shouldAverageOver150MsAndLeaveTheRiseOutOfTheRecentMaximum() {
        final ShortTermEnergy e = new ShortTermEnergy();
        for (int i = 0; i < ImpactNode.HOLD_FRAMES; i++) {
            e.push(1e-6, 1e-8);
        }
        assertEquals(-60f, e.shortDb(), 1e-3f);
        assertEquals(-80f, e.shortBassDb(), 1e-3f);
        // a loud frame: its 150 ms average rises at once, but the recent maximum leaves the rise out
        e.push(1e-6 * ImpactNode.SHORT_FRAMES * 100, 1e-8);
        assertEquals(-40f, e.shortDb(), 0.1f);
        assertEquals(-60f, e.recentShortMax(), 1e-3f);
        for (int i = 0; i < ImpactNode.RISE_FRAMES; i++) {
            e.push(1e-6, 1e-8);
        }
        assertEquals(-40f, e.recentShortMax(), 0.1f);
        assertEquals(-80f, e.recentBassMax(), 1e-3f);
        assertEquals(-80f, e.recentBassLongMax(), 1e-3f);
    }

    @Test
    void shouldForgetTheLoudFrameOnceItHasLeftThe12SecondRing() {
        final ShortTermEnergy e = new ShortTermEnergy();
        e.push(1.0, 1.0);
        for (int i = 0; i < ImpactNode.HOLD_FRAMES + ImpactNode.SHORT_FRAMES; i++) {
            e.push(1e-6, 1e-6);
        }
        assertEquals(-60f, e.recentShortMax(), 1e-3f);
        assertEquals(-60f, e.recentBassMax(), 1e-3f);
    }
}
