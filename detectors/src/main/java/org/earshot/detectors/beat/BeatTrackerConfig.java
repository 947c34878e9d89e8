package org.earshot.detectors.beat;

/**
 * Settings of a {@link BeatTrackerNode}, validated on construction. Every default is a published value or a
 * round number that is not fitted to any recording; see the package documentation for where each comes from.
 *
 * @param name                  node name, unique in its graph
 * @param minBpm                slowest tempo tracked, BPM, in [{@value #MIN_BPM}, {@code maxBpm})
 * @param maxBpm                fastest tempo tracked, BPM, up to {@value #MAX_BPM}, at least 1.5 times {@code minBpm}
 * @param frameRateHz           rate at which the tracker runs: the novelty is max-pooled to about this many frames
 *                              per second, in [{@value #MIN_FRAME_RATE_HZ}, {@value #MAX_FRAME_RATE_HZ}]
 * @param priorBpm              centre of the log-normal tempo prior, BPM, inside [minBpm, maxBpm]
 * @param priorOctaves          standard deviation of the log-normal tempo prior, octaves, in (0, 4]
 * @param tempoEvidencePerSecond how strongly the tempo estimator steers the phase tracker: the estimator's weight of a
 *                              tempo, raised to this power per second of audio, in [0, 1000]
 * @param transitionLambda      tempo change penalty at each beat, {@code exp(-lambda |ratio - 1|)}, in (0, 1000]
 * @param beatFraction          share of each beat period treated as "on the beat" by the observation model, in
 *                              (0, 0.5]
 * @param normalisationSeconds  the novelty is divided by its maximum over this many past seconds, in [0.5, 30]
 * @param resonanceHalfLifeSeconds half-life of the tempo estimator's autocorrelation, seconds, in [0.5, 60]
 * @param combHarmonics         multiples of a period summed by the comb-filter salience, in [1, 8]
 * @param confidenceOn          predictive correlation ({@link BeatPhaseFilter#predictiveCorrelation()}) at which beats
 *                              start being emitted (two thirds of it where the periodicity is at least twice
 *                              {@code minPeriodicity}), in (0, 1)
 * @param confidenceOff         predictive correlation below which they stop, in (0, confidenceOn]
 * @param minPeriodicity        periodicity ({@link TempoEstimator#periodicity()}) needed to start emitting beats; they
 *                              stop below half of it; in [0, 1)
 * @param silenceDb             frames quieter than this carry no observation and emit nothing, dBFS, in [-160, 0]
 * @param lowBandMaxHz          upper edge of the low-band novelty ({@link BeatGraph}), whose onsets (bass, kick
 *                              drum) the observation weighs as much as the full band's, Hz, in
 *                              [{@value #MIN_LOW_BAND_HZ}, {@value #MAX_LOW_BAND_HZ}], or 0 for the full band alone
 * @param leadMs                how much earlier than its predicted time a beat is emitted, beyond the tracker's own
 *                              look-ahead, ms, in [0, {@value #MAX_LEAD_MS}]; also settable live
 *                              ({@link BeatTrackerNode#PARAM_LEAD_MS})
 */
