package org.earshot.detectors.beat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The tracker's parts on their own, and its settings. */
class BeatPartsTest {
    private static final double FPS = 100.0;

    private static int[] periods() {
        final int[] p = new int[71];
        for (int i = 0; i < p.length; i++) {
            p[i] = 30 + i;
        }
        return p;
    }

    /** A pulse every {@code period} frames, with a weaker one halfway when {@code eighths}. */
    private static double pulse(final int n, final int period, final boolean eighths) {
        if (n % period == 0) {
            return 1.0;
        }
        return eighths && n % period == period / 2 ? 0.6 : 0.0;
    }

    @Test
    void shouldWeighThePulsePeriodHighest() {
        final int[] periods = periods();
        final TempoEstimator t = new TempoEstimator(periods, FPS, 100.0, 1.0, 4, 1.0);
        final double[] w = new double[periods.length];
        for (int n = 0; n < 600; n++) {
            t.update(pulse(n, 50, false));
        }
        final int best = t.weights(w);
        assertEquals(50, periods[best], "120 BPM pulse train");
        assertTrue(t.periodicity() > 0.3, "periodicity " + t.periodicity());
    }

    @Test
    void shouldLetThePriorChooseBetweenEquallySalientOctaves() {
        // a pulse every 34 frames (176 BPM) is as periodic at 68 frames (88 BPM): the prior, centred on 100 BPM,
        // picks 88
        final int[] periods = periods();
        final TempoEstimator t = new TempoEstimator(periods, FPS, 100.0, 1.0, 4, 1.0);
        final double[] w = new double[periods.length];
        for (int n = 0; n < 800; n++) {
            t.update(pulse(n, 34, false));
        }
        assertEquals(68, periods[t.weights(w)]);
    }

