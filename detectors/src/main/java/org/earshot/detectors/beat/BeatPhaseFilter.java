package org.earshot.detectors.beat;

/**
 * The beat-pointer hidden Markov model of Krebs, Böck and Widmer (2015), filtered forward only.
 *
 * <p>A state is a pair (period {@code T}, position {@code p < T}) in tracker frames; {@code p = 0} is the beat.
 * Each frame the position advances by one; from the last position of period {@code T} the pointer wraps to
 * position 0 of period {@code T'} with probability proportional to {@code exp(-lambda |T/T' - 1|)}, the only
 * place the tempo may change. The observation model marks the first {@code beatFraction} of every period as the
 * beat: there the likelihood of a normalised novelty {@code a} is {@code a}, elsewhere
 * {@code (1 - a) / (1/beatFraction - 1)}. Per-tempo weights from a {@link TempoEstimator} multiply in as further
 * evidence.
 *
 * <p>Only the forward (filtering) distribution is kept, so every decision uses past audio alone. Its most likely
 * state gives the tempo, and the circular mean phase of its period the time to the next beat (finer than a frame).
 * The confidence is how well the model foresees the novelty ({@link #predictiveCorrelation()}): the posterior's own
 * concentration is no measure, since the forward filter is sharply peaked even on noise.
 *
 * <p>The constructor allocates; everything else is allocation-free.
 */
public final class BeatPhaseFilter {
    private static final double ACTIVATION_MIN = 0.02;
    private static final double ACTIVATION_MAX = 0.98;
    private static final double TRANSITION_FLOOR = 1.0e-12;

    private final int[] periods;
    private final int[] first;
    private final int[] beatStates;
    private final int states;
    private final double[] alpha;
    private final double[] ends;
    private final double[] cos;
    private final double[] sin;
    private final double[][] transition;
    private final int[] transitionLo;
    private final int[] transitionHi;
    private final double offBeatShare;
    private final double[] periodMass;
    private double total;
    private double bestRe;
    private double bestIm;
    private final int confidenceDelay;
    private final RunningCorrelation confidence;
    private final RunningCorrelation recentConfidence;
    private long steps;
    private int bestState;
    private int bestPeriodIndex;

    /**
     * @param periods          candidate beat periods in tracker frames, ascending, each at least 2
     * @param transitionLambda tempo change penalty
     * @param beatFraction     share of each period that is "on the beat"
     * @param confidenceHalfLifeFrames half-life of the averages behind {@link #predictiveCorrelation()}, frames; the
     *                         recent correlation's is half of it
     */
    public BeatPhaseFilter(final int[] periods, final double transitionLambda, final double beatFraction,
        final double confidenceHalfLifeFrames) {
        this(periods, transitionLambda, beatFraction, confidenceHalfLifeFrames, 0.5 * confidenceHalfLifeFrames, 0);
    }

