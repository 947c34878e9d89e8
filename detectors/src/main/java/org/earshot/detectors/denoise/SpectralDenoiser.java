package org.earshot.detectors.denoise;

import java.util.Arrays;

/**
 * The frame-level noise suppressor behind {@link DenoiserNode}: given one STFT frame it updates a noise
 * power estimate per bin and multiplies the spectrum by a suppression gain. Pure arithmetic, no I/O, no
 * threads; allocation happens only in the constructor.
 *
 * <h2>Algorithm</h2>
 * <ol>
 *   <li><b>Noise power</b>: speech-presence-probability (SPP) based MMSE tracking after Gerkmann and
 *       Hendriks ("Unbiased MMSE-based noise power estimation with low complexity and low tracking delay",
 *       IEEE TASLP 2012): a posteriori SPP with a fixed a priori SNR under speech presence, stagnation
 *       control, and first-order smoothing of the conditional expectation of the noise periodogram. It
 *       needs no noise-only lead-in: the first frames seed it (scaled by how much of the window the signal
 *       fills), an estimate that starts too high falls within a few frames, one too low climbs through the
 *       stagnation control. A {@link NoiseProfile} may seed it and bound it from below.</li>
 *   <li><b>A priori SNR</b>: decision-directed (Ephraim and Malah 1984), floored at {@code xiMinDb}; its
 *       recursive averaging is the first defence against musical noise (Cappe 1994).</li>
 *   <li><b>Gain</b>: MMSE log-spectral amplitude (Ephraim and Malah 1985) by default, or Wiener, or OM-LSA
 *       (Cohen 2003); never below the reduction limit.</li>
 *   <li><b>Musical noise</b>: in frames dominated by noise the gain is smoothed over frequency (Esch and
 *       Vary, ICASSP 2009), so isolated gain peaks spread into the floor; optionally the gain is also
 *       smoothed over time in the cepstral domain (Breithaupt, Gerkmann and Martin 2007).</li>
 * </ol>
 * The tracker's time constants are given at a reference hop and converted to the actual hop, so its
 * behaviour in seconds is the same at every sample rate and overlap.
 */
public final class SpectralDenoiser {
    /** Frames whose window the signal fills less than this share of pass unchanged (nearly silent). */
    static final double MIN_FILLED_FRACTION = 1e-3;
    private static final double TINY = 1e-20;
    /** Half-width of the local averaging window of the a priori SNR (1 bin of 31.25 Hz in Cohen-Berdugo). */
    static final double LOCAL_HALF_HZ = 31.25;
    /** Half-width of the global averaging window (15 bins of 31.25 Hz in Cohen-Berdugo). */
    static final double GLOBAL_HALF_HZ = 468.75;
    /** Recursive averaging of the a priori SNR per frame (Cohen-Berdugo: 0.7 at 16 ms hop). */
    static final double ZETA_SMOOTHING = 0.7;
    /** Below this averaged a priori SNR speech is taken as absent (Cohen-Berdugo: -10 dB). */
    static final double ZETA_MIN = 0.1;
    /** Above this it is taken as present (Cohen-Berdugo: -5 dB). */
    static final double ZETA_MAX = 0.3162;
    /** Largest a priori speech absence probability (Cohen-Berdugo: 0.95). */
    static final double Q_MAX = 0.95;

    private final DenoiserTuning tuning;
    private final int bins;
    private final double alphaNoise;
    private final double alphaSpp;
    private final double alphaDd;
    private final double xiMin;
    private final double sppExpFactor;
    private final double sppNumerator;
    private final int smoothingHalfWidth;
    private final double zetaSmoothing;
    private final double[] noisePower;
    private final double[] noiseFloor;
    private final double[] sppSmoothed;
    private final double[] prevCleanPower;
    private final double[] gain;
    private final double[] scratch;
    private final double[] xiPrev;
    private final double[] zeta;
    private final double[] absence;
    private final int localHalf;
    private final int globalHalf;
    private final CepstralSmoother smoother;
    private double gainFloor;
    private boolean haveNoise;
    private boolean haveFloor;
    private long frames;

