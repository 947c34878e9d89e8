package org.earshot.detectors.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import org.earshot.engine.AudioBlock;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;

/**
 * Runs one audio-producing node over a whole signal on the calling thread, block by block exactly as the
 * graph runner would (prepare, process per block, the declared latency appended in silence at the end), and
 * returns its audio ports with the latency removed: each output has the input's length and is aligned with
 * it. For evaluation harnesses and tests; a node reading other nodes' ports needs the real graph.
 */
public final class OfflineRender {
    private OfflineRender() {
    }

    /**
     * @param node         the node, not yet prepared
     * @param ports        after prepare, the audio ports to collect
     * @param input        mono samples
     * @param sampleRateHz their rate
     * @param blockFrames  block size
     * @return one aligned output per port, each {@code input.length} long
     */
    public static float[][] render(final AudioNode node, final Function<AudioNode, List<Port<AudioBlock>>> ports,
        final float[] input, final int sampleRateHz, final int blockFrames) {
        final List<Port<?>> declared = new ArrayList<>();
        final NodeSetup setup = new NodeSetup(declared);
        node.prepare(new ProcessSpec(sampleRateHz, blockFrames), setup.forNode(node.name()));
        final Object[] values = new Object[declared.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = declared.get(i).newValue();
        }
        final List<Port<AudioBlock>> wanted = ports.apply(node);
        final int latency = node.latencyFrames();
        final int total = input.length + latency;
        final float[][] raw = new float[wanted.size()][total];
        final float[] block = new float[blockFrames];
        final BlockContext ctx = new BlockContext(sampleRateHz);
        for (int off = 0; off < total; off += blockFrames) {
            final int n = Math.min(blockFrames, total - off);
            final int real = Math.max(0, Math.min(n, input.length - off));
            if (real > 0) {
                System.arraycopy(input, off, block, 0, real);
            }
            Arrays.fill(block, real, n, 0f);
            ctx.bindBlock(block, n, off, 0L, values);
            node.process(ctx);
            for (int p = 0; p < wanted.size(); p++) {
                final AudioBlock out = (AudioBlock)values[wanted.get(p).id()];
                System.arraycopy(out.samples(), 0, raw[p], off, out.frames());
            }
        }
        final float[][] aligned = new float[wanted.size()][];
        for (int p = 0; p < wanted.size(); p++) {
            aligned[p] = Arrays.copyOfRange(raw[p], latency, latency + input.length);
        }
        return aligned;
    }
}
