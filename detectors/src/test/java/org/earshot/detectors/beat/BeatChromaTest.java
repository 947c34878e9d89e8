package org.earshot.detectors.beat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Harmonic change between beats, on spectra with known peaks. */
class BeatChromaTest {
    private static final int BINS = 1025;
    private static final double BIN_HZ = 44_100.0 / 2048;

    /** A magnitude spectrum with unit peaks at the bins nearest these frequencies. */
    private static float[] spectrum(final double... hz) {
        final float[] m = new float[BINS];
        for (final double f : hz) {
            m[(int)Math.round(f / BIN_HZ)] = 1f;
        }
        return m;
    }

    @Test
    void shouldMeasureNoChangeWhileTheChordStaysAndALargeOneWhenItChanges() {
        final BeatChroma c = new BeatChroma(BINS, BIN_HZ);
        final float[] cMajor = spectrum(523.25, 659.25, 783.99);
        final float[] fSharpMajor = spectrum(739.99, 932.33, 1108.73);
        c.add(cMajor);
        c.add(cMajor);
        assertEquals(Double.NaN, c.closeBeat(), "no beat before the first");
        c.add(cMajor);
        assertEquals(0.0, c.closeBeat(), 1e-9);
        c.add(fSharpMajor);
        c.add(fSharpMajor);
        assertEquals(1.0, c.closeBeat(), 1e-9, "no pitch class in common");
    }

    @Test
    void shouldHearTheSamePitchClassInAnotherOctaveAsNoChange() {
        final BeatChroma c = new BeatChroma(BINS, BIN_HZ);
        c.add(spectrum(440.0, 659.25));
        c.closeBeat();
        c.add(spectrum(880.0, 1318.51));
        assertTrue(c.closeBeat() < 0.05);
    }

    @Test
    void shouldIgnoreWhatLiesOutsideItsRange() {
        final BeatChroma c = new BeatChroma(BINS, BIN_HZ);
        c.add(spectrum(440.0));
        c.closeBeat();
        c.add(spectrum(440.0, 60.0, 8000.0));
        assertEquals(0.0, c.closeBeat(), 1e-9);
        c.add(spectrum(60.0, 8000.0));
        assertEquals(Double.NaN, c.closeBeat(), "a beat with nothing in range has no profile");
    }
}
