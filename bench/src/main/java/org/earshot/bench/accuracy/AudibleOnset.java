package org.earshot.bench.accuracy;

import java.util.Arrays;

/**
 * Where an annotated event becomes audible in a scene: the first 20 ms frame (10 ms hop) inside the event whose
 * energy stands {@value #RISE_DB} dB above the median frame energy of the {@value #BED_S} s before the annotated
 * onset. The scenes' references mark the start of each inserted clip, and some clips begin with a lead-in (a
 * breath, room tone) that lies below the scene's background: no detector hears those onsets, and an onset-collar
 * score counts a detection at the audible onset as a false positive and a miss. The evaluation reports how many
 * references are like that, and the event-F1 ceiling they set.
 */
final class AudibleOnset {
    /** Rise over the bed that makes a frame audible, dB. */
    static final double RISE_DB = 6.0;
    /** Length of the bed before the onset, seconds. */
    static final double BED_S = 2.0;
    private static final double FRAME_S = 0.020;
    private static final double HOP_S = 0.010;

    private AudibleOnset() {
    }

    /**
     * @param x      the scene, mono
     * @param rateHz its sample rate
     * @param onsetS the annotated onset, seconds
     * @param offsetS the annotated offset, seconds
     * @return seconds from the annotated onset to the first audible frame, or positive infinity if no frame of the
     *         event is audible
     */
    static double delayS(final float[] x, final int rateHz, final double onsetS, final double offsetS) {
        final int frame = (int)Math.round(FRAME_S * rateHz);
        final int hop = (int)Math.round(HOP_S * rateHz);
        final int onset = (int)Math.round(onsetS * rateHz);
        final int offset = Math.min(x.length - frame, (int)Math.round(offsetS * rateHz));
        final int bedFrom = Math.max(0, onset - (int)Math.round(BED_S * rateHz));
        final int bedFrames = Math.max(0, (onset - frame - bedFrom) / hop + 1);
        if (bedFrames == 0) {
            return 0.0;
        }
        final double[] bed = new double[bedFrames];
        for (int i = 0; i < bedFrames; i++) {
            bed[i] = energyDb(x, bedFrom + i * hop, frame);
        }
        Arrays.sort(bed);
        final double level = bed[bedFrames / 2] + RISE_DB;
        for (int s = onset; s <= offset; s += hop) {
            if (energyDb(x, s, frame) >= level) {
                return (s - onset) / (double)rateHz;
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    private static double energyDb(final float[] x, final int from, final int length) {
        double sum = 0;
        for (int i = from; i < from + length; i++) {
            sum += (double)x[i] * x[i];
        }
        return 10 * Math.log10(sum / length + 1e-20);
    }
}
