package org.earshot.detectors.beat;

import org.earshot.detectors.EventIds;
import org.earshot.detectors.classify.ClassProbabilities;
import org.earshot.detectors.classify.ClassifierNode;
import org.earshot.detectors.onset.NoveltyFrames;
import org.earshot.detectors.onset.NoveltyNode;
import org.earshot.detectors.spectral.SpectrumFrames;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventWriter;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;
import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;
import org.earshot.engine.event.FieldKind;

/**
 * Online beat tracker: reads a {@link NoveltyNode}'s port and emits each beat <em>before</em> it happens.
 *
 * <h2>Pipeline, per tracker frame (about 10 ms)</h2>
 * <ol>
 *   <li>The novelty frames are max-pooled to the tracker rate ({@link BeatTrackerConfig#frameRateHz()}); groups are
 *       aligned to absolute STFT frame indices, so the result does not depend on block sizes.</li>
 *   <li>Observation: the novelty divided by its recent maximum; with a low-band novelty node (bass and kick drum,
 *       {@link BeatTrackerConfig#lowBandMaxHz()}, which {@link BeatGraph} adds), the mean of the two bands, each
 *       divided by its own recent maximum. An onset with low-frequency energy, which falls on the beat more often,
 *       weighs up to twice as much as one without: this keeps the phase on the beat in grooves whose loudest onsets
 *       are off the beat (reggae's off-beat chords).</li>
 *   <li>{@link TempoEstimator}: leaky autocorrelation of the observation (of the raw novelty when there is no low
 *       band), comb salience and log-normal tempo prior give a weight per tempo (the octave policy).</li>
 *   <li>{@link BeatPhaseFilter}: the beat-pointer HMM filtered forward over the observation, the tempo weights as
 *       extra evidence.</li>
 *   <li>Prediction: from the most likely state, the next beat lies {@code (T - p)} tracker frames after the frame's
 *       time stamp (plus a quarter window, where a spectral-flux peak sits relative to its onset). The beat is
 *       committed once it is within one tracker frame plus one block (plus {@code leadMs}) of the moment the frame
 *       was complete, and written as a {@code beat} event whose frame is the predicted beat and whose
 *       {@code emitted} field is the end of the block that wrote it, never after the beat: a beat whose time has
 *       already passed when it would be committed is dropped, not sent late. A beat predicted within 70 ms (the
 *       F-measure tolerance) beyond that reach is held; if the tracker then moves on to the following beat (it has
 *       just seen the beat come early, as after a tempo step), the held beat is committed rather than lost, as long
 *       as its time has not come.</li>
 *   <li>Gating: beats start when the predictive correlation ({@link BeatPhaseFilter#predictiveCorrelation()}, the
 *       confidence) reaches {@link BeatTrackerConfig#confidenceOn()} and the periodicity
 *       ({@link TempoEstimator#periodicity()}) {@link BeatTrackerConfig#minPeriodicity()} (two thirds of that confidence
 *       will do where the periodicity is twice its threshold, see {@link BeatGate}), and stop when the first
 *       falls below {@link BeatTrackerConfig#confidenceOff()} (for {@value BeatGate#STOP_HOLD_SECONDS} s once
 *       the run has emitted {@value BeatGate#ESTABLISHED_BEATS} beats, see {@link BeatGate}) or the second below
 *       half its threshold (the
 *       correlation leaves out the first half second after a start, whose onset of sound any model foresees), and
 *       beats do not start while a speech gate ({@link SpeechGate}, when the tracker has one) hears talk (the
 *       classifier's speech over the last 2 s, or over the last half second, which catches a sentence's start), and stop
 *       there when the confidence, or the same correlation over the last second or so
 *       ({@link BeatPhaseFilter#recentPredictiveCorrelation()}), is below {@link SpeechGate#CONFIDENCE_OFF_IN_TALK};
 *       frames
 *       whose loudest frame over the last 1.5 s is below {@link BeatTrackerConfig#silenceDb()} carry no
 *       observation and emit nothing (and a beat due when the input will have been silent for more than
 *       {@value #MUTE_PERIODS} beat periods is not emitted, so beats stop a period after the music does); the tempo
 *       estimator pauses over them, keeping the tempo it heard ({@link TempoEstimator#pause}), and after a second of
 *       silence the phase model forgets the beat's phase and half its tempo belief
 *       ({@link BeatPhaseFilter#forgetPhase}, {@link #PAUSE_TEMPO_MEMORY}): music that resumes after a pause at its
 *       old tempo is followed again sooner (on the development set's pauses of 3 s, first beat back within 2 s on 23
 *       files of 33 instead of 20, and the beat right again after a median 2.72 s instead of 3.93 s), while a new song
 *       at another tempo locks as fast as before. Music that starts over a noise floor rather than silence (a live
 *       room) is
 *       judged on its own as fast: before a lock, when the novelty's recent maximum at least doubles
 *       ({@link #LOUDER_SOUND_RATIO}), the confidence's past observations are rescaled to the new maximum
 *       ({@link BeatPhaseFilter#rescaleObservations}), so the frames of noise weigh as little as the quiet they
 *       were.</li>
 *   <li>Metrical level ({@link PulseLevel}): the model follows the fastest regular pulse it can explain, so in a slow
 *       song with steady eighth notes it tracks the eighths; when every other pulse is clearly the stronger and half
 *       the pulse tempo lies nearer the tempo prior's centre, only every other pulse is emitted as a beat (and the
 *       tempo reported is halved). The level is chosen within 10 s of a tempo being established and then kept.</li>
 *   <li>{@link BarTracker} gives each beat its bar position (1 = downbeat) and the meter: a {@link MeterTracker}
 *       over the beats' accents in the low band (kick drum and bass mark the downbeat and the third beat of a bar; in
 *       the full band the snare's backbeat on 2 and 4 is often the loudest), or in the full band where only its
 *       accents repeat with the bar (a metronome), and over the harmonic change from beat to beat
 *       ({@link BeatChroma}), which tells 1 from 3.</li>
 * </ol>
 *
 * <p>Events: {@code {"type":"beat","t":PREDICTED_S,"frame":…,"emitted":EMIT_S,"bpm":…,"bar_pos":1..4,
 * "confidence":…,"index":…,"meter":3|4}} and {@code {"type":"tempo","t":…,"bpm":…,"confidence":…,"locked":…}}
 * when the tracker locks or unlocks and when the tempo moves by 2 % or more. No look-ahead: latency 0.
 * {@code process} allocates nothing, takes no locks and does not throw.
 */
