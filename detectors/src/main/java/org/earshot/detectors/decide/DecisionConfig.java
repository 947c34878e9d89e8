package org.earshot.detectors.decide;

import java.util.List;

import org.earshot.engine.event.EventType;

/**
 * How class probabilities become events.
 *
 * @param name            node name
 * @param eventType       the {@code event} type to write ({@link SoundEvents#type})
 * @param classes         model class index for each decided class
 * @param labels          index into the event type's label table for each decided class
 * @param eventOnThreshold  smoothed probability that the context holds any decided class (the sum of their
 *                          probabilities) that starts an event, (0, 1)
 * @param eventOffThreshold the level below which it ends, (0, eventOnThreshold]
 * @param classThreshold    per decided class: the mean probability over the event the winning class must
 *                          reach for the event to be written, (0, 1)
 * @param sensitivity     0 to 1, 0.5 neutral; higher lowers every threshold (live-adjustable, parameter
 *                        {@link EventDecisionNode#PARAM_SENSITIVITY})
 * @param smoothFrames    moving-average length of the probabilities, in hops, 1 to 100
 * @param minDurationMs   how long the smoothed probability must stay above the on threshold, 0 to 5,000 ms
 * @param mergeGapMs      a new detection this soon after the last one ended extends it, 0 to 10,000 ms
 * @param maxDurationMs   a longer event is emitted and a new one begins, 500 to 600,000 ms
 * @param gateDb          the context must hold a frame this far above the background level, and to start an
 *                        event its loudest 100 ms this far above the bed's texture level (the 90 % quantile
 *                        of its 100 ms energies, see {@link EventDecisionNode}), 0 to 60 dB
 * @param written         per decided class: whether its events are written. A class not written is still decided:
 *                        its sounds take its label for the impact detector's verdict and the room's memory, so
 *                        choosing the alerts changes no other event; its events just reach no sink
 */
public record DecisionConfig(
    String name, EventType eventType, int[] classes, int[] labels, float eventOnThreshold, float eventOffThreshold,
    float[] classThreshold,
    double sensitivity, int smoothFrames, int minDurationMs, int mergeGapMs, int maxDurationMs, float gateDb,
    boolean[] written) {

    /**
     * @throws IllegalArgumentException naming the field, its range and the value received
     */
    public DecisionConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (eventType == null) {
            throw new IllegalArgumentException("eventType must not be null");
        }
        if (classes.length == 0 || classes.length != labels.length || classes.length != classThreshold.length
            || classes.length != written.length) {
            throw new IllegalArgumentException("classes, labels, classThreshold and written must have one length, 1 or "
                + "more, got " + classes.length + ", " + labels.length + ", " + classThreshold.length + ", "
                + written.length);
        }
        if (!(eventOnThreshold > 0 && eventOnThreshold < 1)) {
            throw new IllegalArgumentException("eventOnThreshold must be in (0, 1), got " + eventOnThreshold);
        }
        if (!(eventOffThreshold > 0 && eventOffThreshold <= eventOnThreshold)) {
            throw new IllegalArgumentException("eventOffThreshold must be in (0, eventOnThreshold=" + eventOnThreshold
                + "], got " + eventOffThreshold);
        }
        for (int i = 0; i < classes.length; i++) {
            if (labels[i] < 0 || labels[i] >= eventType.labels().size()) {
                throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + eventType.labels().size()
                    + "), got " + labels[i]);
            }
            if (!(classThreshold[i] > 0 && classThreshold[i] < 1)) {
                throw new IllegalArgumentException("classThreshold[" + i + "] must be in (0, 1), got "
                    + classThreshold[i]);
            }
        }
        range("sensitivity", sensitivity, 0, 1);
        range("smoothFrames", smoothFrames, 1, 100);
        range("minDurationMs", minDurationMs, 0, 5000);
        range("mergeGapMs", mergeGapMs, 0, 10_000);
        range("maxDurationMs", maxDurationMs, 500, 600_000);
        range("gateDb", gateDb, 0, 60);
        classes = classes.clone();
        labels = labels.clone();
        classThreshold = classThreshold.clone();
        written = written.clone();
    }

    /**
     * The same settings with every decided class written.
     *
     * @param name              node name
     * @param eventType         the {@code event} type to write
     * @param classes           model class index for each decided class
     * @param labels            index into the event type's label table for each decided class
     * @param eventOnThreshold  as in the canonical constructor
     * @param eventOffThreshold as in the canonical constructor
     * @param classThreshold    per decided class, as in the canonical constructor
     * @param sensitivity       0 to 1
     * @param smoothFrames      hops
     * @param minDurationMs     ms
     * @param mergeGapMs        ms
     * @param maxDurationMs     ms
     * @param gateDb            dB
     */
    public DecisionConfig(final String name, final EventType eventType, final int[] classes, final int[] labels,
        final float eventOnThreshold, final float eventOffThreshold, final float[] classThreshold,
        final double sensitivity, final int smoothFrames, final int minDurationMs, final int mergeGapMs,
        final int maxDurationMs, final float gateDb) {
        this(name, eventType, classes, labels, eventOnThreshold, eventOffThreshold, classThreshold, sensitivity,
            smoothFrames, minDurationMs, mergeGapMs, maxDurationMs, gateDb, allTrue(classes.length));
    }

    private static boolean[] allTrue(final int n) {
        final boolean[] b = new boolean[n];
        java.util.Arrays.fill(b, true);
        return b;
    }

    private static void range(final String field, final double v, final double lo, final double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(field + " must be in [" + fmt(lo) + ", " + fmt(hi) + "], got " + fmt(v));
        }
    }

    private static String fmt(final double v) {
        return v == Math.rint(v) ? Long.toString((long)v) : Double.toString(v);
    }

    /**
     * The shipped decision settings: event on 0.7, off 0.4, class threshold 0.4, sensitivity 0.5, 5-hop
     * smoothing, 50 ms minimum, 400 ms merge gap, 30 s maximum, 6 dB gate.
     *
     * @param name       node name
     * @param eventType  event type whose labels include every class listed
     * @param modelClasses the model's class names
     * @param decided    names of the classes to decide
     * @return the config
     * @throws IllegalArgumentException if a decided class is not in the model or the label table
     */
    public static DecisionConfig defaults(
        final String name, final EventType eventType, final List<String> modelClasses, final List<String> decided) {
        final int n = decided.size();
        final int[] classes = new int[n];
        final int[] labels = new int[n];
        final float[] threshold = new float[n];
        for (int i = 0; i < n; i++) {
            classes[i] = modelClasses.indexOf(decided.get(i));
            labels[i] = eventType.labels().indexOf(decided.get(i));
            if (classes[i] < 0) {
                throw new IllegalArgumentException("class " + decided.get(i) + " is not in the model " + modelClasses);
            }
            threshold[i] = 0.4f;
        }
        return new DecisionConfig(name, eventType, classes, labels, 0.7f, 0.4f, threshold, 0.5, 5, 50, 400, 30_000, 6f);
    }
}
