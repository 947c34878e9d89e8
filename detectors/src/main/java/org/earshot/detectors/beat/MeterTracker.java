package org.earshot.detectors.beat;

/**
 * Infers the bar position of beats and the meter (3 or 4 beats to the bar) with a small beat-synchronous hidden
 * Markov model, filtered forward: states (meter {@code m}, position {@code q < m}); each beat moves {@code q} to
 * {@code q + 1 mod m}, and at a bar line the meter may switch with a small probability. The observation is the
 * beat's accent (the strongest novelty near the beat), standardised against the running mean and spread of recent
 * accents: a downbeat is more likely to be accented, with likelihood {@code exp(ACCENT_GAIN z)} against 1 for the
 * other positions.
 *
 * <p>Allocation-free after construction.
 */
public final class MeterTracker {
    private static final int[] METERS = {3, 4};
    private static final double METER_SWITCH = 0.01;
    private static final double ACCENT_GAIN = 0.7;
    private static final double ACCENT_MEMORY_BEATS = 16.0;
    private static final double FOUR_FOUR_PRIOR = 0.6;

    private final double[] p = new double[7];
    private final double[] next = new double[7];
    private double accentMean;
    private double accentVar;
    private long observed;

    /** Starts with no knowledge of the bar. */
    public MeterTracker() {
        reset();
    }

    private static int offset(final int meterIndex) {
        return meterIndex == 0 ? 0 : METERS[0];
    }

    /**
     * Adds the accent of the beat that just passed.
     *
     * @param accent the novelty peak near the beat, 0 or more
     */
    public void observe(final double accent) {
        // predict: every state moves one beat on
        java.util.Arrays.fill(next, 0.0);
        for (int mi = 0; mi < METERS.length; mi++) {
            final int m = METERS[mi];
            final int o = offset(mi);
            for (int q = 0; q < m; q++) {
                final double v = p[o + q];
                if (q == m - 1) {
                    next[o] += v * (1.0 - METER_SWITCH);
                    next[offset(1 - mi)] += v * METER_SWITCH;
                } else {
                    next[o + q + 1] += v;
                }
            }
        }
        final double sd = Math.sqrt(Math.max(accentVar, 1e-12));
        final double z = observed < 2 ? 0.0 : Math.max(-3.0, Math.min(3.0, (accent - accentMean) / sd));
        final double downbeat = Math.exp(ACCENT_GAIN * z);
        double sum = 0.0;
        for (int mi = 0; mi < METERS.length; mi++) {
            final int o = offset(mi);
            next[o] *= downbeat;
            for (int q = 0; q < METERS[mi]; q++) {
                sum += next[o + q];
            }
        }
        for (int s = 0; s < p.length; s++) {
            p[s] = next[s] / sum;
        }
        final double rate = 1.0 / Math.min(ACCENT_MEMORY_BEATS, observed + 1.0);
        final double d = accent - accentMean;
        accentMean += rate * d;
        accentVar = (1.0 - rate) * (accentVar + rate * d * d);
        observed++;
    }

    /** @return the most likely meter, 3 or 4 */
    public int meter() {
        double three = 0.0;
        for (int q = 0; q < 3; q++) {
            three += p[q];
        }
        return three > 0.5 ? 3 : 4;
    }

    /**
     * @param beatsAhead how many beats after the last observed one (1 = the next beat)
     * @return the bar position, 1-based (1 = downbeat), of that beat in the most likely meter
     */
    public int barPosition(final int beatsAhead) {
        final int mi = meter() == 3 ? 0 : 1;
        final int m = METERS[mi];
        final int o = offset(mi);
        int bestQ = 0;
        for (int q = 1; q < m; q++) {
            if (p[o + q] > p[o + bestQ]) {
                bestQ = q;
            }
        }
        return (bestQ + beatsAhead) % m + 1;
    }

    /** Forgets the bar and the accent statistics. */
    public void reset() {
        for (int q = 0; q < 3; q++) {
            p[q] = (1.0 - FOUR_FOUR_PRIOR) / 3.0;
        }
        for (int q = 0; q < 4; q++) {
            p[3 + q] = FOUR_FOUR_PRIOR / 4.0;
        }
        accentMean = 0.0;
        accentVar = 0.0;
        observed = 0;
    }
}