public final class BeatTrackerNode implements AudioNode {
    /** The {@code beat} event. */
    public static final EventType BEAT = EventType.define(EventIds.BEAT, "beat",
        EventField.seconds("emitted"), EventField.real("bpm"), EventField.integer("bar_pos"),
        EventField.real("confidence"), EventField.integer("index"), EventField.integer("meter"));
    /** Field of {@link #BEAT}: the frame at which it was emitted (rendered in seconds). */
    public static final int BEAT_EMITTED = 0;
    /** Field of {@link #BEAT}: tempo, BPM. */
    public static final int BEAT_BPM = 1;
    /** Field of {@link #BEAT}: position in the bar, 1 = downbeat. */
    public static final int BEAT_BAR_POS = 2;
    /** Field of {@link #BEAT}: confidence, the predictive correlation, 0 to 1. */
    public static final int BEAT_CONFIDENCE = 3;
    /** Field of {@link #BEAT}: beats emitted since the tracker locked, from 0. */
    public static final int BEAT_INDEX = 4;
    /** Field of {@link #BEAT}: beats per bar, 3 or 4. */
    public static final int BEAT_METER = 5;

    /** The {@code tempo} event. */
    public static final EventType TEMPO = EventType.define(EventIds.TEMPO, "tempo",
        EventField.real("bpm"), EventField.real("confidence"), new EventField("locked", FieldKind.BOOLEAN));
    /** Field of {@link #TEMPO}: tempo, BPM. */
    public static final int TEMPO_BPM = 0;
    /** Field of {@link #TEMPO}: confidence, 0 to 1. */
    public static final int TEMPO_CONFIDENCE = 1;
    /** Field of {@link #TEMPO}: 1 while beats are being emitted. */
    public static final int TEMPO_LOCKED = 2;

