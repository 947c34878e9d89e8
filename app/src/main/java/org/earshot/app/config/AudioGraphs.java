package org.earshot.app.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.earshot.detectors.denoise.DenoiserConfig;
import org.earshot.detectors.denoise.DenoiserNode;
import org.earshot.detectors.separate.HpssConfig;
import org.earshot.detectors.separate.HpssNode;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.runtime.AudioRing;
import org.earshot.engine.runtime.AudioTapNode;

/**
 * The audio-producing graphs: the {@code denoise} preset (denoiser, then a tap into an audio-out ring) and the
 * separator (HPSS, a tap per stream). {@code earshot live --preset denoise}, {@code earshot denoise} and
 * {@code earshot separate} all build them here, so files written offline come from the same streaming graph
 * as the live output. The rings are handed to whoever plays or writes them through {@link #takeRings(String)},
 * keyed by graph name.
 */
public final class AudioGraphs {
    /** Audio-out ring capacity, frames (1.4 s at 48 kHz: room for a slow WAV writer in offline mode). */
    public static final int RING_FRAMES = 1 << 16;
    /** Name of the denoiser node (for parameters: strength, mix, bypass). */
    public static final String DENOISER = "denoise";
    /** Name of the separator node. */
    public static final String SEPARATOR = "hpss";

    private static final Map<String, AudioRing[]> RINGS = new ConcurrentHashMap<>();

    private AudioGraphs() {
    }

    /**
     * Adds the denoiser and its audio-out tap.
     *
     * @param builder   the graph
     * @param config    denoiser settings
     * @param graphName the graph's name, to take the ring back with
     * @param mode      live: a full ring drops (the device is late); offline: the graph waits
     * @return the denoiser
     */
    public static DenoiserNode addDenoiser(final GraphBuilder builder, final DenoiserConfig config,
        final String graphName, final EventMode mode) {
        final DenoiserNode node = builder.add(new DenoiserNode(config.withName(DENOISER)));
        final AudioRing ring = new AudioRing(RING_FRAMES);
        builder.add(new AudioTapNode("audio-out", node::output, ring, mode), node);
        RINGS.put(graphName, new AudioRing[] {ring});
        return node;
    }

    /**
     * Adds the separator and a tap per stream.
     *
     * @param builder   the graph
     * @param config    separator settings
     * @param graphName the graph's name
     * @param mode      live or offline
     * @return the separator; {@link #takeRings} gives {harmonic, percussive}
     */
    public static HpssNode addSeparator(final GraphBuilder builder, final HpssConfig config, final String graphName,
        final EventMode mode) {
        final HpssNode node = builder.add(new HpssNode(config.withName(SEPARATOR)));
        final AudioRing harmonic = new AudioRing(RING_FRAMES);
        final AudioRing percussive = new AudioRing(RING_FRAMES);
        builder.add(new AudioTapNode("harmonic-out", node::harmonic, harmonic, mode), node);
        builder.add(new AudioTapNode("percussive-out", node::percussive, percussive, mode), node);
        RINGS.put(graphName, new AudioRing[] {harmonic, percussive});
        return node;
    }

    /**
     * @param graphName a graph built with one of the methods above
     * @return its rings (and forgets them), or null if it has none
     */
    public static AudioRing[] takeRings(final String graphName) {
        return RINGS.remove(graphName);
    }
}
