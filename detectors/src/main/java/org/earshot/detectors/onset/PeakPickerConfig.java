package org.earshot.detectors.onset;

/**
 * Settings of an {@link OnsetPeakPickerNode}, validated on construction. Durations are converted to whole STFT
 * hops when the node is prepared ({@code round(ms / hopMs)}).
 *
 * <p>A novelty frame {@code c} is an onset when all of these hold:
 * <ol>
 *   <li>it is the largest value from {@code preMaxMs} before it to {@code lookAheadMs} after it;</li>
 *   <li>it is at least {@code threshold} above the mean of the values from {@code preAverageMs} before it up to
 *       itself (the adaptive threshold of Böck, Krebs and Schedl 2012, past frames only);</li>
 *   <li>it is at least {@code floorFactor} times the novelty floor: the lowest of the running means over
 *       {@code floorSmoothMs} seen in the last {@code floorWindowMs} (the steady-noise gate: stationary noise has a
 *       novelty that is never far above its own mean);</li>
 *   <li>its frame's level is at least {@code silenceDb} (the silence gate);</li>
 *   <li>it comes at least {@code minInterOnsetMs} after the previous onset.</li>
 * </ol>
 *
 * @param name            node name, unique in its graph
 * @param threshold       fixed part of the threshold, novelty units, in [0, {@value #MAX_THRESHOLD}]
 * @param preAverageMs    length of the past averaged for the adaptive threshold, ms, in [0, {@value #MAX_MS}]
 * @param preMaxMs        past a peak must dominate, ms, in [0, {@value #MAX_MS}]
 * @param lookAheadMs     future a peak must dominate, ms, in [0, {@value #MAX_LOOK_AHEAD_MS}]; adds to the declared
 *                        latency
 * @param minInterOnsetMs shortest time between two onsets, ms, in [0, {@value #MAX_MS}]
 * @param floorFactor     multiple of the novelty floor a peak must reach, in [0, {@value #MAX_FLOOR_FACTOR}]; 0 turns
 *                        the steady-noise gate off
 * @param floorSmoothMs   running mean the floor is taken over, ms, in [0, {@value #MAX_MS}]
 * @param floorWindowMs   how far back the floor looks, ms, in [0, {@value #MAX_FLOOR_WINDOW_MS}]
 * @param silenceDb       lowest frame level an onset may have, dBFS, in [{@value #MIN_SILENCE_DB}, 0]
 */