    /** Parameter id of the extra lead, ms ({@link #onParameter}). */
    public static final int PARAM_LEAD_MS = 1;

    private static final double REFRACTORY_PERIODS = 0.6;
    private static final double SILENCE_RESET_SECONDS = 1.0;
    /**
     * Share of the phase model's tempo belief kept when a silence has lasted {@link #SILENCE_RESET_SECONDS}: the beat's
     * phase is forgotten, its tempo half kept ({@link BeatPhaseFilter#forgetPhase}). The tempo estimator keeps its
     * autocorrelation through the silence ({@link TempoEstimator#pause}).
     */
    static final double PAUSE_TEMPO_MEMORY = 0.5;
    private static final double CONFIDENCE_HALF_LIFE_SECONDS = 2.0;
    /** Half-life of the recent predictive correlation that, in talk, stops a run ({@link BeatGate}). */
    private static final double RECENT_CONFIDENCE_HALF_LIFE_SECONDS = 1.0;
    private static final double SILENCE_HOLD_SECONDS = 1.5;
    /**
     * A beat due after the input has been below {@link BeatTrackerConfig#silenceDb()} for longer than this many beat
     * periods (of the tempo reported) is not emitted: the music has stopped (the lock itself is kept until the silence
     * has lasted {@value #SILENCE_HOLD_SECONDS} s, so a rest costs no re-lock). A click track's silence between its
     * clicks, shorter than a period, mutes nothing, nor does a moment when the most likely state's period is shorter
     * than the tempo's.
     */
    private static final double MUTE_PERIODS = 1.5;
    private static final double TEMPO_CHANGE = 0.02;
    private static final double ARM_SECONDS = 0.07;
    private static final double CONFIDENCE_DELAY_SECONDS = 0.5;
    /**
     * Before a lock, a novelty maximum this many times the last one (over the normalisation window) is a new, louder
     * sound: the confidence's past observations are rescaled to it ({@link BeatPhaseFilter#rescaleObservations}).
     */
    static final double LOUDER_SOUND_RATIO = 2.0;

    private final BeatTrackerConfig config;
    private final NoveltyNode novelty;
    private final NoveltyNode lowNovelty;
    private Port<NoveltyFrames> input;
    private Port<SpectrumFrames> spectrumInput;
    private BarTracker bar;
    private Port<NoveltyFrames> lowInput;

    private int sampleRateHz;
    private int hop;
    private int pool;
    private double periodSamples;
    private double fps;
    private double onsetOffsetSamples;
    private int halfWindow;
    private int[] periods;
    private TempoEstimator tempo;
    private BeatPhaseFilter phase;
    private SlidingMax normaliser;
    /** The normaliser's maximum at the previous tracker frame. */
    private double lastMax;
    private SlidingMax lowNormaliser;
    private SlidingMax loudness;
    private long quietFrames;
    private double[] weights;
    private double[] tempoFactor;
    private double evidenceExponent;
    private long horizonSamples;
    private long leadSamples;
    private int silenceResetFrames;

    private long expectedIndex;
    private double groupMax;
    private double groupLowMax;
    private float groupLevel;
    private boolean groupOpen;
    private int silentFrames;
    private double armed = Double.NEGATIVE_INFINITY;
    private double armSamples;
    private BeatGate gate;
    private final ClassifierNode speech;
    private Port<ClassProbabilities> speechInput;
    private SpeechGate speechGate;
    private long beatIndex;
    private double lastBeat;
    /** Pulse period when {@link #lastBeat} was committed, samples. */
    private double lastBeatPeriodSamples;
    private PulseLevel level;
    private double tempoPeriodSamples;
    private double reportedBpm;
    private long lateDropped;

