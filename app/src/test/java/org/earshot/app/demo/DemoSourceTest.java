package org.earshot.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class DemoSourceTest {
    private static final int RATE = 1_000;

    @Test
    void shouldDeliverNoMoreThanRealTimeAllows() {
        final AtomicLong clock = new AtomicLong(5_000_000_000L);
        final DemoSource source = new DemoSource(ramp(100), RATE, clock::get, true);
        final float[] dst = new float[64];
        assertEquals(0, source.read(dst, 0, 10));
        clock.addAndGet(25_000_000L);
        assertEquals(10, source.read(dst, 0, 10));
        assertEquals(15, source.read(dst, 0, 64));
        assertEquals(0, source.read(dst, 0, 64));
        assertTrue(source.live());
    }

    @Test
    void shouldLoopTheClipWithoutAGap() {
        final DemoSource source = new DemoSource(ramp(10), RATE, () -> 0L, false);
        final float[] dst = new float[25];
        assertEquals(25, source.read(dst, 0, 25));
        for (int i = 0; i < 25; i++) {
            assertEquals(i % 10, dst[i], 0f);
        }
    }

    private static float[] ramp(final int n) {
        final float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }
}
