package org.earshot.bench.jmh;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.earshot.detectors.onset.NoveltyType;
import org.earshot.detectors.onset.OnsetConfig;
import org.earshot.detectors.onset.OnsetGraph;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventMode;
import org.earshot.engine.EventWriter;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.status.CountersFile;
import org.earshot.engine.status.SystemCounter;
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
 * one hop of samples ──► StftNode ──► NoveltyNode ──► OnsetPeakPickerNode ──► event ring: the whole onset
 * detector's cost per STFT frame (one 441-sample block at 44.1 kHz, 10 ms of audio), nodes called directly on
 * one thread (no frame ring). {@code 10 ms / score} is the detector's real-time factor on one core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class OnsetGraphHopBenchmark {
    private static final int RATE = 44_100;

    /** The novelty function. */
    @Param({"SUPERFLUX"})
    public NoveltyType type;

    private List<AudioNode> nodes;
    private Object[] portValues;
    private BlockContext ctx;
    private EventWriter writer;
    private ManyToOneRingBuffer ring;
    private float[] signal;
    private float[] scratch;
    private int hop;
    private int offset;
    private long frame;

    /** Builds and prepares the three nodes. */
    @Setup
    public void setup() {
        final GraphBuilder builder = new GraphBuilder();
        final OnsetConfig config = OnsetConfig.defaults(type);
        final OnsetGraph graph = OnsetGraph.addTo(builder, config, RATE);
        hop = config.stftConfig(RATE).hop();
        final RenderPlan plan = builder.build(GraphConfig.of("bench", RATE, hop, EventMode.OFFLINE));
        nodes = plan.nodes();
        portValues = plan.newPortValues();
        ctx = new BlockContext(RATE);
        ring = new ManyToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect((1 << 16)
            + RingBufferDescriptor.TRAILER_LENGTH)));
        final CountersFile counters = CountersFile.inMemory();
        writer = new EventWriter(ring, EventMode.LIVE, new BackoffIdleStrategy(),
            counters.newCounter(SystemCounter.EVENTS_WRITTEN, "w"),
            counters.newCounter(SystemCounter.EVENTS_DROPPED, "d"), 0, 2);
        ctx.bindEvents(writer);
        scratch = new float[hop];
        signal = new float[RATE * 4];
        final Random random = new Random(5);
        for (int i = 0; i < signal.length; i++) {
            signal[i] = (float)(0.01 * random.nextGaussian());
        }
        for (int c = 0; c < signal.length; c += 5_000) {
            for (int i = 0; i < 300 && c + i < signal.length; i++) {
                signal[c + i] += (float)(0.5 * Math.exp(-i / 60.0) * random.nextGaussian());
            }
        }
    }

    /** @return events read back (onsets), so the work is not eliminated */
    @Benchmark
    public int hop() {
        if (offset + hop > signal.length) {
            offset = 0;
        }
        System.arraycopy(signal, offset, scratch, 0, hop);
        ctx.bindBlock(scratch, hop, frame, 0, portValues);
        writer.bindBlock(frame + hop, 0);
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).process(ctx);
        }
        offset += hop;
        frame += hop;
        return ring.read((msgType, buffer, index, length) -> { }, 16);
    }
}