    /**
     * A tracker of the full-band novelty alone.
     *
     * @param config  settings
     * @param novelty the novelty node whose port is read (added to the graph before this node)
     */
    public BeatTrackerNode(final BeatTrackerConfig config, final NoveltyNode novelty) {
        this(config, novelty, null);
    }

    /**
     * @param config     settings
     * @param novelty    the novelty node whose port is read (added to the graph before this node)
     * @param lowNovelty a novelty node over the low frequencies on the same STFT (added before this node), whose
     *                   onsets (bass, kick drum) mark beats more often than the full band's, or null for none
     */
    public BeatTrackerNode(final BeatTrackerConfig config, final NoveltyNode novelty, final NoveltyNode lowNovelty) {
        this(config, novelty, lowNovelty, null);
    }

    /**
     * @param config     settings
     * @param novelty    the novelty node whose port is read (added to the graph before this node)
     * @param lowNovelty a novelty node over the low frequencies on the same STFT (added before this node), or null
     * @param speech     a classifier whose model has a {@code speech} class (added before this node): while it hears
     *                   talk ({@link SpeechGate}) beats do not start (a tracker already running goes on); or null
     */
    public BeatTrackerNode(final BeatTrackerConfig config, final NoveltyNode novelty, final NoveltyNode lowNovelty,
        final ClassifierNode speech) {
        if (speech != null && speech.model().indexOf("speech") < 0) {
            throw new IllegalArgumentException("the speech gate's model has no speech class: "
                + speech.model().classes());
        }
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        if (novelty == null) {
            throw new IllegalArgumentException("novelty must not be null");
        }
        this.config = config;
        this.novelty = novelty;
        this.lowNovelty = lowNovelty;
        this.speech = speech;
    }

    @Override
    public String name() {
        return config.name();
    }

