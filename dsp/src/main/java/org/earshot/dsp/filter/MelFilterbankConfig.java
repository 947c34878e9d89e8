package org.earshot.dsp.filter;

/**
 * Mel filterbank layout, validated on construction.
 *
 * @param bands  number of triangular bands, 1 to {@value #MAX_BANDS}
 * @param minHz  lower edge of the first triangle in Hz, from 0 to below {@code maxHz}
 * @param maxHz  upper edge of the last triangle in Hz, above 0 up to {@value #MAX_HZ} (and at most the
 *               Nyquist frequency, checked by the filterbank)
 * @param scale  mel convention
 * @param norm   triangle scaling
 */
public record MelFilterbankConfig(int bands, double minHz, double maxHz, MelScale scale, TriangleNorm norm) {
    /** Most bands accepted. */
    public static final int MAX_BANDS = 1024;
    /** Highest frequency accepted (Nyquist frequency at 192 kHz). */
    public static final double MAX_HZ = 96_000.0;

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its allowed range and the value received
     */
    public MelFilterbankConfig {
        if (scale == null) {
            throw new IllegalArgumentException("scale must not be null");
        }
        if (norm == null) {
            throw new IllegalArgumentException("norm must not be null");
        }
        if (bands < 1 || bands > MAX_BANDS) {
            throw new IllegalArgumentException("bands must be in [1, " + MAX_BANDS + "], got " + bands);
        }
        if (!(maxHz > 0.0 && maxHz <= MAX_HZ)) {
            throw new IllegalArgumentException("maxHz must be in (0, " + MAX_HZ + "], got " + maxHz);
        }
        if (!(minHz >= 0.0 && minHz < maxHz)) {
            throw new IllegalArgumentException("minHz must be in [0, maxHz=" + maxHz + "), got " + minHz);
        }
    }
}
