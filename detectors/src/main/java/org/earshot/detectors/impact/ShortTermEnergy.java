package org.earshot.detectors.impact;

import java.util.Arrays;

/**
 * The impact detector's short-term energies: each frame's low-frequency-weighted power and its power below 250 Hz,
 * averaged over the last {@link ImpactNode#SHORT_FRAMES} (150 ms), and the rings of those averages whose loudest value
 * the novelty tests compare with: overall and in the bass over {@link ImpactNode#HOLD_FRAMES} (1.2 s), and in the bass
 * over {@link ImpactNode#JOIN_FRAMES} (3 s). Allocation happens only in the constructor.
 */
final class ShortTermEnergy {
    private final double[] power = new double[ImpactNode.SHORT_FRAMES];
    private final double[] bassPower = new double[ImpactNode.SHORT_FRAMES];
    private final float[] shortRing = new float[ImpactNode.HOLD_FRAMES];
    private final float[] bassRing = new float[ImpactNode.HOLD_FRAMES];
    private final float[] bassLongRing = new float[ImpactNode.JOIN_FRAMES];
    private int powerPos;
    private int shortPos;
    private int bassLongPos;
    private long frames;
    private float shortDb;
    private float shortBassDb;

    ShortTermEnergy() {
        reset();
    }

    /**
     * Takes the newest frame.
     *
     * @param weightedPower the frame's power with the power below 1 kHz counted twice (linear)
     * @param bass          the frame's power below 250 Hz (linear)
     */
    void push(final double weightedPower, final double bass) {
        bassPower[powerPos] = bass;
        power[powerPos] = weightedPower;
        powerPos = powerPos + 1 == power.length ? 0 : powerPos + 1;
        double sum = 0;
        double bassSum = 0;
        for (int k = 0; k < power.length; k++) {
            sum += power[k];
            bassSum += bassPower[k];
        }
        shortBassDb = (float)(10 * Math.log10(bassSum / power.length + 1e-12));
        shortDb = (float)(10 * Math.log10(sum / power.length + 1e-12));
        frames++;
        shortPos = shortPos + 1 == shortRing.length ? 0 : shortPos + 1;
        shortRing[shortPos] = shortDb;
        bassRing[shortPos] = shortBassDb;
        bassLongPos = bassLongPos + 1 == bassLongRing.length ? 0 : bassLongPos + 1;
        bassLongRing[bassLongPos] = shortBassDb;
    }

    /** @return the newest 150 ms energy, dB */
    float shortDb() {
        return shortDb;
    }

    /** @return the newest 150 ms energy below 250 Hz, dB */
    float shortBassDb() {
        return shortBassDb;
    }

    /** @return the loudest 150 ms energy of the last 1.2 s, leaving out the newest {@link ImpactNode#RISE_FRAMES} */
    float recentShortMax() {
        return recentMax(shortRing, shortPos);
    }

    /** @return the same below 250 Hz */
    float recentBassMax() {
        return recentMax(bassRing, shortPos);
    }

    /** @return the loudest 150 ms energy below 250 Hz of the last 3 s, leaving out the rise */
    float recentBassLongMax() {
        return recentMax(bassLongRing, bassLongPos);
    }

    /**
     * @return the loudest value of a ring whose newest entry is at {@code pos}, over its length, leaving out the
     *     rise ({@link ImpactNode#RISE_FRAMES})
     */
    private float recentMax(final float[] ring, final int pos) {
        float m = -200f;
        final int n = (int)Math.min(frames, ring.length);
        for (int age = ImpactNode.RISE_FRAMES; age < n; age++) {
            final int i = pos - age;
            m = Math.max(m, ring[i < 0 ? i + ring.length : i]);
        }
        return m;
    }

    /** Forgets every frame. */
    void reset() {
        Arrays.fill(power, 0.0);
        Arrays.fill(bassPower, 0.0);
        Arrays.fill(shortRing, -200f);
        Arrays.fill(bassRing, -200f);
        Arrays.fill(bassLongRing, -200f);
        powerPos = 0;
        shortPos = 0;
        bassLongPos = 0;
        frames = 0;
        shortDb = -200f;
        shortBassDb = -200f;
    }
}