public record PeakPickerConfig(
    String name,
    double threshold,
    double preAverageMs,
    double preMaxMs,
    double lookAheadMs,
    double minInterOnsetMs,
    double floorFactor,
    double floorSmoothMs,
    double floorWindowMs,
    double silenceDb) {
    /** Largest fixed threshold accepted. */
    public static final double MAX_THRESHOLD = 1.0e6;
    /** Longest look-back accepted for averages, maxima and the inter-onset interval, ms. */
    public static final double MAX_MS = 2_000.0;
    /** Longest look-ahead accepted, ms. */
    public static final double MAX_LOOK_AHEAD_MS = 200.0;
    /** Largest floor factor accepted. */
    public static final double MAX_FLOOR_FACTOR = 100.0;
    /** Longest floor window accepted, ms. */
    public static final double MAX_FLOOR_WINDOW_MS = 10_000.0;
    /** Lowest silence gate accepted, dBFS. */
    public static final double MIN_SILENCE_DB = -160.0;

    /** Default node name. */
    public static final String DEFAULT_NAME = "onset.peaks";
    /** Adaptive threshold window, ms (SuperFlux: 0.15 s). */
    public static final double DEFAULT_PRE_AVERAGE_MS = 150.0;
    /** Past a peak must dominate, ms (SuperFlux online: 0.01 s). */
    public static final double DEFAULT_PRE_MAX_MS = 10.0;
    /** Default look-ahead of the default detector (SuperFlux): one 10 ms hop. Each function looks one of its hops ahead. */
    public static final double DEFAULT_LOOK_AHEAD_MS = 10.0;
    /** Shortest time between onsets, ms (SuperFlux's combine: 0.03 s). */
    public static final double DEFAULT_MIN_INTER_ONSET_MS = 30.0;
    /** Steady-noise gate: a peak must be 4 times the novelty floor. */
    public static final double DEFAULT_FLOOR_FACTOR = 4.0;
    /** Running mean of the novelty floor, ms. */
    public static final double DEFAULT_FLOOR_SMOOTH_MS = 50.0;
    /** Window of the novelty floor, ms. */
    public static final double DEFAULT_FLOOR_WINDOW_MS = 1_000.0;
    /** Silence gate, dBFS. */
    public static final double DEFAULT_SILENCE_DB = -70.0;

    /**
     * @throws IllegalArgumentException naming the field, its allowed range and the value received
     */
    public PeakPickerConfig {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        check("threshold", threshold, 0.0, MAX_THRESHOLD);
        check("preAverageMs", preAverageMs, 0.0, MAX_MS);
        check("preMaxMs", preMaxMs, 0.0, MAX_MS);
        check("lookAheadMs", lookAheadMs, 0.0, MAX_LOOK_AHEAD_MS);
        check("minInterOnsetMs", minInterOnsetMs, 0.0, MAX_MS);
        check("floorFactor", floorFactor, 0.0, MAX_FLOOR_FACTOR);
        check("floorSmoothMs", floorSmoothMs, 0.0, MAX_MS);
        check("floorWindowMs", floorWindowMs, 0.0, MAX_FLOOR_WINDOW_MS);
        check("silenceDb", silenceDb, MIN_SILENCE_DB, 0.0);
    }

    private static void check(final String field, final double value, final double min, final double max) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(field + " must be in [" + min + ", " + max + "], got " + value);
        }
    }

    /**
     * The defaults for a novelty function: the threshold of {@link #defaultThreshold(NoveltyType)}, a look-ahead
     * of one {@link NoveltyType#defaultHopMs()} and the other defaults above.
     *
     * @param type the novelty function the picker reads
     * @return the config, named {@value #DEFAULT_NAME}
     */
    public static PeakPickerConfig defaults(final NoveltyType type) {
        return new PeakPickerConfig(DEFAULT_NAME, defaultThreshold(type), DEFAULT_PRE_AVERAGE_MS, DEFAULT_PRE_MAX_MS,
            type.defaultHopMs(), DEFAULT_MIN_INTER_ONSET_MS, DEFAULT_FLOOR_FACTOR, DEFAULT_FLOOR_SMOOTH_MS,
            DEFAULT_FLOOR_WINDOW_MS, DEFAULT_SILENCE_DB);
    }

    /**
     * The fixed threshold for each novelty function with {@link NoveltyConfig#defaults} (their values have
     * different scales).
     *
     * @param type the novelty function
     * @return the threshold in that function's units
     */
    public static double defaultThreshold(final NoveltyType type) {
        return switch (type) {
            case SUPERFLUX -> 3.5;
            case SPECTRAL_FLUX -> 4.0;
            case COMPLEX_DOMAIN -> 16.0;
            case HFC -> 0.2;
            case ENERGY -> 1.0;
        };
    }

    /**
     * @param newThreshold fixed threshold
     * @return a copy with that threshold
     */
    public PeakPickerConfig withThreshold(final double newThreshold) {
        return new PeakPickerConfig(name, newThreshold, preAverageMs, preMaxMs, lookAheadMs, minInterOnsetMs,
            floorFactor, floorSmoothMs, floorWindowMs, silenceDb);
    }

    /**
     * @param newLookAheadMs look-ahead, ms
     * @return a copy with that look-ahead
     */
    public PeakPickerConfig withLookAheadMs(final double newLookAheadMs) {
        return new PeakPickerConfig(name, threshold, preAverageMs, preMaxMs, newLookAheadMs, minInterOnsetMs,
            floorFactor, floorSmoothMs, floorWindowMs, silenceDb);
    }

    /**
     * @param newName node name
     * @return a copy with that name
     */
    public PeakPickerConfig withName(final String newName) {
        return new PeakPickerConfig(newName, threshold, preAverageMs, preMaxMs, lookAheadMs, minInterOnsetMs,
            floorFactor, floorSmoothMs, floorWindowMs, silenceDb);
    }
}
