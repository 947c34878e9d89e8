package org.earshot.detectors.classify;

import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;

/**
 * Streaming log-mel front end: resamples the graph's input to the analysis rate (16 kHz by default),
 * and publishes every completed frame (64 mel bands in dB, 25 ms window, 10 ms hop by default) with its
 * energy and graph frame on the {@link #frames()} port. Frames depend only on the samples, not on block
 * sizes. No look-ahead beyond the analysis window: latency 0 (a frame is stamped with its centre).
 */
public final class LogMelNode implements AudioNode {
    private final LogMelConfig config;
    private LogMelExtractor extractor;
    private Port<LogMelFrames> port;
    private boolean started;

    /**
     * @param config settings
     */
    public LogMelNode(final LogMelConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return config.name();
    }

    /** @return the front-end settings */
    public FeatureSettings features() {
        return config.features();
    }

    /** @return the port carrying each block's frames */
    public Port<LogMelFrames> frames() {
        return port;
    }

    /** @return true if its frames carry a measured voicing ({@link LogMelConfig#voicing}) */
    public boolean measuresVoicing() {
        return config.voicing();
    }

    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        extractor = new LogMelExtractor(config.features(), spec.sampleRateHz(), spec.maxFrames(), config.voicing());
        final int capacity = extractor.maxFramesPerFeed();
        final int bands = config.features().bands();
        port = setup.declareOutput("frames", () -> new LogMelFrames(capacity, bands));
        started = false;
    }

    @Override
    public int latencyFrames() {
        return 0;
    }

    @Override
    public void process(final BlockContext ctx) {
        final LogMelFrames out = ctx.get(port);
        out.clear();
        if (!started) {
            extractor.reset(ctx.blockStartFrame());
            started = true;
        }
        final int n = extractor.feed(ctx.input(), 0, ctx.frames());
        for (int i = 0; i < n; i++) {
            out.add(extractor.frame(i), extractor.energyDb(i), extractor.voicing(i), extractor.centreFrame(i));
        }
    }

    @Override
    public void reset() {
        started = false;
    }
}
