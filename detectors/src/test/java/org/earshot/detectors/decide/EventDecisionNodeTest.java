package org.earshot.detectors.decide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.FeatureSettings;
import org.earshot.detectors.classify.PooledFeatures;
import org.earshot.detectors.classify.Signals;
import org.earshot.engine.EventMode;
import org.earshot.engine.event.EventType;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.graph.RenderPlan;
import org.earshot.engine.runtime.CollectingSink;
import org.earshot.engine.runtime.FrameSlot;
import org.earshot.engine.runtime.GraphHarness;
import org.junit.jupiter.api.Test;

/**
 * The decisions on generated signals with a model that always says {@code burst}: what starts an event
 * and where it starts is then up to the loudness gate and the onset search alone.
 */
class EventDecisionNodeTest {
    private static final int RATE = 16_000;
    /** A test-only event type id, so that its label table does not clash with other tests'. */
    private static final int TEST_EVENT_ID = 1008;
    /** Length of the pooled feature vector the test models read. */
    private static final int DIM = PooledFeatures.dimension(FeatureSettings.defaults().bands());
    private static final ClassifierModel ALWAYS_BURST = alwaysBurst();


    /**
     * A one-layer model over the pooled features (unit scale, no centring) with classes {@code burst} and
     * {@code hiss} (background): {@code burst}'s logit is {@code w} · features + {@code bias}, {@code hiss}'s 0.
     *
     * @param weights feature index and weight pairs for {@code burst}
     */
    private static ClassifierModel linear(final float bias, final float... weights) {
        final float[] scale = new float[DIM];
        java.util.Arrays.fill(scale, 1f);
        final float[] w = new float[DIM * 2];
        for (int i = 0; i < weights.length; i += 2) {
            w[(int)weights[i]] = weights[i + 1];
        }
        return new ClassifierModel(FeatureSettings.defaults(), List.of("burst", "hiss"), new boolean[] {false, true},
            new float[DIM], scale, List.of(new ClassifierModel.Layer(DIM, 2, w, new float[] {bias, 0f})), "test");
    }

    /** A one-layer model whose weights are zero: p(burst) = 0.99 whatever it hears. */
    private static ClassifierModel alwaysBurst() {
        return linear(5f);
    }

    /** Like {@link #alwaysBurst} but unsure: p(burst) = 0.77 whatever it hears. */
    private static ClassifierModel unsureBurst() {
        return linear(1.2f);
    }

    /**
     * A model that says {@code burst} only when the loudest frame of its context stands far above the
     * context's mean energy (p = 0.5 at 32 dB): a loud sound, not a soft one.
     */
    private static ClassifierModel loudBurst() {
        // input: loudest frame minus mean energy, dB
        return linear(-8f, 5 * FeatureSettings.defaults().bands(), 0.25f);
    }

    /**
     * Like {@link #loudBurst} but never near certain: p = 0.5 at 30 dB, 0.73 at 40 dB, 0.88 at 50 dB (a cough the
     * classifier reads as one, not surely).
     */
    private static ClassifierModel unsureLoudBurst() {
        return linear(-3f, 5 * FeatureSettings.defaults().bands(), 0.1f);
    }

    /** Band of the tone that {@link #toneBurst} hears: its centre is {@link #TONE_HZ} (Slaney mel, 64 bands). */
    private static final int TONE_BAND = 10;
    private static final double TONE_HZ = 552;
    /** Amplitude of the soft tone of {@code shouldKeepAnEventWhenTheLoudSoundAfterItIsHeardAsAnEventToo}. */
    private static final double SOFT_TONE = 0.01;

    /**
     * A model that says {@code burst} when band {@link #TONE_BAND} stands well above band 2 over its context
     * (a steady tone): it hears a quiet tone, not a loud click, whose energy lies at the top of the spectrum.
     */
    private static ClassifierModel toneBurst() {
        // mean of the tone's band minus mean of band 2, dB
        return linear(-10f, TONE_BAND, 1f, 2, -1f);
    }

    /**
     * Like {@link #toneBurst} but unsure, its logit a tenth of the tone's lead over band 2 (dB) minus 1: a quiet tone
     * held for seconds reads as about 0.79 {@code burst}, a tone ten times louder for half a second as about 0.68.
     */
    private static ClassifierModel softToneBurst() {
        return linear(-1f, TONE_BAND, 0.1f, 2, -0.1f);
    }

    private static List<CollectingSink.Event> run(final float[] x) throws InterruptedException {
        return run(x, ALWAYS_BURST);
    }

    private static List<CollectingSink.Event> run(final float[] x, final ClassifierModel model)
        throws InterruptedException {
        return run(x, model, x.length);
    }

