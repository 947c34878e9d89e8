package org.earshot.detectors.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.earshot.detectors.classify.ClassifierConfig;
import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.ClassifierNode;
import org.earshot.detectors.classify.FeatureSettings;
import org.earshot.detectors.classify.LogMelConfig;
import org.earshot.detectors.classify.LogMelNode;
import org.earshot.detectors.classify.PooledFeatures;
import org.earshot.detectors.classify.Signals;
import org.earshot.detectors.decide.RoomMonitor;
import org.earshot.detectors.decide.SoundEvents;
import org.earshot.engine.EventMode;
import org.earshot.engine.event.EventType;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.CollectingSink;
import org.earshot.engine.runtime.GraphHarness;
import org.junit.jupiter.api.Test;

/** The training-free impact detector on generated signals: impacts at known frames, steady noise, ticks. */
class ImpactNodeTest {

    private static final int RATE = 16_000;
    private static final EventType TYPE = SoundEvents.type(1006, List.of("impact"));

    private static RenderPlan plan(final int block, final double sensitivity) {
        final GraphBuilder b = new GraphBuilder();
        final LogMelNode logMel = b.add(new LogMelNode(LogMelConfig.defaults()));
        b.add(new ImpactNode(new ImpactConfig("impact", TYPE, 0, sensitivity, 500), logMel), logMel);
        return b.build(GraphConfig.of("room", RATE, block, EventMode.OFFLINE).withMaxBlockFrames(4096).withRingSlots(1024));
    }

    private static List<CollectingSink.Event> run(final float[] x, final int block, final double sensitivity)
        throws InterruptedException {
        final RenderPlan plan = plan(block, sensitivity);
        try (GraphHarness h = GraphHarness.start(plan)) {
            h.publish(x, block, 0);
            h.publish(new float[plan.latencyFrames()], block, 0);
            h.end();
            return h.sink().events("event");
        }
    }

    /**
     * A one-layer model with zero weights over the classes cough, doorslam and hiss (background): it hears
     * {@code heard} with probability 0.94 whatever the sound.
     */
    private static ClassifierModel always(final String heard) {
        return constant(heard, 3.5f);
    }

    /** As {@link #always}, but at probability 0.77: below the certainty that needs no novelty in the room. */
    private static ClassifierModel unsure(final String heard) {
        return constant(heard, 1.9f);
    }

    private static ClassifierModel constant(final String heard, final float logit) {
        final FeatureSettings fs = FeatureSettings.defaults();
        final int dim = PooledFeatures.dimension(fs.bands());
        final float[] scale = new float[dim];
        java.util.Arrays.fill(scale, 1f);
        final List<String> classes = List.of("cough", "doorslam", "hiss");
        final float[] bias = new float[3];
        bias[classes.indexOf(heard)] = logit;
        return new ClassifierModel(fs, classes, new boolean[] {false, false, true}, new float[dim], scale,
            List.of(new ClassifierModel.Layer(dim, 3, new float[dim * 3], bias)), "test");
    }

    /** Mel band (64 bands, 16 kHz) and frequency of the tone that {@link #toneCough} hears. */
    private static final int TONE_BAND = 10;
    private static final double TONE_HZ = 552;

    /**
     * A two-layer model over cough, doorslam and hiss (background) that hears a cough while a tone stands out in
     * band {@link #TONE_BAND} (its context's mean there at least 11 dB above band 2), with probability
     * {@code e^(gain - 2) / (e^(gain - 2) + 1)}, and hiss otherwise: the hidden pair of ReLUs caps the tone's evidence
     * at 1, so the probability cannot exceed that level however loud the tone is.
     */
    private static ClassifierModel toneCough(final float gain) {
        return toneHeard("cough", gain);
    }

    /**
     * The hidden layer of the tone models: a pair of ReLUs on band {@link #TONE_BAND} over band 2, 10 and 11 dB down,
     * whose difference is the tone's evidence capped at 1.
     */
    private static ClassifierModel.Layer toneEvidence(final int dim) {
        final float[] w1 = new float[dim * 2];
        for (int unit = 0; unit < 2; unit++) {
            w1[unit * dim + TONE_BAND] = 1f;
            w1[unit * dim + 2] = -1f;
        }
        return new ClassifierModel.Layer(dim, 2, w1, new float[] {-10f, -11f});
    }

    /** As {@link #toneCough}, the tone heard as {@code heard} (cough or doorslam) instead. */
    private static ClassifierModel toneHeard(final String heard, final float gain) {
        return toneModel(List.of("cough", "doorslam", "hiss"), heard, gain, new float[] {-5f, -5f, 0f});
    }

    /**
     * A tone model over {@code classes} (the last one the background): the class {@code heard} gets logit −2 plus
     * {@code gain} times the tone's evidence, every other class its {@code resting} logit.
     */
    private static ClassifierModel toneModel(final List<String> classes, final String heard, final float gain,
        final float[] resting) {
        final FeatureSettings fs = FeatureSettings.defaults();
        final int dim = PooledFeatures.dimension(fs.bands());
        final float[] scale = new float[dim];
        java.util.Arrays.fill(scale, 1f);
        final int n = classes.size();
        final int h = classes.indexOf(heard);
        final float[] w2 = new float[2 * n];
        w2[2 * h] = gain; // the class heard from the first unit (tone evidence above 10 dB) ...
        w2[2 * h + 1] = -gain; // ... minus the second (above 11 dB): the evidence, capped at 1
        final float[] bias = resting.clone();
        bias[h] = -2f;
        final boolean[] background = new boolean[n];
        background[n - 1] = true;
        return new ClassifierModel(fs, classes, background, new float[dim], scale,
            List.of(toneEvidence(dim), new ClassifierModel.Layer(2, n, w2, bias)), "test");
    }

