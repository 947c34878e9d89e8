package org.earshot.detectors.beat;

/**
 * Decides, once per tracker frame, whether the tracker emits beats. Beats start when the predictive correlation (the
 * confidence) has stood at {@link BeatTrackerConfig#confidenceOn()} or more and the periodicity at
 * {@link BeatTrackerConfig#minPeriodicity()} or more, outside silence and talk (either of the speech gate's means), for
 * {@value #LOCK_HOLD_SECONDS} s; when the periodicity is twice its threshold or more ({@link #STRONG_PERIODICITY_RATIO}),
 * two thirds of the confidence threshold is enough ({@link #PERIODIC_CONFIDENCE_RATIO}). They
 * stop at once on silence, on a periodicity
 * below half its threshold, and, in talk (either mean), on a confidence or a recent confidence below
 * {@link SpeechGate#CONFIDENCE_OFF_IN_TALK}; and when
 * the confidence stays below {@link BeatTrackerConfig#confidenceOff()}: at once while the run is young (fewer than
 * {@value #ESTABLISHED_BEATS} beats), after {@value #STOP_HOLD_SECONDS} s once it is established.
 *
 * <p>The lock hold keeps a confidence that only brushes the threshold from starting a run: on generated talk such
 * crossings gave most of the beats that got past the speech gate (four conversations, 34 / 48 / 38 / 26 beats without
 * the hold, 18 / 21 / 28 / 16 with it), and early in songs single stray beats, off the grid and followed by nothing for
 * seconds. It costs 0.2 s on the first beat of a run and nothing else measurable on the development set (F 0.830 →
 * 0.829; the time until the tracker has the beat and keeps it unchanged, median 3.7 s).
 *
 * <p>The lower start threshold for strongly periodic input: in a song's first seconds the predictive correlation still
 * carries the frames the tracker predicted badly while it was finding the tempo (it has a 2 s half-life), and climbs
 * for a few seconds after the tempo is right, while the tempo estimator's comb already stands well clear of every
 * other period. Talk has no such comb: on the NOIZEUS talk (418 beats) and the talk breaks of {@code beat-breaks} (244)
 * not one beat more, on four generated conversations 74 instead of 72 (with the periodicity condition at 1.5 times the
 * threshold, 3 to 4 more on each of two of them, and on NOIZEUS 3 more). On the development set the first beat came
 * 1.89 → 1.66 s after the music on average, and later than 3 s on 3 files instead of 5 (at 48 kHz 2.34 → 1.82 s, 8 →
 * 4 files; at 16 kHz 2.14 → 2.04 s, 10 → 8), F 0.830 and AMLt 0.829 (0.828).
 *
 * <p>The stop hold bridges a dip of a few frames in a run the tracker has followed for several beats (a fill, a break of
 * a bar's accent), which otherwise costs the run's continuity and a re-lock. A young run gets no hold: right after a
 * lock the confidence still rests on few beats, and a dip there is more often a wrong lock, where holding would only
 * let one stray beat out.
 *
 * <p>The talk stop reads both means of the speech gate and two spans of the predictive correlation. The confidence
 * averages seconds of a good lock, so when the band stops and someone talks over the silence it takes several seconds to
 * fall, and the 2 s mean of the speech gate hears talk only a second or two into it: until session 19 the stop waited
 * for both, and a locked run went on for about five beats into an MC's talk. The recent correlation (half-life 1 s)
 * falls within a beat or two of the pulse's end, and the half-second mean hears a sentence's first syllables. A band
 * playing on under a singer keeps both correlations up, so the song with a solo voice over it keeps F 1.0. Measured
 * (session 19): talk breaks of {@code beat-breaks} 168 → 109 beats, NOIZEUS talk 126 → 64, espeak talk 20 / 21 → 12 /
 * 12, the development set's F and AMLt unchanged at the files' rates, 48 kHz and 16 kHz. A recent half-life of 0.5 s
 * cost the solo-voice song a third of its beats.
 *
 * <p>No allocation.
 */
