package org.earshot.detectors.beat;

import java.util.ArrayList;
import java.util.List;

import org.earshot.detectors.classify.ClassifierConfig;
import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.ClassifierNode;
import org.earshot.detectors.classify.LogMelConfig;
import org.earshot.detectors.classify.LogMelNode;
import org.earshot.detectors.onset.NoveltyConfig;
import org.earshot.detectors.onset.NoveltyNode;
import org.earshot.detectors.onset.NoveltyType;
import org.earshot.detectors.onset.OnsetConfig;
import org.earshot.detectors.spectral.StftNode;
import org.earshot.detectors.spectral.StftNodeConfig;
import org.earshot.dsp.window.WindowType;
import org.earshot.engine.AudioNode;
import org.earshot.engine.graph.GraphBuilder;

/**
 * The nodes of a beat tracker, STFT → onset novelty (full band and low band) → beat tracker, with a speech gate
 * (log-mel → the built-in event classifier) beside it, as added to a graph by {@link #addTo}. The novelty is the
 * onset detector's own node ({@link NoveltyNode}) with the onset detector's settings, so a graph that also detects
 * onsets shares it; a second novelty node with the same settings up to {@link BeatTrackerConfig#lowBandMaxHz()}
 * gives the tracker the onsets of bass and kick drum, which fall on the beat more often than the rest.
 *
 * <pre>{@code
 * GraphBuilder b = new GraphBuilder();
 * BeatGraph beats = BeatGraph.addTo(b, BeatGraph.noveltySettings(), BeatTrackerConfig.defaults(), 48_000);
 * }</pre>
 *
 * @param stft       the STFT node
 * @param novelty    the novelty node
 * @param lowNovelty the low-band novelty node on the same STFT ({@link BeatTrackerConfig#lowBandMaxHz()}), or null
 *                   when the tracker reads the full band alone
 * @param tracker    the beat tracker writing {@code beat} and {@code tempo} events
 */
public record BeatGraph(StftNode stft, NoveltyNode novelty, NoveltyNode lowNovelty, BeatTrackerNode tracker) {
    /** STFT window of the beat novelty, ms: 2048 samples at 44.1 kHz, 1024 at 22.05 kHz. */
    public static final double NOVELTY_WINDOW_MS = 46.44;
    /** STFT hop of the beat novelty, ms: the tracker's 100 frames per second. */
    public static final double NOVELTY_HOP_MS = 10.0;

    /**
     * The novelty the tracker is evaluated with: the onset detector's SuperFlux node, but on a 46 ms window every
     * 10 ms (the resolution of beat-tracking front ends such as madmom's, twice the onset detector's window), named
     * {@code beat.stft} and {@code beat.novelty}.
     *
     * @return STFT and novelty settings for {@link #addTo(GraphBuilder, OnsetConfig, BeatTrackerConfig, int)}
     */
    public static OnsetConfig noveltySettings() {
        final OnsetConfig onsets = OnsetConfig.defaults(NoveltyType.SUPERFLUX);
        return new OnsetConfig("beat.stft", NOVELTY_WINDOW_MS, NOVELTY_HOP_MS, WindowType.HANN,
            onsets.novelty().withName("beat.novelty"), onsets.picker());
    }

    /**
     * The low-band novelty beside a full-band one: the same function and settings, named {@code NAME.low}, up to
     * {@code maxHz}.
     *
     * @param full  the full-band novelty's settings
     * @param maxHz upper edge, Hz, above {@code full.minHz()}
     * @return the low band's settings
     */
    public static NoveltyConfig lowBand(final NoveltyConfig full, final double maxHz) {
        return new NoveltyConfig(full.name() + ".low", full.type(), full.bandsPerOctave(), full.minHz(), maxHz,
            full.logCompression(), full.maxFilterBands(), full.diffRatio(), full.whitening());
    }

    /**
     * Adds an STFT node, a novelty node, the low-band novelty node (unless the config turns it off) and a beat
     * tracker.
     *
     * @param builder      the graph being built
     * @param onsets       STFT and novelty settings (its peak-picker fields are not used)
     * @param config       tracker settings
     * @param sampleRateHz the graph's rate, which fixes the STFT geometry
     * @return the nodes added
     */
    public static BeatGraph addTo(final GraphBuilder builder, final OnsetConfig onsets, final BeatTrackerConfig config,
        final int sampleRateHz) {
        final StftNode stft = builder.add(new StftNode(new StftNodeConfig(onsets.stftName(),
            onsets.stftConfig(sampleRateHz), NoveltyNode.requiredViews(onsets.novelty().type()))));
        final NoveltyNode novelty = builder.add(new NoveltyNode(onsets.novelty(), stft), stft);
        return addTo(builder, novelty, config);
    }

    /**
     * Adds a beat tracker reading a novelty node already in the graph (shared with an onset detector), the
     * low-band novelty node it also reads (unless the config turns it off), and its speech gate: the room monitor's
     * built-in classifier on its own log-mel front end ({@code NAME.logmel}, {@code NAME.speech}), whose
     * {@code speech} class keeps beats from starting on talk ({@link SpeechGate}).
     *
     * @param builder the graph being built
     * @param novelty the novelty node, already added
     * @param config  tracker settings
     * @return the nodes added, with the novelty's STFT
     */
    public static BeatGraph addTo(final GraphBuilder builder, final NoveltyNode novelty, final BeatTrackerConfig config) {
        return addTo(builder, novelty, config, ClassifierModel.builtIn());
    }

    /**
     * As {@link #addTo(GraphBuilder, NoveltyNode, BeatTrackerConfig)}, with the speech gate's classifier model given.
     *
     * @param builder     the graph being built
     * @param novelty     the novelty node, already added
     * @param config      tracker settings
     * @param speechModel a model with a {@code speech} class for the speech gate, or null for no gate
     * @return the nodes added, with the novelty's STFT
     */
    public static BeatGraph addTo(final GraphBuilder builder, final NoveltyNode novelty, final BeatTrackerConfig config,
        final ClassifierModel speechModel) {
        final NoveltyNode low = config.lowBandMaxHz() == 0.0 ? null : builder.add(new NoveltyNode(
            lowBand(novelty.config(), config.lowBandMaxHz()), novelty.stft()), novelty.stft());
        ClassifierNode speech = null;
        if (speechModel != null) {
            final LogMelNode logMel = builder.add(new LogMelNode(new LogMelConfig(config.name() + ".logmel",
                speechModel.settings())));
            speech = builder.add(new ClassifierNode(new ClassifierConfig(config.name() + ".speech", speechModel),
                logMel), logMel);
        }
        final List<AudioNode> inputs = new ArrayList<>(List.of(novelty));
        if (low != null) {
            inputs.add(low);
        }
        if (speech != null) {
            inputs.add(speech);
        }
        final BeatTrackerNode tracker = builder.add(new BeatTrackerNode(config, novelty, low, speech),
            inputs.toArray(new AudioNode[0]));
        return new BeatGraph(novelty.stft(), novelty, low, tracker);
    }
}
