package org.earshot.bench.jmh;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.earshot.detectors.onset.NoveltyFrames;
import org.earshot.detectors.onset.NoveltyType;
import org.earshot.detectors.onset.OnsetConfig;
import org.earshot.detectors.onset.OnsetGraph;
import org.earshot.detectors.spectral.SpectrumFrames;
import org.earshot.dsp.stft.Stft;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventMode;
import org.earshot.engine.Port;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * STFT port (one frame) ──► NoveltyNode.process ──► novelty port: the cost of one novelty value per frame, for
 * each novelty function, with that function's default geometry at 44.1 kHz (1024-sample Hann window, hop
 * 441 for SuperFlux, 221 for the others). The STFT frames are computed beforehand from noise with clicks and cycled (256 consecutive frames; at
 * each wrap the node sees a stream break and skips the difference for {@code mu} frames, under 1 % of calls).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class NoveltyFrameBenchmark {
    private static final int RATE = 44_100;
    private static final int FRAMES = 256;

    /** The novelty function. */
    @Param({"SUPERFLUX", "SPECTRAL_FLUX", "COMPLEX_DOMAIN", "HFC", "ENERGY"})
    public NoveltyType type;

    private OnsetGraph nodes;
    private Object[][] portValues;
    private BlockContext ctx;
    private Port<NoveltyFrames> output;
    private final float[] empty = new float[0];
    private int next;

    /** Builds the graph (prepares the nodes) and the pre-computed STFT frames. */
    @Setup
    @SuppressWarnings("unchecked")
    public void setup() {
        final GraphBuilder builder = new GraphBuilder();
        final OnsetConfig config = OnsetConfig.defaults(type);
        nodes = OnsetGraph.addTo(builder, config, RATE);
        final RenderPlan plan = builder.build(GraphConfig.of("bench", RATE, 256, EventMode.OFFLINE));
        final Port<SpectrumFrames> stftPort = nodes.stft().output();
        output = nodes.novelty().output();
        final Stft stft = new Stft(config.stftConfig(RATE));
        final float[] x = signal(stft.config().windowLength() + FRAMES * stft.config().hop());
        portValues = new Object[FRAMES][];
        int pos = 0;
        for (int k = 0; k < FRAMES; k++) {
            do {
                pos += stft.feed(x, pos, x.length - pos);
            } while (!stft.frameReady());
            final Object[] values = plan.newPortValues();
            final SpectrumFrames holder = (SpectrumFrames)values[stftPort.id()];
            holder.clear();
            holder.tryAdd(stft.frame());
            portValues[k] = values;
        }
        ctx = new BlockContext(RATE);
        final List<Port<?>> unused = plan.ports();
        if (unused.isEmpty()) {
            throw new IllegalStateException("no ports");
        }
    }

    private static float[] signal(final int length) {
        final Random random = new Random(3);
        final float[] x = new float[length];
        for (int i = 0; i < length; i++) {
            x[i] = (float)(0.01 * random.nextGaussian());
        }
        for (int c = 0; c < length; c += 4410) {
            for (int i = 0; i < 200 && c + i < length; i++) {
                x[c + i] += (float)(0.5 * Math.exp(-i / 40.0) * random.nextGaussian());
            }
        }
        return x;
    }

    /** @return the novelty count, so the work is not eliminated */
    @Benchmark
    public int noveltyPerFrame() {
        final Object[] values = portValues[next];
        next = (next + 1) & (FRAMES - 1);
        ctx.bindBlock(empty, 0, 0, 0, values);
        nodes.novelty().process(ctx);
        return ((NoveltyFrames)values[output.id()]).count();
    }
}
