package org.earshot.bench.jmh;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;
import org.agrona.concurrent.status.AtomicCounter;
import org.earshot.engine.EventMode;
import org.earshot.engine.EventWriter;
import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;
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
 * Node ──tryClaim/commit──► Agrona event ring ──read──► (same thread) : the cost a node pays to emit one
 * event with four fields, plus the read that frees the room, single threaded.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class EventRingClaimCommitBenchmark {
    private static final EventType TYPE = EventType.define(990, "bench", EventField.real("a"), EventField.real("b"),
        EventField.real("c"), EventField.real("d"));

    private ManyToOneRingBuffer ring;
    private EventWriter writer;
    private long frame;

    /** Builds the ring and writer. */
    @Setup
    public void setup() {
        ring = new ManyToOneRingBuffer(new UnsafeBuffer(ByteBuffer.allocateDirect((1 << 16) + RingBufferDescriptor.TRAILER_LENGTH)));
        final CountersFile counters = CountersFile.inMemory();
        final AtomicCounter written = counters.newCounter(SystemCounter.EVENTS_WRITTEN, "w");
        final AtomicCounter dropped = counters.newCounter(SystemCounter.EVENTS_DROPPED, "d");
        writer = new EventWriter(ring, EventMode.LIVE, new BackoffIdleStrategy(), written, dropped, 0, 0);
    }

    /** @return records read back */
    @Benchmark
    public int claimCommitRead() {
        final EventWriter.EventRecord r = writer.tryClaim(TYPE, frame++);
        if (r != null) {
            r.set(0, 1.0).set(1, 2.0).set(2, 3.0).set(3, 4.0).commit();
        }
        return ring.read((msgTypeId, buffer, index, length) -> { }, 1);
    }
}