    /** Runs {@code x} with a stream break (a capture gap: every node is reset) before frame {@code breakFrame}. */
    private static List<CollectingSink.Event> run(final float[] x, final ClassifierModel model, final int breakFrame)
        throws InterruptedException {
        final EventType type = SoundEvents.type(TEST_EVENT_ID, RoomMonitor.labelTable(model));
        final GraphBuilder b = new GraphBuilder();
        RoomMonitor.addTo(b, new RoomMonitor.Settings(model, List.of("burst"), 0.5, false), type);
        final RenderPlan plan = b.build(GraphConfig.of("room", RATE, 160, EventMode.OFFLINE).withMaxBlockFrames(4096)
            .withRingSlots(1024));
        try (GraphHarness h = GraphHarness.start(plan)) {
            h.publish(java.util.Arrays.copyOf(x, breakFrame), 160, 0);
            if (breakFrame < x.length) {
                h.publish(java.util.Arrays.copyOfRange(x, breakFrame, x.length), 160, FrameSlot.FLAG_STREAM_BREAK);
            }
            h.publish(new float[plan.latencyFrames()], 160, 0);
            h.end();
            return h.sink().events("event");
        }
    }

    /** Faint noise with a clock's ticks (a 3 ms click every 0.5 s), peak amplitude 0.3. */
    private static float[] ticking(final int seconds, final long seed) {
        final float[] x = Signals.noise(RATE * seconds, 0.002, seed);
        for (int t = RATE / 4; t < x.length - 48; t += RATE / 2) {
            for (int i = 0; i < 48; i++) {
                x[t + i] += (float)(0.3 * Math.exp(-i / 8.0) * (i % 2 == 0 ? 1 : -1));
            }
        }
        return x;
    }

    @Test
    void shouldNotStartAnEventOnAClocksTicks() throws InterruptedException {
        // each tick stands 40 dB above the floor between ticks, but the ticks are the room's own texture
        assertEquals(List.of(), run(ticking(20, 11)));
    }

    @Test
    void shouldStartAnEventOnASoundLouderThanTheTicks() throws InterruptedException {
        final float[] x = ticking(12, 12);
        final int onset = RATE * 6 + 1234;
        Signals.addBurst(x, RATE, onset, 600, 1.5, 13);
        final List<CollectingSink.Event> events = run(x);
        assertEquals(1, events.size(), events.toString());
        assertEquals(onset, events.get(0).value(SoundEvents.START), RATE * 0.03);
    }

    @Test
    void shouldNotReportAClassTheBedAlreadyHeldUnlessCertain() throws InterruptedException {
        // the same loud sound as above, but the classifier reads the room as 77 % burst before it as much as
        // during it: the class is not new to the room (a texture half taken for a rooster), nothing is reported
        final float[] x = ticking(12, 12);
        Signals.addBurst(x, RATE, RATE * 6 + 1234, 600, 1.5, 13);
        assertEquals(List.of(), run(x, unsureBurst()));
        // a near-certain class is reported however the room sounded before (see the test above)
        assertEquals(1, run(x).size());
    }

    @Test
    void shouldNotReportAClassTheRoomKeepsReadingAtThatLevelButReportItInARoomThatDoesNot()
        throws InterruptedException {
        // a loud half-second tone at 50 s that the classifier reads as 0.68 burst: in a quiet room it is reported
        final int onset = RATE * 50;
        final float[] quiet = Signals.noise(RATE * 56, 0.002, 61);
        Signals.addTone(quiet, RATE, onset, RATE / 2, TONE_HZ, 0.03);
        final List<CollectingSink.Event> events = run(quiet, softToneBurst());
        assertEquals(1, events.size(), events.toString());
        assertEquals(0.68, events.get(0).value(SoundEvents.CONFIDENCE), 0.05);
        // in a room whose texture the classifier reads as burst, up to 0.79, for a third of every 6 s (a quiet tone,
        // 2.5 s on, too quiet to open the loudness gate), the same sound is what the room makes: not reported. The
        // room's last tone ends 5 s before it, so the bed before it is quiet and the class novelty test passes
        final float[] room = Signals.noise(RATE * 56, 0.002, 61);
        for (int t = RATE / 2; t < RATE * 45; t += RATE * 6) {
            Signals.addTone(room, RATE, t, RATE * 5 / 2, TONE_HZ, 0.003);
        }
        Signals.addTone(room, RATE, onset, RATE / 2, TONE_HZ, 0.03);
        assertEquals(List.of(), run(room, softToneBurst()));
        // a stream break 2 s before it (a capture gap, every node reset) does not change the room
        assertEquals(List.of(), run(room, softToneBurst(), RATE * 48));
    }

