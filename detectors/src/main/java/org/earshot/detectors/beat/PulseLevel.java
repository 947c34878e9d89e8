package org.earshot.detectors.beat;

/**
 * Chooses the metrical level at which the tracked pulse is emitted: every pulse, or every other pulse (half the
 * tempo).
 *
 * <p>The beat-pointer model ({@link BeatPhaseFilter}) follows the fastest regular pulse whose onsets it can explain:
 * its observation model rewards every onset on a beat state and punishes every one between, about tenfold per onset,
 * so in a slow song with steady eighth notes it tracks the eighths, and the tempo prior, which reaches it only as soft
 * evidence, cannot pull it back. Which of two levels is "the beat" is a matter of accent and of preferred tempo
 * (Lerdahl and Jackendoff 1983; Parncutt 1994): a pulse is heard at half speed when every other pulse is clearly
 * stronger than the ones between and the slower level lies nearer the preferred tempo. This class applies that rule
 * each time the tracker commits a pulse, looking back over the last {@value #PULSES} pulses of the grid the tracker
 * now predicts (the observation since the sound began is kept in a ring, so the evidence is there as soon as the
 * tracker locks). A past pulse's accent is the mean of the full band's and the low band's strongest observation
 * within an eighth of a period of it. Every other pulse alone, starting with the stronger parity, is emitted once
 * <ul>
 *   <li>over at least {@value #MIN_PULSES} past pulses, the weaker parity's mean accent is below
 *       {@value #ALTERNATION_ON} of the stronger parity's, where the stronger parity's accent is the lesser of the
 *       means of its two halves (its pulses {@code 4k} and {@code 4k + 2}): each of them must stand out, so that a
 *       bar's accented downbeat among pulses of equal strength does not pass for alternation, and a metronome, with or
 *       without an accent on the one, is emitted as it is; and</li>
 *   <li>the log-normal tempo prior weighs half the pulse tempo more than the pulse tempo (the pulse is faster than
 *       {@code sqrt(2)} times the prior's centre), and half the pulse tempo is not below the slowest tempo
 *       tracked; and</li>
 *   <li>the pulse tempo was established less than {@value #ENTRY_SECONDS} s ago: since the sound began, or since the
 *       pulse tempo last moved by more than {@value #NEW_TEMPO_OCTAVES} octave (5 %).</li>
 * </ul>
 * The slower level is then kept until the tempo condition fails by more than {@value #TEMPO_MARGIN_OCTAVES} octave or
 * the tracker is reset (silence, a stream break). The level is a property of the piece at a tempo: a chorus with a
 * heavier backbeat, a fill or a break that evens out the accents for a few bars changes neither the beat listeners
 * tap nor the one a performer wants, and a level that flipped in the middle of a song would halve or double the
 * tempo the visuals follow. While halved, beats alternate with the pulses
 * between; the other parity takes over only when its mean accent is {@value #PARITY_SWITCH} times the current one's.
 *
 * <p>Allocation happens only in the constructor.
 */
final class PulseLevel {
    /** Alternation (weaker parity's mean accent over the stronger's) below which the slower level is taken. */
    static final double ALTERNATION_ON = 0.8;
    /** Past pulses looked at, both parities together; a multiple of 4. */
    static final int PULSES = 16;
    /** Past pulses needed before the slower level may be taken. */
    static final int MIN_PULSES = 8;
    /** Hysteresis of the tempo condition, octaves. */
    static final double TEMPO_MARGIN_OCTAVES = 0.05;
    /** How much stronger the other parity must be to take over the beat while halved. */
    static final double PARITY_SWITCH = 1.5;
    /** How long after the sound begins, or after the tempo moves, the slower level may be taken, seconds. */
    static final double ENTRY_SECONDS = 10.0;
    /** A pulse tempo this far from the one the entry time counts from starts it again, octaves (5 %). */
    static final double NEW_TEMPO_OCTAVES = 0.07;
    /** Half-width of the window in which a pulse's accent is looked for, periods. */
    static final double ACCENT_WINDOW_PERIODS = 0.125;

    private final long entryFrames;
    private final double thresholdBpm;
    private final double minBpm;
    private final double[] full;
    private final double[] low;
    private final double[] classMean = new double[4];
    private final int[] classCount = new int[4];
    private int pos;
    private long soundFrames;
    private boolean half;
    private boolean lastWasBeat = true;
    private double alternation = 1.0;
    private double tempoBpm;
    private long tempoSinceFrame;

    /**
     * @param priorBpm        centre of the log-normal tempo prior
     * @param minBpm          slowest tempo tracked
     * @param maxPeriodFrames longest pulse period, tracker frames
     */
    PulseLevel(final double priorBpm, final double minBpm, final int maxPeriodFrames, final double frameRateHz) {
        this.entryFrames = Math.round(ENTRY_SECONDS * frameRateHz);
        this.thresholdBpm = Math.sqrt(2.0) * priorBpm;
        this.minBpm = minBpm;
        this.full = new double[(PULSES + 2) * maxPeriodFrames + 2];
        this.low = new double[full.length];
    }

