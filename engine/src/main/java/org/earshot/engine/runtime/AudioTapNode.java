package org.earshot.engine.runtime;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.earshot.engine.AudioBlock;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventMode;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;

/**
 * Copies an upstream node's audio stream into an {@link AudioRing} for an output thread. In
 * {@link EventMode#LIVE} a full ring drops and counts (the graph never waits for a device); in
 * {@link EventMode#OFFLINE} it waits for room, so a file writer loses nothing.
 */
public final class AudioTapNode implements AudioNode {
    private final String name;
    private final Supplier<Port<AudioBlock>> upstream;
    private final AudioRing ring;
    private final EventMode mode;
    private Port<AudioBlock> in;

    /**
     * @param name     node name
     * @param upstream gives the audio port of the node to tap (called in prepare, after that node's prepare)
     * @param ring     where the audio goes
     * @param mode     drop or wait when the ring is full
     */
    public AudioTapNode(final String name, final Supplier<Port<AudioBlock>> upstream, final AudioRing ring,
        final EventMode mode) {
        this.name = name;
        this.upstream = upstream;
        this.ring = ring;
        this.mode = mode;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        in = upstream.get();
        if (in == null) {
            throw new IllegalStateException("node " + name + ": upstream audio port is not prepared");
        }
    }

    @Override
    public int latencyFrames() {
        return 0;
    }

    @Override
    public void process(final BlockContext ctx) {
        final AudioBlock block = ctx.get(in);
        final int frames = block.frames();
        if (mode == EventMode.LIVE) {
            ring.writeOrDrop(block.samples(), 0, frames);
            return;
        }
        int done = 0;
        while (done < frames) {
            done += ring.write(block.samples(), done, frames - done);
            if (done < frames) {
                LockSupport.parkNanos(50_000);
            }
        }
    }

    @Override
    public void reset() {
    }
}