    @Test
    void shouldStartAtTheFirstBurstOfASoundWithAPauseInIt() throws InterruptedException {
        // a soft first burst, 300 ms of pause, then the loud part: one sound (a cough after its first hack)
        // the model fires on the loud part only, as a cough classifier does
        final float[] x = Signals.noise(RATE * 10, 0.002, 21);
        final int first = RATE * 5;
        Signals.addBurst(x, RATE, first, 100, 0.05, 22);
        Signals.addBurst(x, RATE, first + RATE * 4 / 10, 400, 1.0, 23);
        final List<CollectingSink.Event> events = run(x, loudBurst());
        assertEquals(1, events.size(), events.toString());
        assertEquals(first, events.get(0).value(SoundEvents.START), RATE * 0.03);
        assertTrue(events.get(0).value(SoundEvents.END) > first + RATE * 0.6, events.toString());
    }

    @Test
    void shouldNotCreditALoudMomentTheClassifierDidNotHearAsTheEvent() throws InterruptedException {
        // a loud click, then 100 ms later a quiet tone (3 dB above the bed overall) that the classifier hears as
        // the event, half a second later: the click is in the context when the eventness rises, but the
        // classifier did not hear the click as an event, and the tone is too quiet to open the gate itself
        final float[] x = Signals.noise(RATE * 12, 0.002, 51);
        final int click = RATE * 13 / 2;
        for (int i = 0; i < 48; i++) {
            x[click + i] += (float)(0.3 * Math.exp(-i / 8.0) * (i % 2 == 0 ? 1 : -1));
        }
        Signals.addTone(x, RATE, click + RATE / 10, RATE * 3, TONE_HZ, 0.003);
        assertEquals(List.of(), run(x, toneBurst()));
        // the same tone 20 dB above the bed is loud and heard as the event at once: it is reported
        final float[] loud = Signals.noise(RATE * 12, 0.002, 51);
        Signals.addTone(loud, RATE, click + RATE / 10, RATE * 3, TONE_HZ, 0.03);
        final List<CollectingSink.Event> events = run(loud, toneBurst());
        assertEquals(1, events.size(), events.toString());
        assertEquals(click + RATE / 10, events.get(0).value(SoundEvents.START), RATE * 0.05);
    }

    /** A high band (Slaney mel, 64 bands) and a tone at its centre, for {@link #glintOrToneBurst}. */
    private static final int GLINT_BAND = 55;
    private static final double GLINT_HZ = 5238;

    /**
     * Like {@link #toneBurst}, but also sure of {@code burst} while the loudest frame of its context has its energy in
     * band {@link #GLINT_BAND}: a high click read as an event for as long as it is the loudest frame, which a louder,
     * broadband burst right after it ends within a hop or two (the classifier's first look at a new, louder texture).
     */
    private static ClassifierModel glintOrToneBurst() {
        // mean of the tone's band minus mean of band 2, dB; plus the loudest frame's high band above its mean, dB
        return linear(-10f, TONE_BAND, 1f, 2, -1f, 4 * FeatureSettings.defaults().bands() + GLINT_BAND, 0.5f);
    }

    @Test
    void shouldNotTakeOneHopsReadingAtTheLoudMomentForHearingIt() throws InterruptedException {
        // the quiet tone of the test above, 100 ms after a loud moment that the classifier reads as an event for a
        // hop or two only: a high click, then at once a louder broadband burst that takes its place as the loudest
        // frame. One hop's reading is not hearing the loud moment: the tone is still too quiet to open the gate
        final float[] x = Signals.noise(RATE * 12, 0.002, 51);
        final int click = RATE * 13 / 2;
        Signals.addTone(x, RATE, click, RATE * 2 / 100, GLINT_HZ, 0.2);
        final SplittableRandom r = new SplittableRandom(52);
        for (int i = RATE * 2 / 100; i < RATE * 5 / 100; i++) {
            x[click + i] += (float)(0.6 * (r.nextDouble() * 2 - 1));
        }
        Signals.addTone(x, RATE, click + RATE / 10, RATE * 3, TONE_HZ, 0.003);
        assertEquals(List.of(), run(x, glintOrToneBurst()));
        // the same click alone, held as the loudest frame: read as an event throughout, and reported
        final float[] held = Signals.noise(RATE * 12, 0.002, 51);
        Signals.addTone(held, RATE, click, RATE * 2 / 100, GLINT_HZ, 0.2);
        final List<CollectingSink.Event> events = run(held, glintOrToneBurst());
        assertEquals(1, events.size(), events.toString());
        assertEquals(click, events.get(0).value(SoundEvents.START), RATE * 0.05);
    }

