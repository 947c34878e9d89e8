package org.earshot.detectors.beat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.FeatureSettings;
import org.earshot.detectors.classify.PooledFeatures;
import org.earshot.detectors.onset.NoveltyNode;
import org.earshot.detectors.onset.OnsetConfig;
import org.earshot.detectors.spectral.StftNode;
import org.earshot.detectors.spectral.StftNodeConfig;
import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.runtime.CollectingSink;
import org.earshot.engine.runtime.GraphHarness;
import org.junit.jupiter.api.Test;

/**
 * The beat tracker's speech gate on a 120 BPM click track, with classifiers whose {@code speech} probability is known:
 * talk keeps beats from starting, does not stop a tracker already locked on the music, and stops one whose pulse it
 * no longer foresees well.
 */
class SpeechGateTest {
    private static final int RATE = 44_100;
    /** Mel band (64 bands, 16 kHz) and frequency of the tone that {@link #toneSpeech} hears as speech. */
    private static final int TONE_BAND = 10;
    private static final double TONE_HZ = 552;

    /** A one-layer model with zero weights: p(speech) = e^bias / (e^bias + 1) whatever it hears. */
    private static ClassifierModel constantSpeech(final float bias) {
        final FeatureSettings fs = FeatureSettings.defaults();
        final int dim = PooledFeatures.dimension(fs.bands());
        final float[] scale = new float[dim];
        java.util.Arrays.fill(scale, 1f);
        return new ClassifierModel(fs, List.of("speech", "hiss"), new boolean[] {false, true}, new float[dim], scale,
            List.of(new ClassifierModel.Layer(dim, 2, new float[dim * 2], new float[] {bias, 0f})), "test");
    }

    /**
     * A model that hears speech (p near 1) while a tone stands out in band {@link #TONE_BAND} over its 1 s context
     * (mean there more than 10 dB above band 2), and hiss otherwise.
     */
    private static ClassifierModel toneSpeech() {
        final FeatureSettings fs = FeatureSettings.defaults();
        final int dim = PooledFeatures.dimension(fs.bands());
        final float[] scale = new float[dim];
        java.util.Arrays.fill(scale, 1f);
        final float[] w = new float[dim * 2];
        w[TONE_BAND] = 1f;
        w[2] = -1f;
        return new ClassifierModel(fs, List.of("speech", "hiss"), new boolean[] {false, true}, new float[dim], scale,
            List.of(new ClassifierModel.Layer(dim, 2, w, new float[] {-10f, 0f})), "test");
    }

    private static List<Double> beatTimes(final float[] x, final ClassifierModel speech) throws InterruptedException {
        final GraphBuilder b = new GraphBuilder();
        final OnsetConfig onsets = BeatGraph.noveltySettings();
        final StftNode stft = b.add(new StftNode(new StftNodeConfig(onsets.stftName(), onsets.stftConfig(RATE),
            NoveltyNode.requiredViews(onsets.novelty().type()))));
        final NoveltyNode novelty = b.add(new NoveltyNode(onsets.novelty(), stft), stft);
        BeatGraph.addTo(b, novelty, BeatTrackerConfig.defaults(), speech);
        try (GraphHarness h = GraphHarness.start(b.build(GraphConfig.of("t", RATE, 256, EventMode.OFFLINE)))) {
            h.publish(x, 256, 0);
            h.end();
            return h.sink().events().stream().filter(e -> e.type().equals("beat"))
                .map(e -> e.frame() / (double)RATE).toList();
        }
    }

    private static float[] clicks(final double seconds) {
        final double[] truth = new double[(int)(seconds * 2)];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = 0.5 + 0.5 * i;
        }
        return ClickTrack.render(RATE, seconds + 0.5, truth, 4, 3L);
    }

    private static void addTone(final float[] x, final int from, final double amplitude) {
        for (int i = from; i < x.length; i++) {
            x[i] += (float)(amplitude * Math.sin(2 * Math.PI * TONE_HZ * (i - from) / RATE));
        }
    }

    @Test
    void shouldStartNoBeatWhileTheClassifierHearsTalk() throws InterruptedException {
        final float[] x = clicks(20.0);
        final List<Double> free = beatTimes(x, constantSpeech(-5f));
        assertTrue(free.size() >= 30, "a classifier that hears no speech leaves the beats alone: " + free.size());
        assertEquals(List.of(), beatTimes(x, constantSpeech(5f)), "a classifier that hears speech throughout");
    }

    @Test
    void shouldNotStopATrackerLockedOnTheMusicWhenTalkBegins() throws InterruptedException {
        // the clicks from the start; from 8 s on the classifier also hears speech (a singer, say): the tracker, locked
        // since the first second, goes on
        final float[] x = clicks(20.0);
        addTone(x, 8 * RATE, 0.05);
        final List<Double> beats = beatTimes(x, toneSpeech());
        assertTrue(beats.stream().filter(t -> t > 10.0).count() >= 18, "beats after 10 s: " + beats);
        // the same tone from the start: the beats never start
        final float[] talk = clicks(20.0);
        addTone(talk, 0, 0.05);
        assertEquals(List.of(), beatTimes(talk, toneSpeech()));
    }

    /**
     * After 5 s of silence, talk and clicks begin together (or the clicks 0.6 s later): the 2 s mean still holds the
     * silence when the tracker would lock, and let 20 beats (or one stray beat) out before the half-second mean
     * ({@link SpeechGate#START_WINDOW_SECONDS}) also kept beats from starting.
     */
    @Test
    void shouldStartNoBeatWhenTalkBeginsAfterSilence() throws InterruptedException {
        for (final double lead : new double[] {0.0, 0.6}) {
            final double[] truth = new double[20];
            for (int i = 0; i < truth.length; i++) {
                truth[i] = 5.0 + lead + 0.5 * i;
            }
            final float[] x = ClickTrack.render(RATE, 16.0, truth, 4, 3L);
            addTone(x, 5 * RATE, 0.05);
            assertEquals(List.of(), beatTimes(x, toneSpeech()), "clicks " + lead + " s after the talk began");
        }
    }

    @Test
    void shouldStopALockedTrackerInTalkOnceItsPulseIsOnlyLooselyForeseen() throws InterruptedException {
        // steady clicks for 8 s, then clicks jittered by 50 ms (std): confidence falls between the ordinary stop
        // threshold and the stricter one of talk
        final SplittableRandom random = new SplittableRandom(1L);
        final double[] truth = new double[40];
        for (int i = 0; i < truth.length; i++) {
            final double t = 0.5 + 0.5 * i;
            truth[i] = t < 8.0 ? t : t + 0.05 * random.nextGaussian();
        }
        final float[] music = ClickTrack.render(RATE, 20.5, truth, 4, 3L);
        final List<Double> on = beatTimes(music, toneSpeech());
        assertTrue(on.stream().filter(t -> t > 10.0).count() >= 18, "no talk: the tracker stays locked: " + on);
        final float[] talk = music.clone();
        addTone(talk, 8 * RATE, 0.05);
        final List<Double> off = beatTimes(talk, toneSpeech());
        assertTrue(off.stream().anyMatch(t -> t < 8.0), "locked before the talk: " + off);
        assertEquals(List.of(), off.stream().filter(t -> t > 16.0).toList(), "the talk stops it: " + off);
    }
}
