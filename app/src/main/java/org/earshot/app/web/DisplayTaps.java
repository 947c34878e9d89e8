package org.earshot.app.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.earshot.detectors.denoise.DenoiserNode;
import org.earshot.detectors.display.DisplayTapConfig;
import org.earshot.detectors.display.DisplayTapNode;
import org.earshot.detectors.onset.NoveltyNode;
import org.earshot.engine.AudioNode;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.RenderPlan;

/**
 * Adds a {@link DisplayTapNode} to a preset's graph: the plan is rebuilt from the same node instances, in the
 * same order and with the same dependencies (every node is prepared again, off the audio thread), plus the
 * tap, which reads the first onset novelty node and the first denoiser if the graph has them. The preset's
 * own code is not touched, so a graph with a dashboard runs exactly the nodes it runs without one.
 */
public final class DisplayTaps {
    private DisplayTaps() {
    }

    /**
     * A plan with its tap.
     *
     * @param plan the rebuilt plan
     * @param tap  the tap node in it
     */
    public record Tapped(RenderPlan plan, DisplayTapNode tap) {
    }

    /**
     * @param base   the preset's prepared plan
     * @param mode   drop (live) or wait (report) when the tap's ring is full
     * @param config tap settings; its name is made unique in the graph if needed
     * @return the rebuilt plan and its tap
     */
    public static Tapped addTo(final RenderPlan base, final EventMode mode, final DisplayTapConfig config) {
        final List<AudioNode> nodes = base.nodes();
        final GraphBuilder b = new GraphBuilder();
        NoveltyNode novelty = null;
        DenoiserNode denoiser = null;
        final Set<String> names = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            final AudioNode node = nodes.get(i);
            final int[] deps = base.dependenciesOf(i);
            final AudioNode[] upstream = new AudioNode[deps.length];
            for (int d = 0; d < deps.length; d++) {
                upstream[d] = nodes.get(deps[d]);
            }
            b.add(node, upstream);
            names.add(node.name());
            if (novelty == null && node instanceof NoveltyNode n) {
                novelty = n;
            }
            if (denoiser == null && node instanceof DenoiserNode dn) {
                denoiser = dn;
            }
        }
        String name = config.name();
        for (int k = 2; names.contains(name); k++) {
            name = config.name() + "-" + k;
        }
        final DisplayTapConfig named = new DisplayTapConfig(name, config.columnsPerSecond(), config.melBands(),
            config.minHz(), config.maxHz(), config.ringColumns());
        final NoveltyNode nov = novelty;
        final DenoiserNode den = denoiser;
        final DisplayTapNode tap = new DisplayTapNode(named, mode, nov == null ? null : nov::output,
            den == null ? null : den::output);
        if (nov != null && den != null) {
            b.add(tap, nov, den);
        } else if (nov != null) {
            b.add(tap, nov);
        } else if (den != null) {
            b.add(tap, den);
        } else {
            b.add(tap);
        }
        return new Tapped(b.build(base.config()), tap);
    }
}
