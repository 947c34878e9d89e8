package org.earshot.bench.accuracy;

import java.util.Arrays;

/**
 * mir_eval's beat metrics ({@code mir_eval.beat}, version 0.8), ported line by line so that the figures can be
 * compared with published ones: beats before 5 s are trimmed from both lists; F-measure with a ±70 ms window and
 * one-to-one (maximum bipartite) matching; Cemgil's accuracy with σ = 40 ms; CMLc, CMLt, AMLc, AMLt with phase and
 * period thresholds of 0.175, the AML variants taking the best of the annotations, off-beat, double, half-odd and
 * half-even.
 *
 * @param fMeasure F-measure
 * @param cemgil   Cemgil accuracy on the annotations as given
 * @param cmlC     longest continuous correct segment, correct metrical level
 * @param cmlT     total correct, correct metrical level
 * @param amlC     longest continuous correct segment, any allowed metrical level
 * @param amlT     total correct, any allowed metrical level
 */
public record BeatScore(double fMeasure, double cemgil, double cmlC, double cmlT, double amlC, double amlT) {
    /** mir_eval's {@code min_beat_time}, s. */
    public static final double MIN_BEAT_TIME_S = 5.0;
    /** F-measure window, s. */
    public static final double F_WINDOW_S = 0.07;
    /** Cemgil's sigma, s. */
    public static final double CEMGIL_SIGMA_S = 0.04;
    /** Continuity phase and period threshold. */
    public static final double CONTINUITY_THRESHOLD = 0.175;

    /**
     * @param beats beat times, s, ascending
     * @return those at or after {@link #MIN_BEAT_TIME_S}
     */
    public static double[] trim(final double[] beats) {
        return Arrays.stream(beats).filter(b -> b >= MIN_BEAT_TIME_S).toArray();
    }

    /** Beats in a row that {@link #firstCorrectRun} asks for. */
    public static final int CORRECT_RUN_BEATS = 4;

    /**
     * When the tracker first got the beat right and kept it: the first of {@value #CORRECT_RUN_BEATS} consecutive
     * estimated beats that lie, in order, within ±{@link #F_WINDOW_S} of as many consecutive annotated beats. Not a
     * mir_eval metric and not trimmed: it measures the start, which mir_eval leaves out. A lone early beat that is
     * not followed by three more on the grid, a start at twice or half the tempo or on the off-beat do not count,
     * which the time of the first emitted beat would let pass.
     *
     * @param reference annotated beat times, s, ascending
     * @param estimated estimated beat times, s, ascending
     * @return the time of the run's first estimated beat, s, or NaN if there is none
     */
    public static double firstCorrectRun(final double[] reference, final double[] estimated) {
        for (int i = 0; i + CORRECT_RUN_BEATS <= estimated.length; i++) {
            final int j = nearest(reference, estimated[i]);
            if (j < 0 || j + CORRECT_RUN_BEATS > reference.length) {
                continue;
            }
            boolean run = true;
            for (int k = 0; k < CORRECT_RUN_BEATS && run; k++) {
                run = Math.abs(estimated[i + k] - reference[j + k]) <= F_WINDOW_S;
            }
            if (run) {
                return estimated[i];
            }
        }
        return Double.NaN;
    }

    /** @return index of the annotation nearest to t (the earlier of two as near), or -1 if there is none */
    private static int nearest(final double[] reference, final double t) {
        final int i = lowerBound(reference, t);
        if (i == reference.length) {
            return i - 1;
        }
        return i > 0 && t - reference[i - 1] <= reference[i] - t ? i - 1 : i;
    }

    /**
     * Downbeat F-measure as beat trackers report it (MIREX, madmom): the F-measure with the ±{@link #F_WINDOW_S}
     * window applied to the downbeats alone, both lists trimmed as for beats.
     *
     * @param reference          annotated beat times, s, ascending
     * @param referenceBarPos    their bar positions (1 = downbeat)
     * @param estimated          estimated beat times, s, ascending
     * @param estimatedBarPos    their bar positions
     * @return the F-measure, or NaN if no annotated downbeat is left after trimming
     */
    public static double downbeatF(final double[] reference, final int[] referenceBarPos, final double[] estimated,
        final int[] estimatedBarPos) {
        final double[] r = trim(downbeats(reference, referenceBarPos));
        return r.length == 0 ? Double.NaN : fMeasure(r, trim(downbeats(estimated, estimatedBarPos)));
    }

