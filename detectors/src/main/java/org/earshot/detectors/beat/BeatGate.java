package org.earshot.detectors.beat;

/**
 * Decides, once per tracker frame, whether the tracker emits beats. Beats start when the predictive correlation (the
 * confidence) reaches {@link BeatTrackerConfig#confidenceOn()} and the periodicity
 * {@link BeatTrackerConfig#minPeriodicity()}, outside silence and talk. They stop at once on silence, on a periodicity
 * below half its threshold, and, in talk, on a confidence below {@link SpeechGate#CONFIDENCE_OFF_IN_TALK}; and when
 * the confidence stays below {@link BeatTrackerConfig#confidenceOff()}: at once while the run is young (fewer than
 * {@value #ESTABLISHED_BEATS} beats), after {@value #STOP_HOLD_SECONDS} s once it is established.
 *
 * <p>The hold bridges a dip of a few frames in a run the tracker has followed for several beats (a fill, a break of
 * a bar's accent), which otherwise costs the run's continuity and a re-lock. A young run gets no hold: right after a
 * lock the confidence still rests on few beats, and a dip there is more often a wrong lock, where holding would only
 * let one stray beat out.
 *
 * <p>No allocation.
 */
final class BeatGate {
    /** Beats a run must have emitted before a dip of confidence is held rather than stopping it. */
    static final int ESTABLISHED_BEATS = 4;
    /** How long the confidence of an established run may stay under the stop threshold, seconds. */
    static final double STOP_HOLD_SECONDS = 0.2;

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
    private final int holdFrames;
    private boolean locked;
    private int lowFrames;

    /**
     * @param config             the tracker's settings
     * @param framesPerSecond    tracker frames per second
     */
    BeatGate(final BeatTrackerConfig config, final double framesPerSecond) {
        this.confidenceOn = config.confidenceOn();
        this.confidenceOff = config.confidenceOff();
        this.minPeriodicity = config.minPeriodicity();
        this.holdFrames = Math.max(1, (int)Math.round(STOP_HOLD_SECONDS * framesPerSecond));
    }

    /**
     * @param silent      the frame carries no observation
     * @param talk        the speech gate hears talk
     * @param confidence  the tracker's predictive correlation
     * @param periodicity the tempo estimator's periodicity
     * @param beatsInRun  beats emitted since the tracker locked
     * @return what changed
     */
    Change update(final boolean silent, final boolean talk, final double confidence, final double periodicity,
        final long beatsInRun) {
        lowFrames = confidence < confidenceOff ? lowFrames + 1 : 0;
        if (!locked) {
            if (!silent && !talk && confidence >= confidenceOn && periodicity >= minPeriodicity) {
                locked = true;
                return Change.LOCKED;
            }
            return Change.NONE;
        }
        if (silent || periodicity < 0.5 * minPeriodicity
            || talk && confidence < SpeechGate.CONFIDENCE_OFF_IN_TALK
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
    }
}