    @Test
    void shouldLiftTheBackgroundVetoWhenTheClassifierHearsTheSlamWithinASecond() throws InterruptedException {
        // a thud the classifier first takes for the room (hiss, background, 0.88: vetoed at confirmation); 0.3 s later
        // its context holds the slam (here: a tone it hears as a door slam at 0.98) and the veto is lifted
        final ClassifierModel model = toneHeard("doorslam", 6f);
        final float[] x = Signals.noise(RATE * 10, 0.002, 121);
        Signals.addImpact(x, RATE, RATE * 3, 0.4, 122);
        final float[] heard = x.clone();
        Signals.addTone(heard, RATE, RATE * 33 / 10, RATE * 6 / 10, TONE_HZ, 0.03);
        assertTrue(labels(runRoom(heard, model), model).contains("impact"), "the veto is lifted");
        assertEquals(List.of(), labels(runRoom(x, model), model), "the room all along: vetoed");
        final float[] late = x.clone();
        Signals.addTone(late, RATE, RATE * 46 / 10, RATE * 6 / 10, TONE_HZ, 0.03);
        assertTrue(!labels(runRoom(late, model), model).contains("impact"),
            "a slam heard only 1.6 s later lifts nothing");
    }

    /**
     * A model over cough (or speech, when that is {@code heard}), doorslam, rooster and hiss (background) that hears
     * {@code heard} at 0.93 while the tone of {@link #toneCough} stands out and a rooster (0.70, neither a voice, an
     * impact nor the room) otherwise.
     */
    private static ClassifierModel toneOverRooster(final String heard) {
        return toneModel(List.of(heard.equals("speech") ? "speech" : "cough", "doorslam", "rooster", "hiss"), heard,
            6f, new float[] {-5f, -5f, 1f, 0f});
    }

    /** The impact detector with a classifier and no event decisions: no verdict takes a sound from it. */
    private static List<CollectingSink.Event> runWithClassifier(final float[] x, final ClassifierModel model)
        throws InterruptedException {
        final GraphBuilder b = new GraphBuilder();
        final LogMelNode logMel = b.add(new LogMelNode(new LogMelConfig("logmel", model.settings(), true)));
        final ClassifierNode classifier = b.add(new ClassifierNode(new ClassifierConfig("classifier", model), logMel),
            logMel);
        b.add(new ImpactNode(new ImpactConfig("impact", TYPE, 0, 0.5, 500), logMel, classifier), logMel, classifier);
        final RenderPlan plan = b.build(GraphConfig.of("room", RATE, 160, EventMode.OFFLINE).withMaxBlockFrames(4096)
            .withRingSlots(1024));
        try (GraphHarness h = GraphHarness.start(plan)) {
            h.publish(x, 160, 0);
            h.publish(new float[plan.latencyFrames()], 160, 0);
            h.end();
            return h.sink().events("event");
        }
    }

    @Test
    void shouldTakeAThudAtWhichTheClassifierHearsAVoiceRiseForTheVoicesOnset() throws InterruptedException {
        // a thud with a loud tone 80 ms into it: the tone is voiced on part of the thud's first half second, and the
        // classifier hears it within 300 ms
        final float[] x = Signals.noise(RATE * 10, 0.002, 131);
        Signals.addImpact(x, RATE, RATE * 3, 0.4, 132);
        Signals.addTone(x, RATE, RATE * 3 + RATE * 8 / 100, RATE * 3 / 10, TONE_HZ, 0.3);
        assertEquals(1, runWithClassifier(x, toneOverRooster("doorslam")).size(), "heard as a door slam: an impact");
        assertEquals(0, runWithClassifier(x, toneOverRooster("cough")).size(), "a cough rising at the thud: no fall");
        // the classifier heard the cough already before the thud: not the voice's onset
        final float[] before = x.clone();
        Signals.addTone(before, RATE, RATE * 3 / 2, RATE, TONE_HZ, 0.3);
        assertEquals(1, runWithClassifier(before, toneOverRooster("cough")).size(),
            "a thud after a cough is no voice onset");
    }

    @Test
    void shouldKeepAnUnvoicedBlowThatAVoiceAnswers() throws InterruptedException {
        // a thud, then 0.3 s later a voice (a tone the classifier hears as speech) for a second: the event decisions
        // write one speech event from the thud on, but the blow was unvoiced and a voice's onset is voiced: someone
        // fell and called out
        final float[] x = Signals.noise(RATE * 10, 0.002, 141);
        Signals.addImpact(x, RATE, RATE * 3, 0.4, 142);
        Signals.addTone(x, RATE, RATE * 33 / 10, RATE, TONE_HZ, 0.03);
        final ClassifierModel speech = toneOverRooster("speech");
        assertEquals(List.of("impact", "speech"), labels(runRoom(x, speech, 160, 1010), speech).stream().sorted().toList());
        // a cough's label over the same blow still takes it: a cough's first burst is unvoiced too
        final ClassifierModel cough = toneOverRooster("cough");
        assertEquals(List.of("cough"), labels(runRoom(x, cough, 160, 1011), cough));
    }

    @Test
    void shouldLeaveTheNextSentenceOfAReportedSoundToThatSound() throws InterruptedException {
        // a "sentence" (a tone of 1.5 s with a thud, a plosive, half a second in) reported as a cough at 82 %; a
        // pause of a second, then another just like it: the class-novelty test leaves the second unreported (the
        // room just held a cough), but it is the continuation of the cough just written, so its thud is no impact
        final ClassifierModel model = toneCough(3.5f);
        final float[] x = Signals.noise(RATE * 16, 0.002, 101);
        for (final int at : new int[] {RATE * 4, RATE * 13 / 2}) {
            Signals.addTone(x, RATE, at, RATE * 3 / 2, TONE_HZ, 0.03);
            Signals.addImpact(x, RATE, at + RATE / 2, 0.4, 102 + at);
        }
        assertEquals(List.of("cough"), labels(runRoom(x, model), model));
        // after a pause of 2.5 s the second sentence is new to the room: reported, and its thud left to it
        final float[] apart = Signals.noise(RATE * 16, 0.002, 101);
        for (final int at : new int[] {RATE * 4, RATE * 8}) {
            Signals.addTone(apart, RATE, at, RATE * 3 / 2, TONE_HZ, 0.03);
            Signals.addImpact(apart, RATE, at + RATE / 2, 0.4, 102 + at);
        }
        assertEquals(List.of("cough", "cough"), labels(runRoom(apart, model), model));
    }

