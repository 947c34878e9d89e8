package org.earshot.io.decode;

import java.io.Closeable;
import java.io.IOException;

/** Decodes interleaved float frames from one file; one implementation per decoding route. */
interface FrameReader extends Closeable {
    /**
     * Reads up to {@code maxFrames} interleaved frames into {@code dst}, blocking until at least one is
     * decoded or the stream ends.
     *
     * @param dst       destination, at least {@code maxFrames * channels} long
     * @param maxFrames most frames to read, 1 or more
     * @return frames read (1 or more), or -1 at the end of the stream
     * @throws IOException if decoding fails
     */
    int read(float[] dst, int maxFrames) throws IOException;

    /**
     * What was concealed while decoding (corrupt frames played as silence), for the error reported when the
     * stream has been read to its end.
     *
     * @return a plain description, or null if nothing was concealed
     */
    default String concealedDamage() {
        return null;
    }
}
