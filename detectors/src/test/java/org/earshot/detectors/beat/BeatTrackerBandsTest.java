package org.earshot.detectors.beat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.runtime.CollectingSink;
import org.earshot.engine.runtime.GraphHarness;
import org.junit.jupiter.api.Test;

/**
 * The low band, the tempo estimator's warm-up and re-locking at another rate, on generated signals: a kick drum on
 * the beat under louder off-beat clicks, a kick drum under louder bass-free ticks in 3 against 2, a slow pulse heard
 * for only a few seconds, a tempo step at 48 kHz.
 */
class BeatTrackerBandsTest {
    private static List<CollectingSink.Event> beats(final float[] x, final int rate, final BeatTrackerConfig config)
        throws InterruptedException {
        final GraphBuilder b = new GraphBuilder();
        BeatGraph.addTo(b, BeatGraph.noveltySettings(), config, rate);
        try (GraphHarness h = GraphHarness.start(b.build(GraphConfig.of("t", rate, 256, EventMode.OFFLINE)))) {
            h.publish(x, 256, 0);
            h.end();
            return h.sink().events().stream().filter(e -> e.type().equals("beat")).toList();
        }
    }

    /** A kick drum: a 55 Hz sine falling to 45 Hz, decaying in 60 ms. */
    private static void kick(final float[] x, final int rate, final double atS, final double gain) {
        final int start = (int)Math.round(atS * rate);
        final int n = (int)(0.25 * rate);
        double phase = 0.0;
        for (int i = 0; i < n && start + i < x.length; i++) {
            final double t = (double)i / rate;
            phase += 2.0 * Math.PI * (45.0 + 10.0 * Math.exp(-t / 0.03)) / rate;
            x[start + i] += (float)(gain * Math.exp(-t / 0.06) * Math.sin(phase));
        }
    }

    /** Fraction of the beats after {@code fromS} that lie within 50 ms of one of {@code times}. */
    private static double share(final List<CollectingSink.Event> beats, final int rate, final double[] times,
        final double fromS) {
        int n = 0;
        int hit = 0;
        for (final CollectingSink.Event e : beats) {
            final double t = e.frame() / (double)rate;
            if (t < fromS) {
                continue;
            }
            n++;
            for (final double s : times) {
                if (Math.abs(s - t) <= 0.05) {
                    hit++;
                    break;
                }
            }
        }
        return n == 0 ? 0.0 : hit / (double)n;
    }

    @Test
    void shouldPutTheBeatOnTheKickDrumRatherThanOnLouderOffBeatClicks() throws InterruptedException {
        // reggae-like: kick drum and bass on the beat, louder chords (here clicks) on every off-beat; at 120 BPM, so
        // that the pulse of both (240 BPM) is beyond the tracked range
        final int rate = 44_100;
        final double[] beatsS = ClickTrack.beats(0.5, 20.0, 120.0);
        final double[] offBeats = new double[beatsS.length];
        for (int i = 0; i < beatsS.length; i++) {
            offBeats[i] = beatsS[i] + 0.25;
        }
        final float[] x = ClickTrack.render(rate, 20.5, offBeats, 0, 11L);
        for (final double t : beatsS) {
            kick(x, rate, t, 0.5);
        }
        final List<CollectingSink.Event> twoBands = beats(x, rate, BeatTrackerConfig.defaults());
        final List<CollectingSink.Event> fullBand = beats(x, rate, BeatTrackerConfig.defaults().withLowBandMaxHz(0.0));
        final double onKick = share(twoBands, rate, beatsS, 8.0);
        assertTrue(onKick > 0.9, "share of beats on the kick drum with the low band: " + onKick);
        final double onOffBeats = share(fullBand, rate, offBeats, 8.0);
        assertTrue(onOffBeats > 0.9, "the full band alone follows the louder off-beats: " + onOffBeats);
    }

    /** A bass-free tick: 50 ms of first-differenced white noise (a hi-hat or clave), decaying in 12 ms. */
    private static void tick(final float[] x, final int rate, final double atS, final double gain, final long seed) {
        final SplittableRandom random = new SplittableRandom(seed);
        final int start = (int)Math.round(atS * rate);
        final int n = (int)(0.05 * rate);
        double last = 0.0;
        for (int i = 0; i < n && start + i < x.length; i++) {
            final double w = random.nextDouble() * 2.0 - 1.0;
            x[start + i] += (float)(gain * Math.exp(-i / (0.012 * rate)) * (w - last));
            last = w;
        }
    }

