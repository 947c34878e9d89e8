package org.earshot.detectors.decide;

import org.earshot.detectors.classify.ClassProbabilities;
import org.earshot.detectors.classify.ClassifierNode;
import org.earshot.detectors.classify.FeatureSettings;
import org.earshot.detectors.classify.LogMelExtractor;
import org.earshot.detectors.classify.LogMelFrames;
import org.earshot.detectors.classify.LogMelNode;
import org.earshot.dsp.math.Selection;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventWriter;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.ProcessSpec;

/**
 * Turns per-hop class probabilities into events: the probability that the context holds any decided
 * class (their sum) is smoothed by a moving average and segmented with hysteresis (on and off thresholds
 * shifted by a live sensitivity), a minimum time above the on threshold, a loudness gate against the
 * background, a merge gap and a maximum duration. Each segment becomes one event labelled
 * with the decided class of highest mean probability over it, written only if that mean clears the
 * class's threshold (its confidence). One label per sound: a cough is not also reported as a throat
 * clearing.
 *
 * <p>Loudness gate: while an event lasts, the context must hold a frame {@code gateDb} above the tracked
 * floor ({@link LevelTracker}). To start one, its loudest 100 ms must also stand {@code gateDb} above the
 * bed's texture level: the 90 % quantile of the 100 ms energies of the 1.8 s before the context. A ticking
 * clock or a crackling fire sets that level at its own ticks and crackles, so the room's recurring
 * texture cannot start an event however the classifier reads it; a sound must be louder than that. And the
 * loud moment must be the one the classifier hears: its eventness, smoothed as for the on decision, must reach the
 * on threshold within {@value #HEARD_FRAMES} frames (300 ms) of the context's loudest 100 ms (one hop's reading
 * does not count: where one recording gives way to a louder one, the classifier's first look at the new texture
 * can jump for a single hop). When it rises only later,
 * something quieter than that moment set it off (a clock's texture changing a second after one of its louder
 * ticks), and the loudness gate would credit a sound the classifier took for the background. An
 * event needs at least 0.3 s of bed before its context: nothing is decided in the first 1.3 s of a stream,
 * and a sound already under way when the stream starts raises nothing.
 *
 * <p>After-check: an event is dropped when, within the 1.2 s after its last loud frame, something comes
 * within {@value #AFTER_DB} dB of its loudest 100 ms and the classifier's eventness over that stretch stays
 * below {@value #AFTER_EVENTNESS}: the room's texture got louder (a louder clock, a fire flaring up, where one
 * recording gives way to another), nothing stood out of it. A cough followed by more coughing keeps its
 * eventness and passes. So does an event after which the loud moment is heard as an event itself (the loudness
 * gate's heard test at that moment, since session 21): the mean over the 1.2 s is mostly the bed's when the next
 * sound comes late in it, as a cough clip's next cough 1 s after the first (development scene 6 at 2.2 s, whose cough
 * was dropped so and reported by the impact detector as a fall).
 *
 * <p>Class novelty: unless the classifier is near certain of it (mean probability over the event at least
 * {@value #CLASS_CERTAIN}), the winning class must also be new to the room: its mean probability over the event
 * must be at least {@value #CLASS_NOVELTY_RATIO} times its median probability over the bed (the same 1.8 s before
 * the context that the loudness gate reads). A texture that the classifier half reads as some class (fire crackle
 * taken for a rooster) raises that class in the bed nearly as much as in the "event"; so does the second half of a
 * sound already reported, split in two by a pause. A sound the room did not already hold starts from near zero. The
 * hops whose context held an event this node wrote are left out of that median when that event ended at least
 * {@value #NEW_SOUND_FRAMES} frames (2 s) before the new one starts: the classifier's trailing context carries a
 * reported cough a second into the bed, and a cough 2 s after the last is a sound of its own, not the room's texture
 * (single coughs 2 to 3 s apart were reported one time in two before session 17). Closer, it is the same sound's next
 * burst or the next sentence of a conversation, judged as before.
 *
 * <p>Familiarity: the same question over minutes instead of seconds. A model that never heard a room's texture (a
 * crackling fire, a ticking clock) may read it as some event class for minutes on end, and now and then one of those
 * readings passes every test above. Unless near certain ({@value #CLASS_CERTAIN}), the winning class's mean
 * probability over the event must reach its {@value #FAMILIAR_QUANTILE} quantile over the room's last
 * {@value #FAMILIAR_SPAN_SECONDS} s ({@link ClassFamiliarity}): every hop counts except those of events written
 * (candidates that were dropped count, for they were the room), once the room has been heard for
 * {@value #FAMILIAR_MIN_SECONDS} s. A class the room reads as its texture all along is not reported when it reads as it
 * does every few seconds; a class that rarely rises in this room (a cough, however often someone coughs, fills well
 * under a twentieth of the room's unreported hops) is judged by the other tests alone. A sound dropped as familiar
 * keeps its label for {@link #verdict}, as a continuation does. A stream break resets everything else but not this:
 * the room is the same after a capture gap.
 *
 * <p>Timing: the classifier's context trails the sound by up to a second, so the probability rises soon
 * after an onset but falls late. The event's start and end are therefore taken from the energy: the
 * start is where the energy first rose above the bed (the median energy of the history before the peak)
 * by a fifth of the way (in dB) to the event's peak, at least 3 dB, the end the last frame above that
 * level whose 100 ms energy is also above the texture level the gate measured + 3 dB (so a clock's next
 * tick does not stretch it). Walking back from the peak, the start bridges pauses of up to 100 ms between
 * frames above that level, and pauses of up to 500 ms between stretches whose 100 ms energy is above both
 * that level and the texture level + 3 dB (a cough's first burst before its loudest one); the earlier of the
 * two walks wins. The start is earlier than the decision, which is fine: the event is written later anyway.
 * An event is written once it is decided: when the probability has stayed below the off threshold for the
 * merge gap and the after-check's 1.2 s have passed. {@link #latencyFrames()} declares that horizon
 * (context + smoothing + merge gap + after-check) so that the silent tail at the end of a file flushes every
 * event.
 */
