package org.earshot.engine.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SleepingWaitStrategy;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventWriter;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.graph.ThreadingMode;

/**
 * Runs a {@link RenderPlan} over a Disruptor ring of pre-allocated {@link FrameSlot}s.
 *
 * <pre>
 *  SHARED:     source ──► [ring] ──► one consumer: node0, node1, ... in dependency order
 *  DEDICATED:  source ──► [ring] ──► consumer per node, each gated by the sequences of the nodes it
 *                                    reads ──► completion consumer gated by all of them
 *  POOLED:     like SHARED, but polled as an {@link Agent} so that several graphs share a few threads
 *              (many rooms on a small machine)
 * </pre>
 *
 * Node outputs live in the slot, so a downstream consumer reads the outputs of the same block, whatever
 * thread wrote them. Consumers wait with a sleeping strategy (spin, yield, park), which allocates nothing.
 */
public final class GraphRunner implements AutoCloseable {
    private final RenderPlan plan;
    private final GraphCounters counters;
    private final RingBuffer<FrameSlot> ring;
    private final List<BatchEventProcessor<FrameSlot>> processors = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final FramePublisher publisher;
    private final NodeStep[] nodeSteps;
    private final Agent pollingAgent;

    /**
     * Builds the ring and consumers; {@link #start} starts their threads.
     *
     * @param plan       the prepared graph
     * @param graphId    id written in event records
     * @param eventRing  the engine's event ring
     * @param counters   the graph's counters
     * @param failures   queue for node failures
     */
    public GraphRunner(
        final RenderPlan plan,
        final int graphId,
        final org.agrona.concurrent.ringbuffer.RingBuffer eventRing,
        final GraphCounters counters,
        final Queue<NodeStep.NodeFailure> failures) {
        this(plan, graphId, eventRing, counters, failures, false);
    }

    /**
     * Builds the ring and consumers.
     *
     * @param plan       the prepared graph
     * @param graphId    id written in event records
     * @param eventRing  the engine's event ring
     * @param counters   the graph's counters
     * @param failures   queue for node failures
     * @param pooled     for a SHARED graph: run it as a polling {@link #agent()} on a shared thread instead of
     *                   a thread of its own
     */
    public GraphRunner(
        final RenderPlan plan,
        final int graphId,
        final org.agrona.concurrent.ringbuffer.RingBuffer eventRing,
        final GraphCounters counters,
        final Queue<NodeStep.NodeFailure> failures,
        final boolean pooled) {
        this.plan = plan;
        this.counters = counters;
        final int maxFrames = plan.config().maxBlockFrames();
        this.ring = RingBuffer.createSingleProducer(
            () -> new FrameSlot(maxFrames, plan.newPortValues()), plan.config().ringSlots(),
            new SleepingWaitStrategy(200, 50_000));
        final List<AudioNode> nodes = plan.nodes();
        final NodeStep[] steps = new NodeStep[nodes.size()];
        for (int i = 0; i < steps.length; i++) {
            final EventWriter writer = new EventWriter(eventRing, plan.config().eventMode(),
                new BackoffIdleStrategy(), counters.eventsWritten, counters.eventsDropped, graphId, i);
            steps[i] = new NodeStep(nodes.get(i), writer, counters.nodeTimers[i], counters, failures,
                plan.config().name());
        }
        Agent agent = null;
        Agent inline = null;
        if (plan.config().threadingMode() == ThreadingMode.INLINE) {
            final EventPoller<FrameSlot> poller = ring.newPoller();
            ring.addGatingSequences(poller.getSequence());
            inline = new PollingAgent(poller, new SharedHandler(steps));
        } else if (plan.config().threadingMode() == ThreadingMode.SHARED && pooled) {
            final EventPoller<FrameSlot> poller = ring.newPoller();
            ring.addGatingSequences(poller.getSequence());
            agent = new PollingAgent(poller, new SharedHandler(steps));
        } else if (plan.config().threadingMode() == ThreadingMode.SHARED) {
            final BatchEventProcessor<FrameSlot> p = new BatchEventProcessorBuilder()
                .build(ring, ring.newBarrier(), new SharedHandler(steps));
            processors.add(p);
            ring.addGatingSequences(p.getSequence());
        } else {
            final Sequence[] nodeSequences = new Sequence[steps.length];
            for (int i = 0; i < steps.length; i++) {
                final int[] deps = plan.dependenciesOf(i);
                final Sequence[] gating = new Sequence[deps.length];
                for (int j = 0; j < deps.length; j++) {
                    gating[j] = nodeSequences[deps[j]];
                }
                final BatchEventProcessor<FrameSlot> p = new BatchEventProcessorBuilder()
                    .build(ring, ring.newBarrier(gating), new DedicatedHandler(steps[i]));
                processors.add(p);
                nodeSequences[i] = p.getSequence();
            }
            final BatchEventProcessor<FrameSlot> completion = new BatchEventProcessorBuilder()
                .build(ring, ring.newBarrier(nodeSequences), new CompletionHandler());
            processors.add(completion);
            ring.addGatingSequences(completion.getSequence());
        }
        this.publisher = new FramePublisher(ring, inline);
        this.nodeSteps = steps;
        this.pollingAgent = agent;
    }

