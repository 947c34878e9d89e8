package org.earshot.io.flac;

/** What {@link FlacReader} does with a corrupt frame. */
public enum FlacErrorPolicy {
    /** Throw an {@link java.io.IOException} naming the frame, and keep throwing: for tools that verify files. */
    FAIL,
    /**
     * Replace the frame with silence of the same length and go on at the next valid frame, so that the rest
     * of the stream keeps its place in time; {@link FlacReader#damage()} reports what was replaced. A stream
     * that ends early still throws.
     */
    CONCEAL
}