public final class EventDecisionNode implements AudioNode {
    /** Parameter id of the sensitivity, 0 to 1. */
    public static final int PARAM_SENSITIVITY = 1;
    /** Frames of energy history kept for finding onsets (3 s at a 10 ms hop). */
    static final int HISTORY = 300;
    /** Frames below the onset level tolerated inside one event while walking back to its onset. */
    static final int GAP_FRAMES = 10;
    /**
     * Frames (500 ms) between the bursts of one sound tolerated by the second walk back, on the short-term
     * energy: a cough's first burst or a breath before it, separated from the loudest part by a pause.
     */
    static final int BURST_GAP_FRAMES = 50;
    /** Frames over which the short-term energy is averaged (100 ms at a 10 ms hop). */
    static final int SHORT_FRAMES = 10;
    /** Frames (1.8 s) of history before the context that describe the bed for the loudness gate. */
    static final int BED_FRAMES = 180;
    /** Fewest bed frames the loudness gate needs; before that (the first 1.3 s of a stream) nothing starts. */
    static final int BED_MIN_FRAMES = 30;
    /**
     * The bed's texture level: this quantile of its short-term energies. For steady noise it lies a dB or
     * so above the mean; for a ticking clock or a crackling fire it is the level of the ticks and crackles
     * themselves, so that a sound must be louder than the room's own recurring peaks to start an event.
     */
    static final float TEXTURE_QUANTILE = 0.9f;
    /** The onset level is this fraction of the way (in dB) from the bed to the event's peak... */
    static final float ONSET_FRACTION = 0.2f;
    /** ...and at least this far above the bed, dB. */
    static final float ONSET_MIN_DB = 3f;

    private static final int IDLE = 0;
    private static final int ACTIVE = 1;
    private static final int PENDING = 2;
    private static final int HOLD = 3;
    /**
     * Frames (1.2 s) after an event's last loud frame that the after-check looks at; the event is written
     * once they have passed. Long enough to hold the next tick of a clock ticking once a second.
     */
    static final int AFTER_FRAMES = 120;
    /** Fewest frames after the event (past its last 100 ms) the after-check needs to judge. */
    static final int AFTER_MIN_FRAMES = 20;
    /** What follows an event is "as loud" when its loudest 100 ms comes within this many dB of the event's. */
    static final float AFTER_DB = 4f;
    /**
     * ...and it is the background when the classifier's mean probability of the decided classes over it
     * (the eventness) stays below this.
     */
    static final float AFTER_EVENTNESS = 0.5f;
    /**
     * The winning class's mean probability over the event must be at least this many times its median
     * probability over the bed (class novelty, see the class documentation).
     */
    static final float CLASS_NOVELTY_RATIO = 1.5f;
    /**
     * Frames (2 s) after a written event's end from which a new event is a sound of its own: the class-novelty test
     * then leaves out of the bed the hops whose context held that event (see the class documentation). Closer, it is
     * the same sound's next burst (a run of coughs is one event) or the next sentence of a conversation.
     */
    static final int NEW_SOUND_FRAMES = 200;
    /** A class this probable over the event (its mean) needs no class novelty and no familiarity test. */
    static final float CLASS_CERTAIN = 0.9f;
    /**
     * Familiarity: the winning class's mean probability over the event must reach this quantile of the class's
     * probability over the room's recent hops outside reported events (see the class documentation).
     */
    static final double FAMILIAR_QUANTILE = 0.95;
    /** How far back the familiarity test remembers the room, seconds. */
    static final double FAMILIAR_SPAN_SECONDS = 300;
    /** The span is dropped from its old end in steps of this many seconds. */
    static final double FAMILIAR_SLOT_SECONDS = 10;
    /** Seconds of the room the familiarity test needs before it applies. */
    static final double FAMILIAR_MIN_SECONDS = 30;
    /** Histogram bins over probabilities 0 to 1 for the familiarity test (quantiles to 0.02). */
    static final int FAMILIAR_BINS = 50;
    /**
     * Frames (300 ms) either side of the context's loudest 100 ms within which the classifier's eventness must
     * reach the on threshold for the loudness gate to open (see the class documentation).
     */
    static final int HEARD_FRAMES = 30;

