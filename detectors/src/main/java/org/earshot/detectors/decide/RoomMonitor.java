package org.earshot.detectors.decide;

import java.util.ArrayList;
import java.util.List;

import org.earshot.detectors.classify.ClassifierConfig;
import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.ClassifierNode;
import org.earshot.detectors.classify.LogMelConfig;
import org.earshot.detectors.classify.LogMelNode;
import org.earshot.detectors.impact.ImpactConfig;
import org.earshot.detectors.impact.ImpactNode;
import org.earshot.engine.event.EventType;
import org.earshot.engine.graph.GraphBuilder;

/**
 * The room-monitor chain, added to a graph: log-mel front end → classifier → event decisions, and the
 * impact detector on the same front end. The {@code room-monitor} preset and the evaluation both build
 * rooms through {@link #addTo}, so they run the same graph.
 */
public final class RoomMonitor {
    /**
     * What a room runs.
     *
     * @param model       the classifier model
     * @param classes     model classes raised as events (empty: every event class of the model)
     * @param sensitivity 0 to 1 for both the decisions and the impact detector
     * @param impact      whether the impact detector runs
     */
    public record Settings(ClassifierModel model, List<String> classes, double sensitivity, boolean impact) {
        /**
         * @throws IllegalArgumentException on a missing model, an unknown class or a sensitivity out of range
         */
        public Settings {
            if (model == null) {
                throw new IllegalArgumentException("model must not be null");
            }
            if (!(sensitivity >= 0 && sensitivity <= 1)) {
                throw new IllegalArgumentException("sensitivity must be in [0, 1], got " + sensitivity);
            }
            for (final String c : classes) {
                if (model.indexOf(c) < 0) {
                    throw new IllegalArgumentException("class " + c + " is not in the model; it knows "
                        + model.classes());
                }
            }
            classes = List.copyOf(classes);
        }

        /**
         * @param model the model
         * @return every event class, neutral sensitivity, impacts on
         */
        public static Settings of(final ClassifierModel model) {
            return new Settings(model, List.of(), 0.5, true);
        }

        /** @return the classes decided: the listed ones, or every event class of the model */
        public List<String> decidedClasses() {
            if (!classes.isEmpty()) {
                return classes;
            }
            final List<String> out = new ArrayList<>();
            for (int c = 0; c < model.classCount(); c++) {
                if (!model.isBackground(c)) {
                    out.add(model.classes().get(c));
                }
            }
            return out;
        }

        /** @return the labels events can carry: the decided classes, then {@code impact} if it runs */
        public List<String> alertLabels() {
            final List<String> out = new ArrayList<>(decidedClasses());
            if (impact && !out.contains(SoundEvents.IMPACT)) {
                out.add(SoundEvents.IMPACT);
            }
            return out;
        }
    }

    /** The nodes added for one room. */
    public record Nodes(LogMelNode logMel, ClassifierNode classifier, EventDecisionNode decisions, ImpactNode impact) {
    }

    private RoomMonitor() {
    }

    /**
     * @param model a model
     * @return the label table of the {@code event} type for that model: every class, then {@code impact}
     */
    public static List<String> labelTable(final ClassifierModel model) {
        final List<String> labels = new ArrayList<>(model.classes());
        if (!labels.contains(SoundEvents.IMPACT)) {
            labels.add(SoundEvents.IMPACT);
        }
        return labels;
    }

    /**
     * Adds the chain to a graph, with the process-wide {@code event} type.
     *
     * @param b        the graph
     * @param settings what to run
     * @return the nodes
     */
    public static Nodes addTo(final GraphBuilder b, final Settings settings) {
        return addTo(b, settings, SoundEvents.type(labelTable(settings.model())));
    }

    /**
     * Adds the chain to a graph, writing the given event type.
     *
     * @param b         the graph
     * @param settings  what to run
     * @param eventType the {@code event} type, whose labels are {@link #labelTable}
     * @return the nodes
     */
    public static Nodes addTo(final GraphBuilder b, final Settings settings, final EventType eventType) {
        final ClassifierModel model = settings.model();
        final LogMelNode logMel = b.add(new LogMelNode(new LogMelConfig("logmel", model.settings(), true)));
        final ClassifierNode classifier = b.add(new ClassifierNode(new ClassifierConfig("classifier", model), logMel),
            logMel);
        final DecisionConfig d = DecisionConfig.defaults("decide", eventType, model.classes(),
            settings.decidedClasses());
        final DecisionConfig dc = new DecisionConfig(d.name(), eventType, d.classes(), d.labels(), d.eventOnThreshold(),
            d.eventOffThreshold(), d.classThreshold(), settings.sensitivity(), d.smoothFrames(),
                d.minDurationMs(), d.mergeGapMs(),
            d.maxDurationMs(), d.gateDb());
        final EventDecisionNode decisions = b.add(new EventDecisionNode(dc, classifier, logMel), classifier, logMel);
        ImpactNode impact = null;
        if (settings.impact()) {
            final ImpactConfig ic = ImpactConfig.defaults(eventType);
            impact = b.add(new ImpactNode(new ImpactConfig(ic.name(), eventType, ic.label(), settings.sensitivity(),
                ic.mergeGapMs()), logMel, classifier, decisions), logMel, classifier, decisions);
        }
        return new Nodes(logMel, classifier, decisions, impact);
    }
}
