package org.earshot.detectors.impact;

import java.util.List;
import java.util.Set;

import org.earshot.detectors.classify.ClassProbabilities;
import org.earshot.detectors.classify.ClassifierNode;
import org.earshot.detectors.classify.FeatureSettings;
import org.earshot.detectors.classify.LogMelFrames;
import org.earshot.detectors.classify.LogMelNode;
import org.earshot.detectors.decide.EventDecisionNode;
import org.earshot.detectors.decide.LevelTracker;
import org.earshot.detectors.decide.SoundEvents;
import org.earshot.dsp.filter.MelScale;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventWriter;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.ProcessSpec;

/**
 * Detects impacts (a fall, a slammed door, a knock, dropped keys) without training: a sudden, broadband
 * rise of low-frequency-weighted energy well above the background level, louder than the room's recent
 * peaks before it and not followed by more of the same, that decays within 800 ms. Steady sounds, slow
 * swells and the repeated ticks or crackles of a background do not qualify. Reads the log-mel frames;
 * allocation-free.
 *
 * <p>Per frame the weighted energy is {@code 10 log10(P_all + P_below_1kHz)}. A candidate starts when it
 * rises by {@code rise} dB within three frames, stands {@code prominence} dB above the background
 * ({@link LevelTracker}), with at least an eighth of the bands rising by 6 dB. It is confirmed when the
 * energy falls below its peak by half its prominence (at least 4 dB, at most 10 dB) within 800 ms after
 * staying loud for at least 40 ms.
 *
 * <p>Novelty, on both sides. Before: the candidate's 150 ms energy must peak {@code novelty} dB above the
 * loudest 150 ms energy of the 1.2 s before it (the ticks of a clock or the crackles of a fire are loud
 * but too short to fill 150 ms, and recur within that time), or its energy below 250 Hz alone must do so
 * by {@code novelty} + {@value #BASS_EXTRA_DB} dB: a door slammed in a crackling fire is no louder than
 * the crackles overall, but far louder in the bass, where textures such as fire, rain or a clock carry
 * little. After: no comparably loud onset may follow within 2.2 s of the impact (or series, see below):
 * an onset (a rise as a candidate's, even while another candidate runs) whose frame peak over 100 ms comes
 * within {@code novelty} − {@value #RECUR_MARGIN_DB} dB of the impact's (and is at most
 * {@value #RECUR_ABOVE_DB} dB louder), and its bass peak within
 * {@code novelty} + {@value #BASS_EXTRA_DB} − {@value #RECUR_MARGIN_DB} dB, is the same source again (a
 * clock whose ticks just became louder, as where one recording gives way to another), while an impact is
 * followed by the room's quieter background; high crackles after a thud do not count, they lack its bass,
 * and neither does a much louder sound after it (a fire's loud pop after a door slam), which is not the
 * impact's source repeating itself.
 * 2.2 s holds two periods of a clock ticking once a second, so a tick-tock clock whose tock is a few dB
 * quieter than its tick still repeats the tick's level within it.
 * The sound that recurred the impact takes its place, though, when it is no texture: when it stands out, by the
 * novelty test, of the room as it was before the first sound (the 1.2 s before the impact's onset), is unvoiced in its
 * first 100 ms, the classifier heard no talk, laughter or crying ({@link #VOICED_LABELS}) just before it, and the
 * impact it replaces did not take the place of another. It is then the pending impact, judged by every test as any
 * other (the same source after it again drops it: a texture's third beat, and a clock never raises one, since its
 * first louder tick after a splice is the only novel one). So a fall a second after a cough is heard (a cough at
 * −20 dBFS is as loud as a thud, and was an impact candidate itself, which the thud's recurrence drops; the one-label
 * verdict then leaves the cough to the cough event): {@code thuds-after-coughs}, development door slams and knocks
 * 0.2–0.6 s after a cough 8 → 19 of 30, 0.6–1.2 s 17 → 24; and so is a second thud as loud as a first, past the
 * merge gap and within 1.2 s of it, which this test alone dropped with the first. When its bass peak stands
 * {@code novelty} dB above the replaced sound's, it is not left to an event that began before it (the one-label verdict
 * below, as for a bass far above the 3 s before it): the event decisions write one cough event over cough and thud, and
 * a cough's next burst repeats its bass (generated thuds 0.2–0.6 / 0.6–1.2 s after a cough 16 → 19 / 18 → 19 of 30,
 * slams 19 → 22 / 24 → 26, coughing fits unchanged). Such an onset within the merge gap of the impact's end, or of the series' last
 * blow, is the series' next blow instead and extends it, even when it is too short to be an impact of its own: a
 * door knocked on three times, the later knocks sharper, was dropped as a texture before session 18 (development
 * knock clips alone over pink noise found 23 → 30 of 30 by {@code thuds-after-coughs}); a clock ticking twice a
 * second still raises nothing ({@code shouldStayQuietOnSteadyNoiseAndOnRegularTicks}): its ticks extend one series
 * past {@value #MAX_SERIES_MS} ms, which is dropped as a texture. At
 * sensitivity 0.5 rise, prominence and novelty are 8, 10 and 4 dB; they fall as the sensitivity rises.
 *
 * <p>Impacts closer than the merge gap form one event (a series of knocks); a later candidate within the
 * gap joins it when it is novel or nearly as loud as the series so far ({@code novelty} dB overall, and
 * {@code novelty} + {@value #BASS_EXTRA_DB} dB in its bass peak). The event is written when the gap and the
 * 2.2 s after the series have passed. A series longer than
 * {@value #MAX_SERIES_MS} ms is a texture (a ticking clock after a splice), not an impact, and is dropped.
 *
 * <p>A voice beginning is not an impact: a sentence's first syllable starts as abruptly as a knock and is often its
 * loudest, and without a classifier that recognises the talker nothing else tells them apart (real talkers in
 * everyday noise raised an impact at one sentence in five). The front end measures each frame's voicing
 * ({@link org.earshot.dsp.stft.Voicing}: the whitened frame's autocorrelation at a voice's periods), and an impact is
 * dropped when at least {@value #VOICED_AFTER_SHARE} of its first {@value #VOICE_ONSET_FRAMES} frames and of its first
 * {@value #VOICE_FRAMES} frames are voiced ({@value #VOICED} and above) while at most {@value #VOICED_BEFORE_SHARE} of
 * the {@value #VOICE_BEFORE_FRAMES} frames before it were: a syllable is voiced from its start, a blow or a slammed
 * door is not, and a blow while someone talks, or a voice that answers a blow a moment later, leaves the blow in
 * place. It is also dropped, whatever sounded before, when {@value #VOICED_STEADY_SHARE} of its frames are voiced
 * from the onset to {@value #VOICE_STEADY_FRAMES} frames after it, or to {@value #VOICE_AFTER_PEAK_FRAMES} frames after
 * its loudest frame if that is later (and {@value #VOICED_AFTER_SHARE} of its first {@value #VOICE_FRAMES}): a
 * talker's louder second syllable, whose first syllable voiced the frames before it, sounds on unbroken, while a blow
 * landing in a syllable, even one that joins the syllable's rise, is the impact's loudest moment and breaks the voicing
 * for as long as it rings. A fall whose very sound is a cry is left to the classifier.
 *
 * <p>Given a classifier (optional), an impact is vetoed when the classifier puts more than 60 % of its
 * probability on background classes at the moment of confirmation: the clunk of a ticking clock or a
 * crackle of a fire is part of a known background texture, not a fall. At that moment the classifier's one-second
 * context still holds mostly the room before the sound, though, and a door slam in a ticking room is read as the clock
 * until the slam fills the context (the scenes: clock 0.84 at the slam's confirmation, door slam 0.83 half a second
 * later). So a vetoed impact is held like any other, and the veto is lifted when, within {@value #LIFT_MS} ms of its
 * onset, the classifier gives an impact-like class ({@link #IMPACT_CLASSES}) {@value #LIFT_PROB} or more with the
 * background mass back under 60 %; otherwise it is dropped then. The classifier also tells a voice's onset from a
 * blow: an impact at which a voice class rises ({@link #VOICE_CLASSES}), with some voicing in its first half second,
 * is dropped (a sentence after a pause, in a room whose talk no event reports as new); and a blow whose first 100 ms
 * are unvoiced is not left to a speech, laughter or crying event written over it ({@link #VOICED_LABELS}: the voice
 * began after the blow, as when someone falls and calls out).
 *
 * <p>Given the room's event decision node (optional), one label per sound: an impact that passed every test
 * waits for that node's verdict on the same stretch of audio ({@link EventDecisionNode#verdict}). When it wrote an
 * event there whose label an impact is not ({@link #IMPACT_CLASSES} are the ones it may be: door slam, knock,
 * dropped keys, drawer, fall), the sound is reported under that label (a cough) and the impact is dropped; when it
 * wrote none, or an impact-like one, or has not decided {@value #VERDICT_WAIT_MS} ms after the impact's end, the
 * impact is written, except where it left unwritten a sound whose most likely label, not an impact's, reached half
 * that label's threshold ({@link EventDecisionNode#verdict}: a cough the classifier heard at 0.2–0.4): a person's
 * sound the classifier leans to recognising, not a fall (fall alerts on single development coughs 62 → 18 of 286,
 * the same door slams, knocks and dropped keys found). A thud
 * that joins a sound already going on is not that sound, though: the event decisions take a thud a moment after a
 * cough into the cough's event (it is loud and within the merge gap), and a fall after a coughing fit would be
 * reported as the cough. An impact whose bass stands {@code novelty} + {@value #BASS_EXTRA_DB} dB out of everything of
 * the {@value #JOIN_FRAMES} frames (3 s) before it (a cough's next burst does not: it repeats the bass of the last
 * one) and that starts more than {@value #JOINED_MS} ms after an event began is not left to that event's label
 * ({@code thuds-after-coughs}: generated thuds 0.2–1.2 s after a development cough found 28 of 60 times before these
 * two rules, 22 with the leaning alone, 30 with both; door slams and knocks 18, 17, 19). The sharp onset of a cough
 * or a laugh passes every energy test of an impact, and a carer
 * would otherwise get a fall alert with each cough alert (31 impact alerts on other annotated events of the
 * development scenes without this, 9 with it, the same 9 of 13 impacts found). Beyond that leaning, an impact is
 * never dropped in favour of a sound that was not reported, with two exceptions that the decision node's verdict
 * names: the sound
 * is the continuation of an event of another label it has just written (the next sentence after a pause, which
 * its class-novelty test leaves unwritten), or the event over the impact is still undecided when the wait ends
 * but has so far been near certain of another label (speech going on for longer than the wait, written when it
 * ends). Each sentence of generated speech starts as abruptly as a knock: on the bench's three generated
 * conversations ({@code speech-alarms}, seeds 7 to 9, 24.7 minutes), 9 impacts without these exceptions, 3 with them.
 */