    @Test
    void shouldHoldTheKickTempoUnderALouderBassFreeThreeAgainstTwo() throws InterruptedException {
        // a kick drum on every beat at 80 BPM and, twice as loud, bass-free ticks every 2/3 beat (3 against 2, a
        // pulse of 120 BPM, nearer the tempo prior's centre): the ticks alone would set a period 2/3 of the beat's
        final int rate = 44_100;
        final double bpm = 80.0;
        final double[] beatsS = ClickTrack.beats(0.5, 25.0, bpm);
        final float[] x = new float[(int)(25.5 * rate)];
        for (final double t : beatsS) {
            kick(x, rate, t, 0.5);
        }
        long seed = 5L;
        for (double t = 0.5; t < 25.0; t += 2.0 / 3.0 * 60.0 / bpm) {
            tick(x, rate, t, 1.0, seed++);
        }
        final List<CollectingSink.Event> beats = beats(x, rate, BeatTrackerConfig.defaults());
        final double onKick = share(beats, rate, beatsS, 8.0);
        assertTrue(onKick > 0.9, "share of beats on the kick drum: " + onKick);
        final long after = beats.stream().filter(e -> e.frame() >= 8.0 * rate).count();
        final long expected = beatsS.length - Arrays.stream(beatsS).filter(t -> t < 8.0).count();
        assertTrue(Math.abs(after - expected) <= 2, after + " beats after 8 s, " + expected + " kicks");
    }

    @Test
    void shouldReLockWithinFourBeatsAfterTempoStepAt48kHz() throws InterruptedException {
        final int rate = 48_000;
        final double step = 15.0;
        final double[] truth = ClickTrack.tempoStep(0.5, step, 30.0, 100.0, 128.0);
        final List<CollectingSink.Event> beats = beats(ClickTrack.render(rate, 30.5, truth, 4, 3L), rate,
            BeatTrackerConfig.defaults());
        int firstAfter = 0;
        while (truth[firstAfter] < step) {
            firstAfter++;
        }
        int lockedFrom = truth.length;
        for (int k = truth.length - 1; k >= firstAfter; k--) {
            final double t = truth[k];
            if (beats.stream().noneMatch(e -> Math.abs(e.frame() / (double)rate - t) <= 0.07)) {
                break;
            }
            lockedFrom = k;
        }
        assertTrue(lockedFrom - firstAfter <= 4, "re-locked after " + (lockedFrom - firstAfter) + " beats");
        for (final CollectingSink.Event e : beats) {
            assertTrue(e.emitFrame() <= e.frame(), "emitted no later than the predicted beat");
        }
    }

    @Test
    void shouldAddTheLowBandNodeUnlessTurnedOff() {
        final GraphBuilder b = new GraphBuilder();
        final BeatGraph on = BeatGraph.addTo(b, BeatGraph.noveltySettings(), BeatTrackerConfig.defaults(), 48_000);
        assertNotNull(on.lowNovelty());
        assertEquals(BeatTrackerConfig.defaults().lowBandMaxHz(), on.lowNovelty().config().maxHz());
        assertEquals("beat.novelty.low", on.lowNovelty().config().name());
        final BeatGraph off = BeatGraph.addTo(new GraphBuilder(), BeatGraph.noveltySettings(),
            BeatTrackerConfig.defaults().withLowBandMaxHz(0.0), 48_000);
        assertNull(off.lowNovelty());
    }

    @Test
    void shouldNameTheLowBandRangeWhenItIsWrong() {
        assertEquals("lowBandMaxHz must be in [60.0, 2000.0], got 30.0", assertThrows(IllegalArgumentException.class,
            () -> BeatTrackerConfig.defaults().withLowBandMaxHz(30.0)).getMessage());
    }

    @Test
    void shouldNotTakeALongLagThatHasFewProductsYetForAWeakOne() {
        // 4 s of a 70 BPM pulse (period 86 frames) with half-strength eighths: the comb of 86 frames reaches lag 344,
        // which has seen one pulse pair; in plain leaky sums the long lags look weak and the eighth-note level (43
        // frames, 140 BPM) wins for seconds more
        final int[] periods = new int[71];
        for (int i = 0; i < periods.length; i++) {
            periods[i] = 30 + i;
        }
        final TempoEstimator t = new TempoEstimator(periods, 100.0, 100.0, 1.0, 4, 1.0);
        for (int n = 0; n < 400; n++) {
            t.update(n % 86 == 0 ? 1.0 : n % 86 == 43 ? 0.5 : 0.0);
        }
        final double[] w = new double[periods.length];
        assertEquals(86, periods[t.weights(w)], "heaviest period after 4 s");
    }
}
