package org.earshot.app.config;

import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.AudioRing;

/**
 * A preset's graph and the audio it puts out.
 *
 * @param plan     the prepared graph
 * @param audioOut its audio-out rings (the {@code denoise} preset has one), empty if it makes only events; the
 *                 caller plays or writes them
 */
public record PresetGraph(RenderPlan plan, AudioRing[] audioOut) {
    /** @return true if the graph puts out audio */
    public boolean hasAudio() {
        return audioOut.length > 0;
    }
}