public final class ImpactNode implements AudioNode {
    /** Parameter id of the sensitivity, 0 to 1. */
    public static final int PARAM_SENSITIVITY = 1;
    static final float LOW_HZ = 1000f;
    /** Upper edge of the bass bands whose own novelty also qualifies an impact, Hz. */
    static final float BASS_HZ = 250f;
    /** The bass novelty needs this many dB more than {@code novelty}: a few bands fluctuate more than all. */
    static final float BASS_EXTRA_DB = 4f;
    /**
     * A sound whose bass (below {@link #BASS_HZ}) lies more than this many dB below its overall level has no bass
     * to speak of, only leakage (a clock's tick heard through a telephone line, whose band starts at 300 Hz): its
     * bass neither qualifies it as novel nor tells it apart from the next onset. A door slam's bass is within
     * 15 dB of its overall level, a dropped key's within 15 dB, a tick's in a full-band recording within 10 dB.
     */
    static final float BASS_SHARE_DB = 25f;
    /**
     * Frames (1.2 s, {@link #HOLD_FRAMES}) heard before the first onset may count: the background level and the room's
     * recent peaks need something to be measured on, and the novelty test compares with the loudest of the 1.2 s
     * before. A sound under way when the stream starts (a recording cut in the middle of a sentence) otherwise rises
     * out of nothing, and a talker's first word in the first second raised an impact against the fraction of a second
     * of room heard before it (300 ms until session 16); the event decisions likewise wait for a bed (1.3 s). The
     * same holds after a stream break, which resets the node.
     */
    static final int WARM_FRAMES = 120;
    static final int DECAY_FRAMES = 80;
    static final float MIN_DECAY_DB = 4f;
    static final float MAX_DECAY_DB = 10f;
    static final int MIN_LOUD_FRAMES = 4;
    /** Frames (150 ms) over which the short-term energy that the novelty test uses is averaged. */
    static final int SHORT_FRAMES = 15;
    /**
     * Frames (1.2 s) of short-term energies whose maximum the novelty test compares against: long enough to
     * hold the previous tick of a clock ticking once a second, short enough that a loud sound a few
     * seconds ago does not hide an impact now.
     */
    static final int HOLD_FRAMES = 120;
    /** Frames at the start of a candidate left out of that maximum (its own rise). */
    static final int RISE_FRAMES = 3;
    /**
     * Frames (2.2 s) after the end of an impact (or series) during which a comparably loud onset drops it; the
     * event is written once they have passed. Two periods of a clock ticking once a second: a clock's tick and
     * tock often differ by a few dB, and when a louder recording of a clock begins on its loud tick, the next
     * onset is the quieter tock and only the one after it repeats the tick's level.
     */
    static final int POST_FRAMES = 220;
    /** The longest series of impacts, ms; a longer one is a texture and is dropped. */
    static final int MAX_SERIES_MS = 3000;
    /**
     * An onset within {@link #POST_FRAMES} after an impact whose frame peak is less than {@code novelty} minus
     * this many dB below the impact's, and whose frame peak below 250 Hz is less than {@code novelty} +
     * {@link #BASS_EXTRA_DB} minus this many dB below the impact's, is the same source again: the impact is
     * dropped.
     */
    static final float RECUR_MARGIN_DB = 1f;
    /**
     * An onset after an impact whose frame peak is more than this many dB above the impact's is not the same
     * source again but a louder, different sound (a fire's loud pop after a door slam) and does not drop it. A
     * source that repeats itself keeps its level to within a few dB (a clock's tick and tock), and a clock that
     * became louder stays at its new level.
     */
    static final float RECUR_ABOVE_DB = 6f;
    /** Frames (100 ms) of an onset after an impact over which its frame peak is taken. */
    static final int ONSET_FRAMES = 10;
    /** Frames (500 ms) from an impact's onset whose voicing tells a voice beginning from a blow. */
    static final int VOICE_FRAMES = 50;
    /** The first frames (100 ms) from the onset: a syllable is voiced from its start, a blow is not. */
    static final int VOICE_ONSET_FRAMES = 10;
    /**
     * Frames (150 ms) from the onset over which a voice that sounds on unbroken is the sound that rose, whatever sounded
     * before: a blow loud enough to be an impact whitens the frames it rings in (a thud decays over about 150 ms), so the
     * voicing of a syllable it lands in breaks ({@code shouldFindABlowInTheMiddleOfASyllable}); a talker's louder second
     * syllable, 100 ms after the first, does not break it.
     */
    static final int VOICE_STEADY_FRAMES = 15;
    /**
     * Frames (100 ms) after the impact's loudest frame that the steady voice must also cover: a blow that lands in a
     * syllable and joins its rise (one onset to the detector) is the impact's loudest moment, and breaks the voicing
     * there, however late in the syllable it lands.
     */
    static final int VOICE_AFTER_PEAK_FRAMES = 10;
    /**
     * Share of the frames from the onset to {@link #VOICE_STEADY_FRAMES} after it or {@link #VOICE_AFTER_PEAK_FRAMES}
     * after the loudest frame, whichever is later, that must be voiced for a steady voice.
     */
    static final float VOICED_STEADY_SHARE = 0.8f;
    /** Frames (200 ms) before the onset that must be unvoiced: a blow while a voice sounds stays a blow. */
    static final int VOICE_BEFORE_FRAMES = 20;
    /**
     * A frame is voiced at this voicing ({@link org.earshot.dsp.stft.Voicing}) and above: noise of any colour reads
     * about 0.28 on average, a vowel over 0.9.
     */
    static final float VOICED = 0.5f;
    /** Share of the frames after the onset, and of its first frames, that must be voiced for a voice beginning... */
    static final float VOICED_AFTER_SHARE = 0.4f;
    /** ...while at most this share of the frames before it was voiced. */
    static final float VOICED_BEFORE_SHARE = 0.25f;
    /** Background-class probability above which the classifier vetoes an impact. */
    static final float VETO_MASS = 0.6f;
    /**
     * How long after a vetoed impact's onset the classifier may still lift the veto, ms: its one-second context,
     * which holds the whole of a slam by then.
     */
    static final int LIFT_MS = 1000;
    /**
     * Probability of an impact-like class ({@link #IMPACT_CLASSES}) that lifts the veto, background mass permitting: as
     * sure of the impact as the veto was of the room. At 0.5 the lift also let through three clock ticks and fire
     * crackles read at 0.50–0.51 (scene hold-out and cheap-microphone runs of session 19).
     */
    static final float LIFT_PROB = VETO_MASS;
    /**
     * The classes of a person's voice: a sound that the classifier hears as one of these from its first moments, rising
     * from under {@value #VOICE_BEFORE_PROB} before it to {@value #VOICE_RISE_PROB} or more within
     * {@value #VOICE_RISE_MS} ms of its onset, and that the voicing meter hears voiced on at least
     * {@value #VOICE_RISE_VOICED_SHARE} of its first half second, is a voice beginning (a sentence after a pause, a
     * cough), not a fall.
     */
    public static final Set<String> VOICE_CLASSES = Set.of("speech", "cough", "laughter", "clearthroat",
        "person_sneeze", "baby_cry");
    /** How soon after an impact's onset a voice class must rise to take it for the voice's onset, ms. */
    static final int VOICE_RISE_MS = 300;
    /** Probability a voice class must reach: as sure as the background veto. */
    static final float VOICE_RISE_PROB = VETO_MASS;
    /** Probability the voice class must be under three frames before the onset: the voice begins there. */
    static final float VOICE_BEFORE_PROB = 0.5f;
    /** Share of the impact's first {@link #VOICE_FRAMES} that must be voiced as well. */
    static final float VOICE_RISE_VOICED_SHARE = 0.1f;
    /** The labels an impact may also carry: an event decided over it under one of these does not drop it. */
    public static final Set<String> IMPACT_CLASSES = Set.of("doorslam", "knock", "keysDrop", "drawer", "fall", "impact");
    /**
     * Labels of sounds whose onset is voiced: an event of one of these over an impact whose first 100 ms (and first
     * {@code pendingSteadyFrames}) hold no voiced frame at all does not take the impact, since the voice began after
     * the blow (someone who fell and cried out or called for help: the event decisions write one event from the blow
     * on, labelled by the voice). A cough's, a throat clearing's or a sneeze's first burst is unvoiced, so those labels
     * still take an unvoiced blow.
     */
    public static final Set<String> VOICED_LABELS = Set.of("speech", "laughter", "baby_cry");
    /** How long after its end an impact waits at most for the event decision's verdict, ms. */
    static final int VERDICT_WAIT_MS = 8000;
    /**
     * A thud whose bass stands out of the {@link #JOIN_FRAMES} before it, starting more than this long after an
     * event of the decisions began, joined that event's sound rather than started it: the event's label is not the
     * thud's, ms.
     */
    static final int JOINED_MS = 250;
    /** Frames (3 s) before a thud whose bass it must stand out of to count as joining a sound going on. */
    static final int JOIN_FRAMES = 300;
    /** Impacts that can wait for a verdict at once; a further one writes the oldest. */
    static final int WAITING = 8;