    /**
     * Sure of {@code burst} while the loudest frame of its context is a glint ({@link #GLINT_BAND}), and while a tone at
     * {@link #TONE_HZ} fills most of its context: a soft sound heard only once it has lasted, and no longer soon after it
     * stops, and a click heard at once.
     */
    private static ClassifierModel longToneOrGlint() {
        return linear(-25f, TONE_BAND, 1f, 2, -1f, 4 * FeatureSettings.defaults().bands() + GLINT_BAND, 1f);
    }

    @Test
    void shouldKeepAnEventWhenTheLoudSoundAfterItIsHeardAsAnEventToo() throws InterruptedException {
        // a soft tone, then a second after it a louder click that the classifier hears as an event at once. The
        // after-check's mean reading over the second after the tone is mostly the bed's, but the loud sound in it is
        // heard as an event: the tone was no texture getting louder, and is reported as well as the click
        final float[] x = Signals.noise(RATE * 14, 0.002, 81);
        final int tone = RATE * 5;
        final int toneLength = RATE * 2;
        Signals.addTone(x, RATE, tone, toneLength, TONE_HZ, SOFT_TONE);
        final int click = tone + toneLength + RATE;
        Signals.addTone(x, RATE, click, RATE * 2 / 100, GLINT_HZ, 0.2);
        final List<CollectingSink.Event> events = run(x, longToneOrGlint());
        assertEquals(2, events.size(), events.toString());
        assertEquals(tone, events.get(0).value(SoundEvents.START), RATE * 0.1);
        assertEquals(click, events.get(1).value(SoundEvents.START), RATE * 0.1);
    }

    @Test
    void shouldStartNothingBeforeTheBedIsKnown() throws InterruptedException {
        // a sound 0.1 s into the stream (a stream starting in the middle of a sound): there is no background
        // to weigh it against; the same sound 0.5 s in has 0.3 s of bed before it
        final float[] x = Signals.noise(RATE * 4, 0.002, 31);
        Signals.addBurst(x, RATE, RATE / 10, 150, 0.5, 32);
        assertEquals(List.of(), run(x));
        final float[] later = Signals.noise(RATE * 4, 0.002, 31);
        Signals.addBurst(later, RATE, RATE / 2, 150, 0.5, 32);
        assertEquals(1, run(later).size());
    }

    @Test
    void shouldEndAnEventAtItsLastLoudFrameNotAtTheNextTickAndWriteItOnlyAfterWhatFollows()
        throws InterruptedException {
        // a burst among a clock's ticks: the event ends with the burst, not at a tick the classifier's
        // trailing context still covers; it is written once the 1.2 s after it have been heard
        final float[] x = ticking(12, 41);
        final int onset = RATE * 6 + 1234;
        Signals.addBurst(x, RATE, onset, 400, 1.5, 42);
        final List<CollectingSink.Event> events = run(x);
        assertEquals(1, events.size(), events.toString());
        final CollectingSink.Event e = events.get(0);
        assertEquals(onset, e.value(SoundEvents.START), RATE * 0.03);
        assertTrue(e.value(SoundEvents.END) < onset + RATE * 0.45, "ends with the burst: " + e);
        assertTrue(e.emitFrame() - e.value(SoundEvents.END) >= EventDecisionNode.AFTER_FRAMES * 160,
            "written after the 1.2 s that follow: " + e);
    }

    @Test
    void shouldReportASoundThatComesBackAfterAPauseButNotItsSecondBurst() throws InterruptedException {
        // two short bursts (a cough, then another), each read as about 0.8 burst for as long as the classifier's
        // one-second context holds it. That trailing reading of the first fills the bed the class-novelty test reads
        // before the second: 2.3 s after the first, the second is a sound of its own and is reported as well (it
        // was dropped as "not new to the room" until session 17)
        final int first = RATE * 10;
        final float[] apart = Signals.noise(RATE * 20, 0.002, 71);
        Signals.addBurst(apart, RATE, first, 60, 0.5, 72);
        Signals.addBurst(apart, RATE, first + RATE * 23 / 10, 60, 0.5, 73);
        final List<CollectingSink.Event> events = run(apart, unsureLoudBurst());
        assertEquals(2, events.size(), events.toString());
        assertEquals(first + RATE * 23 / 10, events.get(1).value(SoundEvents.START), RATE * 0.05);
        // 1.9 s after it, less than 2 s after the first ended, it is the same sound's next burst (a run of coughs is
        // one event): the first is reported, the second is its continuation
        final float[] close = Signals.noise(RATE * 20, 0.002, 71);
        Signals.addBurst(close, RATE, first, 60, 0.5, 72);
        Signals.addBurst(close, RATE, first + RATE * 19 / 10, 60, 0.5, 73);
        final List<CollectingSink.Event> once = run(close, unsureLoudBurst());
        assertEquals(1, once.size(), once.toString());
        assertEquals(first, once.get(0).value(SoundEvents.START), RATE * 0.05);
    }
}
