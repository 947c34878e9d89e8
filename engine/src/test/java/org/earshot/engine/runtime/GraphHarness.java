package org.earshot.engine.runtime;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.status.CountersFile;

/**
 * Test harness: runs a plan on its real graph thread(s) while the test thread is the producer, so a test
 * can publish exact blocks, wait until they are processed, and read how many bytes the graph threads
 * allocated in between (the steady-state allocation test every node gets).
 */
public final class GraphHarness implements AutoCloseable {
    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final GraphRunner runner;
    private final CollectingSink sink = new CollectingSink();
    private final AgentRunner eventRunner;
    private final ManyToOneConcurrentArrayQueue<NodeStep.NodeFailure> failures = new ManyToOneConcurrentArrayQueue<>(64);
    private final CountersFile counters = CountersFile.inMemory();
    private final ManyToOneRingBuffer eventRing;
    private long nextFrame;
    private long published;

    /**
     * Starts the graph threads and an event agent that collects into {@link #sink()}.
     *
     * @param plan           the prepared graph
     * @param eventRingBytes event ring capacity (power of two)
     */
    public GraphHarness(final RenderPlan plan, final int eventRingBytes) {
        eventRing = new ManyToOneRingBuffer(new UnsafeBuffer(
            ByteBuffer.allocateDirect(eventRingBytes + RingBufferDescriptor.TRAILER_LENGTH)));
        final List<String> names = plan.nodes().stream().map(n -> n.name()).toList();
        final GraphCounters gc = new GraphCounters(counters, plan.config().name(), names, plan.config().budgetNs());
        runner = new GraphRunner(plan, 0, eventRing, gc, failures);
        final GraphInfo info = new GraphInfo(0, plan.config().name(), plan.config().sampleRateHz(),
            plan.latencyFrames(), names);
        eventRunner = new AgentRunner(new BackoffIdleStrategy(), Throwable::printStackTrace, null,
            new EventAgent(eventRing, List.of(sink), List.of(info), new GraphCounters[] {gc}, System.err::println));
        AgentRunner.startOnThread(eventRunner);
        runner.start(r -> {
            final Thread t = new Thread(r, "test-graph");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * @param plan the prepared graph
     * @return a harness with a 1 MiB event ring
     */
    public static GraphHarness start(final RenderPlan plan) {
        return new GraphHarness(plan, 1 << 20);
    }

    /**
     * Publishes samples as consecutive blocks of at most {@code blockFrames}, waiting for free slots.
     *
     * @param samples     mono samples
     * @param blockFrames block size
     * @param flags       flags of the first block
     */
    public void publish(final float[] samples, final int blockFrames, final int flags) {
        int f = flags;
        for (int off = 0; off < samples.length; off += blockFrames) {
            final int n = Math.min(blockFrames, samples.length - off);
            runner.publisher().publish(samples, off, n, nextFrame, System.nanoTime(), f);
            f = 0;
            nextFrame += n;
            published++;
        }
    }

    /**
     * Publishes one block.
     *
     * @param samples samples
     * @param offset  first sample
     * @param frames  frames
     * @param flags   flags
     */
    public void publishBlock(final float[] samples, final int offset, final int frames, final int flags) {
        runner.publisher().publish(samples, offset, frames, nextFrame, System.nanoTime(), flags);
        nextFrame += frames;
        published++;
    }

    /** Publishes the end-of-stream slot and waits until the graph has processed it and events are drained. */
    public void end() throws InterruptedException {
        runner.publisher().publish(new float[0], 0, 0, nextFrame, System.nanoTime(), FrameSlot.FLAG_END_OF_STREAM);
        published++;
        if (!runner.awaitEnd(60, TimeUnit.SECONDS)) {
            throw new AssertionError("graph did not reach end of stream");
        }
        awaitEventsDrained();
    }

    /** Waits until every published block has been processed. */
    public void awaitProcessed() throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (runner.counters().blocksProcessed() < published) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("processed " + runner.counters().blocksProcessed() + " of " + published);
            }
            Thread.sleep(1);
        }
    }

