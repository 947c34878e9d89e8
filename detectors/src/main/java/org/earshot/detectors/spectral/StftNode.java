package org.earshot.detectors.spectral;

import org.earshot.dsp.stft.Stft;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;

/**
 * Incremental STFT node: feeds every block through an {@link Stft} and publishes the frames the block
 * completed in its {@code frames} port ({@link SpectrumFrames}, up to {@code ceil(maxFrames/hop) + 1} per
 * block, often none).
 *
 * <h2>Frame positions</h2>
 * The STFT origin is the {@code blockStartFrame} of the first non-empty block after {@link #prepare} or
 * {@link #reset}, so frame {@code k} covers the absolute sample frames
 * {@code [origin + k*hop, origin + k*hop + windowLength)}. If a block does not start where the previous one
 * ended, the node treats it as a stream break and restarts the STFT at the new block's start. Frames, and
 * hence the port contents, do not depend on block sizes.
 *
 * <h2>Latency</h2>
 * A frame is time-stamped at its centre, {@link SpectrumFrames#centreFrame(int)} =
 * {@code firstSampleFrame + windowLength/2}, the peak of the periodic window. It can be published once the
 * input's exclusive end ({@code blockStartFrame + frames}, the engine's emit frame) reaches
 * {@code firstSampleFrame + windowLength}. The node therefore declares
 * {@link #latencyFrames()} {@code = windowLength - windowLength/2} (= {@code windowLength/2} for even
 * lengths): the look-ahead past a frame's time stamp. Nodes downstream that stamp events with frame centres
 * add their own look-ahead (in frames of hops) on top.
 *
 * <p>{@code process} allocates nothing, takes no locks, does not log and does not throw.
 */
public final class StftNode implements AudioNode {
    private final StftNodeConfig config;
    private Stft stft;
    private Port<SpectrumFrames> output;
    private boolean needsOrigin;

    /**
     * @param config settings
     */
    public StftNode(final StftNodeConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return config.name();
    }

    /** @return the settings */
    public StftNodeConfig config() {
        return config;
    }

    /**
     * Allocates the STFT and declares the {@code frames} port, sized for blocks of {@code spec.maxFrames()}.
     *
     * @param spec  sample rate and largest block
     * @param setup where the port is declared
     */
    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        final StftConfig stftConfig = config.stft();
        this.stft = new Stft(stftConfig);
        final int capacity = SpectrumFrames.capacityFor(spec.maxFrames(), stftConfig.hop());
        this.output = setup.declareOutput("frames",
            () -> new SpectrumFrames(stftConfig, capacity, config.views()));
        this.needsOrigin = true;
    }

    /**
     * The port downstream nodes read, valid after {@link #prepare}.
     *
     * @return the {@code frames} port
     * @throws IllegalStateException if the node has not been prepared
     */
    public Port<SpectrumFrames> output() {
        if (output == null) {
            throw new IllegalStateException("node " + config.name() + " must be prepared before its output is read");
        }
        return output;
    }

    /**
     * @return {@code windowLength - windowLength/2}: how far past a frame's centre the input must reach before
     *     the frame is published (see the class documentation)
     */
    @Override
    public int latencyFrames() {
        final int windowLength = config.stft().windowLength();
        return windowLength - windowLength / 2;
    }

    @Override
    public void process(final BlockContext ctx) {
        final SpectrumFrames out = ctx.get(output);
        out.clear();
        final int frames = ctx.frames();
        if (frames == 0) {
            return;
        }
        final long start = ctx.blockStartFrame();
        if (needsOrigin || start != stft.nextSampleFrame()) {
            stft.reset(start);
            needsOrigin = false;
        }
        final float[] in = ctx.input();
        int pos = 0;
        while (pos < frames) {
            pos += stft.feed(in, pos, frames - pos);
            if (stft.frameReady()) {
                out.tryAdd(stft.frame());
            }
        }
    }

    /** Clears the STFT history; the next non-empty block becomes the new origin. Allocation-free. */
    @Override
    public void reset() {
        if (stft != null) {
            stft.reset();
        }
        needsOrigin = true;
    }
}
