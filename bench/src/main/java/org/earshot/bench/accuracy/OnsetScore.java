package org.earshot.bench.accuracy;

import java.util.Arrays;

/**
 * Onset scoring with mir_eval's convention ({@code mir_eval.onset.f_measure}): an estimate matches a reference
 * onset when they are at most {@code window} seconds apart (inclusive), each onset is matched at most once, and
 * the number of matches is a maximum bipartite matching ({@code mir_eval.util.match_events}). Precision is
 * matches over estimates, recall matches over references, F their harmonic mean; all three are 0 if either list
 * is empty, as in mir_eval.
 *
 * @param references number of reference onsets
 * @param estimates  number of estimated onsets
 * @param matched    size of the maximum matching
 * @param precision  matched / estimates
 * @param recall     matched / references
 * @param f          harmonic mean of precision and recall
 */
public record OnsetScore(int references, int estimates, int matched, double precision, double recall, double f) {
    /** mir_eval's default window: 50 ms. */
    public static final double DEFAULT_WINDOW_S = 0.05;

    /**
     * Scores estimates against references.
     *
     * @param reference reference onset times, seconds
     * @param estimated estimated onset times, seconds
     * @param windowS   tolerance, seconds
     * @return the score
     */
    public static OnsetScore of(final double[] reference, final double[] estimated, final double windowS) {
        if (reference.length == 0 || estimated.length == 0) {
            return new OnsetScore(reference.length, estimated.length, 0, 0.0, 0.0, 0.0);
        }
        final double[] ref = reference.clone();
        final double[] est = estimated.clone();
        Arrays.sort(ref);
        Arrays.sort(est);
        final int matched = maximumMatching(ref, est, windowS);
        final double precision = (double)matched / est.length;
        final double recall = (double)matched / ref.length;
        final double f = precision + recall == 0.0 ? 0.0 : 2.0 * precision * recall / (precision + recall);
        return new OnsetScore(ref.length, est.length, matched, precision, recall, f);
    }

    /**
     * Size of a maximum matching between two sorted lists where pairs within {@code window} may match (Kuhn's
     * augmenting paths; any maximum matching has the same size as mir_eval's Hopcroft-Karp one).
     */
    static int maximumMatching(final double[] ref, final double[] est, final double window) {
        final int[][] candidates = new int[ref.length][];
        int lo = 0;
        for (int i = 0; i < ref.length; i++) {
            while (lo < est.length && est[lo] < ref[i] - window) {
                lo++;
            }
            int hi = lo;
            while (hi < est.length && est[hi] <= ref[i] + window) {
                hi++;
            }
            int count = 0;
            final int[] c = new int[hi - lo];
            for (int j = lo; j < hi; j++) {
                if (Math.abs(ref[i] - est[j]) <= window) {
                    c[count++] = j;
                }
            }
            candidates[i] = Arrays.copyOf(c, count);
        }
        final int[] estToRef = new int[est.length];
        Arrays.fill(estToRef, -1);
        int matched = 0;
        final int[] seen = new int[est.length];
        Arrays.fill(seen, -1);
        for (int i = 0; i < ref.length; i++) {
            if (augment(i, i, candidates, estToRef, seen)) {
                matched++;
            }
        }
        return matched;
    }

    private static boolean augment(final int i, final int round, final int[][] candidates, final int[] estToRef,
        final int[] seen) {
        for (final int j : candidates[i]) {
            if (seen[j] == round) {
                continue;
            }
            seen[j] = round;
            if (estToRef[j] < 0 || augment(estToRef[j], round, candidates, estToRef, seen)) {
                estToRef[j] = i;
                return true;
            }
        }
        return false;
    }
}
