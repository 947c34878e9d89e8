package org.earshot.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.earshot.detectors.denoise.DenoiserConfig;
import org.earshot.detectors.denoise.DenoiserNode;
import org.earshot.detectors.denoise.LatencyMode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;
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
 * block (10 ms of noisy tone) ──► DenoiserNode.process: low-delay STFT (2 frames per block at 5 ms hop),
 * noise tracking, OM-LSA gain, musical-noise smoothing, overlap-add, wet/dry: the cost of one block on the audio
 * thread, single threaded. Run with {@code -prof gc} to see the allocation rate (0 B/op expected).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class DenoiserBlockBenchmark {
    /** Graph rate, Hz. */
    @Param({"48000", "16000"})
    public int rate;

    /** Latency mode. */
    @Param({"STANDARD", "LOW"})
    public String mode;

    private DenoiserNode node;
    private BlockContext ctx;
    private Object[] values;
    private float[] signal;
    private float[] block;
    private int blockFrames;
    private int offset;
    private long frame;

    /** Prepares the node and a few seconds of signal. */
    @Setup
    public void setup() {
        blockFrames = rate / 100;
        node = new DenoiserNode(DenoiserConfig.defaults().withLatencyMode(LatencyMode.valueOf(mode)));
        final List<Port<?>> ports = new ArrayList<>();
        node.prepare(new ProcessSpec(rate, blockFrames), new NodeSetup(ports).forNode(node.name()));
        values = new Object[ports.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = ports.get(i).newValue();
        }
        ctx = new BlockContext(rate);
        final Random random = new Random(1);
        signal = new float[4 * rate];
        for (int i = 0; i < signal.length; i++) {
            final double tone = (i / (rate / 4)) % 2 == 0 ? 0.1 * Math.sin(2 * Math.PI * 440 * i / rate) : 0;
            signal[i] = (float)(tone + 0.03 * random.nextGaussian());
        }
        block = new float[blockFrames];
    }

    /**
     * @return a sample of the output, so the work is not optimised away
     */
    @Benchmark
    public float processBlock() {
        if (offset + blockFrames > signal.length) {
            offset = 0;
        }
        System.arraycopy(signal, offset, block, 0, blockFrames);
        offset += blockFrames;
        ctx.bindBlock(block, blockFrames, frame, 0L, values);
        frame += blockFrames;
        node.process(ctx);
        return ((org.earshot.engine.AudioBlock)values[node.output().id()]).samples()[0];
    }
}
