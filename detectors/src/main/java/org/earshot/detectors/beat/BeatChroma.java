package org.earshot.detectors.beat;

/**
 * Harmonic change from beat to beat: the pitch-class profile (chroma) of the spectrum summed over each beat, and how
 * far each beat's profile lies from the one before ({@code 1 - cosine similarity}). Chords tend to change at bar
 * lines, so a large change at a beat is evidence that it is a downbeat (Goto 2001; Papadopoulos and Peeters 2011),
 * which the kick drum's accent alone cannot give: a kick on 1 and 3 sounds the same on both.
 *
 * <p>Each STFT bin between {@value #MIN_HZ} and {@value #MAX_HZ} Hz adds the square root of its magnitude to the
 * pitch class of its centre frequency (equal temperament, A = 440 Hz). At the tracker's 46 ms window the bins are
 * wider than a semitone below about 360 Hz, so the low bins blur into their neighbours; what is measured is change
 * of the harmonic content, not the chord's name. Allocation happens only in the constructor.
 */
final class BeatChroma {
    /** Lowest frequency counted, Hz. */
    static final double MIN_HZ = 130.0;
    /** Highest frequency counted, Hz. */
    static final double MAX_HZ = 3000.0;
    private static final int CLASSES = 12;

    private final int[] pitchClass;
    private final double[] current = new double[CLASSES];
    private final double[] previous = new double[CLASSES];
    private boolean hasPrevious;
    private int frames;

    /**
     * @param bins  STFT bins per frame
     * @param binHz width of a bin, Hz
     */
    BeatChroma(final int bins, final double binHz) {
        pitchClass = new int[bins];
        for (int k = 0; k < bins; k++) {
            final double hz = k * binHz;
            if (hz < MIN_HZ || hz > MAX_HZ) {
                pitchClass[k] = -1;
            } else {
                final long semitone = Math.round(CLASSES * Math.log(hz / 440.0) / Math.log(2.0));
                pitchClass[k] = (int)Math.floorMod(semitone, (long)CLASSES);
            }
        }
    }

    /**
     * Adds one STFT frame to the beat under way.
     *
     * @param magnitude the frame's magnitude spectrum, at least as many bins as the constructor's
     */
    void add(final float[] magnitude) {
        for (int k = 0; k < pitchClass.length; k++) {
            final int c = pitchClass[k];
            if (c >= 0) {
                current[c] += Math.sqrt(magnitude[k]);
            }
        }
        frames++;
    }

    /**
     * Ends the beat under way and starts the next.
     *
     * @return {@code 1 - cos} between its profile and the previous beat's, in [0, 1]; NaN when either is empty
     */
    double closeBeat() {
        double dot = 0.0;
        double a = 0.0;
        double b = 0.0;
        for (int c = 0; c < CLASSES; c++) {
            dot += current[c] * previous[c];
            a += current[c] * current[c];
            b += previous[c] * previous[c];
        }
        final double change = hasPrevious && frames > 0 && a > 0.0 && b > 0.0 ? 1.0 - dot / Math.sqrt(a * b) : Double.NaN;
        hasPrevious = frames > 0;
        System.arraycopy(current, 0, previous, 0, CLASSES);
        java.util.Arrays.fill(current, 0.0);
        frames = 0;
        return change;
    }

    /** Forgets both beats. */
    void reset() {
        java.util.Arrays.fill(current, 0.0);
        java.util.Arrays.fill(previous, 0.0);
        hasPrevious = false;
        frames = 0;
    }
}
