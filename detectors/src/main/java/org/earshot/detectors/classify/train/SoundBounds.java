package org.earshot.detectors.classify.train;

import java.util.Arrays;

/**
 * Where the sound in a clip lies: its energy in 10 ms frames, averaged over 100 ms; the frames at most
 * {@value #BELOW_PEAK_DB} dB below the loudest and at least {@value #ABOVE_FLOOR_DB} dB above the clip's floor (its
 * 10th percentile) are the sound, which is the run of them around the loudest, bridging quiet gaps up to
 * {@value #BRIDGE_SECONDS} s. The trainer's isolation ({@link Augmenter}) cuts an event clip to it, and the bench's
 * {@code cough-fits} each cough of the development set.
 */
public final class SoundBounds {
    /** Analysis frame, seconds. */
    static final double FRAME_SECONDS = 0.01;
    /** Frames averaged into one short-term energy (100 ms). */
    static final int SHORT_FRAMES = 10;
    /** How far below the clip's loudest 100 ms the sound may fall, dB. */
    static final double BELOW_PEAK_DB = 20.0;
    /** How far above the clip's floor the sound must stand, dB. */
    static final double ABOVE_FLOOR_DB = 6.0;
    /** Quantile of the short-term energies taken as the clip's floor. */
    static final double FLOOR_QUANTILE = 0.1;
    /** Quiet gaps bridged inside one sound, seconds. */
    static final double BRIDGE_SECONDS = 0.4;

    private SoundBounds() {
    }

    /**
     * @param samples a clip, mono
     * @param rateHz  its sample rate
     * @return the first sample of its sound and the sample after the first frame of its last loud 100 ms (the sound
     *     may ring on for up to 90 ms more), or null for a texture (nothing
     *     {@value #ABOVE_FLOOR_DB} dB above the floor) or a clip too short to measure
     */
    public static int[] bounds(final float[] samples, final int rateHz) {
        final int hop = Math.max(1, (int)Math.round(FRAME_SECONDS * rateHz));
        final int frames = samples.length / hop;
        if (frames <= SHORT_FRAMES) {
            return null;
        }
        final double[] energy = new double[frames];
        for (int f = 0; f < frames; f++) {
            double e = 0.0;
            for (int i = f * hop; i < (f + 1) * hop; i++) {
                e += (double)samples[i] * samples[i];
            }
            energy[f] = e / hop;
        }
        // 100 ms means, in dB: db[k] covers frames k to k + SHORT_FRAMES - 1
        final int n = frames - SHORT_FRAMES + 1;
        final double[] db = new double[n];
        double sum = 0.0;
        for (int f = 0; f < frames; f++) {
            sum += energy[f];
            if (f >= SHORT_FRAMES) {
                sum -= energy[f - SHORT_FRAMES];
            }
            if (f >= SHORT_FRAMES - 1) {
                db[f - SHORT_FRAMES + 1] = 10.0 * Math.log10(Math.max(1.0e-12, sum / SHORT_FRAMES));
            }
        }
        int peak = 0;
        for (int f = 1; f < n; f++) {
            if (db[f] > db[peak]) {
                peak = f;
            }
        }
        final double[] sorted = db.clone();
        Arrays.sort(sorted);
        final double floor = sorted[(int)(FLOOR_QUANTILE * (n - 1))];
        if (db[peak] - floor < ABOVE_FLOOR_DB) {
            return null;
        }
        final double level = Math.max(db[peak] - BELOW_PEAK_DB, floor + ABOVE_FLOOR_DB);
        final int bridge = (int)Math.round(BRIDGE_SECONDS / FRAME_SECONDS);
        int last = peak;
        for (int f = peak + 1; f < n && f - last <= bridge; f++) {
            if (db[f] >= level) {
                last = f;
            }
        }
        int first = peak;
        for (int f = peak - 1; f >= 0 && first - f <= bridge; f--) {
            if (db[f] >= level) {
                first = f;
            }
        }
        return new int[] {first * hop, (last + 1) * hop};
    }
}
