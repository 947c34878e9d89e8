package org.earshot.dsp.filter;

import java.util.Arrays;

/**
 * Adaptive whitening (D. Stowell and M. Plumbley, "Adaptive whitening for improved real-time audio onset
 * detection", ICMC 2007): each bin is divided by a running peak of its own recent magnitude,
 * <pre>
 *   P[k] = max(|X[k]|, floor, memory * P_previous[k])      (P_previous = 0 before the first frame)
 *   |X[k]| := |X[k]| / P[k]
 * </pre>
 * with {@code memory = 10^(-60/20 * hopSeconds / relaxationSeconds)}, so a peak decays by 60 dB in
 * {@code relaxationSeconds}. Whitened magnitudes are at most 1. Allocation-free after construction; one
 * instance per stream.
 */
public final class AdaptiveWhitening {
    private final AdaptiveWhiteningConfig config;
    private final float[] peaks;
    private final float memory;
    private final float floor;

    /**
     * @param config       parameters
     * @param bins         number of bins per frame, 1 or more
     * @param hopFrames    samples between frames, 1 or more
     * @param sampleRateHz sample rate in Hz, 1 or more
     * @throws IllegalArgumentException naming the argument, its range and the value received
     */
    public AdaptiveWhitening(
        final AdaptiveWhiteningConfig config, final int bins, final int hopFrames, final int sampleRateHz) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1, got " + bins);
        }
        if (hopFrames < 1) {
            throw new IllegalArgumentException("hopFrames must be >= 1, got " + hopFrames);
        }
        if (sampleRateHz < 1) {
            throw new IllegalArgumentException("sampleRateHz must be >= 1, got " + sampleRateHz);
        }
        this.config = config;
        this.peaks = new float[bins];
        this.floor = config.floor();
        final double hopSeconds = (double)hopFrames / sampleRateHz;
        this.memory = (float)Math.pow(10.0, -3.0 * hopSeconds / config.relaxationSeconds());
    }

    /** @return the parameters */
    public AdaptiveWhiteningConfig config() {
        return config;
    }

    /** @return per-frame decay factor of the peak memory, in (0, 1) */
    public float memory() {
        return memory;
    }

    /**
     * @param bin bin index
     * @return the bin's current peak {@code P[k]} (0 before the first frame)
     */
    public float peak(final int bin) {
        return peaks[bin];
    }

    /**
     * Updates the peaks with one frame and whitens it in place.
     *
     * @param magnitudes at least {@code bins} magnitudes; replaced by {@code |X[k]| / P[k]}
     */
    public void apply(final float[] magnitudes) {
        for (int k = 0; k < peaks.length; k++) {
            final float m = magnitudes[k];
            final float p = Math.max(Math.max(m, floor), memory * peaks[k]);
            peaks[k] = p;
            magnitudes[k] = m / p;
        }
    }

    /**
     * Updates the peaks with one frame and whitens both its magnitudes and its complex spectrum in place
     * (phases are unchanged).
     *
     * @param magnitudes at least {@code bins} magnitudes of {@code complex}; replaced by {@code |X[k]| / P[k]}
     * @param complex    interleaved {@code (re, im)} per bin; each pair divided by {@code P[k]}
     */
    public void apply(final float[] magnitudes, final float[] complex) {
        for (int k = 0; k < peaks.length; k++) {
            final float m = magnitudes[k];
            final float p = Math.max(Math.max(m, floor), memory * peaks[k]);
            peaks[k] = p;
            final float inv = 1f / p;
            magnitudes[k] = m * inv;
            complex[2 * k] *= inv;
            complex[2 * k + 1] *= inv;
        }
    }

    /** Forgets all peaks (after a stream break). Allocation-free. */
    public void reset() {
        Arrays.fill(peaks, 0f);
    }
}
