package org.earshot.io.source;

/** How fast a {@link FileSource} hands out frames. */
public enum Pacing {
    /**
     * Simulated live input: a block leaves when its last frame would have been captured, measured from
     * the first read; the source reports {@code live() == true}.
     */
    REAL_TIME,
    /** Offline analysis: frames leave as fast as they are decoded; {@code live() == false}. */
    AS_FAST_AS_POSSIBLE
}
