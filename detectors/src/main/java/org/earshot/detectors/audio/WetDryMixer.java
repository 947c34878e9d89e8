package org.earshot.detectors.audio;

/**
 * Mixes a processed signal with the dry signal delayed to the same latency, with the wet share ramped so
 * that changes (dry/wet, bypass) make no click. Bypass is a wet share of 0: the latency never changes.
 * For one thread (the audio thread); allocation-free.
 */
public final class WetDryMixer {
    private final double stepPerSample;
    private double wet;
    private double target;

    /**
     * @param rampFrames samples a full 0-to-1 change takes, 1 or more
     * @param initialWet wet share at start, 0 to 1
     */
    public WetDryMixer(final int rampFrames, final double initialWet) {
        this.stepPerSample = 1.0 / Math.max(1, rampFrames);
        this.wet = clamp(initialWet);
        this.target = wet;
    }

    private static double clamp(final double v) {
        return Double.isNaN(v) ? 0.0 : Math.max(0.0, Math.min(1.0, v));
    }

    /**
     * @param share new wet share, 0 to 1 (clamped); reached after a ramp
     */
    public void setTarget(final double share) {
        target = clamp(share);
    }

    /**
     * Sets the wet share at once (after a reset).
     *
     * @param share wet share
     */
    public void jumpTo(final double share) {
        target = clamp(share);
        wet = target;
    }

    /** @return the current wet share */
    public double wet() {
        return wet;
    }

    /** @return the share being ramped to */
    public double target() {
        return target;
    }

    /**
     * {@code out[i] = wet * out[i] + (1 - wet) * dry[i]}, in place.
     *
     * @param out    the processed signal, overwritten with the mix
     * @param dry    the dry signal at the same latency
     * @param frames samples
     */
    public void mix(final float[] out, final float[] dry, final int frames) {
        if (wet == target && wet == 1.0) {
            return;
        }
        for (int i = 0; i < frames; i++) {
            if (wet < target) {
                wet = Math.min(target, wet + stepPerSample);
            } else if (wet > target) {
                wet = Math.max(target, wet - stepPerSample);
            }
            out[i] = (float)(wet * out[i] + (1.0 - wet) * dry[i]);
        }
    }
}