    /** What {@link #verdict} finds for a stretch of audio. */
    public static final int NONE = 0;
    /** {@link #verdict}: an event that may cover the stretch is not decided yet. */
    public static final int UNDECIDED = 1;
    /**
     * {@link #verdict}: an event of a label outside the given set was written over the stretch, or the stretch was
     * judged the continuation of such an event written just before it, or a sound of such a label that the room keeps
     * making, or a sound leaning to such a label (see {@link #verdict}).
     */
    public static final int OTHER = 2;
    /**
     * {@link #verdict}: an event that covers the stretch is not decided yet, but has so far been near certain
     * ({@link #CLASS_CERTAIN}) of a label outside the given set.
     */
    public static final int LIKELY_OTHER = 3;
    /**
     * A sound left unwritten because its most likely label's mean probability is under that label's threshold still
     * takes that label for {@link #verdict} when the mean reaches this share of the threshold: the classifier leans to
     * it. Single development coughs 2–3 s apart over pink noise ({@code cough-fits}) raised a fall alert from the
     * impact detector on 62 of 286 coughs, each a cough no cough event was written for (the classifier's mean under
     * the threshold); with this, 18. Measured at a mean of 0.15, 0.2, 0.25 and 0.3 (singles' impacts 16 / 18 / 28 /
     * 41): the impact recall on the development scenes' door slams, knocks and dropped keys is the same at each, with
     * the shipped model and the four scene-hold-out models (and through four channels at 0.2 and 0.25); half the
     * threshold is the round value in between.
     */
    static final float LEANING_SHARE = 0.5f;
    /** Events remembered for {@link #verdict}. */
    static final int RECORDS = 16;
    /** Frames for which the running label of the current event is remembered (more than a block's worth). */
    static final int RUNNING = 128;

    private final DecisionConfig config;
    /** The last {@link #RECORDS} events begun, for the verdict and the tests that look back at earlier events. */
    private final EventLog log = new EventLog();
    private final ClassifierNode classifier;
    private final LogMelNode logMel;
    private final int n;
    private final int context;
    private final int bedFrames;
    private final float[][] smooth;
    private final float[] smoothSum;
    private final float[] eventRing;
    private final float[] classSum;
    private final float[] classThreshold;
    private float eventSum;
    private float onLevel;
    private float offLevel;
    private int state;
    private int above;
    private long start;
    private long lastLoud;
    private long lastLoudCount;
    private float eventLoudest;
    private float endLevel;
    private long pendingSince;
    private float mid;
    private int activeFrames;
    private final float[] history = new float[HISTORY];
    private final int[] bins = new int[121];
    private final long[] historyFrame = new long[HISTORY];
    private final double[] power = new double[HISTORY];
    private final float[] shortDb = new float[HISTORY];
    private final float[] eventnessRing = new float[HISTORY];
    /** The eventness smoothed as the on/off decisions read it, per history frame (for the loudness gate's heard test). */
    private final float[] smoothedRing = new float[HISTORY];
    /** Per decided class, its probability at each history frame (for the class novelty test). */
    private final float[][] classRing;
    /** Per decided class, its median probability over the bed before the current event's context. */
    private final float[] bedClass;
    private final float[] scratch = new float[HISTORY];
    /** Ages of the bed hops the class-novelty test reads, filled by {@link #begin}. */
    private final int[] bedAges = new int[HISTORY];
    /** Per decided class, its probability at the current hop. */
    private final float[] hopClass;
    /** What the classifier usually says in this room (the familiarity test). */
    private final ClassFamiliarity familiarity;
    /** Hops of the room the familiarity test needs before it applies. */
    private final long familiarMinHops;
    private double shortSum;
    private final LevelTracker level = new LevelTracker(0.02f);
    private float gateTexture;
    private int smoothPos;
    private int historyPos;
    private long frameCount;
    private int hopFrames;
    /** The classifier's context, and {@link #NEW_SOUND_FRAMES}, in samples (set in {@link #prepare}). */
    private long contextSamples;
    private long newSoundSamples;
    private int minFrames;
    private int mergeFrames;
    private long maxDurationFrames;
    private int latency;