public record BeatTrackerConfig(
    String name,
    double minBpm,
    double maxBpm,
    double frameRateHz,
    double priorBpm,
    double priorOctaves,
    double tempoEvidencePerSecond,
    double transitionLambda,
    double beatFraction,
    double normalisationSeconds,
    double resonanceHalfLifeSeconds,
    int combHarmonics,
    double confidenceOn,
    double confidenceOff,
    double minPeriodicity,
    double silenceDb,
    double lowBandMaxHz,
    double leadMs) {
    /** Slowest tempo accepted, BPM. */
    public static final double MIN_BPM = 20.0;
    /** Fastest tempo accepted, BPM. */
    public static final double MAX_BPM = 400.0;
    /** Lowest tracker rate, frames per second. */
    public static final double MIN_FRAME_RATE_HZ = 25.0;
    /** Highest tracker rate, frames per second. */
    public static final double MAX_FRAME_RATE_HZ = 400.0;
    /** Longest lead accepted, ms. */
    public static final double MAX_LEAD_MS = 1_000.0;
    /** Lowest upper edge of the low band, Hz. */
    public static final double MIN_LOW_BAND_HZ = 60.0;
    /** Highest upper edge of the low band, Hz. */
    public static final double MAX_LOW_BAND_HZ = 2_000.0;
    /** Default node name. */
    public static final String DEFAULT_NAME = "beat";

    /**
     * @throws IllegalArgumentException naming the field, its allowed range and the value received
     */
    public BeatTrackerConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (!(maxBpm <= MAX_BPM && maxBpm > MIN_BPM)) {
            throw new IllegalArgumentException("maxBpm must be in (" + MIN_BPM + ", " + MAX_BPM + "], got " + maxBpm);
        }
        if (!(minBpm >= MIN_BPM && minBpm * 1.5 <= maxBpm)) {
            throw new IllegalArgumentException("minBpm must be in [" + MIN_BPM + ", maxBpm/1.5=" + maxBpm / 1.5
                + "], got " + minBpm);
        }
        check("frameRateHz", frameRateHz, MIN_FRAME_RATE_HZ, MAX_FRAME_RATE_HZ);
        check("priorBpm", priorBpm, minBpm, maxBpm);
        if (!(priorOctaves > 0.0 && priorOctaves <= 4.0)) {
            throw new IllegalArgumentException("priorOctaves must be in (0, 4], got " + priorOctaves);
        }
        check("tempoEvidencePerSecond", tempoEvidencePerSecond, 0.0, 1000.0);
        if (!(transitionLambda > 0.0 && transitionLambda <= 1000.0)) {
            throw new IllegalArgumentException("transitionLambda must be in (0, 1000], got " + transitionLambda);
        }
        if (!(beatFraction > 0.0 && beatFraction <= 0.5)) {
            throw new IllegalArgumentException("beatFraction must be in (0, 0.5], got " + beatFraction);
        }
        check("normalisationSeconds", normalisationSeconds, 0.5, 30.0);
        check("resonanceHalfLifeSeconds", resonanceHalfLifeSeconds, 0.5, 60.0);
        if (combHarmonics < 1 || combHarmonics > 8) {
            throw new IllegalArgumentException("combHarmonics must be in [1, 8], got " + combHarmonics);
        }
        if (!(confidenceOn > 0.0 && confidenceOn < 1.0)) {
            throw new IllegalArgumentException("confidenceOn must be in (0, 1), got " + confidenceOn);
        }
        if (!(confidenceOff > 0.0 && confidenceOff <= confidenceOn)) {
            throw new IllegalArgumentException("confidenceOff must be in (0, confidenceOn=" + confidenceOn + "], got "
                + confidenceOff);
        }
        if (!(minPeriodicity >= 0.0 && minPeriodicity < 1.0)) {
            throw new IllegalArgumentException("minPeriodicity must be in [0, 1), got " + minPeriodicity);
        }
        check("silenceDb", silenceDb, -160.0, 0.0);
        if (lowBandMaxHz != 0.0) {
            check("lowBandMaxHz", lowBandMaxHz, MIN_LOW_BAND_HZ, MAX_LOW_BAND_HZ);
        }
        check("leadMs", leadMs, 0.0, MAX_LEAD_MS);
    }

    private static void check(final String field, final double value, final double lo, final double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], got " + value);
        }
    }

    /**
     * The defaults: 60–200 BPM at 100 frames per second; a log-normal tempo prior centred on 100 BPM (600 ms,
     * Fraisse's spontaneous tempo) one octave wide; tempo change penalty 50 (half the offline value of Krebs, Böck and
     * Widmer 2015, so that a step in tempo is followed within 4 beats) and an on-beat share of 1/16 (Krebs et al.);
     * 4 s normalisation; a resonance half-life of 1 s; 4 comb harmonics, their evidence raised to the power 8 per
     * second; beats start once the predictive correlation reaches 0.15 and the periodicity 0.1, and stop below 0.10
     * and 0.05 (below 0.25 in talk, see {@link SpeechGate}); silence below -60 dBFS; a low band up to 250 Hz (bass and kick drum); no extra lead.
     *
     * @return the default settings, named {@value #DEFAULT_NAME}
     */
    public static BeatTrackerConfig defaults() {
        return new BeatTrackerConfig(DEFAULT_NAME, 60.0, 200.0, 100.0, 100.0, 1.0, 8.0, 50.0, 1.0 / 16.0, 4.0, 1.0, 4,
            0.15, 0.10, 0.10, -60.0, 250.0, 0.0);
    }

    /**
     * @param newLeadMs extra lead, ms
     * @return a copy with that lead
     */
    public BeatTrackerConfig withLeadMs(final double newLeadMs) {
        return new BeatTrackerConfig(name, minBpm, maxBpm, frameRateHz, priorBpm, priorOctaves, tempoEvidencePerSecond,
            transitionLambda, beatFraction, normalisationSeconds, resonanceHalfLifeSeconds, combHarmonics, confidenceOn,
            confidenceOff, minPeriodicity, silenceDb, lowBandMaxHz, newLeadMs);
    }

    /**
     * @param newMinBpm slowest tempo
     * @param newMaxBpm fastest tempo
     * @return a copy with that range, the prior centre moved inside it if needed
     */
    public BeatTrackerConfig withTempoRange(final double newMinBpm, final double newMaxBpm) {
        final double prior = Math.max(newMinBpm, Math.min(newMaxBpm, priorBpm));
        return new BeatTrackerConfig(name, newMinBpm, newMaxBpm, frameRateHz, prior, priorOctaves,
            tempoEvidencePerSecond, transitionLambda, beatFraction, normalisationSeconds, resonanceHalfLifeSeconds,
            combHarmonics, confidenceOn, confidenceOff, minPeriodicity, silenceDb, lowBandMaxHz, leadMs);
    }

    /**
     * @param newLowBandMaxHz upper edge of the low band, Hz, or 0 for the full band alone
     * @return a copy with that low band
     */
    public BeatTrackerConfig withLowBandMaxHz(final double newLowBandMaxHz) {
        return new BeatTrackerConfig(name, minBpm, maxBpm, frameRateHz, priorBpm, priorOctaves, tempoEvidencePerSecond,
            transitionLambda, beatFraction, normalisationSeconds, resonanceHalfLifeSeconds, combHarmonics, confidenceOn,
            confidenceOff, minPeriodicity, silenceDb, newLowBandMaxHz, leadMs);
    }

    /**
     * @param newSilenceDb silence threshold, dBFS
     * @return a copy with that threshold
     */
    public BeatTrackerConfig withSilenceDb(final double newSilenceDb) {
        return new BeatTrackerConfig(name, minBpm, maxBpm, frameRateHz, priorBpm, priorOctaves, tempoEvidencePerSecond,
            transitionLambda, beatFraction, normalisationSeconds, resonanceHalfLifeSeconds, combHarmonics, confidenceOn,
            confidenceOff, minPeriodicity, newSilenceDb, lowBandMaxHz, leadMs);
    }

    /**
     * @param newConfidenceOn  start threshold
     * @param newConfidenceOff stop threshold
     * @return a copy with those thresholds
     */
    public BeatTrackerConfig withConfidence(final double newConfidenceOn, final double newConfidenceOff) {
        return new BeatTrackerConfig(name, minBpm, maxBpm, frameRateHz, priorBpm, priorOctaves, tempoEvidencePerSecond,
            transitionLambda, beatFraction, normalisationSeconds, resonanceHalfLifeSeconds, combHarmonics,
            newConfidenceOn, newConfidenceOff, minPeriodicity, silenceDb, lowBandMaxHz, leadMs);
    }
}
