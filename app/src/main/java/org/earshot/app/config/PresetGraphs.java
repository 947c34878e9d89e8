package org.earshot.app.config;

import java.util.EnumSet;

import org.earshot.detectors.decide.RoomMonitor;
import org.earshot.detectors.meter.LevelMeterConfig;
import org.earshot.detectors.meter.LevelMeterNode;
import org.earshot.detectors.spectral.SpectrumView;
import org.earshot.detectors.spectral.StftNode;
import org.earshot.detectors.spectral.StftNodeConfig;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.dsp.window.WindowType;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.runtime.AudioRing;

/**
 * Builds the graph of each {@link Preset}. {@code live} and {@code analyze} build the same graph, with
 * only the {@link EventMode} different, so offline and live runs emit the same events.
 */
public final class PresetGraphs {
    /** STFT window of the spectral presets, samples (42.7 ms at 48 kHz). */
    public static final int STFT_WINDOW = 2048;

    private PresetGraphs() {
    }

    /**
     * @param settings  preset, rate, block and threading
     * @param graphName name of the graph (shows in counters and, per file, in {@code analyze} output)
     * @param eventMode live (drop when full) or offline (back-pressure)
     * @return the prepared graph and its audio outputs
     */
    public static PresetGraph build(final GraphSettings settings, final String graphName, final EventMode eventMode) {
        final GraphConfig config = GraphConfig.of(graphName, settings.sampleRateHz(), settings.blockFrames(), eventMode)
            .withThreadingMode(settings.threadingMode());
        final GraphBuilder builder = new GraphBuilder();
        AudioRing[] audioOut = new AudioRing[0];
        switch (settings.preset()) {
            case METER -> meter(builder, settings);
            case ONSETS -> org.earshot.detectors.onset.OnsetGraph.addTo(builder,
                org.earshot.detectors.onset.OnsetConfig.defaults(), settings.sampleRateHz());
            case BEATS -> org.earshot.detectors.beat.BeatGraph.addTo(builder,
                org.earshot.detectors.beat.BeatGraph.noveltySettings(), settings.options().trackerConfig(),
                settings.sampleRateHz());
            case PERFORMER -> {
                org.earshot.detectors.onset.OnsetGraph.addTo(builder, org.earshot.detectors.onset.OnsetConfig.defaults(),
                    settings.sampleRateHz());
                org.earshot.detectors.beat.BeatGraph.addTo(builder,
                    org.earshot.detectors.beat.BeatGraph.noveltySettings(), settings.options().trackerConfig(),
                    settings.sampleRateHz());
            }
            case ROOM_MONITOR -> RoomMonitor.addTo(builder, settings.options().roomMonitor());
            case DENOISE -> audioOut = new AudioRing[] {
                AudioGraphs.addDenoiser(builder, settings.options().denoiser(), eventMode).out()};
            default -> throw new IllegalStateException("no graph for preset " + settings.preset());
        }
        return new PresetGraph(builder.build(config), audioOut);
    }

    /**
     * The STFT window for a block size: {@link #STFT_WINDOW}, or the next power of two that holds a larger
     * hop.
     *
     * @param blockFrames block (hop) in frames
     * @return window length in samples
     */
    public static int stftWindow(final int blockFrames) {
        return Math.max(STFT_WINDOW, Integer.highestOneBit(blockFrames - 1) << 1);
    }

    private static void meter(final GraphBuilder builder, final GraphSettings settings) {
        final StftConfig stft = StftConfig.of(stftWindow(settings.blockFrames()), settings.blockFrames(), WindowType.HANN);
        builder.add(new StftNode(new StftNodeConfig("stft", stft, EnumSet.of(SpectrumView.MAGNITUDE))));
        builder.add(new LevelMeterNode(LevelMeterConfig.defaults()));
    }
}