    /**
     * @param tuning           algorithm constants
     * @param fftSize          transform size of the frames
     * @param hopFrames        samples between frames
     * @param sampleRateHz     sample rate
     * @param reductionLimitDb largest attenuation applied, dB (the gain floor is its negative)
     */
    public SpectralDenoiser(final DenoiserTuning tuning, final int fftSize, final int hopFrames,
        final double sampleRateHz, final double reductionLimitDb) {
        this.tuning = tuning;
        this.bins = fftSize / 2 + 1;
        final double hopMs = 1000.0 * hopFrames / sampleRateHz;
        this.alphaNoise = rescale(tuning.noiseSmoothing(), hopMs, tuning.referenceHopMs());
        this.alphaSpp = rescale(tuning.sppSmoothing(), hopMs, tuning.referenceHopMs());
        this.alphaDd = tuning.ddWeight();
        this.zetaSmoothing = rescale(ZETA_SMOOTHING, hopMs, tuning.referenceHopMs());
        this.xiMin = Math.pow(10.0, tuning.xiMinDb() / 10.0);
        final double xiH1 = Math.pow(10.0, tuning.sppXiH1Db() / 10.0);
        this.sppExpFactor = xiH1 / (1.0 + xiH1);
        this.sppNumerator = (1.0 + xiH1) * tuning.sppPriorAbsence() / (1.0 - tuning.sppPriorAbsence());
        this.smoothingHalfWidth = (int)Math.round(tuning.smoothingWidthHz() * fftSize / sampleRateHz);
        this.noisePower = new double[bins];
        this.noiseFloor = new double[bins];
        this.sppSmoothed = new double[bins];
        this.prevCleanPower = new double[bins];
        this.gain = new double[bins];
        this.scratch = new double[bins];
        this.xiPrev = new double[bins];
        this.zeta = new double[bins];
        this.absence = new double[bins];
        // Cohen-Berdugo local and global windows: 3 and 31 bins at 8 kHz / 256 points, i.e. in Hz
        this.localHalf = Math.max(1, (int)Math.round(LOCAL_HALF_HZ * fftSize / sampleRateHz));
        this.globalHalf = Math.max(localHalf + 1, (int)Math.round(GLOBAL_HALF_HZ * fftSize / sampleRateHz));
        this.smoother = tuning.cepstralSmoothing() ? new CepstralSmoother(fftSize, sampleRateHz, hopMs, tuning) : null;
        setReductionLimitDb(reductionLimitDb);
        reset();
    }

    /**
     * Converts a first-order smoothing constant given at one hop to another hop with the same time constant.
     *
     * @param alpha    constant at the reference hop
     * @param hopMs    actual hop, ms
     * @param refHopMs reference hop, ms
     * @return the constant at {@code hopMs}
     */
    static double rescale(final double alpha, final double hopMs, final double refHopMs) {
        return Math.pow(alpha, hopMs / refHopMs);
    }

    /**
     * Changes the reduction limit (audio thread; takes effect on the next frame).
     *
     * @param db largest attenuation, dB, 0 or more
     */
    public void setReductionLimitDb(final double db) {
        this.gainFloor = Math.pow(10.0, -Math.max(0.0, db) / 20.0);
    }

    /** @return the current gain floor, linear */
    public double gainFloor() {
        return gainFloor;
    }

    /**
     * Sets a lower bound for the noise estimate, in the frames' power units ({@code |X|^2}), and seeds the
     * estimate with the unscaled values. Setup code.
     *
     * @param floorPower per-bin noise power, {@code bins()} values, or null to remove the bound
     * @param scale      factor applied to the bound (0.25 lets the room get 6 dB quieter than the profile)
     */
    public void setNoiseFloor(final double[] floorPower, final double scale) {
        if (floorPower == null) {
            haveFloor = false;
            return;
        }
        for (int k = 0; k < bins; k++) {
            noiseFloor[k] = floorPower[k] * scale;
        }
        haveFloor = true;
        System.arraycopy(floorPower, 0, noisePower, 0, bins);
        haveNoise = true;
    }

    /** Clears all state (noise estimate, SNR memory, smoother); a profile's floor stays and re-seeds the estimate. */
    public void reset() {
        Arrays.fill(noisePower, 0.0);
        Arrays.fill(sppSmoothed, 0.0);
        Arrays.fill(prevCleanPower, 0.0);
        Arrays.fill(gain, 1.0);
        Arrays.fill(xiPrev, 0.0);
        Arrays.fill(zeta, 0.0);
        Arrays.fill(absence, 0.0);
        if (smoother != null) {
            smoother.reset();
        }
        haveNoise = false;
        if (haveFloor) {
            for (int k = 0; k < bins; k++) {
                noisePower[k] = noiseFloor[k];
            }
            haveNoise = true;
        }
        frames = 0;
    }

    /** @return bins per frame */
    public int bins() {
        return bins;
    }

