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
     * @param classes     model classes decided (empty: every event class of the model)
     * @param sensitivity 0 to 1 for both the decisions and the impact detector
     * @param impact      whether the impact detector may run
     * @param alerts      the labels whose events are written (empty: every label the room can decide). The others are
     *                    still decided, so a sound keeps its label for the one-label-per-sound verdict and the room's
     *                    memory, and no other event changes; without {@code impact} among them the impact detector
     *                    does not run
     */
    public record Settings(ClassifierModel model, List<String> classes, double sensitivity, boolean impact,
        List<String> alerts) {
        /**
         * @throws IllegalArgumentException on a missing model, an unknown class or alert, or a sensitivity out of
         *                                  range
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
            alerts = List.copyOf(alerts);
            final List<String> possible = possibleLabels(model, classes, impact);
            for (final String a : alerts) {
                if (!possible.contains(a)) {
                    throw new IllegalArgumentException("'" + a + "' is not a label this room can raise; it can raise "
                        + possible);
                }
            }
        }

        /**
         * Every label decided and written.
         *
         * @param model       the classifier model
         * @param classes     model classes decided (empty: every event class of the model)
         * @param sensitivity 0 to 1
         * @param impact      whether the impact detector runs
         */
        public Settings(final ClassifierModel model, final List<String> classes, final double sensitivity,
            final boolean impact) {
            this(model, classes, sensitivity, impact, List.of());
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
            return decided(model, classes);
        }

        /** @return whether the impact detector runs: it may, and its label is among the alerts */
        public boolean runsImpact() {
            return impact && (alerts.isEmpty() || alerts.contains(SoundEvents.IMPACT));
        }

        /** @return the labels events can carry: the decided classes, then {@code impact} if it runs, or the alerts */
        public List<String> alertLabels() {
            return alerts.isEmpty() ? possibleLabels(model, classes, impact) : alerts;
        }

        private static List<String> decided(final ClassifierModel model, final List<String> classes) {
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

        private static List<String> possibleLabels(final ClassifierModel model, final List<String> classes,
            final boolean impact) {
            final List<String> out = new ArrayList<>(decided(model, classes));
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
        final List<String> decided = settings.decidedClasses();
        final List<String> alerts = settings.alertLabels();
        final DecisionConfig d = DecisionConfig.defaults("decide", eventType, model.classes(), decided);
        final boolean[] written = new boolean[decided.size()];
        for (int i = 0; i < written.length; i++) {
            written[i] = alerts.contains(decided.get(i));
        }
        final DecisionConfig dc = new DecisionConfig(d.name(), eventType, d.classes(), d.labels(), d.eventOnThreshold(),
            d.eventOffThreshold(), d.classThreshold(), settings.sensitivity(), d.smoothFrames(), d.minDurationMs(),
            d.mergeGapMs(), d.maxDurationMs(), d.gateDb(), written);
        final EventDecisionNode decisions = b.add(new EventDecisionNode(dc, classifier, logMel), classifier, logMel);
        ImpactNode impact = null;
        if (settings.runsImpact()) {
            final ImpactConfig ic = ImpactConfig.defaults(eventType);
            impact = b.add(new ImpactNode(new ImpactConfig(ic.name(), eventType, ic.label(), settings.sensitivity(),
                ic.mergeGapMs()), logMel, classifier, decisions), logMel, classifier, decisions);
        }
        return new Nodes(logMel, classifier, decisions, impact);
    }
}
