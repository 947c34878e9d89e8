package org.earshot.dsp.filter;

/**
 * Logarithmic filterbank layout, validated on construction.
 *
 * @param bandsPerOctave number of bands per octave, 1 to {@value #MAX_BANDS_PER_OCTAVE} (12 = semitones)
 * @param minHz          lowest frequency of the grid in Hz (an edge, not a centre), above 0 and below
 *                       {@code maxHz}
 * @param maxHz          highest frequency of the grid in Hz, up to {@value MelFilterbankConfig#MAX_HZ} (and at
 *                       most the Nyquist frequency, checked by the filterbank)
 * @param referenceHz    a frequency on the grid, e.g. 440 (A4), in {@code (0, 96000]}
 * @param norm           triangle scaling
 */
public record LogFilterbankConfig(
    int bandsPerOctave, double minHz, double maxHz, double referenceHz, TriangleNorm norm) {
    /** Most bands per octave accepted. */
    public static final int MAX_BANDS_PER_OCTAVE = 96;
    /** madmom's default reference, A4. */
    public static final double A4_HZ = 440.0;

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its allowed range and the value received
     */
    public LogFilterbankConfig {
        if (norm == null) {
            throw new IllegalArgumentException("norm must not be null");
        }
        if (bandsPerOctave < 1 || bandsPerOctave > MAX_BANDS_PER_OCTAVE) {
            throw new IllegalArgumentException("bandsPerOctave must be in [1, " + MAX_BANDS_PER_OCTAVE + "], got "
                + bandsPerOctave);
        }
        if (!(maxHz > 0.0 && maxHz <= MelFilterbankConfig.MAX_HZ)) {
            throw new IllegalArgumentException("maxHz must be in (0, " + MelFilterbankConfig.MAX_HZ + "], got "
                + maxHz);
        }
        if (!(minHz > 0.0 && minHz < maxHz)) {
            throw new IllegalArgumentException("minHz must be in (0, maxHz=" + maxHz + "), got " + minHz);
        }
        if (!(referenceHz > 0.0 && referenceHz <= MelFilterbankConfig.MAX_HZ)) {
            throw new IllegalArgumentException("referenceHz must be in (0, " + MelFilterbankConfig.MAX_HZ
                + "], got " + referenceHz);
        }
    }

    /**
     * madmom's {@code LogarithmicFilterbank} defaults: 12 bands per octave from 30 Hz to 17 kHz around A4,
     * each band summing to 1.
     *
     * @return the config
     */
    public static LogFilterbankConfig madmomDefaults() {
        return new LogFilterbankConfig(12, 30.0, 17_000.0, A4_HZ, TriangleNorm.UNIT_SUM);
    }
}
