package org.earshot.dsp.filter;

/** How the triangular filters of a filterbank are scaled. */
public enum TriangleNorm {
    /** Every triangle has height 1 at its centre frequency (HTK; madmom with {@code norm_filters=False}). */
    UNIT_HEIGHT,
    /**
     * The weights of every band sum to 1, so a flat spectrum of value {@code v} gives {@code v} in every band
     * (madmom's default {@code norm_filters=True}).
     */
    UNIT_SUM
}