    /**
     * @param config     decision settings
     * @param classifier the classifier whose probabilities are decided
     * @param logMel     the front end (energy for the gate and the event bounds)
     */
    public EventDecisionNode(final DecisionConfig config, final ClassifierNode classifier, final LogMelNode logMel) {
        for (final int c : config.classes()) {
            if (c < 0 || c >= classifier.model().classCount()) {
                throw new IllegalArgumentException("class index " + c + " is not in the model's "
                    + classifier.model().classCount() + " classes");
            }
        }
        this.config = config;
        this.classifier = classifier;
        this.logMel = logMel;
        this.n = config.classes().length;
        this.context = logMel.features().contextFrames();
        this.bedFrames = Math.max(0, Math.min(BED_FRAMES, HISTORY - 1 - context));
        this.smooth = new float[n][config.smoothFrames()];
        this.smoothSum = new float[n];
        this.eventRing = new float[config.smoothFrames()];
        this.classSum = new float[n];
        this.classThreshold = new float[n];
        this.classRing = new float[n][HISTORY];
        this.bedClass = new float[n];
        this.hopClass = new float[n];
        final double hopsPerSecond = 1000.0 / logMel.features().hopMs();
        final int slotHops = (int)Math.round(FAMILIAR_SLOT_SECONDS * hopsPerSecond);
        this.familiarity = new ClassFamiliarity(n, FAMILIAR_BINS, slotHops,
            (int)Math.round(FAMILIAR_SPAN_SECONDS / FAMILIAR_SLOT_SECONDS));
        this.familiarMinHops = Math.round(FAMILIAR_MIN_SECONDS * hopsPerSecond);
        applySensitivity(config.sensitivity());
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        final FeatureSettings fs = logMel.features();
        final double hopMs = fs.hopMs();
        hopFrames = (int)Math.round((double)fs.hop() * spec.sampleRateHz() / fs.sampleRateHz());
        contextSamples = (long)context * hopFrames;
        newSoundSamples = (long)NEW_SOUND_FRAMES * hopFrames;
        minFrames = Math.max(1, (int)Math.round(config.minDurationMs() / hopMs));
        mergeFrames = (int)Math.round(config.mergeGapMs() / hopMs);
        maxDurationFrames = (long)config.maxDurationMs() * spec.sampleRateHz() / 1000;
        latency = (context + config.smoothFrames() + mergeFrames + AFTER_FRAMES + 2) * hopFrames;
        reset();
    }

    @Override
    public int latencyFrames() {
        return latency;
    }

    @Override
    public void onParameter(final int parameterId, final double value) {
        if (parameterId == PARAM_SENSITIVITY && value >= 0 && value <= 1) {
            applySensitivity(value);
        }
    }

    private void applySensitivity(final double sensitivity) {
        final float shift = (float)((sensitivity - 0.5) * 0.5);
        onLevel = Math.max(0.05f, Math.min(0.99f, config.eventOnThreshold() - shift));
        offLevel = Math.max(0.02f, Math.min(onLevel, config.eventOffThreshold() - shift));
        for (int k = 0; k < n; k++) {
            classThreshold[k] = Math.max(0.01f, Math.min(0.99f, config.classThreshold()[k] - shift));
        }
    }

    @Override
    public void process(final BlockContext ctx) {
        final LogMelFrames frames = ctx.get(logMel.frames());
        final ClassProbabilities probs = ctx.get(classifier.probabilities());
        final int count = Math.min(frames.count(), probs.count());
        for (int i = 0; i < count; i++) {
            step(frames.energyDb(i), frames.centreFrame(i), probs.probs(i), ctx.events());
        }
    }

