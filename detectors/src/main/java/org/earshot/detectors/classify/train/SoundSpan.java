package org.earshot.detectors.classify.train;

import java.util.Arrays;

/**
 * How long the sound in a training clip lasts, and from the clips of a class how long an event of that class can
 * plausibly last (the duration prior the event decisions apply, {@code EventDecisionNode}).
 *
 * <p>A clip's span: its energy in 10 ms frames, averaged over 100 ms; the frames at most {@value #BELOW_PEAK_DB} dB
 * below the loudest and at least {@value #ABOVE_FLOOR_DB} dB above the clip's floor (its 10th percentile) are the
 * sound; the span is the run of them around the loudest, bridging quiet gaps up to {@value #BRIDGE_SECONDS} s (the
 * event decisions' merge gap: a sneeze's in-breath and its burst are one sound, two barks a second apart are two). A
 * clip with nothing {@value #ABOVE_FLOOR_DB} dB above its floor is a texture and spans the whole clip.
 *
 * <p>A class's longest plausible event: {@value #MARGIN} times its longest span plus the classifier's context (a
 * decided event's bounds come from the energy, but what merges into it is heard through a context of about a second).
 * A class whose sound lasted {@value #SUSTAINED_SECONDS} s or more in some clip (a crying baby, a barking dog, speech
 * in clips that are all speech) has no limit: its clips were cut from something longer, so nothing is known of where
 * it ends.
 */
public final class SoundSpan {
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
    /** A class whose sound lasted this long in a clip has no duration limit, seconds. */
    public static final double SUSTAINED_SECONDS = 4.0;
    /** The limit is this many times the longest span seen (plus the context). */
    public static final double MARGIN = 2.0;

    private SoundSpan() {
    }

    /**
     * @param samples a clip, mono
     * @param rateHz  its sample rate
     * @return how long its sound lasts, seconds (the whole clip for a texture)
     */
    public static double seconds(final float[] samples, final int rateHz) {
        final int hop = Math.max(1, (int)Math.round(FRAME_SECONDS * rateHz));
        final int frames = samples.length / hop;
        if (frames <= SHORT_FRAMES) {
            return (double)samples.length / rateHz;
        }
        final double[] energy = new double[frames];
        for (int f = 0; f < frames; f++) {
            double e = 0.0;
            for (int i = f * hop; i < (f + 1) * hop; i++) {
                e += (double)samples[i] * samples[i];
            }
            energy[f] = e / hop;
        }
        // centred 100 ms means, in dB
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
            return (double)samples.length / rateHz;
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
        return (last - first + 1) * FRAME_SECONDS;
    }

    /**
     * @param spans          the spans ({@link #seconds}) of a class's clips
     * @param contextSeconds the classifier's context, seconds
     * @return the longest an event of the class can plausibly last, seconds, or 0 for no limit (no clips, or a sound
     *     that lasted {@value #SUSTAINED_SECONDS} s or more)
     */
    public static float longestEventSeconds(final double[] spans, final double contextSeconds) {
        double longest = 0.0;
        for (final double s : spans) {
            longest = Math.max(longest, s);
        }
        if (spans.length == 0 || longest >= SUSTAINED_SECONDS) {
            return 0f;
        }
        return (float)(MARGIN * longest + contextSeconds);
    }
}
