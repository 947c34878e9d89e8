package org.earshot.detectors.spectral;

import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;

/**
 * Downstream test node: reads a {@link StftNode}'s port and records, per frame, its position and checksums
 * of every view into pre-allocated arrays (so it allocates nothing while processing).
 */
final class FrameProbeNode implements AudioNode {
    final long[] frameIndex;
    final long[] firstSampleFrame;
    final double[] magnitudeSum;
    final double[] phaseSum;
    final double[] powerSum;
    final double[] complexSum;
    volatile int recorded;
    private final StftNode upstream;
    private Port<SpectrumFrames> input;

    FrameProbeNode(final StftNode upstream, final int maxRecorded) {
        this.upstream = upstream;
        this.frameIndex = new long[maxRecorded];
        this.firstSampleFrame = new long[maxRecorded];
        this.magnitudeSum = new double[maxRecorded];
        this.phaseSum = new double[maxRecorded];
        this.powerSum = new double[maxRecorded];
        this.complexSum = new double[maxRecorded];
    }

    @Override
    public String name() {
        return "probe";
    }

    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        input = upstream.output();
    }

    @Override
    public int latencyFrames() {
        return 0;
    }

    @Override
    public void process(final BlockContext ctx) {
        final SpectrumFrames frames = ctx.get(input);
        int r = recorded;
        for (int i = 0; i < frames.count(); i++) {
            final int slot = r % frameIndex.length;
            frameIndex[slot] = frames.frameIndex(i);
            firstSampleFrame[slot] = frames.firstSampleFrame(i);
            magnitudeSum[slot] = sum(frames.magnitude(i));
            phaseSum[slot] = sum(frames.phase(i));
            powerSum[slot] = sum(frames.power(i));
            complexSum[slot] = sum(frames.complex(i));
            r++;
        }
        recorded = r;
    }

    private static double sum(final float[] values) {
        double s = 0;
        for (final float v : values) {
            s += v;
        }
        return s;
    }

    @Override
    public void reset() {
    }
}