final class BeatGate {
    /** Beats a run must have emitted before a dip of confidence is held rather than stopping it. */
    static final int ESTABLISHED_BEATS = 4;
    /** How long the confidence of an established run may stay under the stop threshold, seconds. */
    static final double STOP_HOLD_SECONDS = 0.2;
    /** How long the start condition must hold before beats start, seconds. */
    static final double LOCK_HOLD_SECONDS = 0.2;

    /** With the periodicity this many times its threshold... */
    static final double STRONG_PERIODICITY_RATIO = 2.0;
    /** ...beats start at this share of the confidence threshold. */
    static final double PERIODIC_CONFIDENCE_RATIO = 2.0 / 3.0;

    /** What an update changed. */
    enum Change {
        /** Nothing. */
        NONE,
        /** Beats start. */
        LOCKED,
        /** Beats stop. */
        UNLOCKED
    }

    private final double confidenceOn;
    private final double confidenceOff;
    private final double minPeriodicity;
    private final double strongPeriodicity;
    private final double periodicConfidenceOn;
    private final int holdFrames;
    private final int lockFrames;
    private boolean locked;
    private int lowFrames;
    private int onFrames;

    /**
     * @param config             the tracker's settings
     * @param framesPerSecond    tracker frames per second
     */
    BeatGate(final BeatTrackerConfig config, final double framesPerSecond) {
        this.confidenceOn = config.confidenceOn();
        this.confidenceOff = config.confidenceOff();
        this.minPeriodicity = config.minPeriodicity();
        this.strongPeriodicity = STRONG_PERIODICITY_RATIO * minPeriodicity;
        this.periodicConfidenceOn = PERIODIC_CONFIDENCE_RATIO * confidenceOn;
        this.holdFrames = Math.max(1, (int)Math.round(STOP_HOLD_SECONDS * framesPerSecond));
        this.lockFrames = Math.max(1, (int)Math.round(LOCK_HOLD_SECONDS * framesPerSecond));
    }

    /**
     * @param silent      the frame carries no observation
     * @param talk        the speech gate hears talk (its {@value SpeechGate#WINDOW_SECONDS} s mean): beats do not start,
     *                    and stop when either confidence is under {@link SpeechGate#CONFIDENCE_OFF_IN_TALK}
     * @param talkBegins  the speech gate's {@value SpeechGate#START_WINDOW_SECONDS} s mean hears talk: the same
     * @param confidence  the tracker's predictive correlation
     * @param recentConfidence the same over the last second or so ({@link BeatPhaseFilter#recentPredictiveCorrelation})
     * @param periodicity the tempo estimator's periodicity
     * @param beatsInRun  beats emitted since the tracker locked
     * @return what changed
     */
    Change update(final boolean silent, final boolean talk, final boolean talkBegins, final double confidence,
        final double recentConfidence, final double periodicity, final long beatsInRun) {
        lowFrames = confidence < confidenceOff ? lowFrames + 1 : 0;
        if (!locked) {
            onFrames = !silent && !talk && !talkBegins && periodicity >= minPeriodicity
                && (confidence >= confidenceOn || confidence >= periodicConfidenceOn && periodicity >= strongPeriodicity)
                ? onFrames + 1 : 0;
            if (onFrames >= lockFrames) {
                locked = true;
                onFrames = 0;
                return Change.LOCKED;
            }
            return Change.NONE;
        }
        if (silent || periodicity < 0.5 * minPeriodicity
            || (talk || talkBegins) && Math.min(confidence, recentConfidence) < SpeechGate.CONFIDENCE_OFF_IN_TALK
            || lowFrames >= (beatsInRun >= ESTABLISHED_BEATS ? holdFrames : 1)) {
            locked = false;
            return Change.UNLOCKED;
        }
        return Change.NONE;
    }

    /** @return whether beats are being emitted */
    boolean locked() {
        return locked;
    }

    /** Back to unlocked, nothing remembered. */
    void reset() {
        locked = false;
        lowFrames = 0;
        onFrames = 0;
    }
}