    @Test
    void shouldLeaveAThudToASoundNearCertainOfAnotherLabelThatOutlastsTheWait() throws InterruptedException {
        // 14 s of "syllables" (0.3 s of tone, 0.2 s of pause) heard as a cough at 98 %, with a thud (a plosive) 2 s in:
        // the cough event is decided only when it ends, long after the impact's 8 s wait, but it has been near
        // certain all along, so the thud is left to it
        final ClassifierModel model = toneCough(6f);
        final float[] x = Signals.noise(RATE * 24, 0.002, 111);
        for (int at = RATE * 3; at < RATE * 17; at += RATE / 2) {
            Signals.addTone(x, RATE, at, RATE * 3 / 10, TONE_HZ, 0.03);
        }
        Signals.addImpact(x, RATE, RATE * 5, 0.4, 112);
        assertEquals(List.of("cough"), labels(runRoom(x, model), model));
        // heard at 82 % instead, the long sound might yet be dropped when it ends: the thud is not left to it
        final ClassifierModel unsure = toneCough(3.5f);
        assertEquals(List.of("cough", "impact"), labels(runRoom(x, unsure), unsure).stream().sorted().toList());
    }

    /** The room monitor's chain (classifier, event decisions, impact detector) with the given model. */
    private static List<CollectingSink.Event> runRoom(final float[] x, final ClassifierModel model)
        throws InterruptedException {
        return runRoom(x, model, 160);
    }

    private static List<CollectingSink.Event> runRoom(final float[] x, final ClassifierModel model, final int block)
        throws InterruptedException {
        return runRoom(x, model, block, 1009);
    }

    /** As {@link #runRoom(float[], ClassifierModel)} with an event type of its own ({@code typeId}) for other labels. */
    private static List<CollectingSink.Event> runRoom(final float[] x, final ClassifierModel model, final int block,
        final int typeId) throws InterruptedException {
        return runRoom(x, model, block, typeId, List.of());
    }

    /** As {@link #runRoom(float[], ClassifierModel, int, int)}, writing only the {@code alerts} (empty: every label). */
    private static List<CollectingSink.Event> runRoom(final float[] x, final ClassifierModel model, final int block,
        final int typeId, final List<String> alerts) throws InterruptedException {
        final GraphBuilder b = new GraphBuilder();
        final EventType type = SoundEvents.type(typeId, RoomMonitor.labelTable(model));
        RoomMonitor.addTo(b, new RoomMonitor.Settings(model, List.of(), 0.5, true, alerts), type);
        final RenderPlan plan = b.build(GraphConfig.of("room", RATE, block, EventMode.OFFLINE).withMaxBlockFrames(4096)
            .withRingSlots(1024));
        try (GraphHarness h = GraphHarness.start(plan)) {
            h.publish(x, block, 0);
            h.publish(new float[plan.latencyFrames()], block, 0);
            h.end();
            return h.sink().events("event");
        }
    }

    private static List<String> labels(final List<CollectingSink.Event> events, final ClassifierModel model) {
        final List<String> table = RoomMonitor.labelTable(model);
        return events.stream().map(e -> table.get((int)e.value(SoundEvents.LABEL))).toList();
    }

    @Test
    void shouldLeaveASoundReportedUnderAnotherLabelToThatLabel() throws InterruptedException {
        final float[] x = Signals.noise(RATE * 8, 0.003, 1);
        Signals.addImpact(x, RATE, RATE * 3, 0.4, 10);
        final ClassifierModel cough = always("cough");
        assertEquals(List.of("cough"), labels(runRoom(x, cough), cough), "a thud reported as a cough is no fall");
        final ClassifierModel slam = always("doorslam");
        assertEquals(List.of("doorslam", "impact"), labels(runRoom(x, slam), slam).stream().sorted().toList(),
            "a thud reported as a door slam is an impact as well");
    }

    @Test
    void shouldStillLeaveAThudToItsCoughWhenCoughsAreNotAmongTheAlerts() throws InterruptedException {
        // the cough is still decided, and the thud is its sound, not a fall; only the cough's event is not written
        final float[] x = Signals.noise(RATE * 8, 0.003, 1);
        Signals.addImpact(x, RATE, RATE * 3, 0.4, 10);
        final ClassifierModel cough = always("cough");
        assertEquals(List.of(), labels(runRoom(x, cough, 160, 1009, List.of("impact")), cough));
        final ClassifierModel slam = always("doorslam");
        assertEquals(List.of("impact"), labels(runRoom(x, slam, 160, 1009, List.of("impact")), slam),
            "a thud reported as a door slam is an impact, written alone");
        assertEquals(List.of("doorslam"), labels(runRoom(x, slam, 160, 1009, List.of("doorslam")), slam),
            "without impacts among the alerts no impact detector runs");
    }