    private final ImpactConfig config;
    private final LogMelNode logMel;
    private final ClassifierNode classifier;
    private final EventDecisionNode decisions;
    /** Per label index of the event type: true for the labels an impact may also carry. */
    private final boolean[] impactLike;
    /** {@link #impactLike}, and the labels of {@link #VOICED_LABELS}: the labels that do not take an unvoiced blow. */
    private final boolean[] impactOrVoiced;
    private final VerdictQueue verdicts = new VerdictQueue(WAITING);
    private final ClassifierWitness witness;
    private final VoicingEvidence voiced = new VoicingEvidence();
    private final ShortTermEnergy energy = new ShortTermEnergy();
    private final LevelTracker level = new LevelTracker(0.02f);
    private final float[] w = new float[3];
    private int verdictWaitFrames;
    private long joinedFrames;
    private int voiceRiseFrames;
    private int liftFrames;
    /** The loudest short-term bass of the {@link #JOIN_FRAMES} before the current candidate, leaving out its rise. */
    private float bassPeakLong;
    private float bassPeak;
    private float candidateBassPeak;
    private float candidateBassFrame;
    private int bassBands;
    private float shortPeak;
    private float candidateShortPeak;
    private int lowBands;
    private float[] previous;
    private float[] previous2;
    private int bands;
    private int hopFrames;
    private int mergeFrames;
    private int maxSeriesFrames;
    private int latency;
    private float riseDb;
    private float prominenceDb;
    private float noveltyDb;
    private long frameCount;
    private boolean candidate;
    private long candidateStart;
    private long candidateFrame;
    private long lastOnsetFrame;
    private long lastOnsetCentre;
    private float candidatePeak;
    /** Frame count at the candidate's loudest frame. */
    private long candidatePeakFrame;
    private int loudFrames;
    private float candidateFloor;
    private boolean pending;
    private long pendingStart;
    private long pendingStartFrame;
    private long pendingEnd;
    private long pendingEndFrame;
    private float pendingConfidence;
    private float pendingPeak;
    private float pendingFramePeak;
    private boolean pendingRecurred;
    /** The pending impact was vetoed at its confirmation and waits for the classifier to lift the veto. */
    private boolean pendingVetoed;
    /** The pending impact took the place of the one before it, whose recurrence it was ({@link #confirm}). */
    private boolean pendingTakeover;
    /** The loudest 150 ms of the 1.2 s before the pending impact's onset, overall and below 250 Hz: the room before it. */
    private float pendingRoomShort;
    private float pendingRoomBass;
    private boolean pendingBassNovel;
    private boolean onsetOpen;
    private float onsetPeak;
    private float onsetBassPeak;
    private float pendingBassPeak;

