package org.earshot.detectors.beat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.earshot.engine.EventMode;
import org.earshot.engine.graph.GraphBuilder;
import org.earshot.engine.graph.GraphConfig;
import org.earshot.engine.runtime.CollectingSink;
import org.earshot.engine.runtime.GraphHarness;
import org.junit.jupiter.api.Test;

/**
 * The low band, the tempo estimator's warm-up and re-locking at another rate, on generated signals: a kick drum on
 * the beat under louder off-beat clicks, a slow pulse heard for only a few seconds, a tempo step at 48 kHz.
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
