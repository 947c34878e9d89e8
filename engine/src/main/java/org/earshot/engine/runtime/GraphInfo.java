package org.earshot.engine.runtime;

import java.util.List;

/**
 * What sinks know of a graph: its id (as written in event records), name, rate, latency and node names.
 *
 * @param id            graph id, dense from 0
 * @param name          graph (room) name
 * @param sampleRateHz  sample rate in Hz
 * @param latencyFrames largest path latency in frames
 * @param nodeNames     node names indexed by node id
 */
public record GraphInfo(int id, String name, int sampleRateHz, int latencyFrames, List<String> nodeNames) {
    /**
     * @param frame a sample frame
     * @return that frame in seconds from the start of the stream
     */
    public double frameToSeconds(final long frame) {
        return frame / (double)sampleRateHz;
    }
}