    @Test
    void shouldRefuseAnAlertTheRoomCannotRaise() {
        final ClassifierModel cough = always("cough");
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new RoomMonitor.Settings(cough, List.of(), 0.5, false, List.of("impact")));
        assertTrue(ex.getMessage().startsWith("'impact' is not a label this room can raise"), ex.getMessage());
    }

    /**
     * A model that hears, whatever the sound, each of {@code classes} with the probability given ({@code hiss}, the
     * background, takes the rest).
     */
    private static ClassifierModel leaning(final List<String> classes, final double[] probabilities) {
        final FeatureSettings fs = FeatureSettings.defaults();
        final int dim = PooledFeatures.dimension(fs.bands());
        final float[] scale = new float[dim];
        java.util.Arrays.fill(scale, 1f);
        final List<String> all = new java.util.ArrayList<>(classes);
        all.add("hiss");
        final boolean[] background = new boolean[all.size()];
        background[all.size() - 1] = true;
        final float[] bias = new float[all.size()];
        double rest = 1.0;
        for (int c = 0; c < classes.size(); c++) {
            bias[c] = (float)Math.log(probabilities[c]);
            rest -= probabilities[c];
        }
        bias[all.size() - 1] = (float)Math.log(rest);
        return new ClassifierModel(fs, all, background, new float[dim], scale,
            List.of(new ClassifierModel.Layer(dim, all.size(), new float[dim * all.size()], bias)), "test");
    }

    @Test
    void shouldLeaveAThudToAPersonsSoundTheClassifierLeansToButDoesNotReport() throws InterruptedException {
        // a thud heard as a cough at 0.38 and a door slam at 0.34: not sure enough to report a cough (0.4), but the
        // classifier leans to a person's sound, not a fall
        final float[] x = Signals.noise(RATE * 8, 0.003, 1);
        Signals.addImpact(x, RATE, RATE * 3, 0.4, 10);
        final ClassifierModel cough = leaning(List.of("cough", "doorslam"), new double[] {0.38, 0.34});
        assertEquals(List.of(), labels(runRoom(x, cough), cough), "a thud the classifier leans to hearing as a cough");
        final ClassifierModel slam = leaning(List.of("cough", "doorslam"), new double[] {0.34, 0.38});
        assertEquals(List.of("impact"), labels(runRoom(x, slam), slam), "leaning to a door slam: an impact");
    }

    @Test
    void shouldFindAThudThatJoinsACoughReportedOverIt() throws InterruptedException {
        // a "cough" (a burst of noise around 900 Hz, 600 ms), then 0.4 s after its end a thud with a 90 Hz body: the
        // classifier hears a cough all along and the cough's event takes the thud in, but the thud began well after
        // that event and its bass stands far out of everything of the 3 s before it: someone fell after coughing
        final float[] x = Signals.noise(RATE * 10, 0.003, 1);
        Signals.addBurst(x, RATE, RATE * 3, 600, 0.05, 21);
        Signals.addImpact(x, RATE, RATE * 4, 0.4, 10);
        final ClassifierModel cough = always("cough");
        assertEquals(List.of("cough", "impact"), labels(runRoom(x, cough), cough).stream().sorted().toList());
        // the cough's second burst instead of the thud: the same sound going on, no impact
        final float[] bursts = Signals.noise(RATE * 10, 0.003, 1);
        Signals.addBurst(bursts, RATE, RATE * 3, 600, 0.05, 21);
        Signals.addBurst(bursts, RATE, RATE * 4, 600, 0.05, 22);
        assertEquals(List.of("cough"), labels(runRoom(bursts, cough), cough));
    }

    @Test
    void shouldFindABassierThudThatTakesACoughsPlaceUnderTheCoughsEvent() throws InterruptedException {
        // a "cough" (an unvoiced burst below 2 kHz, then its quieter tail for seconds) and a second later an unvoiced
        // thud below 250 Hz about as loud: the thud recurs the cough's impact candidate and is not novel against it, so
        // it takes its place; the classifier hears a cough all along and the cough's event runs on over the thud, but
        // the thud's bass stands 4 dB and more above the cough's: someone fell after coughing
        final ClassifierModel cough = always("cough");
        assertEquals(List.of("cough", "impact"),
            labels(runRoom(coughThen(250), cough), cough).stream().sorted().toList());
        // the cough's next burst instead, no bassier than the first: the cough going on
        assertEquals(List.of("cough"), labels(runRoom(coughThen(2000), cough), cough));
    }

    /** A cough-like burst with a long tail at 3 s, then at 4 s a burst as loud below {@code cutoffHz}. */
    private static float[] coughThen(final double cutoffHz) {
        final float[] x = Signals.noise(RATE * 10, 0.003, 1);
        addNoiseThud(x, RATE * 3, 0.3, 2000, 0.06, 31);
        addNoiseThud(x, RATE * 3 + RATE / 20, 0.08, 2000, 3.0, 33);
        addNoiseThud(x, RATE * 4, 0.3, cutoffHz, 0.06, 32);
        return x;
    }

    /** Adds an unvoiced burst: white noise through a one-pole low-pass at {@code cutoffHz}, decaying exponentially. */
    private static void addNoiseThud(final float[] x, final int at, final double amplitude, final double cutoffHz,
        final double decaySeconds, final long seed) {
        final java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        final double a = Math.exp(-2 * Math.PI * cutoffHz / RATE);
        double y = 0;
        for (int i = 0; i < 5 * decaySeconds * RATE && at + i < x.length; i++) {
            y = a * y + (1 - a) * (r.nextDouble() * 2 - 1);
            final double env = Math.min(1.0, i / (0.002 * RATE)) * Math.exp(-i / (decaySeconds * RATE));
            x[at + i] += (float)(amplitude * env * y * Math.sqrt(RATE / (2 * cutoffHz)));
        }
    }

    @Test
    void shouldKeepAnImpactTheEventDecisionDoesNotReport() throws InterruptedException {
        // a quiet room, but the classifier hears a cough all the time: no cough event is new to the room
        final float[] x = Signals.noise(RATE * 8, 0.003, 1);
        Signals.addImpact(x, RATE, RATE * 3, 0.4, 10);
        final ClassifierModel hum = unsure("cough");
        final List<CollectingSink.Event> reference = runRoom(x, hum);
        assertEquals(List.of("impact"), labels(reference, hum));
        for (final int block : new int[] {1, 97, 4096}) {
            final List<CollectingSink.Event> events = runRoom(x, hum, block);
            assertEquals(1, events.size(), "block " + block);
            assertEquals(reference.get(0).value(SoundEvents.START), events.get(0).value(SoundEvents.START));
        }
        final ClassifierModel cough = always("cough");
        for (final int block : new int[] {1, 97, 4096}) {
            assertEquals(List.of("cough"), labels(runRoom(x, cough, block), cough), "block " + block);
        }
    }


    /**
     * A spoken phrase: a loud first syllable with a 5 ms attack, then four syllables 9 dB softer, each 180 ms, 250 ms
     * apart; voiced (harmonics of {@code f0Hz} up to 4 kHz, falling 6 dB per octave) or, with {@code f0Hz} 0, the
     * same envelope on white noise.
     */
    private static void addPhrase(final float[] x, final int at, final double f0Hz, final double amplitude,
        final long seed) {
        final java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int syllable = 0; syllable < 5; syllable++) {
            addSyllable(x, at + syllable * RATE / 4, 180, f0Hz, syllable == 0 ? amplitude : amplitude * 0.35, r);
        }
    }

    /**
     * A syllable: a harmonic voice of {@code f0Hz} (noise when 0) that starts within 5 ms and decays with a 120 ms time
     * constant, as abruptly as a knock.
     */
    private static void addSyllable(final float[] x, final int start, final int lengthMs, final double f0Hz,
        final double level, final java.util.SplittableRandom r) {
        final int n = RATE * lengthMs / 1000;
        double phase = 0;
        for (int i = 0; i < n && start + i < x.length; i++) {
            final double t = (double)i / RATE;
            final double env = Math.min(1.0, t / 0.005) * Math.exp(-t / 0.12);
            final double f = f0Hz * (1 - 0.1 * t);
            phase += 2 * Math.PI * f / RATE;
            double s = 0;
            if (f0Hz > 0) {
                for (int h = 1; h * f0Hz < 4000; h++) {
                    s += Math.sin(h * phase) / h;
                }
            } else {
                s = 1.5 * (r.nextDouble() - 0.5);
            }
            x[start + i] += (float)(level * env * s);
        }
    }

    @Test
    void shouldTakeATalkersLouderSecondSyllableForNoImpact() throws InterruptedException {
        // someone talks; then a soft syllable and, 30 ms after it, one 14 dB louder than anything said before (a real
        // talker's "the BOX"): the voice sounded just before the loud one, but the loud one's voicing goes on
        // unbroken, so it is the voice that rose
        assertEquals(List.of(), run(talkThenLouderSyllable(160), 160, 0.5));
        // the same sounds unvoiced pass every other test of an impact (the phrase's first syllable is one as well)
        final List<CollectingSink.Event> unvoiced = run(talkThenLouderSyllable(0), 160, 0.5);
        assertEquals(RATE * 365 / 100, unvoiced.get(unvoiced.size() - 1).value(SoundEvents.START), RATE * 0.05,
            unvoiced.toString());
    }

    /** A phrase at 2 s, then at 3.5 s a soft syllable and 150 ms after its start a loud one, voiced at {@code f0Hz}. */
    private static float[] talkThenLouderSyllable(final double f0Hz) {
        final float[] x = Signals.noise(RATE * 8, 0.002, 47);
        addPhrase(x, RATE * 2, f0Hz, 0.05, 48);
        final java.util.SplittableRandom r = new java.util.SplittableRandom(49);
        addSyllable(x, RATE * 35 / 10, 120, f0Hz, 0.02, r);
        addSyllable(x, RATE * 365 / 100, 300, f0Hz, 0.25, r);
        return x;
    }

    @Test
    void shouldTakeAVoiceThatBeginsAsAbruptlyAsAKnockForNoImpact() throws InterruptedException {
        // the same envelope on noise passes every energy test of an impact: it is the voicing that tells them apart
        final float[] noise = Signals.noise(RATE * 8, 0.002, 41);
        addPhrase(noise, RATE * 3, 0, 0.3, 42);
        assertEquals(1, run(noise, 160, 0.5).size(), "unvoiced");
        // 100 Hz: a low voice, whose period is 40 % of the 25 ms window (read as voiced since the window's own
        // autocorrelation is divided out)
        for (final double f0 : new double[] {100, 140, 220}) {
            final float[] voice = Signals.noise(RATE * 8, 0.002, 41);
            addPhrase(voice, RATE * 3, f0, 0.3, 42);
            assertEquals(List.of(), run(voice, 160, 0.5), f0 + " Hz");
        }
    }

    @Test
    void shouldFindABlowWhileSomeoneTalks() throws InterruptedException {
        // phrases every 1.5 s, and a blow in the pause before the third, the next phrase 150 ms after it: the voice
        // sounded before the blow as well, so the blow does not begin it
        final float[] x = Signals.noise(RATE * 10, 0.002, 43);
        for (int at = RATE * 2; at < RATE * 8; at += RATE * 3 / 2) {
            addPhrase(x, at, 180, 0.05, at);
        }
        final int blow = RATE * 5 - RATE * 15 / 100;
        Signals.addImpact(x, RATE, blow, 0.5, 44);
        final List<CollectingSink.Event> events = run(x, 160, 0.5);
        assertEquals(1, events.size(), events.toString());
        assertEquals(blow, events.get(0).value(SoundEvents.START), RATE * 0.03);
    }

    @Test
    void shouldFindABlowInTheMiddleOfASyllable() throws InterruptedException {
        // someone talks on; a blow lands 100 ms into the fourth syllable of a phrase, 20 dB louder than the phrase's
        // first (as loud as in shouldFindABlowWhileSomeoneTalks): the voice sounded before it and goes on after, and
        // the blow stays an impact (a voice test that ignored the voicing before the onset dropped it: not kept)
        final float[] x = Signals.noise(RATE * 10, 0.002, 45);
        for (int at = RATE * 2; at < RATE * 8; at += RATE * 3 / 2) {
            addPhrase(x, at, 150, 0.05, at);
        }
        final int blow = RATE * 5 + RATE * 85 / 100;
        Signals.addImpact(x, RATE, blow, 0.5, 46);
        final List<CollectingSink.Event> events = run(x, 160, 0.5);
        assertEquals(1, events.size(), events.toString());
        // the event starts where the syllable under it rose, 100 ms before the blow: one rise to the detector
        assertEquals(blow, events.get(0).value(SoundEvents.START), RATE * 0.15);
    }

    @Test
    void shouldFindABlowWhereverItLandsInASyllable() throws InterruptedException {
        // the blow of the test above, 0 to 240 ms into the fourth syllable (180 ms long, the next 250 ms after it):
        // where it joins the syllable's rise it is that onset's loudest moment and breaks the voicing there, so no voice
        // rule takes it for the talker; the event may start where the syllable rose
        for (int ms = 0; ms <= 240; ms += 20) {
            final float[] x = Signals.noise(RATE * 10, 0.002, 45);
            for (int at = RATE * 2; at < RATE * 8; at += RATE * 3 / 2) {
                addPhrase(x, at, 150, 0.05, at);
            }
            final int blow = RATE * 5 + RATE * 3 / 4 + RATE * ms / 1000;
            Signals.addImpact(x, RATE, blow, 0.5, 46);
            final List<CollectingSink.Event> events = run(x, 160, 0.5);
            assertEquals(1, events.size(), ms + " ms in: " + events);
            final double start = events.get(0).value(SoundEvents.START);
            assertTrue(start <= blow + RATE * 0.03 && start >= blow - RATE * 0.2, ms + " ms in: starts at " + start);
        }
    }

    @Test
    void shouldFindImpactsAtTheirFrames() throws InterruptedException {
        final float[] x = Signals.noise(RATE * 10, 0.003, 1);
        final int[] at = {RATE * 2, RATE * 5 + 777, RATE * 8 + 3};
        for (int i = 0; i < at.length; i++) {
            Signals.addImpact(x, RATE, at[i], 0.3 + 0.1 * i, 10 + i);
        }
        final List<CollectingSink.Event> events = run(x, 160, 0.5);
        assertEquals(at.length, events.size(), events.toString());
        for (int i = 0; i < at.length; i++) {
            assertEquals(at[i], events.get(i).value(SoundEvents.START), RATE * 0.03, "onset of impact " + i);
            assertTrue(events.get(i).value(SoundEvents.END) > events.get(i).value(SoundEvents.START));
            assertTrue(events.get(i).value(SoundEvents.CONFIDENCE) > 0.3);
        }
    }

    @Test
    void shouldFindTheSecondOfTwoEquallyLoudThudsButNotAThirdBeat() throws InterruptedException {
        // a thud, and a second later a second one as loud (someone stumbles against a door, then falls): past the merge
        // gap the second recurs the first, which is dropped as a texture's start, and it is not novel against the 1.2 s
        // before it, which hold the first; but it stands out of the room before the first and takes its place
        final float[] x = Signals.noise(RATE * 8, 0.003, 151);
        Signals.addImpact(x, RATE, RATE * 2, 0.4, 152);
        Signals.addImpact(x, RATE, RATE * 3, 0.4, 153);
        final List<CollectingSink.Event> events = run(x, 160, 0.5);
        assertEquals(1, events.size(), events.toString());
        assertEquals(RATE * 3, events.get(0).value(SoundEvents.START), RATE * 0.03);
        // a third as loud a second later recurs the second, which had taken another's place: three beats are a texture
        final float[] three = Signals.noise(RATE * 9, 0.003, 151);
        for (int k = 0; k < 3; k++) {
            Signals.addImpact(three, RATE, RATE * (2 + k), 0.4, 152 + k);
        }
        assertEquals(List.of(), run(three, 160, 0.5));
    }

    @Test
    void shouldMergeAKnockSeriesIntoOneEvent() throws InterruptedException {
        final float[] x = Signals.noise(RATE * 5, 0.003, 2);
        for (int k = 0; k < 3; k++) {
            Signals.addImpact(x, RATE, 2 * RATE + k * RATE / 4, 0.4, 20 + k);
        }
        final List<CollectingSink.Event> events = run(x, 160, 0.5);
        assertEquals(1, events.size(), events.toString());
        assertEquals(2 * RATE, events.get(0).value(SoundEvents.START), RATE * 0.03);
    }

    @Test
    void shouldRaiseNothingBeforeItHasHeardTheRoom() throws InterruptedException {
        // a thud 50 ms into the stream (a recording cut in the middle of a conversation starts with a syllable): with
        // no room heard before it, nothing tells it from the room's own sounds; nor 0.8 s in, before the 1.2 s its
        // novelty is judged against have been heard (a talker's first word as the monitor starts)
        final float[] x = Signals.noise(RATE * 6, 0.003, 91);
        Signals.addImpact(x, RATE, RATE / 20, 0.4, 93);
        assertEquals(List.of(), run(x, 160, 0.5));
        final float[] early = Signals.noise(RATE * 6, 0.003, 91);
        Signals.addImpact(early, RATE, RATE * 8 / 10, 0.4, 93);
        assertEquals(List.of(), run(early, 160, 0.5));
        final float[] later = Signals.noise(RATE * 6, 0.003, 91);
        Signals.addImpact(later, RATE, RATE * 2, 0.4, 93);
        assertEquals(1, run(later, 160, 0.5).size(), "the same thud two seconds in is an impact");
    }

    @Test
    void shouldStayQuietOnSteadyNoiseAndOnRegularTicks() throws InterruptedException {
        assertEquals(List.of(), run(Signals.noise(RATE * 10, 0.05, 3), 160, 0.5));
        final float[] ticks = Signals.noise(RATE * 10, 0.002, 4);
        for (int t = RATE / 2; t < ticks.length - 80; t += RATE / 2) {
            for (int i = 0; i < 48; i++) {
                ticks[t + i] += (float)(0.3 * Math.exp(-i / 8.0) * (i % 2 == 0 ? 1 : -1));
            }
        }
        final List<CollectingSink.Event> events = run(ticks, 160, 0.5);
        assertTrue(events.size() <= 1, "a clock's ticks are not impacts (at most the first one): " + events);
    }

    /**
     * Knock, knock, knock, half a second apart, the later knocks sharper (as loud at their peak, but loud for about 20
     * ms, too short to be impacts of their own): they are the series' next blows, within the merge gap of the last, not the source repeating itself
     * later (which drops an impact as a texture): one impact.
     */
    @Test
    void shouldFindAKnockSeriesWhoseLaterKnocksAreShort() throws InterruptedException {
        final float[] x = Signals.noise(RATE * 8, 0.003, 2);
        Signals.addImpact(x, RATE, 2 * RATE, 0.4, 20);
        for (int k = 1; k < 3; k++) {
            addKnock(x, 2 * RATE + k * RATE / 2, 0.7, 0.008, 20 + k);
        }
        final List<CollectingSink.Event> events = run(x, 160, 0.5);
        assertEquals(1, events.size(), events.toString());
        assertEquals(2 * RATE, events.get(0).value(SoundEvents.START), RATE * 0.03);
    }

    /** As {@link Signals#addImpact}, with the decay's time constant given. */
    private static void addKnock(final float[] x, final int at, final double amplitude, final double decaySeconds,
        final long seed) {
        final java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < RATE / 3 && at + i < x.length; i++) {
            final double t = (double)i / RATE;
            final double g = Math.sqrt(-2 * Math.log(1.0 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
            x[at + i] += (float)(amplitude * Math.exp(-t / decaySeconds) * (0.5 * g + Math.sin(2 * Math.PI * 90 * t)));
        }
    }

    @Test
    void shouldStayQuietOnTicksOncePerSecond() throws InterruptedException {
        final float[] ticks = Signals.noise(RATE * 12, 0.002, 7);
        for (int t = RATE / 2; t < ticks.length - 80; t += RATE) {
            for (int i = 0; i < 48; i++) {
                ticks[t + i] += (float)(0.3 * Math.exp(-i / 8.0) * (i % 2 == 0 ? 1 : -1));
            }
        }
        final List<CollectingSink.Event> events = run(ticks, 160, 0.5);
        assertTrue(events.size() <= 1, "a clock ticking once a second raises nothing (at most the first tick): "
            + events);
    }

    @Test
    void shouldFindAnImpactSoonAfterALouderSound() throws InterruptedException {
        // two seconds of loud noise (a voice, a bark) end 1.5 s before a softer impact: it must not hide it
        final float[] x = Signals.noise(RATE * 8, 0.003, 8);
        final float[] loud = Signals.noise(RATE * 2, 0.3, 9);
        for (int i = 0; i < loud.length; i++) {
            x[RATE + i] += loud[i] * (float)Math.min(1.0, Math.min(i, loud.length - i) / (0.05 * RATE));
        }
        final int at = RATE * 9 / 2;
        Signals.addImpact(x, RATE, at, 0.3, 10);
        final List<CollectingSink.Event> events = run(x, 160, 0.5).stream()
            .filter(e -> e.value(SoundEvents.START) > RATE * 3.2).toList();
        assertEquals(1, events.size(), events.toString());
        assertEquals(at, events.get(0).value(SoundEvents.START), RATE * 0.03);
    }

    @Test
    void shouldFindSofterImpactsOnlyAtHigherSensitivity() throws InterruptedException {
        final float[] x = Signals.noise(RATE * 4, 0.01, 5);
        Signals.addImpact(x, RATE, RATE * 2, 0.035, 6);
        assertEquals(0, run(x, 160, 0.0).size(), "sensitivity 0");
        assertEquals(1, run(x, 160, 1.0).size(), "sensitivity 1");
    }

    @Test
    void shouldNameBadSettings() {
        assertEquals("sensitivity must be in [0, 1], got 1.5", assertThrows(IllegalArgumentException.class,
            () -> new ImpactConfig("impact", TYPE, 0, 1.5, 500)).getMessage());
        assertEquals("label must be in [0, 1), got 3", assertThrows(IllegalArgumentException.class,
            () -> new ImpactConfig("impact", TYPE, 3, 0.5, 500)).getMessage());
        assertEquals("mergeGapMs must be in [0, 5000], got -1", assertThrows(IllegalArgumentException.class,
            () -> new ImpactConfig("impact", TYPE, 0, 0.5, -1)).getMessage());
        assertEquals("the impact detector needs a log-mel front end that measures voicing (mel does not: LogMelConfig "
            + "voicing true)", assertThrows(IllegalArgumentException.class, () -> new ImpactNode(
                new ImpactConfig("impact", TYPE, 0, 0.5, 500),
                new LogMelNode(new LogMelConfig("mel", FeatureSettings.defaults())))).getMessage());
    }

    @Test
    void shouldStayQuietWhereTheTicksBecomeLouder() throws InterruptedException {
        // a clock ticking once a second gives way to a louder one (one recording spliced to another): the first
        // louder tick stands out of the 1.2 s before it, but more of the same follows, so it is no impact
        final float[] ticks = Signals.noise(RATE * 12, 0.002, 51);
        for (int t = RATE / 2; t < ticks.length - 80; t += RATE) {
            // a tick that rings for some 50 ms, as a clock's case does
            final double amplitude = t < RATE * 6 ? 0.05 : 0.3;
            final java.util.SplittableRandom r = new java.util.SplittableRandom(t);
            for (int i = 0; i < RATE / 10; i++) {
                ticks[t + i] += (float)(amplitude * Math.exp(-i / (0.015 * RATE)) * (r.nextDouble() * 2 - 1));
            }
        }
        final List<CollectingSink.Event> events = run(ticks, 160, 0.5).stream()
            .filter(e -> e.value(SoundEvents.START) > RATE * 2).toList();
        assertEquals(List.of(), events, "the louder ticks are the clock's, not an impact");
    }

    @Test
    void shouldStayQuietWhereTheTicksBecomeLouderWithoutBass() throws InterruptedException {
        // a clock of bright ticks ringing for a few tens of ms (noise twice differentiated: its bass lies some 60 dB
        // below its treble, as through
        // a telephone line) gives way to a louder one; the first louder tick carries a trace of 100 Hz 45 dB below
        // its level (the splice), the later ones none. A bass that faint is leakage, not the sound's bass: it must
        // not tell the first louder tick apart from the ones that repeat it
        final float[] ticks = Signals.noise(RATE * 12, 0.0005, 52);
        for (int t = RATE / 2; t < ticks.length - RATE / 10; t += RATE) {
            final double amplitude = t < RATE * 6 ? 0.05 : 0.3;
            final boolean first = t > RATE * 6 && t < RATE * 7;
            final java.util.SplittableRandom r = new java.util.SplittableRandom(t);
            double w1 = 0;
            double w2 = 0;
            for (int i = 0; i < RATE / 10; i++) {
                final double w = r.nextDouble() * 2 - 1;
                final double bright = (w - 2 * w1 + w2) / 4;
                w2 = w1;
                w1 = w;
                final double decay = Math.exp(-i / (0.04 * RATE));
                ticks[t + i] += (float)(amplitude * decay * (bright
                    + (first ? 0.0056 * Math.sin(2 * Math.PI * 100 * i / (double)RATE) : 0)));
            }
        }
        final List<CollectingSink.Event> events = run(ticks, 160, 0.5).stream()
            .filter(e -> e.value(SoundEvents.START) > RATE * 2).toList();
        assertEquals(List.of(), events, "the louder ticks are the clock's, not an impact");
    }

    @Test
    void shouldStayQuietWhereALouderTickTockClockBegins() throws InterruptedException {
        // a clock ticking once a second whose tick and tock (each always the same sound) differ by 5 dB gives way
        // to a louder one, starting on its tick: the next onset is the quieter tock, only the one after it
        // repeats the tick's level. Neither the first louder tick nor the later ones are impacts; the last one
        // before the end of the signal has nothing after it to compare with and is left out
        final float[] ticks = Signals.noise(RATE * 14, 0.002, 71);
        int k = 0;
        for (int t = RATE / 2; t < ticks.length - RATE / 10; t += RATE, k++) {
            final boolean louder = t > RATE * 6;
            final double amplitude = (louder ? 0.3 : 0.05) * (k % 2 == 0 ? 1 : 0.55);
            final java.util.SplittableRandom r = new java.util.SplittableRandom(k % 2 + (louder ? 10 : 0));
            for (int i = 0; i < RATE / 10; i++) {
                ticks[t + i] += (float)(amplitude * Math.exp(-i / (0.015 * RATE)) * (r.nextDouble() * 2 - 1));
            }
        }
        final List<CollectingSink.Event> events = run(ticks, 160, 0.5).stream()
            .filter(e -> e.value(SoundEvents.START) > RATE * 2 && e.value(SoundEvents.START) < RATE * 11).toList();
        assertEquals(List.of(), events, "the louder ticks are the new clock's, not impacts");
    }

    @Test
    void shouldKeepAnImpactThatAMuchLouderSoundFollows() throws InterruptedException {
        // a thud, then 0.8 s later a different sound 12 dB louder overall and in the bass: not the thud's source
        // repeating itself, so the thud stands (the louder sound may be reported as well)
        final float[] x = Signals.noise(RATE * 8, 0.003, 81);
        final int at = RATE * 3;
        Signals.addImpact(x, RATE, at, 0.1, 82);
        Signals.addImpact(x, RATE, at + RATE * 4 / 5, 0.4, 83);
        final List<CollectingSink.Event> events = run(x, 160, 0.5);
        assertTrue(events.stream().anyMatch(e -> Math.abs(e.value(SoundEvents.START) - at) < RATE * 0.03),
            events.toString());
    }

    @Test
    void shouldFindAnImpactWhoseBassStandsOutOfHighCrackles() throws InterruptedException {
        // a crackling bed: frequent short, high clicks (a fire); an impact whose overall 150 ms energy is no
        // louder than the loudest crackles, but whose bass (90 Hz) is
        final float[] x = Signals.noise(RATE * 8, 0.002, 61);
        final java.util.SplittableRandom r = new java.util.SplittableRandom(62);
        for (int t = RATE / 4; t < x.length - 400; t += RATE / 20 + r.nextInt(RATE / 10)) {
            final double a = 0.1 + 0.4 * r.nextDouble();
            for (int i = 0; i < 64; i++) {
                x[t + i] += (float)(a * Math.exp(-i / 12.0) * (i % 2 == 0 ? 1 : -1));
            }
        }
        final int at = RATE * 5;
        for (int i = 0; i < RATE / 3; i++) {
            final double tt = (double)i / RATE;
            x[at + i] += (float)(0.04 * Math.exp(-tt / 0.06) * (0.3 * (r.nextDouble() * 2 - 1)
                + Math.sin(2 * Math.PI * 90 * tt)));
        }
        final List<CollectingSink.Event> events = run(x, 160, 0.5).stream()
            .filter(e -> e.value(SoundEvents.START) > RATE * 2).toList();
        assertEquals(1, events.size(), events.toString());
        assertEquals(at, events.get(0).value(SoundEvents.START), RATE * 0.05);
    }
}