    /**
     * @param config settings
     * @param logMel the front end
     */
    public ImpactNode(final ImpactConfig config, final LogMelNode logMel) {
        this(config, logMel, null);
    }

    /**
     * @param config     settings
     * @param logMel     the front end
     * @param classifier classifier whose background classes veto impacts, or null for none
     */
    public ImpactNode(final ImpactConfig config, final LogMelNode logMel, final ClassifierNode classifier) {
        this(config, logMel, classifier, null);
    }

    /**
     * @param config     settings
     * @param logMel     the front end; it must measure voicing ({@link org.earshot.detectors.classify.LogMelConfig#voicing})
     * @param classifier classifier whose background classes veto impacts, or null for none
     * @param decisions  the room's event decisions, whose events of other labels take a sound from the impact
     *                   detector, or null for none; when given, it must run before this node (a dependency)
     */
    public ImpactNode(final ImpactConfig config, final LogMelNode logMel, final ClassifierNode classifier,
        final EventDecisionNode decisions) {
        if (!logMel.measuresVoicing()) {
            throw new IllegalArgumentException("the impact detector needs a log-mel front end that measures voicing ("
                + logMel.name() + " does not: LogMelConfig voicing true)");
        }
        this.config = config;
        this.logMel = logMel;
        this.classifier = classifier;
        this.decisions = decisions;
        final List<String> labels = config.eventType().labels();
        this.impactLike = new boolean[labels.size()];
        this.impactOrVoiced = new boolean[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            impactLike[i] = IMPACT_CLASSES.contains(labels.get(i)) || i == config.label();
            impactOrVoiced[i] = impactLike[i] || VOICED_LABELS.contains(labels.get(i));
        }
        this.witness = new ClassifierWitness(classifier == null ? null : classifier.model());
        applySensitivity(config.sensitivity());
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        final FeatureSettings fs = logMel.features();
        bands = fs.bands();
        final double lo = MelScale.SLANEY.hzToMel(fs.minHz());
        final double hi = MelScale.SLANEY.hzToMel(fs.maxHz());
        lowBands = 0;
        bassBands = 0;
        for (int b = 0; b < bands; b++) {
            if (MelScale.SLANEY.melToHz(lo + (hi - lo) * (b + 1) / (bands + 1)) < LOW_HZ) {
                lowBands = b + 1;
            }
            if (MelScale.SLANEY.melToHz(lo + (hi - lo) * (b + 1) / (bands + 1)) < BASS_HZ) {
                bassBands = b + 1;
            }
        }
        previous = new float[bands];
        previous2 = new float[bands];
        hopFrames = (int)Math.round((double)fs.hop() * spec.sampleRateHz() / fs.sampleRateHz());
        mergeFrames = (int)Math.round(config.mergeGapMs() / fs.hopMs());
        maxSeriesFrames = (int)Math.round(MAX_SERIES_MS / fs.hopMs());
        verdictWaitFrames = decisions == null ? 0 : (int)Math.round(VERDICT_WAIT_MS / fs.hopMs());
        liftFrames = (int)Math.round(LIFT_MS / fs.hopMs());
        voiceRiseFrames = (int)Math.round(VOICE_RISE_MS / fs.hopMs());
        joinedFrames = Math.round(JOINED_MS / 1000.0 * spec.sampleRateHz());
        latency = (DECAY_FRAMES + Math.max(Math.max(mergeFrames, POST_FRAMES), verdictWaitFrames) + 2) * hopFrames;
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

    private void applySensitivity(final double s) {
        final float d = (float)(s - 0.5);
        riseDb = 8f - 6f * d;
        prominenceDb = 10f - 8f * d;
        noveltyDb = 4f - 3f * d;
    }

    @Override
    public void process(final BlockContext ctx) {
        final LogMelFrames frames = ctx.get(logMel.frames());
        final ClassProbabilities probs = classifier == null ? null : ctx.get(classifier.probabilities());
        for (int i = 0; i < frames.count(); i++) {
            if (probs != null && i < probs.count()) {
                witness.hear(probs.probs(i));
            }
            step(frames.bands(i), frames.voicing(i), frames.centreFrame(i), ctx.events());
        }
    }

    private void step(final float[] x, final float voicing, final long centre, final EventWriter events) {
        double all = 0;
        double low = 0;
        double bass = 0;
        for (int b = 0; b < bands; b++) {
            final double p = Math.pow(10, x[b] / 10.0);
            all += p;
            if (b < lowBands) {
                low += p;
            }
            if (b < bassBands) {
                bass += p;
            }
        }
        final float bassE = (float)(10 * Math.log10(bass + 1e-12));
        final float e = (float)(10 * Math.log10(all + low + 1e-12));
        energy.push(all + low, bass);
        final float shortBass = energy.shortBassDb();
        final float shortE = energy.shortDb();
        frameCount++;
        voiced.push(voicing, pending ? frameCount - pendingStartFrame : -1);
        final float floor = level.floorDb();
        final boolean warm = frameCount > WARM_FRAMES;
        final float before = Math.min(w[0], Math.min(w[1], w[2]));
        final boolean onset = warm && e - before >= riseDb && e - floor >= prominenceDb && broadband(x);
        if (onset) {
            if (onsetOpen) {
                closeOnset();
            }
            lastOnsetFrame = frameCount;
            lastOnsetCentre = centre;
            onsetOpen = pending && lastOnsetFrame > pendingEndFrame;
            onsetPeak = -200f;
            onsetBassPeak = -200f;
        }
        if (!candidate && onset) {
            candidate = true;
            candidateStart = centre - 2L * hopFrames;
            candidateFrame = frameCount;
            candidatePeak = e;
            candidatePeakFrame = frameCount;
            candidateFloor = floor;
            candidateShortPeak = shortE;
            candidateBassPeak = shortBass;
            candidateBassFrame = bassE;
            bassPeak = energy.recentBassMax();
            bassPeakLong = energy.recentBassLongMax();
            shortPeak = energy.recentShortMax();
            loudFrames = 0;
            voiced.markCandidate(frameCount);
            // the classifier 3 frames before the onset frame: its context not yet holding the rise
            witness.markCandidate();
        }
        if (onsetOpen) {
            // an onset after the impact (a candidate's or one during a candidate): its peak over its first 100 ms
            onsetPeak = Math.max(onsetPeak, e);
            onsetBassPeak = Math.max(onsetBassPeak, bassE);
            if (frameCount - lastOnsetFrame >= ONSET_FRAMES - 1) {
                closeOnset();
            }
        }
        if (candidate) {
            if (e > candidatePeak) {
                candidatePeak = e;
                candidatePeakFrame = frameCount;
            }
            candidateShortPeak = Math.max(candidateShortPeak, shortE);
            candidateBassPeak = Math.max(candidateBassPeak, shortBass);
            candidateBassFrame = Math.max(candidateBassFrame, bassE);
            final float decayDb = Math.min(MAX_DECAY_DB, Math.max(MIN_DECAY_DB,
                0.5f * (candidatePeak - candidateFloor)));
            if (e >= candidatePeak - decayDb) {
                loudFrames++;
            } else if (loudFrames >= MIN_LOUD_FRAMES) {
                confirm(events, centre);
                candidate = false;
            } else {
                candidate = false;
            }
            if (candidate && frameCount - candidateFrame > DECAY_FRAMES) {
                candidate = false;
            }
        }
        if (pending && frameCount - pendingStartFrame <= voiceRiseFrames) {
            witness.watchVoiceRise();
        }
        if (pending && pendingVetoed) {
            if (witness.liftsVeto()) {
                pendingVetoed = false;
            } else if (frameCount - pendingStartFrame > liftFrames) {
                pending = false;
                pendingVetoed = false;
            }
        }
        if (pending && !candidate && frameCount - pendingEndFrame >= Math.max(mergeFrames, POST_FRAMES)) {
            decide(events);
        }
        settle(events);
        w[2] = w[1];
        w[1] = w[0];
        w[0] = e;
        level.update(e);
        System.arraycopy(previous, 0, previous2, 0, bands);
        System.arraycopy(x, 0, previous, 0, bands);
    }

    private boolean broadband(final float[] x) {
        int rising = 0;
        for (int b = 0; b < bands; b++) {
            if (x[b] - Math.min(previous[b], previous2[b]) >= 6f) {
                rising++;
            }
        }
        return rising * 8 >= bands;
    }

    private void confirm(final EventWriter events, final long end) {
        final boolean novel = novelAgainst(shortPeak, bassPeak);
        final boolean vetoed = witness.vetoes();
        if (pending && frameCount - pendingEndFrame <= mergeFrames) {
            // within the gap: a novel or comparably loud impact (overall and in the bass) continues the series; one
            // the classifier does not veto lifts a veto on the series (alone it would have been an impact)
            if (novel || (candidateShortPeak >= pendingPeak - noveltyDb
                && candidateBassFrame >= pendingBassPeak - noveltyDb - BASS_EXTRA_DB)) {
                pendingVetoed &= vetoed || !novel;
                pendingEnd = end;
                pendingEndFrame = frameCount;
                pendingPeak = Math.max(pendingPeak, candidateShortPeak);
                pendingFramePeak = Math.max(pendingFramePeak, candidatePeak);
                pendingBassPeak = Math.max(pendingBassPeak, candidateBassFrame);
                pendingRecurred = false;
                onsetOpen = false;
                pendingConfidence = Math.max(pendingConfidence, confidence());
                if (frameCount - pendingStartFrame > maxSeriesFrames) {
                    pending = false;
                }
            }
            return;
        }
        // a sound as loud as the pending impact, after its merge gap, made it the same source again; unless it recurs in
        // turn (a texture's third beat), it is a second sound of its own (a thud after a cough): it takes the pending
        // impact's place, though no louder than it
        final boolean takeover = !novel && pending && pendingRecurred && !pendingTakeover
            && voiced.unvoicedSince(frameCount - candidateFrame) && !witness.talkBeforeCandidate()
            && novelAgainst(pendingRoomShort, pendingRoomBass);
        if (!novel && !takeover) {
            return;
        }
        // a sound that takes the place of one with less bass (a thud after a cough) is not that sound going on: the event
        // over both is the first sound's, and does not take the second (as for a bass far above the 3 s before it)
        final boolean bassier = takeover && candidateBassFrame - pendingBassPeak >= noveltyDb;
        if (pending) {
            // a new impact while the last one's aftermath is still watched: that ends the watch
            decide(events);
        }
        pending = true;
        pendingStart = candidateStart;
        pendingStartFrame = candidateFrame;
        voiced.markPending(frameCount - candidateFrame, frameCount - candidatePeakFrame);
        pendingEnd = end;
        pendingEndFrame = frameCount;
        pendingConfidence = confidence();
        pendingPeak = candidateShortPeak;
        pendingFramePeak = candidatePeak;
        pendingBassPeak = candidateBassFrame;
        pendingRecurred = false;
        pendingVetoed = vetoed;
        pendingTakeover = takeover;
        if (!takeover) {
            pendingRoomShort = shortPeak;
            pendingRoomBass = bassPeak;
        }
        witness.markPending();
        pendingBassNovel = candidateShortPeak - candidateBassPeak <= BASS_SHARE_DB
            && candidateBassPeak - bassPeakLong >= noveltyDb + BASS_EXTRA_DB || bassier;
        onsetOpen = false;
    }

    /**
     * Ends the watch of an onset after the pending impact: it is the same source again when its frame peak comes
     * within {@code novelty} − {@link #RECUR_MARGIN_DB} dB of the impact's (and at most {@link #RECUR_ABOVE_DB}
     * dB above it) and its bass peak within {@code novelty} + {@link #BASS_EXTRA_DB} − {@link #RECUR_MARGIN_DB}
     * dB of the impact's; unless it began within the merge gap of the series' end, where it is the series' next blow
     * (a knock's next knock, too short to be an impact of its own) and extends the series.
     */
    private void closeOnset() {
        onsetOpen = false;
        if (pending && pendingFramePeak - onsetPeak < noveltyDb - RECUR_MARGIN_DB
            && onsetPeak - pendingFramePeak <= RECUR_ABOVE_DB
            && (pendingFramePeak - pendingBassPeak > BASS_SHARE_DB
                || pendingBassPeak - onsetBassPeak < noveltyDb + BASS_EXTRA_DB - RECUR_MARGIN_DB)) {
            if (lastOnsetFrame - pendingEndFrame <= mergeFrames && !voiced.voicedSince(frameCount - lastOnsetFrame)) {
                // within the merge gap: the series' next blow (a knock's next knock), not its source again later
                pendingEnd = lastOnsetCentre + (frameCount - lastOnsetFrame) * hopFrames;
                pendingEndFrame = frameCount;
                if (frameCount - pendingStartFrame > maxSeriesFrames) {
                    pending = false;
                }
            } else {
                pendingRecurred = true;
            }
        }
    }

    /**
     * The novelty test: the candidate's 150 ms peak stands {@code novelty} dB above {@code shortRef}, or its bass, where it
     * carries weight, {@code novelty} + {@link #BASS_EXTRA_DB} dB above {@code bassRef}.
     *
     * @param shortRef loudest 150 ms energy of the stretch it is judged against, dB
     * @param bassRef  loudest 150 ms energy below 250 Hz of that stretch, dB
     */
    private boolean novelAgainst(final float shortRef, final float bassRef) {
        return candidateShortPeak - shortRef >= noveltyDb
            || candidateShortPeak - candidateBassPeak <= BASS_SHARE_DB
            && candidateBassPeak - bassRef >= noveltyDb + BASS_EXTRA_DB;
    }

    private float confidence() {
        return Math.min(1f, (candidatePeak - candidateFloor) / 40f);
    }

    /** Writes the pending impact unless a comparably loud onset followed it (see the class documentation). */
    private void decide(final EventWriter events) {
        if (onsetOpen) {
            closeOnset();
        }
        pending = false;
        // the same source again: an onset after it about as loud, overall and in the bass
        if (pendingRecurred || pendingVetoed) {
            return;
        }
        // a sound that took the place of the one before it (see confirm) is a blow only if nothing is voiced in its first
        // 100 ms: after a syllable, the next voiced syllable is the talk going on
        if (pendingTakeover && voiced.pendingOnsetVoiced()) {
            return;
        }
        // a voice's onset by two witnesses: the classifier hears a voice class rise at it, and the voicing meter hears
        // some voicing in its first half second (a knock a classifier took for a sneeze has none)
        if (witness.voiceRose() && voiced.pendingSomeVoicing()) {
            return;
        }
        // a voice beginning: voiced from its first 100 ms and for much of its first half second, and not in the
        // 200 ms before (a sentence's first syllable starts as abruptly as a knock; a blow, a fall or a slammed door
        // is not voiced, and a voice that answers a blow comes after it)
        if (voiced.pendingVoiceBeginning()) {
            return;
        }
        // a voice going on: voiced without a break for its first 150 ms (and past its loudest frame) and for much of its
        // first half second, whatever came before (a louder syllable after the first: a blow in a syllable breaks its
        // voicing where it lands)
        if (voiced.pendingVoiceGoingOn()) {
            return;
        }
        if (decisions == null) {
            write(events, pendingStart, pendingEnd, pendingConfidence);
            return;
        }
        if (verdicts.isFull()) {
            // no room to wait: the oldest is written rather than lost
            write(events, verdicts.oldestStart(), verdicts.oldestEnd(), verdicts.oldestConfidence());
            verdicts.removeOldest();
        }
        verdicts.add(pendingStart, pendingEnd, pendingEndFrame, pendingConfidence, pendingBassNovel,
            voiced.pendingUnvoiced());
        settle(events);
    }

    /**
     * Writes or drops the impacts waiting for the event decision's verdict, in order: dropped where it wrote an
     * event of another label over the impact, written where it wrote none or has not decided in time.
     */
    private void settle(final EventWriter events) {
        while (!verdicts.isEmpty()) {
            final long start = verdicts.oldestStart();
            final int verdict = decisions.verdict(start, verdicts.oldestEnd(), frameCount,
                verdicts.oldestUnvoiced() ? impactOrVoiced : impactLike,
                verdicts.oldestBassNovel() ? start - joinedFrames : Long.MIN_VALUE);
            final boolean waited = frameCount - verdicts.oldestEndStep() >= verdictWaitFrames;
            if ((verdict == EventDecisionNode.UNDECIDED || verdict == EventDecisionNode.LIKELY_OTHER) && !waited) {
                return;
            }
            if (verdict != EventDecisionNode.OTHER && verdict != EventDecisionNode.LIKELY_OTHER) {
                write(events, start, verdicts.oldestEnd(), verdicts.oldestConfidence());
            }
            verdicts.removeOldest();
        }
    }

    private void write(final EventWriter events, final long start, final long end, final float confidence) {
        final EventWriter.EventRecord r = events.tryClaim(config.eventType(), start);
        if (r != null) {
            r.set(SoundEvents.LABEL, config.label())
                .set(SoundEvents.START, start)
                .set(SoundEvents.END, end)
                .set(SoundEvents.CONFIDENCE, confidence)
                .commit();
        }
    }

    @Override
    public void reset() {
        level.reset();
        frameCount = 0;
        candidate = false;
        pending = false;
        lastOnsetFrame = 0;
        onsetOpen = false;
        pendingRecurred = false;
        pendingVetoed = false;
        pendingTakeover = false;
        witness.reset();
        voiced.reset();
        energy.reset();
        verdicts.clear();
        java.util.Arrays.fill(w, 0f);
        if (previous != null) {
            java.util.Arrays.fill(previous, 0f);
            java.util.Arrays.fill(previous2, 0f);
        }
    }
}
