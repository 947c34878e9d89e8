package org.earshot.app.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.earshot.detectors.beat.BeatTrackerConfig;
import org.earshot.detectors.beat.BeatTrackerNode;
import org.earshot.detectors.decide.EventDecisionNode;
import org.earshot.detectors.denoise.DenoiserConfig;
import org.earshot.detectors.denoise.DenoiserNode;
import org.earshot.detectors.display.DisplayTapNode;
import org.earshot.detectors.impact.ImpactNode;
import org.earshot.detectors.meter.LevelMeterNode;
import org.earshot.detectors.onset.NoveltyNode;
import org.earshot.detectors.onset.OnsetPeakPickerNode;
import org.earshot.engine.AudioNode;
import org.earshot.engine.graph.RenderPlan;

/**
 * Which panels and controls a graph gets: a panel only when the node that feeds it is in the graph.
 *
 * @param panels   panel names in page order: {@code spectrogram novelty onsets beat events denoiser levels health}
 * @param controls the graph's live controls
 */
public record GraphLayout(List<String> panels, List<Control> controls) {
    /** Panel of the display tap's log-mel columns. */
    public static final String SPECTROGRAM = "spectrogram";
    /** Panel of the novelty curve. */
    public static final String NOVELTY = "novelty";
    /** Onset markers (on the novelty and spectrogram). */
    public static final String ONSETS = "onsets";
    /** Beat and tempo panel. */
    public static final String BEAT = "beat";
    /** Per-room event timeline and alerts. */
    public static final String EVENTS = "events";
    /** Denoiser levels, gain and controls. */
    public static final String DENOISER = "denoiser";
    /** Level meter events. */
    public static final String LEVELS = "levels";
    /** Engine health: always shown. */
    public static final String HEALTH = "health";

    /**
     * @param plan    the graph (with its tap, if any)
     * @param graphId the graph's id
     * @return its panels and controls
     */
    public static GraphLayout of(final RenderPlan plan, final int graphId) {
        final Set<String> panels = new LinkedHashSet<>();
        final List<Control> controls = new ArrayList<>();
        final List<Control.Target> sensitivity = new ArrayList<>();
        for (final AudioNode node : plan.nodes()) {
            if (node instanceof DisplayTapNode) {
                panels.add(SPECTROGRAM);
            } else if (node instanceof NoveltyNode) {
                panels.add(NOVELTY);
            } else if (node instanceof OnsetPeakPickerNode) {
                panels.add(ONSETS);
            } else if (node instanceof BeatTrackerNode beat) {
                panels.add(BEAT);
                final BeatTrackerConfig c = beat.config();
                controls.add(new Control(graphId + "/lead", graphId, "lead", "Beat lead", false, 0,
                    BeatTrackerConfig.MAX_LEAD_MS, 1, "ms", c.leadMs(),
                    List.of(new Control.Target(node.name(), BeatTrackerNode.PARAM_LEAD_MS))));
            } else if (node instanceof EventDecisionNode) {
                panels.add(EVENTS);
                sensitivity.add(new Control.Target(node.name(), EventDecisionNode.PARAM_SENSITIVITY));
            } else if (node instanceof ImpactNode) {
                panels.add(EVENTS);
                sensitivity.add(new Control.Target(node.name(), ImpactNode.PARAM_SENSITIVITY));
            } else if (node instanceof DenoiserNode denoiser) {
                panels.add(DENOISER);
                final DenoiserConfig c = denoiser.config();
                final List<Control.Target> limit = List.of(
                    new Control.Target(node.name(), DenoiserNode.PARAM_REDUCTION_LIMIT_DB));
                controls.add(new Control(graphId + "/strength", graphId, "strength", "Strength (max reduction)", false,
                    0, DenoiserConfig.MAX_REDUCTION_LIMIT_DB, 1, "dB", c.reductionLimitDb(), limit));
                controls.add(new Control(graphId + "/mix", graphId, "mix", "Wet mix", false, 0, 1, 0.05, "",
                    c.wetMix(), List.of(new Control.Target(node.name(), DenoiserNode.PARAM_WET_MIX))));
                controls.add(new Control(graphId + "/bypass", graphId, "bypass", "Bypass", true, 0, 1, 1, "",
                    c.bypass() ? 1 : 0, List.of(new Control.Target(node.name(), DenoiserNode.PARAM_BYPASS))));
            } else if (node instanceof LevelMeterNode) {
                panels.add(LEVELS);
            }
        }
        if (!sensitivity.isEmpty()) {
            controls.add(new Control(graphId + "/sensitivity", graphId, "sensitivity", "Event sensitivity", false, 0, 1,
                0.05, "", Double.NaN, sensitivity));
        }
        panels.add(HEALTH);
        return new GraphLayout(List.copyOf(panels), List.copyOf(controls));
    }
}
