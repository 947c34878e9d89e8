package org.earshot.detectors.beat;

/**
 * Infers the bar position of beats and the meter (3 or 4 beats to the bar) with a small beat-synchronous hidden
 * Markov model, filtered forward: states (band {@code b}, meter {@code m}, position {@code q < m}); each beat moves
 * {@code q} to {@code q + 1 mod m}, and at a bar line the meter may switch with a small probability. The observation
 * is the beat's accent (the strongest novelty near the beat), standardised against the running mean and spread of
 * recent accents: a downbeat is more likely to be accented, with likelihood {@code exp(ACCENT_GAIN z)} against 1 for
 * the other positions.
 *
 * <p>Two accents are given per beat, the low band's (bass and kick drum) and the full band's, and which of them marks
 * the bar is itself a hidden state {@code b}, the low band at odds of about 1000 to 1 a priori
 * ({@value #LOW_BAND_PRIOR}), switching with probability {@value #BAND_SWITCH} per beat. In most popular music the
 * kick and the bass mark the downbeat (and the third beat), while the full band's loudest beats are often the
 * snare's backbeat on 2 and 4: on the development set, reading the full band alone put the downbeat on 2 or 4 in
 * 56 % of the beats it got right (downbeat F 0.30), the low band alone scored 0.43. The snare's pattern repeats with
 * the bar as well as the kick's, so the full band must not win on how well it fits: with odds of 4 to 1 (0.8) it took
 * over in enough songs to bring downbeat F down to 0.35; at 1000 to 1 it scores as the low band alone (0.434
 * against 0.433; six songs move, either way). Where only the full band's accents repeat with the bar and the low band's are noise (a
 * metronome whose downbeat click is louder, with nothing below 250 Hz but the clicks' noise), its likelihood outgrows
 * those odds within about six bars. The bar position reported is the most likely position summed over both bands.
 *
 * <p>A kick on 1 and 3 leaves the downbeat between them to chance. The third observation settles it where there is
 * harmony: how far the beat's pitch-class profile lies from the previous beat's ({@link BeatChroma}), standardised
 * like the accents and weighted by {@link #CHANGE_GAIN} in the downbeat likelihood
 * {@code exp(ACCENT_GAIN z_band + CHANGE_GAIN z_change)}, since chords tend to change at the bar line. On the
 * development set it took downbeat F from 0.434 to 0.454 (bar position right on 0.450 → 0.491 of the beats that
 * hit) at the files' own rates, 0.362 → 0.383 at 48 kHz and 0.433 → 0.459 at 22.05 kHz.
 *
 * <p>Allocation-free after construction.
 */
public final class MeterTracker {
    private static final int[] METERS = {3, 4};
    /** States per band: a position in a bar of 3 or of 4. */
    private static final int PER_BAND = 7;
    private static final double METER_SWITCH = 0.01;
    private static final double ACCENT_GAIN = 0.7;
    private static final double ACCENT_MEMORY_BEATS = 16.0;
    /**
     * Prior probability of four beats to the bar (most popular music is in 4/4). At 0.6 a metronome in four was read
     * in three for a few bars early on while the accents were still few; 0.8 reads it in four from its second bar, and
     * the development set's waltz is still read in three (downbeat F on the set 0.481 → 0.508, the waltz's
     * 0.762 → 0.700 with its bar positions right on 87 → 83 % of its beats).
     */
    private static final double FOUR_FOUR_PRIOR = 0.8;
    /** Prior probability that the low band's accents mark the bar. */
    static final double LOW_BAND_PRIOR = 0.999;
    /** Probability per beat that the band marking the bar changes. */
    static final double BAND_SWITCH = 1.0e-4;
    /**
     * Weight of the standardised harmonic change in the downbeat likelihood, beside {@link #ACCENT_GAIN} for the
     * accent. 0.35 and 0.5 gave downbeat F 0.455 / 0.454 on the development set (0.434 without the change), 0.7
     * 0.439, 1.0 0.408: a change counts for a little less than an accent.
     */
    static final double CHANGE_GAIN = 0.5;

    private final double[] p = new double[2 * PER_BAND];
    private final double[] next = new double[2 * PER_BAND];
    /** Running statistics and last standardised value of the low band's accent, the full band's, the change. */
    private final double[] mean = new double[3];
    private final double[] var = new double[3];
    private final double[] z = new double[3];
    private long observed;

    /** Starts with no knowledge of the bar. */
    public MeterTracker() {
        reset();
    }

    private static int offset(final int band, final int meterIndex) {
        return band * PER_BAND + (meterIndex == 0 ? 0 : METERS[0]);
    }

