package org.earshot.detectors.decide;

import org.earshot.detectors.classify.ClassProbabilities;
import org.earshot.detectors.classify.ClassifierNode;
import org.earshot.detectors.classify.FeatureSettings;
import org.earshot.detectors.classify.LogMelExtractor;
import org.earshot.detectors.classify.LogMelFrames;
import org.earshot.detectors.classify.LogMelNode;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventWriter;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.ProcessSpec;

/**
 * Turns per-hop class probabilities into events: the probability that the context holds any decided
 * class (their sum) is smoothed by a moving average and segmented with hysteresis (on and off thresholds
 * shifted by a live sensitivity), a minimum time above the on threshold, a loudness gate against the
 * tracked background level, a merge gap and a maximum duration. Each segment becomes one event labelled
 * with the decided class of highest mean probability over it, written only if that mean clears the
 * class's threshold (its confidence). One label per sound: a cough is not also reported as a throat
 * clearing.
 *
 * <p>Timing: the classifier's context trails the sound by up to a second, so the probability rises soon
 * after an onset but falls late. The event's start and end are therefore taken from the energy: the
 * start is where the energy first rose above the bed (the median energy of the last 3 s before the
 * context) by a fifth of the way (in dB) to the event's peak, at least 3 dB, the end the last frame above
 * that level. An event is written once it is decided: when the probability
 * has stayed below the off threshold for the merge gap. {@link #latencyFrames()} declares that horizon
 * (context + smoothing + merge gap) so that the silent tail at the end of a file flushes every event.
 */
public final class EventDecisionNode implements AudioNode {
    /** Parameter id of the sensitivity, 0 to 1. */
    public static final int PARAM_SENSITIVITY = 1;
    /** Frames of energy history kept for finding onsets (3 s at a 10 ms hop). */
    static final int HISTORY = 300;
    /** Frames below the onset level tolerated inside one event while walking back to its onset. */
    static final int GAP_FRAMES = 10;
    /** The onset level is this fraction of the way (in dB) from the bed to the event's peak... */
    static final float ONSET_FRACTION = 0.2f;
    /** ...and at least this far above the bed, dB. */
    static final float ONSET_MIN_DB = 3f;

    private static final int IDLE = 0;
    private static final int ACTIVE = 1;
    private static final int PENDING = 2;

    private final DecisionConfig config;
    private final ClassifierNode classifier;
    private final LogMelNode logMel;
    private final int n;
    private final int context;
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
    private long pendingSince;
    private float mid;
    private int activeFrames;
    private final float[] history = new float[HISTORY];
    private final int[] bins = new int[121];
    private final long[] historyFrame = new long[HISTORY];
    private final LevelTracker level = new LevelTracker(0.02f);
    private int smoothPos;
    private int historyPos;
    private long frameCount;
    private int hopFrames;
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
        this.smooth = new float[n][config.smoothFrames()];
        this.smoothSum = new float[n];
        this.eventRing = new float[config.smoothFrames()];
        this.classSum = new float[n];
        this.classThreshold = new float[n];
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
        minFrames = Math.max(1, (int)Math.round(config.minDurationMs() / hopMs));
        mergeFrames = (int)Math.round(config.mergeGapMs() / hopMs);
        maxDurationFrames = (long)config.maxDurationMs() * spec.sampleRateHz() / 1000;
        latency = (context + config.smoothFrames() + mergeFrames + 2) * hopFrames;
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
        frameCount++;
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
        // eventness: the probability that the context holds one of the decided classes, smoothed
        float eventness = 0f;
        for (int k = 0; k < n; k++) {
            final float v = p[config.classes()[k]];
            eventness += v;
            smoothSum[k] += v - smooth[k][smoothPos];
            smooth[k][smoothPos] = v;
        }
        eventSum += eventness - eventRing[smoothPos];
        eventRing[smoothPos] = eventness;
        smoothPos = smoothPos + 1 == config.smoothFrames() ? 0 : smoothPos + 1;
        final float s = eventSum / config.smoothFrames();
        switch (state) {
            case IDLE -> {
                above = s >= onLevel && gate ? above + 1 : 0;
                if (above >= minFrames) {
                    begin(peakAge, peak, floor);
                    accumulate();
                }
            }
            case ACTIVE -> {
                accumulate();
                if (energy >= mid) {
                    lastLoud = centre;
                }
                if (s < offLevel || !gate) {
                    state = PENDING;
                    pendingSince = frameCount;
                } else if (centre - start >= maxDurationFrames) {
                    emit(events, centre);
                    start = centre;
                    java.util.Arrays.fill(classSum, 0f);
                    activeFrames = 0;
                }
            }
            default -> {
                if (s >= onLevel && gate) {
                    state = ACTIVE;
                    accumulate();
                } else if (frameCount - pendingSince >= mergeFrames) {
                    emit(events, Math.max(lastLoud, start + hopFrames));
                    state = IDLE;
                    above = 0;
                }
            }
        }
    }

    private void accumulate() {
        for (int k = 0; k < n; k++) {
            classSum[k] += smoothSum[k] / config.smoothFrames();
        }
        activeFrames++;
    }

    private void begin(final int peakAge, final float peak, final float floor) {
        final int limit = (int)Math.min(frameCount, HISTORY) - 1;
        // the bed: the median energy of the history older than the context, else of all of it
        final float bed = percentile(Math.min(limit, peakAge + 1) < limit ? peakAge + 1 : 0, limit, 0.5f);
        final float base = Math.max(floor, bed);
        final float level = base + Math.max(ONSET_MIN_DB, ONSET_FRACTION * (peak - base));
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
        int loud = 0;
        while (loud < peakAge && history[at(loud)] < level) {
            loud++;
        }
        state = ACTIVE;
        mid = level;
        start = historyFrame[at(first)];
        lastLoud = historyFrame[at(loud)];
        java.util.Arrays.fill(classSum, 0f);
        activeFrames = 0;
    }

    /** A percentile of the energies at ages {@code [fromAge, toAge]}, to 1 dB, from a histogram (no allocation). */
    private float percentile(final int fromAge, final int toAge, final float fraction) {
        java.util.Arrays.fill(bins, 0);
        for (int age = fromAge; age <= toAge; age++) {
            bins[Math.max(0, Math.min(bins.length - 1, (int)(history[at(age)] - LogMelExtractor.FLOOR_DB)))]++;
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

    /** Writes the event, labelled with the decided class of highest mean probability, if that clears its threshold. */
    private void emit(final EventWriter events, final long end) {
        int best = 0;
        for (int k = 1; k < n; k++) {
            if (classSum[k] > classSum[best]) {
                best = k;
            }
        }
        final float confidence = classSum[best] / Math.max(1, activeFrames);
        if (confidence < classThreshold[best]) {
            return;
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
        eventSum = 0;
        state = IDLE;
        above = 0;
        smoothPos = 0;
        historyPos = 0;
        frameCount = 0;
        level.reset();
    }
}
