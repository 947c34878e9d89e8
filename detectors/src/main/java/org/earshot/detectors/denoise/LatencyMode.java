package org.earshot.detectors.denoise;

/**
 * How much delay the denoiser may add. Windows are given in milliseconds, so the latency is the same at
 * every sample rate. The denoiser analyses with a window of at least {@link #ANALYSIS_MS} (frequency
 * resolution) and synthesises with the mode's window (delay), see
 * {@link org.earshot.detectors.audio.LowDelayStft}: the declared latency is the synthesis window minus one
 * sample.
 */
public enum LatencyMode {
    /** 20 ms synthesis window (latency just under 20 ms), 5 ms hop. */
    STANDARD(20.0),
    /** 10 ms synthesis window (latency just under 10 ms), 2.5 ms hop. */
    LOW(10.0);

    /**
     * Shortest analysis window, ms. Longer analysis windows than the synthesis window (up to 48 ms) were
     * measured and gave no better SI-SDR at 20 ms latency: the gain's finer frequency detail cannot be
     * applied through a 20 ms synthesis window without look-ahead. In {@link #LOW} the analysis window
     * stays at this length, so its frequency resolution does not halve.
     */
    public static final double ANALYSIS_MS = 20.0;

    private final double synthesisMs;

    LatencyMode(final double synthesisMs) {
        this.synthesisMs = synthesisMs;
    }

    /** @return the synthesis window, ms: the latency */
    public double synthesisMs() {
        return synthesisMs;
    }

    /**
     * @param sampleRateHz sample rate
     * @return synthesis window in samples: a multiple of 4 (hop = a quarter of it), at least 16
     */
    public int synthesisFrames(final int sampleRateHz) {
        final int w = (int)Math.floor(synthesisMs * sampleRateHz / 1000.0);
        return Math.max(16, w - w % 4);
    }

    /**
     * @param sampleRateHz sample rate
     * @return analysis window in samples, at least the synthesis window, at most 4096 (20 ms up to 192 kHz)
     */
    public int analysisFrames(final int sampleRateHz) {
        final int w = (int)Math.floor(ANALYSIS_MS * sampleRateHz / 1000.0);
        return Math.min(4096, Math.max(synthesisFrames(sampleRateHz), w));
    }
}