    /** @return the current noise power estimate per bin (read-only view) */
    public double[] noisePower() {
        return noisePower;
    }

    /** @return the gain applied to the last frame, per bin (read-only view) */
    public double[] gain() {
        return gain;
    }

    /** @return frames processed since the last reset */
    public long frames() {
        return frames;
    }

    /**
     * Updates the estimates with one frame whose window the signal fills, and applies the gain in place.
     *
     * @param complex interleaved {@code (re, im)} spectrum, {@code 2 * bins()} values from {@code offset}
     * @param offset  index of bin 0's real part
     */
    public void process(final float[] complex, final int offset) {
        process(complex, offset, 1.0);
    }

    /**
     * Updates the estimates with one frame and multiplies it by the suppression gain, in place. While the
     * signal does not yet fill the analysis window (the start of a stream, or after digital silence), the
     * frame's power, scaled up by the filled share of the window energy, is taken as the noise estimate:
     * the start of a stream is the best guess of its noise, and the tracker corrects it within frames if
     * speech was there.
     *
     * @param complex        interleaved {@code (re, im)} spectrum, {@code 2 * bins()} values from {@code offset}
     * @param offset         index of bin 0's real part
     * @param filledFraction share of the analysis window energy the signal covers, 0 to 1
     */
    public void process(final float[] complex, final int offset, final double filledFraction) {
        frames++;
        if (filledFraction < MIN_FILLED_FRACTION) {
            return;
        }
        final boolean warmup = filledFraction < 1.0 && !haveFloor;
        if (warmup || !haveNoise) {
            final double scale = 1.0 / filledFraction;
            for (int k = 0; k < bins; k++) {
                noisePower[k] = power(complex, offset, k) * scale;
            }
            haveNoise = true;
        }
        final double floor = gainFloor;
        final double logFloor = Math.log(floor);
        final boolean omlsa = tuning.gainRule() == DenoiserTuning.GainRule.OMLSA;
        if (omlsa) {
            estimateAbsence();
        }
        for (int k = 0; k < bins; k++) {
            final double y = power(complex, offset, k);
            final double n = warmup ? Math.max(noisePower[k], TINY) : trackNoise(k, y);
            final double gamma = y / n;
            final double xi = Math.max(alphaDd * prevCleanPower[k] / n + (1.0 - alphaDd) * Math.max(gamma - 1.0, 0.0),
                xiMin);
            final double v = xi * gamma / (1.0 + xi);
            final double expMinusV = Math.exp(-v);
            final double wiener = xi / (1.0 + xi);
            final double gH1;
            final double logGH1;
            if (tuning.gainRule() == DenoiserTuning.GainRule.WIENER) {
                gH1 = wiener;
                logGH1 = Math.log(Math.max(wiener, TINY));
            } else {
                logGH1 = Math.min(0.0, Math.log(wiener) + 0.5 * SpecialFunctions.expint(v, expMinusV));
                gH1 = Math.exp(logGH1);
            }
            prevCleanPower[k] = gH1 * gH1 * y;
            xiPrev[k] = xi;
            double g = gH1;
            if (omlsa) {
                final double q = absence[k];
                final double presence = q <= 0 ? 1.0 : 1.0 / (1.0 + q / (1.0 - q) * (1.0 + xi) * expMinusV);
                g = Math.exp(presence * logGH1 + (1.0 - presence) * logFloor);
            }
            gain[k] = Math.max(g, floor);
        }
        if (tuning.smoothingRatio() > 0 && smoothingHalfWidth > 0) {
            smoothNoiseFrames(complex, offset, floor);
        }
        if (smoother != null) {
            smoothCepstrally(complex, offset, floor);
        }
        for (int k = 0; k < bins; k++) {
            final float g = (float)gain[k];
            complex[offset + 2 * k] *= g;
            complex[offset + 2 * k + 1] *= g;
        }
    }

