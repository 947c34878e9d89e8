package org.earshot.detectors.beat;

/**
 * Causal tempo estimator: a leaky autocorrelation of the novelty, read through a comb of harmonics and weighted
 * by a log-normal tempo prior.
 *
 * <p>Each frame the novelty minus its mean over the last quarter second, half-wave rectified, {@code v[n]}, updates
 * {@code r[l] = beta r[l] + v[n] v[n-l]} for every lag up to {@code K} times the longest period, with {@code beta}
 * giving the configured half-life (a resonance over several seconds). The salience of a period {@code T} is the
 * comb {@code (1/K) sum_k max(m[kT-1], m[kT], m[kT+1]) / m[0]}, where {@code m[l]} is lag {@code l}'s leaky sum
 * divided by the weight it has gathered so far plus half a second's worth (a prior of no correlation; a lag not
 * reached yet counts 0). Once every lag is full this is the plain {@code (1/K) sum_k max(r[kT-1], ...) / r[0]}; while
 * the estimator warms up, a long lag, which has seen fewer products, is not taken for a weak one (the plain sums favour
 * fast tempi, whose harmonics fill first, for the first seconds of a song); multiplied by the prior
 * {@code exp(-0.5 (log2(bpm / centre) / sigma)^2)} it gives each tempo's weight.
 *
 * <p><b>Octave policy.</b> A pulse train of period {@code T} is just as periodic at {@code 2T}, so the comb alone
 * cannot tell a tempo from its half or double; the prior decides between metrical levels of nearly equal salience,
 * and only a level whose comb salience clearly dominates can win against it. The weights do not pick one tempo:
 * the phase tracker ({@link BeatPhaseFilter}) receives all of them as soft evidence.
 *
 * <p>Allocation happens only in the constructor; {@link #update} and {@link #weights} are allocation-free.
 */
public final class TempoEstimator {
    private static final double MEAN_WINDOW_SECONDS = 0.25;
    private static final double WEIGHT_FLOOR = 1.0e-3;
    private static final double PRIOR_WEIGHT_SECONDS = 0.5;

    private final int[] periods;
    private final double[] prior;
    private final int harmonics;
    private final int maxLag;
    private final double beta;
    private final double[] history;
    private final double[] acf;
    private final double[] meanRing;
    private final double[] betaPower;
    private final double fullWeight;
    private final double priorWeight;
    private int historyPos;
    private int meanPos;
    private double meanSum;
    private long frames;
    private double periodicity;