    /**
     * Adds the accent of the beat that just passed, when there is only one band.
     *
     * @param accent the novelty peak near the beat, 0 or more
     */
    public void observe(final double accent) {
        observe(accent, accent, Double.NaN);
    }

    /**
     * Adds the accents of the beat that just passed.
     *
     * @param lowAccent  the low band's novelty peak near the beat, 0 or more
     * @param fullAccent the full band's, 0 or more
     * @param harmonicChange how far the beat's harmonic content lies from the beat before's, 0 to 1, or NaN if unknown
     */
    public void observe(final double lowAccent, final double fullAccent, final double harmonicChange) {
        standardise(0, lowAccent);
        standardise(1, fullAccent);
        standardise(2, Double.isNaN(harmonicChange) ? mean[2] : harmonicChange);
        // predict: every state moves one beat on, the meter may change at a bar line, the band at any beat
        java.util.Arrays.fill(next, 0.0);
        for (int b = 0; b < 2; b++) {
            for (int mi = 0; mi < METERS.length; mi++) {
                final int m = METERS[mi];
                for (int q = 0; q < m; q++) {
                    final double v = p[offset(b, mi) + q];
                    for (int to = 0; to < 2; to++) {
                        final double band = to == b ? 1.0 - BAND_SWITCH : BAND_SWITCH;
                        if (q == m - 1) {
                            next[offset(to, mi)] += v * band * (1.0 - METER_SWITCH);
                            next[offset(to, 1 - mi)] += v * band * METER_SWITCH;
                        } else {
                            next[offset(to, mi) + q + 1] += v * band;
                        }
                    }
                }
            }
        }
        double sum = 0.0;
        for (int b = 0; b < 2; b++) {
            final double downbeat = Math.exp(ACCENT_GAIN * z[b] + CHANGE_GAIN * z[2]);
            for (int mi = 0; mi < METERS.length; mi++) {
                final int o = offset(b, mi);
                next[o] *= downbeat;
                for (int q = 0; q < METERS[mi]; q++) {
                    sum += next[o + q];
                }
            }
        }
        for (int s = 0; s < p.length; s++) {
            p[s] = next[s] / sum;
        }
        observed++;
    }

    /** Standardises a band's accent against the earlier ones (0 for the first two), then updates its statistics. */
    private void standardise(final int band, final double accent) {
        final double sd = Math.sqrt(Math.max(var[band], 1e-12));
        z[band] = observed < 2 ? 0.0 : Math.max(-3.0, Math.min(3.0, (accent - mean[band]) / sd));
        final double rate = 1.0 / Math.min(ACCENT_MEMORY_BEATS, observed + 1.0);
        final double d = accent - mean[band];
        mean[band] += rate * d;
        var[band] = (1.0 - rate) * (var[band] + rate * d * d);
    }

    /** @return the most likely meter, 3 or 4 */
    public int meter() {
        double three = 0.0;
        for (int b = 0; b < 2; b++) {
            for (int q = 0; q < 3; q++) {
                three += p[offset(b, 0) + q];
            }
        }
        return three > 0.5 ? 3 : 4;
    }

    /** @return the probability that the full band's accents, rather than the low band's, mark the bar */
    double fullBandProbability() {
        double full = 0.0;
        for (int s = PER_BAND; s < p.length; s++) {
            full += p[s];
        }
        return full;
    }

    /**
     * @param beatsAhead how many beats after the last observed one (1 = the next beat)
     * @return the bar position, 1-based (1 = downbeat), of that beat in the most likely meter
     */
    public int barPosition(final int beatsAhead) {
        final int mi = meter() == 3 ? 0 : 1;
        final int m = METERS[mi];
        int bestQ = 0;
        double best = -1.0;
        for (int q = 0; q < m; q++) {
            final double v = p[offset(0, mi) + q] + p[offset(1, mi) + q];
            if (v > best) {
                best = v;
                bestQ = q;
            }
        }
        return (bestQ + beatsAhead) % m + 1;
    }

    /** Forgets the bar and the accent statistics. */
    public void reset() {
        for (int b = 0; b < 2; b++) {
            final double band = b == 0 ? LOW_BAND_PRIOR : 1.0 - LOW_BAND_PRIOR;
            for (int q = 0; q < 3; q++) {
                p[offset(b, 0) + q] = band * (1.0 - FOUR_FOUR_PRIOR) / 3.0;
            }
            for (int q = 0; q < 4; q++) {
                p[offset(b, 1) + q] = band * FOUR_FOUR_PRIOR / 4.0;
            }
        }
        java.util.Arrays.fill(mean, 0.0);
        java.util.Arrays.fill(var, 0.0);
        java.util.Arrays.fill(z, 0.0);
        observed = 0;
    }
}
