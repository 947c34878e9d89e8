package org.earshot.engine.runtime;

import java.io.IOException;

/**
 * Where a graph's samples come from: a capture device or a decoded file, already converted to mono at
 * the graph's sample rate. Read by the source pump's thread only; reads may block.
 */
public interface AudioSource extends AutoCloseable {
    /** Returned by {@link #read} at the end of the stream. */
    int END_OF_STREAM = -1;

    /** @return the rate of the samples {@link #read} delivers, in Hz */
    int sampleRateHz();

    /**
     * @return true for live input (a device, or a file paced at real time): a full frame ring then
     *     drops blocks and counts overruns instead of waiting
     */
    boolean live();

    /**
     * Reads mono samples.
     *
     * @param dst       destination
     * @param offset    first index to write
     * @param maxFrames most frames to read, 1 or more
     * @return frames read (1 or more), 0 if none is available yet, or {@link #END_OF_STREAM}
     * @throws IOException when the source fails; the message names the source and the problem
     */
    int read(float[] dst, int offset, int maxFrames) throws IOException;

    /**
     * Frames the device lost since the last call (overruns, reconnects). The pump advances its frame
     * clock by them and marks a stream break.
     *
     * @return lost frames, 0 if none or unknown
     */
    default long takeLostFrames() {
        return 0;
    }

    /** @return a short description for messages, e.g. the file path or device name */
    String describe();

    /** Releases the device or file. */
    @Override
    default void close() throws IOException {
    }
}
