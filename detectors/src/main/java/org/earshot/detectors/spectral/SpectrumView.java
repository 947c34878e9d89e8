package org.earshot.detectors.spectral;

/** Per-bin views of a spectrum that a {@link StftNode} copies into its {@link SpectrumFrames} port. */
public enum SpectrumView {
    /** Interleaved {@code (re, im)} per bin, {@code 2 * bins} values. */
    COMPLEX,
    /** {@code |X[k]|}. */
    MAGNITUDE,
    /** {@code atan2(im, re)} in radians. */
    PHASE,
    /** {@code |X[k]|^2}. */
    POWER
}