    private void step(final float energy, final long centre, final float[] p, final EventWriter events) {
        historyPos = historyPos + 1 == HISTORY ? 0 : historyPos + 1;
        history[historyPos] = energy;
        historyFrame[historyPos] = centre;
        final double pw = Math.pow(10, energy / 10.0);
        power[historyPos] = pw;
        frameCount++;
        shortSum += pw;
        if (frameCount > SHORT_FRAMES) {
            shortSum -= power[at(SHORT_FRAMES)];
        }
        shortDb[historyPos] = (float)(10 * Math.log10(Math.max(1e-12, shortSum) / Math.min(frameCount, SHORT_FRAMES)));
        if (frameCount % HISTORY == 0) {
            resum();
        }
        final float floor = level.update(energy);
        final int span = (int)Math.min(frameCount, context);
        int peakAge = 0;
        for (int age = 1; age < span; age++) {
            if (history[at(age)] > history[at(peakAge)]) {
                peakAge = age;
            }
        }
        final float peak = history[at(peakAge)];
        final boolean gate = peak - floor >= config.gateDb();
        boolean loud = gate;
        if (state == IDLE && gate && bedFrames > 0) {
            // the loudness gate: the loudest 100 ms of the context against the bed's texture level
            final int bedCount = (int)Math.min(frameCount - context, bedFrames);
            if (bedCount < Math.min(BED_MIN_FRAMES, bedFrames)) {
                loud = false;
            } else {
                float loudest = -Float.MAX_VALUE;
                int loudestAge = 0;
                for (int age = 0; age < span; age++) {
                    if (shortDb[at(age)] > loudest) {
                        loudest = shortDb[at(age)];
                        loudestAge = age;
                    }
                }
                gateTexture = percentile(shortDb, context, context + bedCount - 1, TEXTURE_QUANTILE);
                loud = loudest - gateTexture >= config.gateDb();
                if (loud) {
                    // the loud moment must be what the classifier hears as an event, not the bed around it (this
                    // frame's smoothed eventness is not yet in the ring)
                    loud = heardAround(loudestAge, 1);
                }
            }
        }
        // eventness: the probability that the context holds one of the decided classes, smoothed
        float eventness = 0f;
        for (int k = 0; k < n; k++) {
            final float v = p[config.classes()[k]];
            eventness += v;
            smoothSum[k] += v - smooth[k][smoothPos];
            smooth[k][smoothPos] = v;
        }
        eventnessRing[historyPos] = eventness;
        for (int k = 0; k < n; k++) {
            classRing[k][historyPos] = p[config.classes()[k]];
            hopClass[k] = p[config.classes()[k]];
        }
        if (state == IDLE) {
            familiarity.add(hopClass);
        } else {
            // a candidate event's hops count once it is decided, unless it is written
            familiarity.hold(hopClass);
        }
        eventSum += eventness - eventRing[smoothPos];
        eventRing[smoothPos] = eventness;
        smoothPos = smoothPos + 1 == config.smoothFrames() ? 0 : smoothPos + 1;
        final float s = eventSum / config.smoothFrames();
        smoothedRing[historyPos] = s;
        switch (state) {
            case IDLE -> {
                above = s >= onLevel && loud ? above + 1 : 0;
                if (above >= minFrames) {
                    begin(peakAge, peak, floor);
                    accumulate();
                }
            }
            case ACTIVE -> {
                accumulate();
                if (energy >= mid && shortDb[historyPos] >= endLevel) {
                    lastLoud = centre;
                    lastLoudCount = frameCount;
                    eventLoudest = Math.max(eventLoudest, shortDb[historyPos]);
                }
                if (s < offLevel || !gate) {
                    state = PENDING;
                    pendingSince = frameCount;
                } else if (centre - start >= maxDurationFrames) {
                    emit(events, centre);
                    start = centre;
                    log.begin(start, frameCount);
                    java.util.Arrays.fill(classSum, 0f);
                    activeFrames = 0;
                }
            }
            case PENDING -> {
                if (s >= onLevel && gate) {
                    state = ACTIVE;
                    accumulate();
                } else if (frameCount - pendingSince >= mergeFrames) {
                    state = HOLD;
                }
            }
            default -> {
                if (frameCount - lastLoudCount >= AFTER_FRAMES) {
                    if (quietAfter()) {
                        emit(events, Math.max(lastLoud, start + hopFrames));
                    } else {
                        decided(-1, Math.max(lastLoud, start + hopFrames), false);
                    }
                    state = IDLE;
                    above = 0;
                }
            }
        }
        log.running(frameCount, state == IDLE ? -1 : certainLabel());
    }

    /** @return the label of the current event's most probable class so far if its mean is near certain, else -1 */
    private int certainLabel() {
        final int best = bestClass();
        return activeFrames > 0 && classSum[best] / activeFrames >= CLASS_CERTAIN ? config.labels()[best] : -1;
    }

