package org.earshot.detectors.beat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The bar from accents near committed beats, on hand-made novelty. */
class BarTrackerTest {
    private static final double PERIOD = 50.0;

    /** Commits pulses one period apart, every {@code pulsesPerBeat}-th a beat with a low-band novelty peak on it. */
    private static void play(final BarTracker bar, final int beats, final java.util.function.IntToDoubleFunction peak,
        final int pulsesPerBeat) {
        for (int p = 0; p < beats * pulsesPerBeat; p++) {
            final double t = p * PERIOD;
            bar.pulse(t, p % pulsesPerBeat == 0);
            for (int f = 0; f < (int)PERIOD; f++) {
                final double v = f == 0 && p % pulsesPerBeat == 0 ? peak.applyAsDouble(p / pulsesPerBeat) : 0.05;
                bar.frame(v, 0.5, t + f, PERIOD);
            }
        }
    }

    @Test
    void shouldPlaceTheNextBeatAfterAccentedDownbeatsInFour() {
        final BarTracker bar = new BarTracker(16, 1000.0);
        play(bar, 33, b -> b % 4 == 0 ? 1.0 : 0.3, 1);
        // beats 0 to 32 committed: 31 is the last finished one, 32 (the beat just committed) is a downbeat
        assertEquals(4, bar.meter());
        assertEquals(1, bar.barPosition());
    }

    @Test
    void shouldReadTheAccentsOfBeatsOnlyWhenEveryOtherPulseIsABeat() {
        final BarTracker bar = new BarTracker(16, 1000.0);
        // the pulses between beats carry no accent of their own; beat 24, just committed, is a downbeat
        play(bar, 25, b -> b % 3 == 0 ? 1.0 : 0.3, 2);
        assertEquals(3, bar.meter());
        assertEquals(1, bar.barPosition());
    }
}