    /** Waits until the event agent has read everything written so far. */
    public void awaitEventsDrained() throws InterruptedException {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (eventRing.consumerPosition() != eventRing.producerPosition()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("events not drained");
            }
            Thread.sleep(1);
        }
    }

    /**
     * @return total bytes allocated so far by the graph's consumer threads; for an
     *     {@link org.earshot.engine.graph.ThreadingMode#INLINE} graph, by the calling thread, which publishes and
     *     therefore runs the graph
     */
    public long graphThreadAllocatedBytes() {
        final com.sun.management.ThreadMXBean mx = THREADS;
        if (runner.plan().config().threadingMode() == org.earshot.engine.graph.ThreadingMode.INLINE) {
            // the query for the current thread allocates nothing itself (the one taking ids would count its array)
            return mx.getCurrentThreadAllocatedBytes();
        }
        long total = 0;
        for (final long id : runner.threadIds()) {
            total += mx.getThreadAllocatedBytes(id);
        }
        return total;
    }

    /**
     * The steady-state allocation check: publishes {@code warmupBlocks} blocks, then measures the graph
     * threads' allocated bytes across {@code measuredBlocks} more.
     *
     * @param signal         samples to loop over
     * @param blockFrames    block size
     * @param warmupBlocks   blocks before measuring (JIT settles)
     * @param measuredBlocks blocks measured
     * @return bytes allocated on the graph threads while the measured blocks were processed
     */
    public long allocatedBytesInSteadyState(
        final float[] signal, final int blockFrames, final int warmupBlocks, final int measuredBlocks)
        throws InterruptedException {
        publishLooped(signal, blockFrames, warmupBlocks);
        awaitProcessed();
        awaitEventsDrained();
        final long before = graphThreadAllocatedBytes();
        publishLooped(signal, blockFrames, measuredBlocks);
        awaitProcessed();
        final long after = graphThreadAllocatedBytes();
        return after - before;
    }

    /**
     * The allocation check as tests use it: warms up, then measures windows of {@code measuredBlocks}
     * blocks until one allocates nothing, at most {@code attempts} windows. A node that allocates per
     * block (or even once per window) fails every window; what this tolerates is a one-off event on the
     * graph thread, such as the JIT deoptimising compiled code and re-materialising scalar-replaced
     * objects when another thread loads classes.
     *
     * @param signal         samples to loop over
     * @param blockFrames    block size
     * @param warmupBlocks   blocks before measuring
     * @param measuredBlocks blocks per measured window (10,000 or more)
     * @param attempts       windows tried
     * @return bytes allocated in each window measured; the last is 0 on success
     */
    public long[] allocationWindows(
        final float[] signal, final int blockFrames, final int warmupBlocks, final int measuredBlocks, final int attempts)
        throws InterruptedException {
        final long[] windows = new long[attempts];
        for (int i = 0; i < attempts; i++) {
            windows[i] = allocatedBytesInSteadyState(signal, blockFrames, i == 0 ? warmupBlocks : 0, measuredBlocks);
            if (windows[i] == 0) {
                return java.util.Arrays.copyOf(windows, i + 1);
            }
        }
        return windows;
    }

    private void publishLooped(final float[] signal, final int blockFrames, final int blocks) {
        int off = 0;
        for (int b = 0; b < blocks; b++) {
            if (off + blockFrames > signal.length) {
                off = 0;
            }
            publishBlock(signal, off, blockFrames, 0);
            off += blockFrames;
        }
    }

    /** @return the collecting sink */
    public CollectingSink sink() {
        return sink;
    }

    /** @return the graph's counters */
    public GraphCounters counters() {
        return runner.counters();
    }

    /** @return the runner */
    public GraphRunner runner() {
        return runner;
    }

    @Override
    public void close() throws InterruptedException {
        eventRunner.close();
        runner.close();
    }
}
