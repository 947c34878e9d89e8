package org.earshot.bench.jmh;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.earshot.detectors.beat.BeatGraph;
import org.earshot.detectors.beat.BeatTrackerConfig;
import org.earshot.detectors.beat.ClickTrack;
import org.earshot.detectors.onset.NoveltyFrames;
import org.earshot.detectors.spectral.SpectrumFrames;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * novelty ports, full and low band, and the STFT's spectra (one 256-frame block at 48 kHz) ──►
 * BeatTrackerNode.process ──► event ring: the beat tracker's cost per block with the default settings (tempo
 * estimator, 4,600-state beat-pointer HMM, the bar's accents, harmonic profile and meter, prediction and events). The
 * novelty and spectra of 30 s of a 120 BPM click track over faint noise are computed beforehand by the real STFT and
 * novelty nodes, one holder per block, band and port, and replayed. {@code averageBlock}
 * cycles through every block (a tracker frame arrives in about half of them, every 10 ms); {@code
 * blockWithTrackerFrame} only through blocks that hold one, the worst case. The budget in the issue is 20 µs per
 * block.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class NoveltyToBeatTrackerBlockBenchmark {
    private static final int RATE = 48_000;
    private static final int BLOCK = 256;

    private BeatGraph graph;
    private Object[] portValues;
    private int noveltyPort;
    private int lowPort;
    private int spectrumPort;
    private NoveltyFrames[] blocks;
    private NoveltyFrames[] lowBlocks;
    private SpectrumFrames[] spectra;
    private int[] withFrame;
    private BlockContext ctx;
    private EventWriter writer;
    private ManyToOneRingBuffer ring;
    private final float[] empty = new float[BLOCK];
    private int next;
    private int nextWithFrame;

    /** Runs the STFT and novelty nodes over the signal once, keeping each block's novelty. */
    @Setup
    public void setup() {
        final GraphBuilder builder = new GraphBuilder();
        graph = BeatGraph.addTo(builder, BeatGraph.noveltySettings(), BeatTrackerConfig.defaults(), RATE);
        final RenderPlan plan = builder.build(GraphConfig.of("bench", RATE, BLOCK, EventMode.OFFLINE));
        portValues = plan.newPortValues();
        noveltyPort = graph.novelty().output().id();
        spectrumPort = graph.stft().output().id();
        lowPort = graph.lowNovelty().output().id();
        ring = new ManyToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect((1 << 16)
            + RingBufferDescriptor.TRAILER_LENGTH)));
        final CountersFile counters = CountersFile.inMemory();
        writer = new EventWriter(ring, EventMode.LIVE, new BackoffIdleStrategy(),
            counters.newCounter(SystemCounter.EVENTS_WRITTEN, "w"),
            counters.newCounter(SystemCounter.EVENTS_DROPPED, "d"), 0, 2);
        ctx = new BlockContext(RATE);
        ctx.bindEvents(writer);
        final float[] x = ClickTrack.render(RATE, 30.0, ClickTrack.beats(0.25, 30.0, 120.0), 4, 3L);
        final float[] noise = ClickTrack.noise(RATE, 30.0, 0.003, 4L);
        final int n = x.length / BLOCK;
        blocks = new NoveltyFrames[n];
        lowBlocks = new NoveltyFrames[n];
        spectra = new SpectrumFrames[n];
        final List<Integer> frames = new ArrayList<>();
        final float[] block = new float[BLOCK];
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < BLOCK; i++) {
                block[i] = x[b * BLOCK + i] + noise[b * BLOCK + i];
            }
            ctx.bindBlock(block, BLOCK, (long)b * BLOCK, 0, portValues);
            graph.stft().process(ctx);
            graph.novelty().process(ctx);
            graph.lowNovelty().process(ctx);
            final NoveltyFrames copy = copy((NoveltyFrames)portValues[noveltyPort]);
            blocks[b] = copy;
            lowBlocks[b] = copy((NoveltyFrames)portValues[lowPort]);
            final SpectrumFrames produced = (SpectrumFrames)portValues[spectrumPort];
            spectra[b] = new SpectrumFrames(produced.config(), produced.capacity(), graph.stft().config().views());
            spectra[b].copyFrom(produced);
            if (copy.count() > 0) {
                frames.add(b);
            }
        }
        withFrame = frames.stream().mapToInt(Integer::intValue).toArray();
    }

    private static NoveltyFrames copy(final NoveltyFrames produced) {
        final NoveltyFrames copy = new NoveltyFrames(produced.capacity());
        for (int i = 0; i < produced.count(); i++) {
            copy.add(produced.frameIndex(i), produced.timeFrame(i), produced.value(i), produced.levelDb(i));
        }
        return copy;
    }

    private int process(final int b) {
        portValues[noveltyPort] = blocks[b];
        portValues[lowPort] = lowBlocks[b];
        portValues[spectrumPort] = spectra[b];
        final long start = (long)b * BLOCK;
        ctx.bindBlock(empty, BLOCK, start, 0, portValues);
        writer.bindBlock(start + BLOCK, 0);
        graph.tracker().process(ctx);
        return ring.read((msgType, buffer, index, length) -> { }, 16);
    }

    /** @return events read back, so the work is not eliminated */
    @Benchmark
    public int averageBlock() {
        final int b = next;
        next = next + 1 == blocks.length ? 0 : next + 1;
        return process(b);
    }

    /** @return events read back, so the work is not eliminated */
    @Benchmark
    public int blockWithTrackerFrame() {
        final int b = withFrame[nextWithFrame];
        nextWithFrame = nextWithFrame + 1 == withFrame.length ? 0 : nextWithFrame + 1;
        return process(b);
    }
}