    @Test
    void shouldFindNoPeriodicityInNoise() {
        final int[] periods = periods();
        final TempoEstimator t = new TempoEstimator(periods, FPS, 100.0, 1.0, 4, 1.0);
        final java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int n = 0; n < 1000; n++) {
            t.update(r.nextDouble());
        }
        t.weights(new double[periods.length]);
        assertTrue(t.periodicity() < 0.1, "periodicity " + t.periodicity());
    }

    /**
     * Four seconds of a 120 BPM pulse over noise, three seconds of silence, then the pulse again on another phase:
     * 0.6 s after it returns, the estimator still weighs 120 BPM highest and finds the input as periodic as before.
     * Fed the silence as zeros instead, the returning sound's products swamp the decayed autocorrelation at the lags
     * they have reached, and the periodicity falls to about a quarter (and the heaviest period to 96 frames).
     */
    @Test
    void shouldKeepTheTempoThroughAPause() {
        final int[] periods = periods();
        final TempoEstimator paused = new TempoEstimator(periods, FPS, 100.0, 1.0, 4, 1.0);
        final TempoEstimator zeros = new TempoEstimator(periods, FPS, 100.0, 1.0, 4, 1.0);
        final SplittableRandom r = new SplittableRandom(5);
        final double[] w = new double[periods.length];
        for (int n = 0; n < 400; n++) {
            final double v = pulse(n, 50, false) + 0.2 * r.nextDouble();
            paused.update(v);
            zeros.update(v);
        }
        paused.weights(w);
        final double before = paused.periodicity();
        for (int n = 0; n < 300; n++) {
            paused.pause();
            zeros.update(0.0);
        }
        for (int n = 0; n < 60; n++) {
            final double v = pulse(n + 17, 50, false) + 0.2 * r.nextDouble();
            paused.update(v);
            zeros.update(v);
        }
        assertEquals(50, periods[paused.weights(w)], "120 BPM kept");
        assertTrue(paused.periodicity() > 0.75 * before, "periodicity " + paused.periodicity() + ", before the pause "
            + before);
        zeros.weights(w);
        assertTrue(zeros.periodicity() < 0.5 * before, "silence fed as zeros: periodicity " + zeros.periodicity());
    }

    @Test
    void shouldTakeTheNewTempoWhenTheMusicReturnsAtAnother() {
        final int[] periods = periods();
        final TempoEstimator t = new TempoEstimator(periods, FPS, 100.0, 1.0, 4, 1.0);
        final double[] w = new double[periods.length];
        for (int n = 0; n < 600; n++) {
            t.update(pulse(n, 50, false));
        }
        for (int n = 0; n < 300; n++) {
            t.pause();
        }
        for (int n = 0; n < 400; n++) {
            t.update(pulse(n, 60, false));
        }
        assertEquals(60, periods[t.weights(w)], "100 BPM after 4 s of it");
    }

    @Test
    void shouldForgetThePhaseButKeepPartOfTheTempo() {
        final int[] periods = periods();
        final BeatPhaseFilter f = new BeatPhaseFilter(periods, 100.0, 1.0 / 16.0, 200.0);
        for (int n = 0; n < 1000; n++) {
            f.step(pulse(n, 40, false), true, null);
        }
        assertEquals(40, f.bestPeriod());
        f.forgetPhase(0.5);
        assertEquals(40, f.bestPeriod(), "the tempo is kept");
        assertEquals(0.0, f.predictiveCorrelation(), 1e-12, "the confidence starts afresh");
        // the same pulse on another phase: every phase of period 40 was left alike, the pulses place it
        for (int n = 0; n < 90; n++) {
            f.step(pulse(n + 13, 40, false), true, null);
        }
        assertEquals(40, f.bestPeriod(), "tempo after two pulses");
        // frame 89 was seen last; the next pulse is at n + 13 = 120, frame 107: 17 frames on
        assertEquals(40.0 - 18.0, f.bestPhasePosition(), 1.0, "phase from the returning pulses");
    }

    @Test
    void shouldLockPhaseAndTempoOfPulseTrainAndForeseeIt() {
        final int[] periods = periods();
        final BeatPhaseFilter f = new BeatPhaseFilter(periods, 100.0, 1.0 / 16.0, 200.0);
        for (int n = 0; n < 1000; n++) {
            f.step(pulse(n, 40, true), true, null);
        }
        // frame 999 was seen last; the next pulse is at frame 1000, one frame on
        assertEquals(40, f.bestPeriod());
        assertEquals(39.0, f.bestPhasePosition(), 0.5);
        assertEquals(40.0, f.meanPeriod(), 0.5);
        assertTrue(f.predictiveCorrelation() > 0.3, "correlation (the unforeseen eighths lower it) " + f.predictiveCorrelation());
    }

    @Test
    void shouldLoseTheRecentConfidenceWithinASecondOfThePulsesEnd() {
        final int[] periods = periods();
        // confidence half-life 2 s, recent 1 s (100 frames per second)
        final BeatPhaseFilter f = new BeatPhaseFilter(periods, 100.0, 1.0 / 16.0, 200.0);
        for (int n = 0; n < 800; n++) {
            f.step(pulse(n, 40, false), true, null);
        }
        assertTrue(f.recentPredictiveCorrelation() > 0.5, "locked: " + f.recentPredictiveCorrelation());
        // the pulse stops; an unpulsed sound (talk, say) goes on
        final SplittableRandom r = new SplittableRandom(5);
        for (int n = 0; n < 100; n++) {
            f.step(0.3 * r.nextDouble(), true, null);
        }
        assertTrue(f.recentPredictiveCorrelation() < SpeechGate.CONFIDENCE_OFF_IN_TALK,
            "recent confidence a second later " + f.recentPredictiveCorrelation());
        assertTrue(f.predictiveCorrelation() >= SpeechGate.CONFIDENCE_OFF_IN_TALK,
            "the confidence still holds the lock: " + f.predictiveCorrelation());
    }

    @Test
    void shouldJudgeALouderSoundOnItsOwnOnceThePastIsRescaledToIt() {
        final int[] periods = periods();
        final BeatPhaseFilter rescaled = new BeatPhaseFilter(periods, 100.0, 1.0 / 16.0, 200.0);
        final BeatPhaseFilter plain = new BeatPhaseFilter(periods, 100.0, 1.0 / 16.0, 200.0);
        final SplittableRandom r = new SplittableRandom(3);
        for (int n = 0; n < 600; n++) {
            // noise: nothing to foresee
            final double a = r.nextDouble();
            rescaled.step(a, true, null);
            plain.step(a, true, null);
        }
        final double before = rescaled.predictiveCorrelation();
        rescaled.rescaleObservations(20.0);
        assertEquals(before, rescaled.predictiveCorrelation(), 1e-9, "the past alone correlates as it did");
        // then a pulse train twenty times louder on the old scale, that is at full scale on the new one
        for (int n = 600; n < 800; n++) {
            rescaled.step(pulse(n, 40, false), true, null);
            plain.step(pulse(n, 40, false), true, null);
        }
        // two seconds of pulses: the rescaled filter reaches the 0.15 at which beats start, the other has not yet
        assertTrue(rescaled.predictiveCorrelation() > 0.15, "rescaled " + rescaled.predictiveCorrelation());
        assertTrue(plain.predictiveCorrelation() < 0.05, "not rescaled " + plain.predictiveCorrelation());
    }

    @Test
    void shouldPredictMeterAndDownbeatFromAccents() {
        final MeterTracker m = new MeterTracker();
        for (int b = 0; b < 24; b++) {
            m.observe(b % 3 == 0 ? 1.0 : 0.4);
        }
        // 24 beats seen: the last (index 23) was the third of its bar, the next is a downbeat
        assertEquals(3, m.meter());
        assertEquals(1, m.barPosition(1));
        assertEquals(2, m.barPosition(2));
    }

    @Test
    void shouldPutTheDownbeatOnTheKickRatherThanOnTheSnaresBackbeat() {
        final MeterTracker m = new MeterTracker();
        for (int b = 0; b < 32; b++) {
            // kick on 1 (and a softer one on 3) in the low band; the snare on 2 and 4 is the loudest in the full band
            final int q = b % 4;
            m.observe(q == 0 ? 1.0 : q == 2 ? 0.6 : 0.1, q == 1 || q == 3 ? 1.0 : 0.5, Double.NaN);
        }
        // 32 beats seen: the last was beat 4 of its bar, the next is a downbeat
        assertEquals(4, m.meter());
        assertEquals(1, m.barPosition(1));
        assertTrue(m.fullBandProbability() < 0.01, "full band " + m.fullBandProbability());
    }

    @Test
    void shouldReadTheFullBandWhenOnlyItsAccentsRepeatWithTheBar() {
        final MeterTracker m = new MeterTracker();
        final SplittableRandom noise = new SplittableRandom(5L);
        for (int b = 0; b < 48; b++) {
            // a metronome with a louder downbeat click: nothing in the low band but noise
            m.observe(noise.nextDouble(), b % 4 == 0 ? 1.0 : 0.5, Double.NaN);
        }
        assertEquals(4, m.meter());
        assertEquals(1, m.barPosition(1));
        assertTrue(m.fullBandProbability() > 0.9, "full band " + m.fullBandProbability());
    }

    @Test
    void shouldNameTheFieldRangeAndValueWhenSettingsAreWrong() {
        final BeatTrackerConfig d = BeatTrackerConfig.defaults();
        assertEquals("minBpm must be in [20.0, maxBpm/1.5=133.33333333333334], got 150.0",
            assertThrows(IllegalArgumentException.class, () -> d.withTempoRange(150.0, 200.0)).getMessage());
        assertEquals("maxBpm must be in (20.0, 400.0], got 500.0",
            assertThrows(IllegalArgumentException.class, () -> d.withTempoRange(60.0, 500.0)).getMessage());
        assertEquals("leadMs must be in [0.0, 1000.0], got -1.0",
            assertThrows(IllegalArgumentException.class, () -> d.withLeadMs(-1.0)).getMessage());
        assertEquals("confidenceOff must be in (0, confidenceOn=0.2], got 0.3",
            assertThrows(IllegalArgumentException.class, () -> d.withConfidence(0.2, 0.3)).getMessage());
        assertEquals("silenceDb must be in [-160.0, 0.0], got 3.0",
            assertThrows(IllegalArgumentException.class, () -> d.withSilenceDb(3.0)).getMessage());
    }
}