    /**
     * How often a beat that is right is also in the right place in its bar: of the estimated beats at or after
     * {@link #MIN_BEAT_TIME_S} that lie within ±{@link #F_WINDOW_S} of an annotated beat, the share whose bar
     * position equals the nearest annotated beat's.
     *
     * @param reference          annotated beat times, s, ascending
     * @param referenceBarPos    their bar positions (1 = downbeat)
     * @param estimated          estimated beat times, s, ascending
     * @param estimatedBarPos    their bar positions
     * @return the share, or NaN if no estimated beat hits
     */
    public static double barPositionAccuracy(final double[] reference, final int[] referenceBarPos,
        final double[] estimated, final int[] estimatedBarPos) {
        int hits = 0;
        int right = 0;
        for (int i = 0; i < estimated.length; i++) {
            if (estimated[i] < MIN_BEAT_TIME_S) {
                continue;
            }
            final int j = nearest(reference, estimated[i]);
            if (j >= 0 && Math.abs(reference[j] - estimated[i]) <= F_WINDOW_S) {
                hits++;
                right += referenceBarPos[j] == estimatedBarPos[i] ? 1 : 0;
            }
        }
        return hits == 0 ? Double.NaN : (double)right / hits;
    }

    private static double[] downbeats(final double[] times, final int[] barPos) {
        int n = 0;
        for (final int b : barPos) {
            n += b == 1 ? 1 : 0;
        }
        final double[] d = new double[n];
        int k = 0;
        for (int i = 0; i < times.length; i++) {
            if (barPos[i] == 1) {
                d[k++] = times[i];
            }
        }
        return d;
    }

    /**
     * Scores estimated beats against annotations, trimming both first.
     *
     * @param reference annotated beat times, s
     * @param estimated estimated beat times, s
     * @return the scores, or null if no annotation is left after trimming (the metric is undefined)
     */
    public static BeatScore score(final double[] reference, final double[] estimated) {
        final double[] r = trim(reference);
        final double[] e = trim(estimated);
        if (r.length == 0) {
            return null;
        }
        final double[] cont = continuity(r, e);
        return new BeatScore(fMeasure(r, e), cemgil(r, e), cont[0], cont[1], cont[2], cont[3]);
    }

    /**
     * @param r trimmed annotations
     * @param e trimmed estimates
     * @return F-measure with one-to-one matching inside ±{@link #F_WINDOW_S}
     */
    public static double fMeasure(final double[] r, final double[] e) {
        if (r.length == 0 || e.length == 0) {
            return 0.0;
        }
        final int matched = maximumMatching(r, e, F_WINDOW_S);
        final double precision = (double)matched / e.length;
        final double recall = (double)matched / r.length;
        return precision + recall == 0.0 ? 0.0 : 2.0 * precision * recall / (precision + recall);
    }

    /**
     * Size of a maximum matching between events closer than a window (mir_eval's {@code util.match_events}, which
     * uses Hopcroft-Karp; Kuhn's augmenting paths give the same size).
     *
     * @param r      reference times
     * @param e      estimated times
     * @param window largest distance of a matched pair
     * @return number of matched pairs
     */
    static int maximumMatching(final double[] r, final double[] e, final double window) {
        final int[] matchOfEstimate = new int[e.length];
        Arrays.fill(matchOfEstimate, -1);
        int matched = 0;
        for (int i = 0; i < r.length; i++) {
            if (augment(i, r, e, window, matchOfEstimate, new boolean[e.length])) {
                matched++;
            }
        }
        return matched;
    }

    private static boolean augment(final int i, final double[] r, final double[] e, final double window,
        final int[] matchOfEstimate, final boolean[] seen) {
        int j = lowerBound(e, r[i] - window);
        for (; j < e.length && e[j] <= r[i] + window; j++) {
            if (seen[j] || Math.abs(e[j] - r[i]) > window) {
                continue;
            }
            seen[j] = true;
            if (matchOfEstimate[j] < 0 || augment(matchOfEstimate[j], r, e, window, matchOfEstimate, seen)) {
                matchOfEstimate[j] = i;
                return true;
            }
        }
        return false;
    }