    /**
     * @param periods      candidate beat periods in tracker frames, ascending
     * @param frameRateHz  tracker frames per second
     * @param priorBpm     centre of the log-normal prior
     * @param priorOctaves its standard deviation in octaves
     * @param harmonics    comb harmonics {@code K}
     * @param halfLifeSeconds half-life of the autocorrelation
     */
    public TempoEstimator(final int[] periods, final double frameRateHz, final double priorBpm,
        final double priorOctaves, final int harmonics, final double halfLifeSeconds) {
        this.periods = periods.clone();
        this.harmonics = harmonics;
        this.maxLag = periods[periods.length - 1] * harmonics + 1;
        this.prior = new double[periods.length];
        for (int i = 0; i < periods.length; i++) {
            final double octaves = Math.log(60.0 * frameRateHz / periods[i] / priorBpm) / Math.log(2.0);
            prior[i] = Math.exp(-0.5 * octaves * octaves / (priorOctaves * priorOctaves));
        }
        this.beta = Math.pow(0.5, 1.0 / (halfLifeSeconds * frameRateHz));
        this.history = new double[maxLag + 1];
        this.acf = new double[maxLag + 1];
        this.meanRing = new double[Math.max(1, (int)Math.round(MEAN_WINDOW_SECONDS * frameRateHz))];
        // beta^k, until it is negligible: the weight a lag has gathered k frames after its first product
        int n = maxLag + 1;
        while (Math.pow(beta, n) > 1.0e-4) {
            n *= 2;
        }
        this.betaPower = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            betaPower[k] = Math.pow(beta, k);
        }
        this.fullWeight = 1.0 / (1.0 - beta);
        this.priorWeight = PRIOR_WEIGHT_SECONDS * frameRateHz;
    }

    /**
     * Adds one tracker frame.
     *
     * @param novelty the frame's novelty, 0 or more
     */
    public void update(final double novelty) {
        meanSum += novelty - meanRing[meanPos];
        meanRing[meanPos] = novelty;
        meanPos = meanPos + 1 == meanRing.length ? 0 : meanPos + 1;
        final double v = Math.max(0.0, novelty - meanSum / meanRing.length);
        final int n = history.length;
        historyPos = historyPos + 1 == n ? 0 : historyPos + 1;
        history[historyPos] = v;
        int j = historyPos;
        for (int lag = 0; lag <= maxLag; lag++) {
            acf[lag] = beta * acf[lag] + v * history[j];
            j = j == 0 ? n - 1 : j - 1;
        }
        frames++;
    }

    /**
     * Writes each candidate period's weight, prior times comb salience, scaled so the largest is 1, plus a small
     * floor so no tempo is ruled out.
     *
     * @param out one weight per period, same order as the constructor's
     * @return the index of the heaviest period, or -1 while there is no evidence yet
     */
    public int weights(final double[] out) {
        final double r0 = acf[0];
        if (r0 <= 0.0) {
            for (int i = 0; i < periods.length; i++) {
                out[i] = prior[i];
            }
            return -1;
        }
        final boolean warm = frames - maxLag >= betaPower.length;
        double best = 0.0;
        int bestIndex = -1;
        double rawMax = 0.0;
        double rawSum = 0.0;
        for (int i = 0; i < periods.length; i++) {
            final int t = periods[i];
            double s = 0.0;
            final double raw;
            if (warm) {
                // every lag has gathered its full weight: the plain sums compare as the means do
                for (int k = 1; k <= harmonics; k++) {
                    final int lag = k * t;
                    s += Math.max(acf[lag - 1], Math.max(acf[lag], acf[Math.min(maxLag, lag + 1)]));
                }
                raw = s / (harmonics * r0);
            } else {
                for (int k = 1; k <= harmonics; k++) {
                    final int lag = k * t;
                    final int next = Math.min(maxLag, lag + 1);
                    s += Math.max(mean(lag - 1), Math.max(mean(lag), mean(next)));
                }
                raw = s / harmonics / mean(0);
            }
            rawMax = Math.max(rawMax, raw);
            rawSum += raw;
            final double w = Math.max(0.0, raw) * prior[i];
            out[i] = w;
            if (w > best) {
                best = w;
                bestIndex = i;
            }
        }
        periodicity = rawMax - rawSum / periods.length;
        final double scale = best > 0.0 ? 1.0 / best : 0.0;
        for (int i = 0; i < periods.length; i++) {
            out[i] = out[i] * scale + WEIGHT_FLOOR;
        }
        return bestIndex;
    }

    /**
     * The mean product at lag {@code lag}: its leaky sum divided by the weight it has gathered so far,
     * {@code (1 - beta^(frames - lag)) / (1 - beta)} products' worth, plus half a second's worth of products of no
     * correlation (the prior), so that a lag that has seen few products is neither underrated nor overrated.
     */
    private double mean(final int lag) {
        final long k = frames - lag;
        if (k <= 0) {
            return 0.0;
        }
        final double w = k >= betaPower.length ? fullWeight : (1.0 - betaPower[(int)k]) / (1.0 - beta);
        return acf[lag] / (w + priorWeight);
    }

    /**
     * How periodic the recent novelty is: the largest comb salience minus the mean over all candidate periods, as
     * computed by the last {@link #weights} call. About 0 for noise (every lag alike), clearly positive for music with
     * a pulse.
     *
     * @return the contrast, a fraction of the zero-lag autocorrelation
     */
    public double periodicity() {
        return periodicity;
    }

    /** @return tracker frames seen since construction or {@link #reset} */
    public long frames() {
        return frames;
    }

    /** Forgets all history. */
    public void reset() {
        java.util.Arrays.fill(history, 0.0);
        java.util.Arrays.fill(acf, 0.0);
        java.util.Arrays.fill(meanRing, 0.0);
        historyPos = 0;
        periodicity = 0.0;
        meanPos = 0;
        meanSum = 0.0;
        frames = 0;
    }
}
