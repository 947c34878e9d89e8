package org.earshot.detectors.onset;

/**
 * The onset novelty (detection) functions a {@link NoveltyNode} computes. Every function is a half-wave
 * rectified increase between frame {@code n} and an earlier frame, so it is 0 in steady sound and large where
 * energy appears; all work on magnitudes normalised as described in {@link NoveltyNode} and compressed with
 * {@code ln(1 + lambda * x)}.
 */
public enum NoveltyType {
    /**
     * Spectral flux on a log-frequency filtered, log-compressed magnitude spectrogram:
     * {@code sum_b max(0, X[n][b] - X[n-mu][b])} (Böck, Krebs, Schedl 2012).
     */
    SPECTRAL_FLUX,
    /**
     * SuperFlux (Böck and Widmer 2013): as {@link #SPECTRAL_FLUX}, but the earlier frame is first passed through
     * a maximum filter across {@code maxFilterBands} neighbouring bands, which suppresses the false positives of
     * vibrato and tremolo. The default.
     */
    SUPERFLUX,
    /**
     * Rectified complex domain (Duxbury et al. 2003, rectified as in Dixon 2006): the distance between each bin
     * and its prediction from the two previous frames (same magnitude, phase advanced at the same rate), summed
     * over the bins whose magnitude rose. Works on log-compressed magnitudes with the original phases.
     */
    COMPLEX_DOMAIN,
    /**
     * High-frequency content (Masri 1996): {@code H = sum_k (k / K) |X[k]|}, novelty
     * {@code max(0, ln(1 + lambda H[n]) - ln(1 + lambda H[n-mu]))}.
     */
    HFC,
    /**
     * Energy: {@code E = sum_k |X[k]|^2 / K}, novelty {@code max(0, ln(1 + lambda E[n]) - ln(1 + lambda E[n-mu]))},
     * the rectified log-energy increase.
     */
    ENERGY;

    /**
     * The hop this function is run at by default, ms. SuperFlux differences each frame with the frame about 10 ms
     * before it whatever the hop ({@link NoveltyConfig#diffRatio()}), so it runs at 100 frames per second (the rate
     * of Böck, Krebs and Schedl's online evaluation, half the work of 200): mean F 0.912 on the development set
     * against 0.916 at 5 ms. The others difference consecutive frames: their thresholds and steady-noise
     * behaviour hold at 5 ms, and at 10 ms frames of steady noise decorrelate and read as onsets.
     *
     * @return the default hop, ms
     */
    public double defaultHopMs() {
        return this == SUPERFLUX ? 10.0 : 5.0;
    }

    /** @return whether this function reads the complex spectrum (not only magnitudes) */
    public boolean needsComplex() {
        return this == COMPLEX_DOMAIN;
    }

    /** @return whether this function goes through the log-frequency filterbank */
    public boolean usesFilterbank() {
        return this == SPECTRAL_FLUX || this == SUPERFLUX;
    }
}