    private static int lowerBound(final double[] a, final double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * @param r trimmed annotations
     * @param e trimmed estimates
     * @return Cemgil's accuracy on the annotations as given
     */
    public static double cemgil(final double[] r, final double[] e) {
        if (r.length == 0 || e.length == 0) {
            return 0.0;
        }
        double accuracy = 0.0;
        for (final double beat : r) {
            double diff = Double.POSITIVE_INFINITY;
            for (final double x : e) {
                diff = Math.min(diff, Math.abs(beat - x));
            }
            accuracy += Math.exp(-(diff * diff) / (2.0 * CEMGIL_SIGMA_S * CEMGIL_SIGMA_S));
        }
        return accuracy / (0.5 * (e.length + r.length));
    }

    /**
     * @param r trimmed annotations
     * @param e trimmed estimates
     * @return {CMLc, CMLt, AMLc, AMLt}
     */
    public static double[] continuity(final double[] r, final double[] e) {
        if (e.length <= 1 || r.length <= 1) {
            return new double[4];
        }
        final double[][] variations = variations(r);
        final double[] cont = new double[variations.length];
        final double[] total = new double[variations.length];
        for (int v = 0; v < variations.length; v++) {
            final double[] ref = variations[v];
            final int n = Math.max(ref.length, e.length);
            final boolean[] used = new boolean[n];
            final boolean[] success = new boolean[n];
            for (int m = 0; m < e.length; m++) {
                int nearest = 0;
                double minDiff = Double.POSITIVE_INFINITY;
                for (int k = 0; k < ref.length; k++) {
                    final double d = Math.abs(e[m] - ref[k]);
                    if (d < minDiff) {
                        minDiff = d;
                        nearest = k;
                    }
                }
                if (used[nearest]) {
                    continue;
                }
                final double phase;
                final double period;
                if (m == 0 || nearest == 0) {
                    final double refInterval = nearest + 1 < ref.length
                        ? ref[nearest + 1] - ref[nearest] : nearest > 0 ? ref[nearest] - ref[nearest - 1] : 0.0;
                    final double estInterval = m + 1 < e.length ? e[m + 1] - e[m] : e[m] - e[m - 1];
                    if (refInterval == 0.0) {
                        phase = minDiff == 0.0 ? 1.0 : Double.POSITIVE_INFINITY;
                        period = estInterval == 0.0 ? 0.0 : Double.POSITIVE_INFINITY;
                    } else {
                        phase = Math.abs(minDiff / refInterval);
                        period = Math.abs(1.0 - estInterval / refInterval);
                    }
                } else {
                    final double refInterval = ref[nearest] - ref[nearest - 1];
                    phase = Math.abs(minDiff / refInterval);
                    period = Math.abs(1.0 - (e[m] - e[m - 1]) / refInterval);
                }
                if (phase < CONTINUITY_THRESHOLD && period < CONTINUITY_THRESHOLD) {
                    used[nearest] = true;
                    success[m] = true;
                }
            }
            int longest = 0;
            int run = 0;
            int sum = 0;
            for (int m = 0; m < n; m++) {
                if (success[m]) {
                    run++;
                    sum++;
                    longest = Math.max(longest, run);
                } else {
                    run = 0;
                }
            }
            cont[v] = (double)longest / n;
            total[v] = (double)sum / n;
        }
        double amlC = 0.0;
        double amlT = 0.0;
        for (int v = 0; v < variations.length; v++) {
            amlC = Math.max(amlC, cont[v]);
            amlT = Math.max(amlT, total[v]);
        }
        return new double[] {cont[0], total[0], amlC, amlT};
    }

    /** mir_eval's {@code _get_reference_beat_variations}: as given, off-beat, double, half odd, half even. */
    private static double[][] variations(final double[] r) {
        final int nd = 2 * r.length - 1;
        final double[] dbl = new double[nd];
        for (int i = 0; i < nd; i++) {
            final int k = i / 2;
            dbl[i] = i % 2 == 0 ? r[k] : 0.5 * (r[k] + r[k + 1]);
        }
        final double[] off = new double[nd / 2];
        for (int i = 0; i < off.length; i++) {
            off[i] = dbl[2 * i + 1];
        }
        final double[] halfOdd = new double[(r.length + 1) / 2];
        for (int i = 0; i < halfOdd.length; i++) {
            halfOdd[i] = r[2 * i];
        }
        final double[] halfEven = new double[r.length / 2];
        for (int i = 0; i < halfEven.length; i++) {
            halfEven[i] = r[2 * i + 1];
        }
        return new double[][] {r, off, dbl, halfOdd, halfEven};
    }
}
