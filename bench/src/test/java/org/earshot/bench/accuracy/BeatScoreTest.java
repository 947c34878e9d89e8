package org.earshot.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * mir_eval's beat metrics on cases worked out by hand (the whole port was also checked against mir_eval 0.8.2 on
 * the evaluation set: every value equal to 1e-4).
 */
class BeatScoreTest {
    private static double[] grid(final double start, final double end, final double period) {
        final int n = (int)Math.floor((end - start) / period) + 1;
        final double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = start + i * period;
        }
        return t;
    }

    @Test
    void shouldScorePerfectBeatsOne() {
        final double[] r = grid(1.0, 30.0, 0.5);
        final BeatScore s = BeatScore.score(r, r);
        assertEquals(1.0, s.fMeasure(), 1e-12);
        assertEquals(1.0, s.cemgil(), 1e-12);
        assertEquals(1.0, s.cmlT(), 1e-12);
        assertEquals(1.0, s.amlT(), 1e-12);
    }

    @Test
    void shouldGiveOffBeatsNoFButFullAmlt() {
        final double[] r = grid(1.0, 30.0, 0.5);
        final BeatScore s = BeatScore.score(r, grid(1.25, 30.0, 0.5));
        assertEquals(0.0, s.fMeasure(), 1e-12);
        assertEquals(0.0, s.cmlT(), 1e-12);
        assertEquals(1.0, s.amlT(), 0.03);
    }

    @Test
    void shouldGiveDoubleTempoTwoThirdsF() {
        final double[] r = grid(1.0, 30.0, 0.5);
        final BeatScore s = BeatScore.score(r, grid(1.0, 30.0, 0.25));
        // after trimming: 51 annotations, 101 estimates, 51 matched: P = 51/101, R = 1
        assertEquals(2.0 * (51.0 / 101.0) / (51.0 / 101.0 + 1.0), s.fMeasure(), 1e-12);
        assertEquals(1.0, s.amlT(), 1e-12);
    }

    @Test
    void shouldWeighCemgilByAGaussianOf40Ms() {
        final double[] r = grid(5.0, 10.0, 0.5);
        final double[] e = grid(5.02, 10.02, 0.5);
        // every estimate 20 ms late: exp(-0.02^2 / (2 * 0.04^2)) = exp(-0.125); the last estimate (10.02 s) stays
        assertEquals(Math.exp(-0.125), BeatScore.score(r, e).cemgil(), 1e-9);
    }

    @Test
    void shouldLeaveFilesWithoutBeatsAfterFiveSecondsUnscored() {
        assertNull(BeatScore.score(new double[] {0.5, 1.0, 4.9}, new double[] {1.0}));
    }

    @Test
    void shouldStartTheFirstCorrectRunAtTheFirstOfFourBeatsOnConsecutiveAnnotations() {
        final double[] r = grid(1.0, 30.0, 0.5);
        // a lone early beat off the grid, then a gap, then the beat from 4.02 s on
        final double[] e = new double[] {1.8, 4.02, 4.52, 5.03, 5.5, 6.0};
        assertEquals(4.02, BeatScore.firstCorrectRun(r, e), 1e-12);
    }

    @Test
    void shouldNotCountBeatsAtTwiceTheTempoOrOnTheOffBeatAsACorrectRun() {
        final double[] r = grid(1.0, 30.0, 0.5);
        assertEquals(Double.NaN, BeatScore.firstCorrectRun(r, grid(1.0, 30.0, 0.25)));
        assertEquals(Double.NaN, BeatScore.firstCorrectRun(r, grid(1.25, 30.0, 0.5)));
        // half the tempo hits every other annotation: not consecutive ones
        assertEquals(Double.NaN, BeatScore.firstCorrectRun(r, grid(1.0, 30.0, 1.0)));
    }

    @Test
    void shouldNotCountARunBrokenByAMissedBeat() {
        final double[] r = grid(1.0, 30.0, 0.5);
        final double[] e = new double[] {2.0, 2.5, 3.5, 4.0, 6.0, 6.5, 7.0, 7.55};
        assertEquals(6.0, BeatScore.firstCorrectRun(r, e), 1e-12);
    }

    private static int[] bars(final int n, final int meter, final int firstPosition) {
        final int[] b = new int[n];
        for (int i = 0; i < n; i++) {
            b[i] = (firstPosition - 1 + i) % meter + 1;
        }
        return b;
    }

    @Test
    void shouldScoreDownbeatsOnePerfectAndZeroWhenTheBarIsShiftedByABeat() {
        final double[] r = grid(1.0, 30.0, 0.5);
        final int[] rb = bars(r.length, 4, 1);
        assertEquals(1.0, BeatScore.downbeatF(r, rb, r, rb), 1e-12);
        assertEquals(0.0, BeatScore.downbeatF(r, rb, r, bars(r.length, 4, 2)), 1e-12);
        assertEquals(1.0, BeatScore.barPositionAccuracy(r, rb, r, rb), 1e-12);
        assertEquals(0.0, BeatScore.barPositionAccuracy(r, rb, r, bars(r.length, 4, 2)), 1e-12);
    }

    @Test
    void shouldScoreAThreeFourGuessOfAFourFourSongByTheDownbeatsItHits() {
        final double[] r = grid(1.0, 61.0, 0.5);
        final int[] rb = bars(r.length, 4, 1);
        // every 12th beat is a downbeat in both: 1 of 4 estimated downbeats hits, 1 of 3 annotated ones is found
        final double f = BeatScore.downbeatF(r, rb, r, bars(r.length, 3, 1));
        assertEquals(2.0 * (1.0 / 4) * (1.0 / 3) / (1.0 / 4 + 1.0 / 3), f, 0.02);
    }
}
