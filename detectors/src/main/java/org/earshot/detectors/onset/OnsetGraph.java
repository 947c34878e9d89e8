package org.earshot.detectors.onset;

import org.earshot.detectors.spectral.StftNode;
import org.earshot.detectors.spectral.StftNodeConfig;
import org.earshot.engine.graph.GraphBuilder;

/**
 * The three nodes of an onset detector, STFT → novelty → peak picker, as added to a graph by {@link #addTo}.
 *
 * <pre>{@code
 * GraphBuilder b = new GraphBuilder();
 * OnsetGraph onsets = OnsetGraph.addTo(b, OnsetConfig.defaults(), 44_100);
 * RenderPlan plan = b.build(GraphConfig.of("file", 44_100, 512, EventMode.OFFLINE));
 * }</pre>
 *
 * @param stft    the STFT node
 * @param novelty the novelty node (its port also feeds a beat tracker)
 * @param picker  the peak picker writing {@code onset} events
 */
public record OnsetGraph(StftNode stft, NoveltyNode novelty, OnsetPeakPickerNode picker) {
    /**
     * Adds an STFT node, a novelty node and a peak picker to a graph.
     *
     * @param builder      the graph being built
     * @param config       detector settings
     * @param sampleRateHz the graph's rate, which fixes the STFT geometry
     * @return the nodes added
     */
    public static OnsetGraph addTo(final GraphBuilder builder, final OnsetConfig config, final int sampleRateHz) {
        final StftNode stft = builder.add(new StftNode(new StftNodeConfig(config.stftName(),
            config.stftConfig(sampleRateHz), NoveltyNode.requiredViews(config.novelty().type()))));
        final NoveltyNode novelty = builder.add(new NoveltyNode(config.novelty(), stft), stft);
        final OnsetPeakPickerNode picker = builder.add(new OnsetPeakPickerNode(config.picker(), novelty), novelty);
        return new OnsetGraph(stft, novelty, picker);
    }

    /**
     * Adds a novelty node and a peak picker reading an STFT node already in the graph (shared with other
     * detectors). The STFT must keep the views {@link NoveltyNode#requiredViews} names.
     *
     * @param builder the graph being built
     * @param stft    the STFT node, already added
     * @param config  detector settings (its STFT fields are not used)
     * @return the nodes added, with {@code stft}
     */
    public static OnsetGraph addTo(final GraphBuilder builder, final StftNode stft, final OnsetConfig config) {
        final NoveltyNode novelty = builder.add(new NoveltyNode(config.novelty(), stft), stft);
        final OnsetPeakPickerNode picker = builder.add(new OnsetPeakPickerNode(config.picker(), novelty), novelty);
        return new OnsetGraph(stft, novelty, picker);
    }

    /** @return the detector's declared latency in frames, valid once the graph is built */
    public int declaredLatencyFrames() {
        return picker.declaredLatencyFrames();
    }
}
