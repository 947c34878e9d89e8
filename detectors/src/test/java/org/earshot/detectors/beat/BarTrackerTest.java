package org.earshot.detectors.beat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.IntToDoubleFunction;

import org.junit.jupiter.api.Test;

/** The bar from accents near committed beats, on hand-made spectra and novelty. */
class BarTrackerTest {
    private static final double PERIOD = 50.0;
    private static final int BINS = 64;
    private static final double BIN_HZ = 20.0;

    /**
     * Commits pulses one period apart, every {@code pulsesPerBeat}-th a beat; each tracker frame brings one spectrum
     * with a little energy everywhere and, on a beat's frame, a low-band peak of the given amplitude.
     */
    private static void play(final BarTracker bar, final int beats, final IntToDoubleFunction peak,
        final int pulsesPerBeat) {
        final float[] quiet = new float[BINS];
        java.util.Arrays.fill(quiet, 0.01f);
        final float[] hit = new float[BINS];
        for (int p = 0; p < beats * pulsesPerBeat; p++) {
            final double t = p * PERIOD;
            bar.pulse(t, p % pulsesPerBeat == 0);
            for (int f = 0; f < (int)PERIOD; f++) {
                if (f == 0 && p % pulsesPerBeat == 0) {
                    System.arraycopy(quiet, 0, hit, 0, BINS);
                    hit[3] = (float)peak.applyAsDouble(p / pulsesPerBeat);
                    bar.spectrum(hit);
                } else {
                    bar.spectrum(quiet);
                }
                bar.frame(0.5, t + f, PERIOD);
            }
        }
    }

    @Test
    void shouldPlaceTheBeatJustCommittedAfterDownbeatsLouderInTheLowBand() {
        final BarTracker bar = new BarTracker(BINS, BIN_HZ, 250.0);
        play(bar, 33, b -> b % 4 == 0 ? 1.0 : 0.5, 1);
        // beats 0 to 32 committed: 31 is the last finished one, 32 (the beat just committed) is a downbeat
        assertEquals(4, bar.meter());
        assertEquals(1, bar.barPosition());
    }

    @Test
    void shouldReadTheAccentsOfBeatsOnlyWhenEveryOtherPulseIsABeat() {
        final BarTracker bar = new BarTracker(BINS, BIN_HZ, 250.0);
        // the pulses between beats carry no accent of their own; beat 24, just committed, is a downbeat
        play(bar, 25, b -> b % 3 == 0 ? 1.0 : 0.5, 2);
        assertEquals(3, bar.meter());
        assertEquals(1, bar.barPosition());
    }
}
