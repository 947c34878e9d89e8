package org.earshot.app.config;

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
 * as the live output. Each method returns the rings it created; whoever builds the graph plays or writes them
 * (an offline ring that nobody reads would hold the graph up once full).
 */
public final class AudioGraphs {
    /** Audio-out ring capacity, frames (1.4 s at 48 kHz: room for a slow WAV writer in offline mode). */
    public static final int RING_FRAMES = 1 << 16;
    /** Name of the denoiser node (for parameters: strength, mix, bypass). */
    public static final String DENOISER = "denoise";
    /** Name of the separator node. */
    public static final String SEPARATOR = "hpss";

    private AudioGraphs() {
    }

    /**
     * A denoiser added to a graph.
     *
     * @param node the denoiser
     * @param out  its audio-out ring
     */
    public record Denoiser(DenoiserNode node, AudioRing out) {
    }

    /**
     * A separator added to a graph.
     *
     * @param node       the separator
     * @param harmonic   the harmonic stream's ring
     * @param percussive the percussive stream's ring
     */
    public record Separator(HpssNode node, AudioRing harmonic, AudioRing percussive) {
    }

    /**
     * Adds the denoiser and its audio-out tap.
     *
     * @param builder the graph
     * @param config  denoiser settings
     * @param mode    live: a full ring drops (the device is late); offline: the graph waits
     * @return the denoiser and its ring
     */
    public static Denoiser addDenoiser(final GraphBuilder builder, final DenoiserConfig config, final EventMode mode) {
        final DenoiserNode node = builder.add(new DenoiserNode(config.withName(DENOISER)));
        final AudioRing ring = new AudioRing(RING_FRAMES);
        builder.add(new AudioTapNode("audio-out", node::output, ring, mode), node);
        return new Denoiser(node, ring);
    }

    /**
     * Adds the separator and a tap per stream.
     *
     * @param builder the graph
     * @param config  separator settings
     * @param mode    live or offline
     * @return the separator and its rings
     */
    public static Separator addSeparator(final GraphBuilder builder, final HpssConfig config, final EventMode mode) {
        final HpssNode node = builder.add(new HpssNode(config.withName(SEPARATOR)));
        final AudioRing harmonic = new AudioRing(RING_FRAMES);
        final AudioRing percussive = new AudioRing(RING_FRAMES);
        builder.add(new AudioTapNode("harmonic-out", node::harmonic, harmonic, mode), node);
        builder.add(new AudioTapNode("percussive-out", node::percussive, percussive, mode), node);
        return new Separator(node, harmonic, percussive);
    }
}
