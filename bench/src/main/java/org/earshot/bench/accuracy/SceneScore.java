package org.earshot.bench.accuracy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Sound-event detection scores in the DCASE manner: event-based (one-to-one matching per class, onset
 * within a collar, offsets ignored) and segment-based (fixed segments, a class active in a segment when
 * an event overlaps it), summed over files (micro), per class and overall.
 */
public final class SceneScore {
    /** One event: onset and offset in seconds and its label. */
    public record Event(double onset, double offset, String label) {
    }

    /** True positives, false positives, false negatives. */
    public static final class Counts {
        long tp;
        long fp;
        long fn;

        /** @return F1, 0 when nothing was counted */
        public double f1() {
            return 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn);
        }

        /** @return precision */
        public double precision() {
            return tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        }

        /** @return recall */
        public double recall() {
            return tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%4d %4d %4d  P %.3f R %.3f F1 %.3f", tp, fp, fn, precision(),
                recall(), f1());
        }
    }

    private final double collarS;
    private final double segmentS;
    private final Map<String, Counts> events = new TreeMap<>();
    private final Map<String, Counts> segments = new TreeMap<>();

    /**
     * @param collarS  onset collar, seconds (0.25)
     * @param segmentS segment length, seconds (1.0)
     */
    public SceneScore(final double collarS, final double segmentS) {
        this.collarS = collarS;
        this.segmentS = segmentS;
    }

    /** @return the onset collar, seconds */
    public double collarS() {
        return collarS;
    }

    /**
     * Scores one file.
     *
     * @param reference annotated events
     * @param estimated detected events (labels the reference never uses still count as false positives)
     * @param durationS file length in seconds
     */
    public void add(final List<Event> reference, final List<Event> estimated, final double durationS) {
        final Set<String> labels = new TreeSet<>();
        reference.forEach(e -> labels.add(e.label()));
        estimated.forEach(e -> labels.add(e.label()));
        for (final String label : labels) {
            final List<Event> ref = reference.stream().filter(e -> e.label().equals(label)).toList();
            final List<Event> est = new ArrayList<>(estimated.stream().filter(e -> e.label().equals(label)).toList());
            final Counts c = events.computeIfAbsent(label, k -> new Counts());
            for (final Event r : ref) {
                Event best = null;
                for (final Event e : est) {
                    if (Math.abs(e.onset() - r.onset()) <= collarS
                        && (best == null || Math.abs(e.onset() - r.onset()) < Math.abs(best.onset() - r.onset()))) {
                        best = e;
                    }
                }
                if (best != null) {
                    c.tp++;
                    est.remove(best);
                } else {
                    c.fn++;
                }
            }
            c.fp += est.size();
            final int n = (int)Math.ceil(durationS / segmentS);
            final Counts s = segments.computeIfAbsent(label, k -> new Counts());
            for (int k = 0; k < n; k++) {
                final double a = k * segmentS;
                final double b = a + segmentS;
                final boolean inRef = ref.stream().anyMatch(e -> e.onset() < b && e.offset() > a);
                final boolean inEst = estimated.stream().anyMatch(e -> e.label().equals(label) && e.onset() < b
                    && e.offset() > a);
                if (inRef && inEst) {
                    s.tp++;
                } else if (inEst) {
                    s.fp++;
                } else if (inRef) {
                    s.fn++;
                }
            }
        }
    }

    /** @return event-based counts per class */
    public Map<String, Counts> eventCounts() {
        return events;
    }

    /** @return segment-based counts per class */
    public Map<String, Counts> segmentCounts() {
        return segments;
    }

    /**
     * @param perClass counts per class
     * @return their sum
     */
    public static Counts total(final Map<String, Counts> perClass) {
        final Counts t = new Counts();
        for (final Counts c : perClass.values()) {
            t.tp += c.tp;
            t.fp += c.fp;
            t.fn += c.fn;
        }
        return t;
    }
}