    /**
     * A priori speech absence probability per bin from the previous frame's a priori SNR (Cohen and Berdugo,
     * "Speech enhancement for non-stationary noise environments", Signal Processing 2001): the recursively
     * averaged SNR is averaged again over a local and a global frequency window and over the frame; each
     * average maps to a presence likelihood (0 below -10 dB, 1 above -5 dB, log-linear between) and
     * {@code q = 1 - P_local * P_global * P_frame}, at most 0.95.
     */
    private void estimateAbsence() {
        double frameSum = 0;
        for (int k = 0; k < bins; k++) {
            zeta[k] = zetaSmoothing * zeta[k] + (1.0 - zetaSmoothing) * xiPrev[k];
            frameSum += zeta[k];
        }
        final double pFrame = likelihood(frameSum / bins);
        double localSum = 0;
        double globalSum = 0;
        int lLo = 0;
        int lHi = -1;
        int gLo = 0;
        int gHi = -1;
        for (int k = 0; k < bins; k++) {
            final int wantLHi = Math.min(bins - 1, k + localHalf);
            final int wantGHi = Math.min(bins - 1, k + globalHalf);
            while (lHi < wantLHi) {
                localSum += zeta[++lHi];
            }
            while (gHi < wantGHi) {
                globalSum += zeta[++gHi];
            }
            while (lLo < k - localHalf) {
                localSum -= zeta[lLo++];
            }
            while (gLo < k - globalHalf) {
                globalSum -= zeta[gLo++];
            }
            final double pLocal = likelihood(localSum / (lHi - lLo + 1));
            final double pGlobal = likelihood(globalSum / (gHi - gLo + 1));
            absence[k] = Math.min(Q_MAX, 1.0 - pLocal * pGlobal * pFrame);
        }
    }

    private static double likelihood(final double z) {
        if (z <= ZETA_MIN) {
            return 0.0;
        }
        if (z >= ZETA_MAX) {
            return 1.0;
        }
        return Math.log(z / ZETA_MIN) / Math.log(ZETA_MAX / ZETA_MIN);
    }

    private static double power(final float[] complex, final int offset, final int k) {
        final double re = complex[offset + 2 * k];
        final double im = complex[offset + 2 * k + 1];
        return re * re + im * im;
    }

    /** Gerkmann-Hendriks update of bin {@code k} with periodogram {@code y}; returns the new estimate. */
    private double trackNoise(final int k, final double y) {
        double n = Math.max(noisePower[k], TINY);
        double p = 1.0 / (1.0 + sppNumerator * Math.exp(-(y / n) * sppExpFactor));
        sppSmoothed[k] = alphaSpp * sppSmoothed[k] + (1.0 - alphaSpp) * p;
        if (sppSmoothed[k] > 0.99) {
            p = Math.min(p, 0.99);
        }
        n = alphaNoise * n + (1.0 - alphaNoise) * ((1.0 - p) * y + p * n);
        if (haveFloor && n < noiseFloor[k]) {
            n = noiseFloor[k];
        }
        n = Math.max(n, TINY);
        noisePower[k] = n;
        return n;
    }

    /**
     * Musical-noise suppression after Esch and Vary ("Efficient musical noise suppression for speech
     * enhancement systems", ICASSP 2009): where the estimated speech power is a small share of the noisy
     * power, the gain is averaged over frequency with a window that widens as that share falls, so isolated
     * gain peaks (musical tones) spread into a smooth floor; frames with speech keep their gains.
     */
    private void smoothNoiseFrames(final float[] complex, final int offset, final double floor) {
        double speech = 0;
        double noisy = 0;
        for (int k = 0; k < bins; k++) {
            final double y = power(complex, offset, k);
            noisy += y;
            speech += gain[k] * gain[k] * y;
        }
        final double ratio = noisy > 0 ? speech / noisy : 0.0;
        if (ratio >= tuning.smoothingRatio()) {
            return;
        }
        final int half = (int)Math.round((1.0 - ratio / tuning.smoothingRatio()) * smoothingHalfWidth);
        if (half < 1) {
            return;
        }
        double sum = 0;
        int lo = 0;
        int hi = -1;
        for (int k = 0; k < bins; k++) {
            final int wantHi = Math.min(bins - 1, k + half);
            final int wantLo = Math.max(0, k - half);
            while (hi < wantHi) {
                hi++;
                sum += gain[hi];
            }
            while (lo < wantLo) {
                sum -= gain[lo];
                lo++;
            }
            scratch[k] = sum / (hi - lo + 1);
        }
        for (int k = 0; k < bins; k++) {
            gain[k] = Math.max(floor, scratch[k]);
        }
    }

    private void smoothCepstrally(final float[] complex, final int offset, final double floor) {
        final int pitchQ = smoother.pitchQuefrency(complex, offset);
        for (int k = 0; k < bins; k++) {
            gain[k] = Math.log(gain[k]);
        }
        smoother.smoothLog(gain, pitchQ);
        for (int k = 0; k < bins; k++) {
            gain[k] = Math.max(floor, Math.min(1.0, Math.exp(gain[k])));
        }
    }
}
