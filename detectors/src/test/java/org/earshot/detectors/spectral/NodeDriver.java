package org.earshot.detectors.spectral;

import java.util.ArrayList;
import java.util.List;

import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;

/**
 * Runs one node on the test thread, as the runtime would: prepares it, makes one port value per declared
 * port (a single "ring slot"), and binds each block into a pre-allocated input buffer of {@code maxFrames}.
 */
final class NodeDriver {
    private final AudioNode node;
    private final List<Port<?>> ports = new ArrayList<>();
    private final Object[] values;
    private final BlockContext ctx;
    private final float[] buffer;

    NodeDriver(final AudioNode node, final ProcessSpec spec) {
        this.node = node;
        node.prepare(spec, new NodeSetup(ports).forNode(node.name()));
        this.values = new Object[ports.size()];
        for (final Port<?> p : ports) {
            values[p.id()] = p.newValue();
        }
        this.ctx = new BlockContext(spec.sampleRateHz());
        this.buffer = new float[spec.maxFrames()];
    }

    List<Port<?>> ports() {
        return ports;
    }

    /** Processes {@code frames} samples of {@code src} from {@code offset} as the block at {@code startFrame}. */
    void block(final float[] src, final int offset, final int frames, final long startFrame) {
        System.arraycopy(src, offset, buffer, 0, frames);
        ctx.bindBlock(buffer, frames, startFrame, 0L, values);
        node.process(ctx);
    }

    @SuppressWarnings("unchecked")
    <T> T value(final Port<T> port) {
        return (T)values[port.id()];
    }
}
