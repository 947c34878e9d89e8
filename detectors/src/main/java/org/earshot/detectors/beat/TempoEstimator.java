package org.earshot.detectors.beat;

/**
 * Causal tempo estimator: a leaky autocorrelation of the novelty, read through a comb of harmonics and weighted
 * by a log-normal tempo prior.
 *
 * <p>Each frame the novelty minus its mean over the last quarter second, half-wave rectified, {@code v[n]}, updates
 * {@code r[l] = beta r[l] + v[n] v[n-l]} for every lag up to {@code K} times the longest period, with {@code beta}
 * giving the configured half-life (a resonance over several seconds). The salience of a period {@code T} is the
 * comb {@code (1/K) sum_k max(m[kT-1], m[kT], m[kT+1]) / m[0]}, where {@code m[l]} is lag {@code l}'s leaky sum
 * divided by the weight it has gathered (the leaky count of its products, kept beside it) plus half a second's worth
 * (a prior of no correlation; a lag not reached yet counts 0). Once every lag is full this ranks the periods as the
 * plain {@code (1/K) sum_k max(r[kT-1], ...) / r[0]} does; while the estimator warms up, a long lag, which has seen
 * fewer products, is not taken for a weak one (the plain sums favour fast tempi, whose harmonics fill first, for the
 * first seconds of a song). Silence is a pause ({@link #pause}): nothing decays or gathers, and the products after it
 * do not reach back across it, so the tempo heard before it is still there, as a mean per lag, when the music
 * returns, and the lags the new sound has reached are judged on it alone. Multiplied by the prior
 * {@code exp(-0.5 (log2(bpm / centre) / sigma)^2)} it gives each tempo's weight.
 *
 * <p><b>Octave policy.</b> A pulse train of period {@code T} is just as periodic at {@code 2T}, so the comb alone
 * cannot tell a tempo from its half or double; the prior decides between metrical levels of nearly equal salience,
 * and only a level whose comb salience clearly dominates can win against it. The weights do not pick one tempo:
 * the phase tracker ({@link BeatPhaseFilter}) receives all of them as soft evidence.
 *
 * <p>Allocation happens only in the constructor; {@link #update}, {@link #pause} and {@link #weights} are
 * allocation-free.
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
    private final double[] weight;
    private final double[] means;
    private final double priorWeight;
    private int historyPos;
    private int meanPos;
    private double meanSum;
    private long frames;
    private long segmentFrames;
    private boolean paused;
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
        this.weight = new double[maxLag + 1];
        this.means = new double[maxLag + 1];
        this.priorWeight = PRIOR_WEIGHT_SECONDS * frameRateHz;
    }

    /**
     * Adds one tracker frame.
     *
     * @param novelty the frame's novelty, 0 or more
     */
    public void update(final double novelty) {
        if (paused) {
            // the first frame after a pause starts a new stretch of sound: no product reaches back across the pause
            paused = false;
            segmentFrames = 0;
            java.util.Arrays.fill(meanRing, 0.0);
            meanSum = 0.0;
            meanPos = 0;
        }
        meanSum += novelty - meanRing[meanPos];
        meanRing[meanPos] = novelty;
        meanPos = meanPos + 1 == meanRing.length ? 0 : meanPos + 1;
        final double v = Math.max(0.0, novelty - meanSum / meanRing.length);
        final int n = history.length;
        historyPos = historyPos + 1 == n ? 0 : historyPos + 1;
        history[historyPos] = v;
        // lags that reach no further back than this stretch's first frame gather a product (and its weight)
        final int reach = (int)Math.min(maxLag, segmentFrames);
        int j = historyPos;
        for (int lag = 0; lag <= reach; lag++) {
            acf[lag] = beta * acf[lag] + v * history[j];
            weight[lag] = beta * weight[lag] + 1.0;
            j = j == 0 ? n - 1 : j - 1;
        }
        for (int lag = reach + 1; lag <= maxLag; lag++) {
            acf[lag] *= beta;
            weight[lag] *= beta;
        }
        segmentFrames++;
        frames++;
    }

    /**
     * Skips one tracker frame that carries no observation (silence): the autocorrelation keeps what it has, neither
     * decaying nor gathering, so a tempo heard before a pause is still there when the sound returns, and the first
     * frame after the pause starts a new stretch whose products do not reach back across it (the music's phase
     * after a pause has nothing to do with its phase before). Music that returns at another tempo replaces the old
     * one as fast as a tempo change in a song does, with the configured half-life.
     */
    public void pause() {
        paused = true;
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
        double best = 0.0;
        int bestIndex = -1;
        double rawMax = 0.0;
        double rawSum = 0.0;
        for (int lag = 0; lag <= maxLag; lag++) {
            means[lag] = mean(lag);
        }
        final double m0 = means[0];
        for (int i = 0; i < periods.length; i++) {
            final int t = periods[i];
            double s = 0.0;
            for (int k = 1; k <= harmonics; k++) {
                final int lag = k * t;
                s += Math.max(means[lag - 1], Math.max(means[lag], means[Math.min(maxLag, lag + 1)]));
            }
            final double raw = s / harmonics / m0;
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
     * The mean product at lag {@code lag}: its leaky sum divided by the weight it has gathered (the leaky count of
     * the products added to it), plus half a second's worth of products of no correlation (the prior), so that a lag
     * that has seen few products, early in a song or after a pause, is neither underrated nor overrated. Once every
     * lag has its full weight this ranks the lags as their plain sums do.
     */
    private double mean(final int lag) {
        return acf[lag] / (weight[lag] + priorWeight);
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

    /** @return frames added by {@link #update} (paused ones do not count) since construction or {@link #reset} */
    public long frames() {
        return frames;
    }

    /** Forgets all history. */
    public void reset() {
        java.util.Arrays.fill(history, 0.0);
        java.util.Arrays.fill(acf, 0.0);
        java.util.Arrays.fill(weight, 0.0);
        java.util.Arrays.fill(meanRing, 0.0);
        historyPos = 0;
        periodicity = 0.0;
        meanPos = 0;
        meanSum = 0.0;
        frames = 0;
        segmentFrames = 0;
        paused = false;
    }
}