    /**
     * @param periods          candidate beat periods in tracker frames, ascending, each at least 2
     * @param transitionLambda tempo change penalty
     * @param beatFraction     share of each period that is "on the beat"
     * @param confidenceHalfLifeFrames half-life of the averages behind {@link #predictiveCorrelation()}, frames
     * @param recentHalfLifeFrames half-life of the averages behind {@link #recentPredictiveCorrelation()}, frames
     * @param confidenceDelayFrames observed frames after a {@link #reset} that {@link #predictiveCorrelation()} leaves
     *                         out, 0 or more: the onset of the sound itself, a step in the novelty that every state
     *                         foresees once it has seen its first frame, would otherwise pass for foresight for
     *                         seconds, even in noise
     */
    public BeatPhaseFilter(final int[] periods, final double transitionLambda, final double beatFraction,
        final double confidenceHalfLifeFrames, final double recentHalfLifeFrames, final int confidenceDelayFrames) {
        if (confidenceDelayFrames < 0) {
            throw new IllegalArgumentException("confidenceDelayFrames must be 0 or more, got " + confidenceDelayFrames);
        }
        this.confidenceDelay = confidenceDelayFrames;
        this.confidence = new RunningCorrelation(confidenceHalfLifeFrames);
        this.recentConfidence = new RunningCorrelation(recentHalfLifeFrames);
        this.periods = periods.clone();
        final int n = periods.length;
        this.first = new int[n + 1];
        this.beatStates = new int[n];
        for (int i = 0; i < n; i++) {
            first[i + 1] = first[i] + periods[i];
            beatStates[i] = Math.max(1, (int)Math.ceil(periods[i] * beatFraction));
        }
        this.states = first[n];
        this.alpha = new double[states];
        this.ends = new double[n];
        this.cos = new double[states];
        this.sin = new double[states];
        for (int i = 0; i < n; i++) {
            for (int p = 0; p < periods[i]; p++) {
                cos[first[i] + p] = Math.cos(2.0 * Math.PI * p / periods[i]);
                sin[first[i] + p] = Math.sin(2.0 * Math.PI * p / periods[i]);
            }
        }
        this.transition = new double[n][n];
        this.transitionLo = new int[n];
        this.transitionHi = new int[n];
        final double[] rowSum = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rowSum[i] += Math.exp(-transitionLambda * Math.abs((double)periods[j] / periods[i] - 1.0));
            }
        }
        for (int j = 0; j < n; j++) {
            int lo = n;
            int hi = -1;
            for (int i = 0; i < n; i++) {
                final double a = Math.exp(-transitionLambda * Math.abs((double)periods[j] / periods[i] - 1.0))
                    / rowSum[i];
                transition[j][i] = a;
                if (a > TRANSITION_FLOOR) {
                    lo = Math.min(lo, i);
                    hi = Math.max(hi, i);
                }
            }
            transitionLo[j] = lo;
            transitionHi[j] = hi;
        }
        this.offBeatShare = 1.0 / (1.0 / beatFraction - 1.0);
        this.periodMass = new double[n];
        reset();
    }

    /** @return number of states (sum of all periods) */
    public int states() {
        return states;
    }

    /**
     * Advances one tracker frame.
     *
     * @param activation  the frame's novelty scaled to [0, 1]; ignored when {@code observed} is false
     * @param observed    false for frames that carry no information (silence): the pointer only moves
     * @param tempoFactor per-period evidence multiplied in, or null for none
     */
    public void step(final double activation, final boolean observed, final double[] tempoFactor) {
        final int n = periods.length;
        for (int i = 0; i < n; i++) {
            ends[i] = alpha[first[i + 1] - 1];
        }
        System.arraycopy(alpha, 0, alpha, 1, states - 1);
        for (int j = 0; j < n; j++) {
            // transition[j][i] = P(period j | wrapping from period i), stored by destination: a contiguous band
            final double[] row = transition[j];
            double s = 0.0;
            for (int i = transitionLo[j]; i <= transitionHi[j]; i++) {
                s += ends[i] * row[i];
            }
            alpha[first[j]] = s;
        }
        // alpha holds the posterior times `total` (the last normalisation is folded into this frame's factors)
        final double norm = 1.0 / total;
        if (observed) {
            double predictedOn = 0.0;
            for (int i = 0; i < n; i++) {
                for (int s2 = first[i]; s2 < first[i] + beatStates[i]; s2++) {
                    predictedOn += alpha[s2];
                }
            }
            track(predictedOn * norm, Math.max(0.0, Math.min(1.0, activation)));
        }
        final double a = Math.max(ACTIVATION_MIN, Math.min(ACTIVATION_MAX, activation));
        final double onBeat = (observed ? a : 1.0) * norm;
        final double offBeat = (observed ? (1.0 - a) * offBeatShare : 1.0) * norm;
        double sum = 0.0;
        double best = -1.0;
        int bestIndex = 0;
        for (int i = 0; i < n; i++) {
            final double f = tempoFactor == null ? 1.0 : tempoFactor[i];
            final double fOn = f * onBeat;
            final double fOff = f * offBeat;
            final int start = first[i];
            final int beatEnd = start + beatStates[i];
            final int end = first[i + 1];
            double mass = 0.0;
            for (int s2 = start; s2 < beatEnd; s2++) {
                final double v = alpha[s2] * fOn;
                alpha[s2] = v;
                mass += v;
                if (v > best) {
                    best = v;
                    bestIndex = s2;
                }
            }
            for (int s2 = beatEnd; s2 < end; s2++) {
                final double v = alpha[s2] * fOff;
                alpha[s2] = v;
                mass += v;
                if (v > best) {
                    best = v;
                    bestIndex = s2;
                }
            }
            periodMass[i] = mass;
            sum += mass;
        }
        if (!(sum > 0.0) || Double.isInfinite(sum)) {
            reset();
            return;
        }
        total = sum;
        bestState = bestIndex;
        bestPeriodIndex = periodOf(bestIndex);
        double re = 0.0;
        double im = 0.0;
        for (int s2 = first[bestPeriodIndex]; s2 < first[bestPeriodIndex + 1]; s2++) {
            re += alpha[s2] * cos[s2];
            im += alpha[s2] * sin[s2];
        }
        bestRe = re;
        bestIm = im;
    }

    private int periodOf(final int state) {
        int lo = 0;
        int hi = periods.length - 1;
        while (lo < hi) {
            final int mid = (lo + hi + 1) >>> 1;
            if (first[mid] <= state) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /**
     * The beat phase of the most likely period as a fractional position: the circular mean of the position under
     * the posterior of that period's states (finer than one frame), or the most likely state's position when that
     * period's phase is spread out.
     *
     * @return position within the period, tracker frames, in [0, period)
     */
    public double bestPhasePosition() {
        final int i = bestPeriodIndex;
        final double t = periods[i];
        final double r = Math.sqrt(bestRe * bestRe + bestIm * bestIm);
        if (!(r > 0.5 * periodMass[i])) {
            return bestState - first[i];
        }
        double p = Math.atan2(bestIm, bestRe) / (2.0 * Math.PI) * t;
        if (p < 0.0) {
            p += t;
        }
        return p >= t ? p - t : p;
    }

    /**
     * Rescales the observations already averaged into {@link #predictiveCorrelation()}: call when the scale the
     * observations are measured on grows by {@code factor} (the novelty's normaliser rose that much), so that the
     * frames heard before count as the quieter sound they were on the new scale. The correlation of the past frames
     * alone is unchanged (it does not depend on scale); what changes is their weight against the frames to come, so a
     * sound much louder than what preceded it (music starting over a room's noise) is judged on its own within a
     * beat or two, as it would be after silence, instead of after the half-life of the averages.
     *
     * @param factor how many times larger the new scale is; values not above 0 are ignored
     */
    public void rescaleObservations(final double factor) {
        if (!(factor > 0.0)) {
            return;
        }
        confidence.rescaleY(factor);
        recentConfidence.rescaleY(factor);
    }

    private void track(final double x, final double y) {
        if (++steps <= confidenceDelay) {
            return;
        }
        confidence.add(x, y);
        recentConfidence.add(x, y);
    }

    /**
     * How well the model predicts the novelty: the correlation, over the recent past, between the probability the
     * model gave each frame of being on the beat <em>before</em> seeing it and the frame's normalised novelty. Near 1
     * on a click track, clearly positive for music with a pulse, about 0 for noise or arrhythmic sound, whose peaks
     * the model cannot foresee.
     *
     * @return the correlation, in [-1, 1]
     */
    public double predictiveCorrelation() {
        return confidence.value();
    }

    /**
     * The same correlation over a shorter past (the constructor's {@code recentHalfLifeFrames}): it falls within a beat
     * or two when the pulse the model follows stops, where the confidence, averaged over seconds of a good lock, takes
     * several.
     *
     * @return the correlation, in [-1, 1]
     */
    public double recentPredictiveCorrelation() {
        return recentConfidence.value();
    }

    /** @return index (into the constructor's periods) of the most likely state's period */
    public int bestPeriodIndex() {
        return bestPeriodIndex;
    }

    /**
     * The posterior mean period over the most likely period and its neighbours within 10 %: finer than the integer
     * periods of the state space, for reporting the tempo.
     *
     * @return period, tracker frames
     */
    public double meanPeriod() {
        final int b = bestPeriodIndex;
        final double t = periods[b];
        double mass = 0.0;
        double sum = 0.0;
        for (int i = 0; i < periods.length; i++) {
            if (Math.abs(periods[i] - t) <= 0.1 * t) {
                mass += periodMass[i];
                sum += periodMass[i] * periods[i];
            }
        }
        return mass > 0.0 ? sum / mass : t;
    }

    /** @return period of the most likely state, tracker frames */
    public int bestPeriod() {
        return periods[bestPeriodIndex()];
    }

    /**
     * Forgets where the beat falls but keeps part of how fast it went: each period keeps the share {@code keep} of its
     * posterior mass and takes {@code 1 - keep} of the mass {@link #reset} gives it, and within each period every phase
     * becomes equally likely. For a pause in the music: the band that stops usually comes back at the tempo it
     * left, on a beat that has nothing to do with the one before the pause (and a new song at another tempo still finds
     * its own as from a start, with half the mass). The predictive correlation starts afresh, as after a reset.
     *
     * @param keep share of the posterior's tempo belief to keep, 0 (the same as {@link #reset}) to 1; clamped
     */
    public void forgetPhase(final double keep) {
        final double k = Math.max(0.0, Math.min(1.0, keep));
        double sum = 0.0;
        for (int i = 0; i < periods.length; i++) {
            double m = 0.0;
            for (int s2 = first[i]; s2 < first[i + 1]; s2++) {
                m += alpha[s2];
            }
            periodMass[i] = m;
            sum += m;
        }
        double best = -1.0;
        for (int i = 0; i < periods.length; i++) {
            final double mass = (sum > 0.0 ? k * periodMass[i] / sum : 0.0) + (1.0 - k) * periods[i] / states;
            final double perState = mass / periods[i];
            java.util.Arrays.fill(alpha, first[i], first[i + 1], perState);
            periodMass[i] = mass;
            if (perState > best) {
                best = perState;
                bestPeriodIndex = i;
                bestState = first[i];
            }
        }
        restart();
    }

    /** After the posterior is set anew: its normalisation, the phase summary and the confidence start afresh. */
    private void restart() {
        total = 1.0;
        bestRe = 0.0;
        bestIm = 0.0;
        confidence.reset();
        recentConfidence.reset();
        steps = 0;
    }

    /** Returns to the uniform distribution: every tempo and phase equally likely. */
    public void reset() {
        java.util.Arrays.fill(alpha, 1.0 / states);
        restart();
        bestState = 0;
        bestPeriodIndex = 0;
    }
}