    /** @return the decided class of highest summed probability over the current event */
    private int bestClass() {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (classSum[k] > classSum[best]) {
                best = k;
            }
        }
        return best;
    }

    private void accumulate() {
        for (int k = 0; k < n; k++) {
            classSum[k] += smoothSum[k] / config.smoothFrames();
        }
        activeFrames++;
    }

    private void begin(final int peakAge, final float peak, final float floor) {
        final int limit = (int)Math.min(frameCount, HISTORY) - 1;
        // the bed: the median energy of the history older than the peak, else of all of it
        final float bed = percentile(Math.min(limit, peakAge + 1) < limit ? peakAge + 1 : 0, limit, 0.5f);
        final float base = Math.max(floor, bed);
        final float level = base + Math.max(ONSET_MIN_DB, ONSET_FRACTION * (peak - base));
        // walk 1: frame energies, bridging pauses up to GAP_FRAMES
        int first = peakAge;
        int gap = 0;
        for (int age = peakAge + 1; age <= limit && gap <= GAP_FRAMES; age++) {
            if (history[at(age)] >= level) {
                first = age;
                gap = 0;
            } else {
                gap++;
            }
        }
        // walk 2: short-term energies above the bed's texture level as well, bridging longer pauses between
        // bursts; isolated ticks and crackles do not lift a 100 ms average above the texture level
        // the texture level the gate measured before the context; the history older than the peak would hold
        // the sound's own first bursts when its loudest part comes late
        final float texture = (bedFrames > 0 ? gateTexture : percentile(shortDb,
            Math.min(limit, peakAge + 1) < limit ? peakAge + 1 : 0, limit, TEXTURE_QUANTILE)) + ONSET_MIN_DB;
        final float burstLevel = Math.max(level, texture);
        int oldest = -1;
        gap = 0;
        for (int age = peakAge; age <= limit - SHORT_FRAMES && gap <= BURST_GAP_FRAMES; age++) {
            if (shortDb[at(age)] >= burstLevel) {
                oldest = age;
                gap = 0;
            } else {
                gap++;
            }
        }
        if (oldest >= 0) {
            // the short-term energy at age a spans ages a to a + SHORT_FRAMES - 1: take its oldest loud frame
            for (int age = Math.min(limit, oldest + SHORT_FRAMES - 1); age >= oldest; age--) {
                if (history[at(age)] >= level) {
                    first = Math.max(first, age);
                    break;
                }
            }
        }
        int loud = 0;
        while (loud < peakAge && history[at(loud)] < level) {
            loud++;
        }
        state = ACTIVE;
        mid = level;
        start = historyFrame[at(first)];
        log.begin(start, frameCount);
        lastLoud = historyFrame[at(loud)];
        lastLoudCount = frameCount - loud;
        eventLoudest = -Float.MAX_VALUE;
        for (int age = 0; age <= Math.min(limit, context - 1); age++) {
            eventLoudest = Math.max(eventLoudest, shortDb[at(age)]);
        }
        endLevel = burstLevel;
        java.util.Arrays.fill(classSum, 0f);
        activeFrames = 0;
        // class novelty: each class's median probability over the bed before the context
        final int bedCount = (int)Math.max(0,
            Math.min(frameCount - context, Math.min(bedFrames, limit + 1 - context)));
        int m = 0;
        for (int i = 0; i < bedCount; i++) {
            if (!log.heardInWritten(historyFrame[at(context + i)], start, contextSamples, newSoundSamples)) {
                bedAges[m++] = context + i;
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < m; i++) {
                scratch[i] = classRing[k][at(bedAges[i])];
            }
            bedClass[k] = m > 0 ? Selection.kth(scratch, m, m / 2) : 0f;
        }
    }

    /**
     * The after-check: false when something about as loud as the event ({@link #AFTER_DB}) followed it within
     * {@link #AFTER_FRAMES} (from 100 ms after its last loud frame) and the classifier took that for the
     * background ({@link #AFTER_EVENTNESS}): the "event" was the room's texture getting louder (a second
     * clock, a fire flaring up, where one recording gives way to another), not a sound standing out of it.
     * A sound followed by more of itself (a cough after a cough) keeps its eventness and passes, and so does one whose
     * follower is heard as an event at its loud moment ({@link #heardAround}), however late in the stretch it comes.
     */
    private boolean quietAfter() {
        final long since = frameCount - lastLoudCount;
        final int to = (int)Math.min(HISTORY - 1, since - SHORT_FRAMES - 1);
        final int from = (int)Math.max(0, since - AFTER_FRAMES);
        if (to - from < AFTER_MIN_FRAMES) {
            return true;
        }
        float loudest = -Float.MAX_VALUE;
        int loudestAge = to;
        float eventness = 0f;
        for (int age = from; age <= to; age++) {
            if (shortDb[at(age)] > loudest) {
                loudest = shortDb[at(age)];
                loudestAge = age;
            }
            eventness += eventnessRing[at(age)];
        }
        return eventLoudest - loudest >= AFTER_DB || eventness / (to - from + 1) >= AFTER_EVENTNESS
            || heardAround(loudestAge, 0);
    }

    /**
     * The heard test, of the loudness gate and of the after-check: whether the eventness, smoothed as the on decision
     * reads it, reaches the on threshold within {@link #HEARD_FRAMES} of the frame at {@code age}: the classifier
     * heard the loud moment there as an event.
     *
     * @param age      the loud moment's age, frames
     * @param youngest the youngest age whose smoothed eventness is in the ring
     */
    private boolean heardAround(final int age, final int youngest) {
        float heard = 0f;
        for (int a = Math.max(youngest, age - HEARD_FRAMES); a <= Math.min(HISTORY - 1, age + HEARD_FRAMES); a++) {
            heard = Math.max(heard, smoothedRing[at(a)]);
        }
        return heard >= onLevel;
    }

    /**
     * The current event is decided: labelled {@code label} (an index of the event type's labels) or dropped (-1) for
     * the verdict, written or not. The hops it held count for the familiarity test unless it was written.
     */
    private void decided(final int label, final long end, final boolean written) {
        if (written) {
            familiarity.discard();
        } else {
            familiarity.release();
        }
        log.decide(label, end, written, frameCount);
    }

    /**
     * What this node made, as it stood after its {@code asOfFrame}-th frame, of the sound from {@code startFrame} to
     * {@code endFrame}: {@link #OTHER} if it wrote an event over it whose label is not in {@code allowed}, or
     * judged the sound over it the continuation of such an event it had just written (the same class again, after a
     * pause too long to merge, which the class-novelty test leaves unwritten: the next sentence of a conversation), or
     * judged it a sound of such a label that the room keeps making (the familiarity test: a conversation in the room),
     * or left unwritten a sound over it whose most likely label is such a one, heard at {@link #LEANING_SHARE} of that
     * label's threshold or more (a cough the classifier hears at 0.2 to 0.4, wavering with laughter or throat
     * clearing: no cough is reported, but the sound is a person's, not a fall), else {@link #LIKELY_OTHER} if the event
     * that may cover it is not yet decided but has so far been near certain
     * of such a label (a long stretch of speech, decided only when it ends), else {@link #UNDECIDED} if an event
     * begun by then that may cover it is not yet decided, else {@link #NONE}. The answer depends only on the frames
     * up to {@code asOfFrame}, whatever the node has processed since (a node reading it in the same block sees the
     * same answers at every block size). Another detector (the impact detector) uses it to leave a sound to the
     * label given here: one label per sound.
     *
     * @param startFrame first sample frame of the sound
     * @param endFrame   last sample frame of the sound
     * @param asOfFrame  frame count (hops since the start of the stream) at which to answer
     * @param allowed    per label index of the event type, true for labels that do not override
     * @return {@link #NONE}, {@link #UNDECIDED}, {@link #OTHER} or {@link #LIKELY_OTHER}
     */
    public int verdict(final long startFrame, final long endFrame, final long asOfFrame, final boolean[] allowed) {
        return verdict(startFrame, endFrame, asOfFrame, allowed, Long.MIN_VALUE);
    }

    /**
     * As {@link #verdict(long, long, long, boolean[])}, leaving out the events that began before {@code joinedAfter}:
     * for a sound that joined one already going on rather than starting it (a thud a moment after a cough, which the
     * cough's event takes in because it is loud and comes within the merge gap), whose label says nothing of it.
     *
     * @param startFrame  first sample frame of the sound
     * @param endFrame    last sample frame of the sound
     * @param asOfFrame   frame count (hops since the start of the stream) at which to answer
     * @param allowed     per label index of the event type, true for labels that do not override
     * @param joinedAfter sample frame: events that began before it are left out ({@link Long#MIN_VALUE}: none)
     * @return {@link #NONE}, {@link #UNDECIDED}, {@link #OTHER} or {@link #LIKELY_OTHER}
     */
    public int verdict(final long startFrame, final long endFrame, final long asOfFrame, final boolean[] allowed,
        final long joinedAfter) {
        return log.verdict(startFrame, endFrame, asOfFrame, allowed, joinedAfter, frameCount);
    }

    /** A percentile of the energies at ages {@code [fromAge, toAge]}, to 1 dB, from a histogram (no allocation). */
    private float percentile(final int fromAge, final int toAge, final float fraction) {
        return percentile(history, fromAge, toAge, fraction);
    }

    private float percentile(final float[] ring, final int fromAge, final int toAge, final float fraction) {
        java.util.Arrays.fill(bins, 0);
        for (int age = fromAge; age <= toAge; age++) {
            bins[Math.max(0, Math.min(bins.length - 1, (int)(ring[at(age)] - LogMelExtractor.FLOOR_DB)))]++;
        }
        final int target = (int)((toAge - fromAge + 1) * fraction);
        int seen = 0;
        for (int b = 0; b < bins.length; b++) {
            seen += bins[b];
            if (seen > target) {
                return LogMelExtractor.FLOOR_DB + b;
            }
        }
        return LogMelExtractor.FLOOR_DB + bins.length - 1;
    }

    /**
     * Writes the event, labelled with the decided class of highest mean probability, if that clears its threshold
     * and, below {@link #CLASS_CERTAIN}, is at least {@link #CLASS_NOVELTY_RATIO} times the class's median over
     * the bed and at least the class's {@link #FAMILIAR_QUANTILE} quantile over the room's recent hops.
     */
    private void emit(final EventWriter events, final long end) {
        final int best = bestClass();
        final float confidence = classSum[best] / Math.max(1, activeFrames);
        if (confidence < classThreshold[best]) {
            // not reported, but where the classifier leans to a label the sound keeps it for the verdict
            decided(confidence >= LEANING_SHARE * classThreshold[best] ? config.labels()[best] : -1, end, false);
            return;
        }
        if (confidence < CLASS_CERTAIN && confidence < CLASS_NOVELTY_RATIO * bedClass[best]) {
            // not new to the room: dropped, but when the room held it because this node just wrote an event of
            // that label (speech, paused for a breath), the sound is the continuation of that one and keeps its
            // label for the verdict, though it is not written again
            decided(continues(config.labels()[best]) ? config.labels()[best] : -1, end, false);
            return;
        }
        if (confidence < CLASS_CERTAIN && familiarity.hops() >= familiarMinHops
            && confidence < familiarity.quantile(best, FAMILIAR_QUANTILE)) {
            // what the room keeps making (a texture the model reads as this class): dropped, but the sound keeps its
            // label for the verdict, as the continuation above does
            decided(config.labels()[best], end, false);
            return;
        }
        decided(config.labels()[best], end, true);
        if (!config.written()[best]) {
            return; // decided, and remembered as reported, but not one of the alerts chosen
        }
        final EventWriter.EventRecord r = events.tryClaim(config.eventType(), start);
        if (r != null) {
            r.set(SoundEvents.LABEL, config.labels()[best])
                .set(SoundEvents.START, start)
                .set(SoundEvents.END, end)
                .set(SoundEvents.CONFIDENCE, confidence)
                .commit();
        }
    }

    /**
     * @param label a label index of the event type
     * @return true if the event before the current one was written with that label (or was itself the continuation
     *     of one that was: a conversation goes on) and ended within the stretch the class-novelty test reads (the
     *     context and the bed before it) before the current one's start
     */
    private boolean continues(final int label) {
        return log.previousHadLabel(label, start, (long)(context + bedFrames) * hopFrames);
    }

    /** Recomputes the running sum from the ring (keeps rounding from piling up). */
    private void resum() {
        shortSum = 0;
        for (int age = 0; age < Math.min(frameCount, SHORT_FRAMES); age++) {
            shortSum += power[at(age)];
        }
    }

    private int at(final int age) {
        final int i = historyPos - age;
        return i < 0 ? i + HISTORY : i;
    }

    @Override
    public void reset() {
        for (int k = 0; k < n; k++) {
            java.util.Arrays.fill(smooth[k], 0f);
            smoothSum[k] = 0;
        }
        java.util.Arrays.fill(eventRing, 0f);
        java.util.Arrays.fill(smoothedRing, 0f);
        eventSum = 0;
        for (int k = 0; k < n; k++) {
            java.util.Arrays.fill(classRing[k], 0f);
            bedClass[k] = 0f;
        }
        // a stream break (a capture gap) does not change the room: what it usually sounds like is kept
        familiarity.discard();
        state = IDLE;
        above = 0;
        log.reset();
        smoothPos = 0;
        historyPos = 0;
        frameCount = 0;
        shortSum = 0;
        level.reset();
    }
}
