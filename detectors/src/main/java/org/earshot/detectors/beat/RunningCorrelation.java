package org.earshot.detectors.beat;

/**
 * The Pearson correlation of two series over their recent past: exponentially weighted means of {@code x},
 * {@code y}, their squares and their product, with a half-life in samples. Until as many samples have been seen as
 * the weighting's time constant, each sample weighs as much as the ones before (plain means), so the first values
 * are not dominated by the first sample. No allocation.
 */
final class RunningCorrelation {
    private final double rate;
    private long count;
    private double mx;
    private double my;
    private double mxx;
    private double myy;
    private double mxy;
    private double value;

    /** @param halfLifeSamples half-life of the weights, samples (more than 0) */
    RunningCorrelation(final double halfLifeSamples) {
        if (!(halfLifeSamples > 0)) {
            throw new IllegalArgumentException("halfLifeSamples must be > 0, got " + halfLifeSamples);
        }
        this.rate = 1.0 - Math.pow(0.5, 1.0 / halfLifeSamples);
    }

    /**
     * Adds one pair.
     *
     * @param x the first series' sample
     * @param y the second series' sample
     */
    void add(final double x, final double y) {
        count++;
        final double r = Math.max(rate, 1.0 / count);
        mx += r * (x - mx);
        my += r * (y - my);
        mxx += r * (x * x - mxx);
        myy += r * (y * y - myy);
        mxy += r * (x * y - mxy);
        update();
    }

    /**
     * Rescales the {@code y} seen so far: they count as {@code 1 / factor} of what they were against the samples to
     * come. The correlation of the past samples alone does not change.
     *
     * @param factor how many times larger the new scale of {@code y} is, more than 0
     */
    void rescaleY(final double factor) {
        my /= factor;
        myy /= factor * factor;
        mxy /= factor;
        update();
    }

    private void update() {
        final double vx = mxx - mx * mx;
        final double vy = myy - my * my;
        value = vx > 1e-12 && vy > 1e-12 ? (mxy - mx * my) / Math.sqrt(vx * vy) : 0.0;
    }

    /** @return the correlation, in [-1, 1], 0 while either series has no variance */
    double value() {
        return value;
    }

    /** Forgets every sample. */
    void reset() {
        count = 0;
        mx = 0.0;
        my = 0.0;
        mxx = 0.0;
        myy = 0.0;
        mxy = 0.0;
        value = 0.0;
    }
}