    /**
     * @return the agent to run on a shared thread, or null if this runner has threads of its own or runs
     *     {@link ThreadingMode#INLINE} (on the publisher's thread)
     */
    public Agent agent() {
        return pollingAgent;
    }

    /**
     * Posts a parameter change to a node from any thread; it is applied at the start of the node's next
     * block, on the audio thread.
     *
     * @param nodeName    the node's name
     * @param parameterId the node's parameter id
     * @param value       the new value
     * @return false if no node has that name or its inbox is full
     */
    public boolean trySetParameter(final String nodeName, final int parameterId, final double value) {
        for (final NodeStep step : nodeSteps) {
            if (step.node().name().equals(nodeName)) {
                return step.inbox().offer(parameterId, value);
            }
        }
        return false;
    }

    /**
     * Starts one thread per consumer.
     *
     * @param threadFactory makes the graph threads
     */
    public void start(final ThreadFactory threadFactory) {
        for (final BatchEventProcessor<FrameSlot> p : processors) {
            final Thread t = threadFactory.newThread(p);
            threads.add(t);
            t.start();
        }
    }

    /** @return the publisher the source pump writes blocks with */
    public FramePublisher publisher() {
        return publisher;
    }

    /** @return the plan */
    public RenderPlan plan() {
        return plan;
    }

    /** @return the graph's counters */
    public GraphCounters counters() {
        return counters;
    }

    /** @return ids of the graph's consumer threads, for allocation checks */
    public long[] threadIds() {
        final long[] ids = new long[threads.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = threads.get(i).getId();
        }
        return ids;
    }

    /**
     * Waits until the end-of-stream slot has been processed by every node.
     *
     * @param timeout how long to wait
     * @param unit    unit of timeout
     * @return true if the stream ended in time
     * @throws InterruptedException if interrupted
     */
    public boolean awaitEnd(final long timeout, final TimeUnit unit) throws InterruptedException {
        return ended.await(timeout, unit);
    }

    /** @return whether the end-of-stream slot has been processed */
    public boolean hasEnded() {
        return ended.getCount() == 0;
    }

    /** Halts the consumers, joins their threads and releases the nodes. */
    @Override
    public void close() throws InterruptedException {
        for (final BatchEventProcessor<FrameSlot> p : processors) {
            p.halt();
        }
        for (final Thread t : threads) {
            t.join(5_000);
        }
        for (final AudioNode node : plan.nodes()) {
            node.release();
        }
    }

    private void completeBlock(final FrameSlot slot, final long startNs) {
        counters.graphTimer.record(System.nanoTime() - startNs);
        counters.blocksProcessed.incrementRelease();
        counters.framesProcessed.getAndAddRelease(slot.frames);
        if ((slot.flags & FrameSlot.FLAG_STREAM_BREAK) != 0) {
            counters.streamBreaks.incrementRelease();
        }
        if ((slot.flags & FrameSlot.FLAG_END_OF_STREAM) != 0) {
            ended.countDown();
        }
    }

    private BlockContext newContext() {
        return new BlockContext(plan.config().sampleRateHz());
    }

    private final class SharedHandler implements EventHandler<FrameSlot> {
        private final NodeStep[] steps;
        private final BlockContext ctx = newContext();

        SharedHandler(final NodeStep[] steps) {
            this.steps = steps;
        }

        @Override
        public void onEvent(final FrameSlot slot, final long sequence, final boolean endOfBatch) {
            final long start = System.nanoTime();
            ctx.bindBlock(slot.samples, slot.frames, slot.startFrame, slot.captureNs, slot.ports);
            for (final NodeStep step : steps) {
                step.run(slot, ctx);
            }
            completeBlock(slot, start);
        }
    }

    private final class PollingAgent implements Agent, EventPoller.Handler<FrameSlot> {
        private final EventPoller<FrameSlot> poller;
        private final SharedHandler handler;
        private int work;

        PollingAgent(final EventPoller<FrameSlot> poller, final SharedHandler handler) {
            this.poller = poller;
            this.handler = handler;
        }

        @Override
        public int doWork() throws Exception {
            work = 0;
            poller.poll(this);
            return work;
        }

        @Override
        public boolean onEvent(final FrameSlot slot, final long sequence, final boolean endOfBatch) {
            handler.onEvent(slot, sequence, endOfBatch);
            return ++work < 16;
        }

        @Override
        public String roleName() {
            return "graph-" + plan.config().name();
        }
    }

    private final class DedicatedHandler implements EventHandler<FrameSlot> {
        private final NodeStep step;
        private final BlockContext ctx = newContext();

        DedicatedHandler(final NodeStep step) {
            this.step = step;
        }

        @Override
        public void onEvent(final FrameSlot slot, final long sequence, final boolean endOfBatch) {
            ctx.bindBlock(slot.samples, slot.frames, slot.startFrame, slot.captureNs, slot.ports);
            step.run(slot, ctx);
        }
    }

    private final class CompletionHandler implements EventHandler<FrameSlot> {
        @Override
        public void onEvent(final FrameSlot slot, final long sequence, final boolean endOfBatch) {
            completeBlock(slot, slot.publishNs);
        }
    }
}