    /**
     * Adds one tracker frame's observation.
     *
     * @param activation    the full band's novelty over its recent maximum, 0 to 1
     * @param lowActivation the low band's, 0 to 1 (the full band's again when there is no low band)
     * @param sounding      false for silent frames; those before the first sound are not looked at
     */
    void push(final double activation, final double lowActivation, final boolean sounding) {
        if (!sounding && soundFrames == 0) {
            return;
        }
        pos = pos + 1 == full.length ? 0 : pos + 1;
        full[pos] = activation;
        low[pos] = lowActivation;
        soundFrames++;
    }

    /**
     * Decides whether the pulse being committed is a beat.
     *
     * @param aheadFrames  time from the latest frame to the pulse, tracker frames
     * @param periodFrames pulse period, tracker frames
     * @param pulseBpm     pulse tempo, BPM
     * @return true if the pulse is to be emitted as a beat
     */
    boolean onPulse(final double aheadFrames, final double periodFrames, final double pulseBpm) {
        if (!(Math.abs(Math.log(pulseBpm / tempoBpm)) <= NEW_TEMPO_OCTAVES * Math.log(2.0))) {
            tempoBpm = pulseBpm;
            tempoSinceFrame = soundFrames;
        }
        final boolean slowAllowed = 0.5 * pulseBpm >= minBpm;
        final double octaves = Math.log(pulseBpm / thresholdBpm) / Math.log(2.0);
        if (half && (!slowAllowed || octaves < -TEMPO_MARGIN_OCTAVES)) {
            // the tracker itself has slowed (to the level emitted, say): every pulse is a beat again at once,
            // before the new grid has the past pulses to judge it by
            half = false;
        }
        final int n = collect(aheadFrames, periodFrames);
        if (n < MIN_PULSES) {
            alternation = 1.0;
            if (!half) {
                lastWasBeat = true;
                return true;
            }
            return flip();
        }
        // classes k mod 4, k counting pulses back from the coming one: 0 and 2 are the coming pulse's parity
        final double same = 0.5 * (classMean[0] + classMean[2]);
        final double other = 0.5 * (classMean[1] + classMean[3]);
        final boolean sameStronger = same >= other;
        alternation = sameStronger ? ratio(other, Math.min(classMean[0], classMean[2]))
            : ratio(same, Math.min(classMean[1], classMean[3]));
        if (!half) {
            if (slowAllowed && octaves > 0.0 && alternation < ALTERNATION_ON
                && soundFrames - tempoSinceFrame < entryFrames) {
                half = true;
                lastWasBeat = !sameStronger;
            }
        }
        if (!half) {
            lastWasBeat = true;
            return true;
        }
        boolean beat = !lastWasBeat;
        if (beat && other > PARITY_SWITCH * same) {
            beat = false;
        } else if (!beat && same > PARITY_SWITCH * other) {
            beat = true;
        }
        lastWasBeat = beat;
        return beat;
    }

    /**
     * Measures the accents of the past pulses on the grid that puts a pulse {@code aheadFrames} from now, into the
     * class means ({@code k mod 4}).
     *
     * @return the number of past pulses measured
     */
    private int collect(final double aheadFrames, final double periodFrames) {
        java.util.Arrays.fill(classMean, 0.0);
        java.util.Arrays.fill(classCount, 0);
        final double window = ACCENT_WINDOW_PERIODS * periodFrames;
        // start with the first past pulse whose accent window is over
        final int k0 = Math.max(1, (int)Math.ceil((aheadFrames + window) / periodFrames));
        int n = 0;
        for (int k = k0; k < k0 + PULSES; k++) {
            final double back = k * periodFrames - aheadFrames;
            final int hi = (int)Math.floor(back + window);
            if (hi >= soundFrames || hi >= full.length) {
                break;
            }
            double fullPeak = 0.0;
            double lowPeak = 0.0;
            for (int b = Math.max(0, (int)Math.ceil(back - window)); b <= hi; b++) {
                final int i = pos - b < 0 ? pos - b + full.length : pos - b;
                fullPeak = Math.max(fullPeak, full[i]);
                lowPeak = Math.max(lowPeak, low[i]);
            }
            classMean[k & 3] += 0.5 * (fullPeak + lowPeak);
            classCount[k & 3]++;
            n++;
        }
        for (int c = 0; c < 4; c++) {
            classMean[c] = classCount[c] > 0 ? classMean[c] / classCount[c] : 0.0;
        }
        return n;
    }

    private boolean flip() {
        lastWasBeat = !lastWasBeat;
        return lastWasBeat;
    }

    private static double ratio(final double weak, final double strong) {
        return strong > 0.0 ? Math.min(1.0, weak / strong) : 1.0;
    }

    /** @return true while every other pulse alone is emitted */
    boolean half() {
        return half;
    }

    /**
     * @return the alternation found at the last pulse: the weaker parity's mean accent over the lesser half of the
     *     stronger parity's, at most 1, or 1 before there is enough evidence
     */
    double alternation() {
        return alternation;
    }

    /** Forgets the past observation: every pulse is a beat again. */
    void reset() {
        java.util.Arrays.fill(full, 0.0);
        java.util.Arrays.fill(low, 0.0);
        pos = 0;
        soundFrames = 0;
        half = false;
        lastWasBeat = true;
        alternation = 1.0;
        tempoBpm = 0.0;
        tempoSinceFrame = 0;
    }
}
