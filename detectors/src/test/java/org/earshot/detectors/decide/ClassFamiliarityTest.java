package org.earshot.detectors.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ClassFamiliarityTest {
    @Test
    void shouldGiveTheQuantileOfEachClassToOneBin() {
        final ClassFamiliarity f = new ClassFamiliarity(2, 50, 1000, 30);
        // class 0 rises evenly from 0 to 0.999, class 1 is 0.9 on one hop in ten and 0.01 otherwise
        for (int i = 0; i < 1000; i++) {
            f.add(new float[] {i / 1000f, i % 10 == 0 ? 0.9f : 0.01f});
        }
        assertEquals(1000, f.hops());
        assertEquals(0.96f, f.quantile(0, 0.95), 1e-6f);
        assertEquals(0.52f, f.quantile(0, 0.5), 1e-6f);
        assertEquals(0.02f, f.quantile(1, 0.85), 1e-6f);
        assertEquals(0.92f, f.quantile(1, 0.95), 1e-6f);
    }

    @Test
    void shouldForgetTheOldestSlotOnceTheSpanIsFull() {
        final ClassFamiliarity f = new ClassFamiliarity(1, 50, 10, 3);
        for (int i = 0; i < 30; i++) {
            f.add(new float[] {0.9f});
        }
        assertEquals(0.92f, f.quantile(0, 0.5), 1e-6f);
        // three slots of 10: the first hop of a fourth slot drops the oldest slot
        for (int i = 0; i < 20; i++) {
            f.add(new float[] {0.1f});
        }
        assertEquals(30, f.hops());
        assertEquals(0.12f, f.quantile(0, 0.5), 1e-6f);
        assertEquals(0.92f, f.quantile(0, 0.9), 1e-6f);
        for (int i = 0; i < 10; i++) {
            f.add(new float[] {0.1f});
        }
        assertEquals(0.12f, f.quantile(0, 0.99), 1e-6f);
    }

    @Test
    void shouldCountHeldHopsOnlyWhenReleased() {
        final ClassFamiliarity f = new ClassFamiliarity(1, 50, 1000, 30);
        for (int i = 0; i < 100; i++) {
            f.add(new float[] {0.01f});
        }
        for (int i = 0; i < 50; i++) {
            f.hold(new float[] {0.8f});
        }
        assertEquals(100, f.hops());
        f.discard();
        f.release();
        assertEquals(100, f.hops());
        assertEquals(0.02f, f.quantile(0, 0.99), 1e-6f);
        for (int i = 0; i < 50; i++) {
            f.hold(new float[] {0.8f});
        }
        f.release();
        assertEquals(150, f.hops());
        assertEquals(0.82f, f.quantile(0, 0.95), 1e-6f);
        f.reset();
        assertEquals(0, f.hops());
        assertEquals(0f, f.quantile(0, 0.95));
    }

    @Test
    void shouldRefuseAnEmptyShape() {
        assertThrows(IllegalArgumentException.class, () -> new ClassFamiliarity(0, 50, 1000, 30));
        assertThrows(IllegalArgumentException.class, () -> new ClassFamiliarity(1, 1, 1000, 30));
    }
}