    /** @return the settings */
    public BeatTrackerConfig config() {
        return config;
    }

    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        this.input = novelty.output();
        this.spectrumInput = novelty.stft().output();
        final StftConfig sc = novelty.stft().config().stft();
        this.bar = new BarTracker(sc.bins(), sc.binWidthHz(spec.sampleRateHz()), config.lowBandMaxHz());
        this.lowInput = lowNovelty == null ? null : lowNovelty.output();
        this.speechInput = speech == null ? null : speech.probabilities();
        this.speechGate = speech == null ? null : new SpeechGate(speech.model().indexOf("speech"), spec.sampleRateHz(),
            1000.0 / speech.model().settings().hopMs());
        this.sampleRateHz = spec.sampleRateHz();
        this.hop = novelty.hopFrames();
        this.halfWindow = novelty.windowLength() / 2;
        this.pool = Math.max(1, (int)Math.round(sampleRateHz / (config.frameRateHz() * hop)));
        this.periodSamples = (double)pool * hop;
        this.fps = sampleRateHz / periodSamples;
        this.onsetOffsetSamples = novelty.windowLength() / 4.0;
        final int lo = Math.max(2, (int)Math.floor(60.0 * fps / config.maxBpm()));
        final int hi = Math.max(lo + 1, (int)Math.ceil(60.0 * fps / config.minBpm()));
        this.periods = new int[hi - lo + 1];
        for (int i = 0; i < periods.length; i++) {
            periods[i] = lo + i;
        }
        this.tempo = new TempoEstimator(periods, fps, config.priorBpm(), config.priorOctaves(), config.combHarmonics(),
            config.resonanceHalfLifeSeconds());
        this.phase = new BeatPhaseFilter(periods, config.transitionLambda(), config.beatFraction(),
            CONFIDENCE_HALF_LIFE_SECONDS * fps, RECENT_CONFIDENCE_HALF_LIFE_SECONDS * fps,
            (int)Math.round(CONFIDENCE_DELAY_SECONDS * fps));
        this.level = new PulseLevel(config.priorBpm(), config.minBpm(), periods[periods.length - 1], fps);
        this.normaliser = new SlidingMax(Math.max(1, (int)Math.ceil(config.normalisationSeconds() * fps)));
        this.lowNormaliser = new SlidingMax(Math.max(1, (int)Math.ceil(config.normalisationSeconds() * fps)));
        this.loudness = new SlidingMax(Math.max(1, (int)Math.ceil(SILENCE_HOLD_SECONDS * fps)));
        this.weights = new double[periods.length];
        this.tempoFactor = new double[periods.length];
        this.evidenceExponent = config.tempoEvidencePerSecond() / fps;
        this.horizonSamples = (long)Math.ceil(periodSamples) + spec.maxFrames() + hop;
        this.leadSamples = msToSamples(config.leadMs());
        this.armSamples = ARM_SECONDS * sampleRateHz;
        this.silenceResetFrames = (int)Math.ceil(SILENCE_RESET_SECONDS * fps);
        this.gate = new BeatGate(config, fps);
        reset();
    }

    private long msToSamples(final double ms) {
        return Math.round(ms * sampleRateHz / 1000.0);
    }

    /** @return 0: beats are predictions, decided before their time */
    @Override
    public int latencyFrames() {
        return 0;
    }

    /** @return the tracker's frame rate after {@link #prepare}, frames per second */
    public double trackerFrameRateHz() {
        return fps;
    }

    /** @return the number of HMM states after {@link #prepare} */
    public int states() {
        return phase.states();
    }

    /** @return beats dropped because their predicted time had passed when they would have been emitted */
    public long lateDropped() {
        return lateDropped;
    }

    /**
     * {@link #PARAM_LEAD_MS}: extra lead in ms, clamped to [0, {@link BeatTrackerConfig#MAX_LEAD_MS}].
     *
     * @param parameterId parameter id
     * @param value       new value
     */
    @Override
    public void onParameter(final int parameterId, final double value) {
        if (parameterId == PARAM_LEAD_MS && !Double.isNaN(value)) {
            leadSamples = msToSamples(Math.max(0.0, Math.min(BeatTrackerConfig.MAX_LEAD_MS, value)));
        }
    }

    @Override
    public void process(final BlockContext ctx) {
        final NoveltyFrames in = ctx.get(input);
        final NoveltyFrames low = lowInput == null ? null : ctx.get(lowInput);
        if (speechGate != null) {
            final ClassProbabilities heard = ctx.get(speechInput);
            speechGate.push(heard);
        }
        final SpectrumFrames spectra = ctx.get(spectrumInput);
        int spectrum = 0;
        final int n = in.count();
        final long blockEnd = ctx.blockStartFrame() + ctx.frames();
        for (int i = 0; i < n; i++) {
            final long index = in.frameIndex(i);
            if (index != expectedIndex && expectedIndex >= 0) {
                restart();
            }
            expectedIndex = index + 1;
            // the spectra up to this frame, and no further: what a tracker frame decides must not depend on the block
            while (spectrum < spectra.count() && spectra.frameIndex(spectrum) <= index) {
                bar.spectrum(spectra.magnitude(spectrum++));
            }
            final float value = in.value(i);
            final float level = in.levelDb(i);
            final float lowValue = low != null && i < low.count() && low.frameIndex(i) == index ? low.value(i) : 0f;
            if (!groupOpen || value > groupMax) {
                groupMax = value;
            }
            if (!groupOpen || lowValue > groupLowMax) {
                groupLowMax = lowValue;
            }
            if (!groupOpen || level > groupLevel) {
                groupLevel = level;
            }
            groupOpen = true;
            if ((index + 1) % pool == 0) {
                final long centre = in.timeFrame(i);
                onTrackerFrame(ctx.events(), blockEnd, groupMax, groupLowMax, groupLevel,
                    centre - (pool - 1) * hop / 2.0, centre + halfWindow);
                groupOpen = false;
            }
        }
    }

    private void onTrackerFrame(final EventWriter events, final long blockEnd, final double value,
        final double lowValue, final float levelDb, final double timeSamples, final long decisionFrame) {
        final boolean silent = loudness.push(levelDb) < config.silenceDb();
        quietFrames = levelDb < config.silenceDb() ? quietFrames + 1 : 0;
        silentFrames = silent ? silentFrames + 1 : 0;
        if (silentFrames == silenceResetFrames) {
            phase.forgetPhase(PAUSE_TEMPO_MEMORY);
            bar.reset();
            level.reset();
            normaliser.reset();
            lowNormaliser.reset();
            lastMax = 0.0;
        }
        final double observed = silent ? 0.0 : value;
        final double max = normaliser.push(observed);
        if (!gate.locked() && lastMax > 0.0 && max >= LOUDER_SOUND_RATIO * lastMax) {
            phase.rescaleObservations(max / lastMax);
        }
        lastMax = max;
        double activation = max > 0.0 ? observed / max : 0.0;
        if (lowInput != null) {
            // the mean of the two bands, each scaled by its own recent maximum: an onset with bass or kick drum in it
            // counts fully, one without at most half
            final double lowObserved = silent ? 0.0 : lowValue;
            final double lowMax = lowNormaliser.push(lowObserved);
            final double lowActivation = lowMax > 0.0 ? lowObserved / lowMax : 0.0;
            level.push(activation, lowActivation, !silent);
            activation = 0.5 * (activation + lowActivation);
            updateTempo(activation, silent);
        } else {
            updateTempo(observed, silent);
            level.push(activation, activation, !silent);
        }
        if (evidenceExponent > 0.0) {
            tempo.weights(weights);
            for (int i = 0; i < weights.length; i++) {
                tempoFactor[i] = Math.pow(weights[i], evidenceExponent);
            }
            phase.step(activation, !silent, tempoFactor);
        } else {
            phase.step(activation, !silent, null);
        }
        final double confidence = Math.max(0.0, phase.predictiveCorrelation());
        bar.frame(observed, timeSamples + onsetOffsetSamples, tempoPeriodSamples);
        final int period = phase.bestPeriod();
        final double beatSamples = period * periodSamples;
        tempoPeriodSamples = phase.meanPeriod() * periodSamples;
        final double periodicity = tempo.periodicity();
        if (speechGate != null) {
            speechGate.advance(decisionFrame);
        }
        final boolean talk = speechGate != null && speechGate.talk();
        final boolean talkBegins = speechGate != null && speechGate.talkBegins();
        final BeatGate.Change change = gate.update(silent, talk, talkBegins, confidence,
            Math.max(0.0, phase.recentPredictiveCorrelation()), periodicity, beatIndex);
        if (change == BeatGate.Change.LOCKED) {
            beatIndex = 0;
            bar.locked();
        }
        if (change != BeatGate.Change.NONE) {
            writeTempo(events, decisionFrame, confidence);
        }
        if (!gate.locked()) {
            return;
        }
        double predicted = timeSamples + onsetOffsetSamples + (period - phase.bestPhasePosition()) * periodSamples;
        while (predicted < decisionFrame) {
            predicted += beatSamples;
        }
        final double reach = horizonSamples + leadSamples;
        // two commits closer than this are the same pulse seen twice; a pulse of the grid the last one belonged to
        // is a period of that grid later, so after the tracker doubles its period the next beat is not refused
        final double refractory = REFRACTORY_PERIODS * Math.min(beatSamples, lastBeatPeriodSamples);
        boolean commit = predicted - decisionFrame <= reach && predicted - lastBeat > refractory;
        if (!commit && armed > decisionFrame && predicted > armed + 0.5 * beatSamples && armed - lastBeat > refractory) {
            // the beat held for commitment has vanished: the tracker, having seen it come early, moved on to the next
            predicted = armed;
            commit = true;
        }
        armed = predicted - decisionFrame <= reach + armSamples ? predicted : Double.NEGATIVE_INFINITY;
        if (commit) {
            armed = Double.NEGATIVE_INFINITY;
            lastBeat = predicted;
            lastBeatPeriodSamples = beatSamples;
            final boolean isBeat = level.onPulse((predicted - timeSamples - onsetOffsetSamples) / periodSamples,
                tempoPeriodSamples / periodSamples, 60.0 * sampleRateHz / tempoPeriodSamples);
            bar.pulse(predicted, isBeat);
            // how long the input will have been silent when the beat is due, if it stays so
            final boolean muted = quietFrames * periodSamples + (predicted - decisionFrame)
                > MUTE_PERIODS * tempoPeriodSamples * (level.half() ? 2.0 : 1.0);
            if (isBeat && !muted) {
                final long beatFrame = Math.round(predicted);
                if (beatFrame >= blockEnd) {
                    writeBeat(events, beatFrame, blockEnd, confidence);
                } else {
                    lateDropped++;
                }
            }
        }
        final double bpm = beatBpm();
        if (Math.abs(bpm / reportedBpm - 1.0) >= TEMPO_CHANGE) {
            writeTempo(events, decisionFrame, confidence);
        }
    }



    /** Silent frames carry no observation: the tempo estimator pauses rather than learn the silence's flatness. */
    private void updateTempo(final double observation, final boolean silent) {
        if (silent) {
            tempo.pause();
        } else {
            tempo.update(observation);
        }
    }

    /** @return the tempo of the emitted beats: the pulse's, or half of it while every other pulse alone is a beat */
    private double beatBpm() {
        return 60.0 * sampleRateHz / (tempoPeriodSamples * (level.half() ? 2.0 : 1.0));
    }

    private void writeBeat(final EventWriter events, final long beatFrame, final long emitFrame,
        final double confidence) {
        final EventWriter.EventRecord r = events.tryClaim(BEAT, beatFrame);
        final int barPos = bar.barPosition();
        if (r != null) {
            r.set(BEAT_EMITTED, emitFrame)
                .set(BEAT_BPM, beatBpm())
                .set(BEAT_BAR_POS, barPos)
                .set(BEAT_CONFIDENCE, confidence)
                .set(BEAT_INDEX, beatIndex)
                .set(BEAT_METER, bar.meter())
                .commit();
        }
        beatIndex++;
    }

    private void writeTempo(final EventWriter events, final long frame, final double confidence) {
        final double bpm = gate.locked() ? beatBpm() : 0.0;
        reportedBpm = gate.locked() ? bpm : Double.NaN;
        final EventWriter.EventRecord r = events.tryClaim(TEMPO, frame);
        if (r != null) {
            r.set(TEMPO_BPM, bpm).set(TEMPO_CONFIDENCE, confidence).set(TEMPO_LOCKED, gate.locked() ? 1.0 : 0.0)
                .commit();
        }
    }

    private void restart() {
        if (speechGate != null) {
            speechGate.reset();
        }
        phase.reset();
        tempo.reset();
        bar.reset();
        level.reset();
        normaliser.reset();
        lowNormaliser.reset();
        loudness.reset();
        quietFrames = 0;
        lastMax = 0.0;
        groupOpen = false;
        silentFrames = 0;
        armed = Double.NEGATIVE_INFINITY;
        gate.reset();
        lastBeat = Double.NEGATIVE_INFINITY;
        lastBeatPeriodSamples = Double.POSITIVE_INFINITY;
        tempoPeriodSamples = periodSamples * periods[periods.length / 2];
        reportedBpm = Double.NaN;
    }

    @Override
    public void reset() {
        restart();
        expectedIndex = -1;
        beatIndex = 0;
        lateDropped = 0;
    }
}
