package org.earshot.detectors.denoise;

import java.util.Arrays;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Selective temporal smoothing in the cepstral domain (Breithaupt, Gerkmann and Martin, "Cepstral smoothing
 * of spectral filter gains for speech enhancement without musical noise", IEEE SPL 2007): a log spectrum
 * per frame is taken to the cepstrum, each quefrency is smoothed over time with its own constant and the
 * result is taken back. Low quefrencies (the spectral envelope) and those around the pitch period of voiced
 * speech follow at once; all others are smoothed strongly. Residual-noise peaks, which are short in
 * frequency and random in time, live at high quefrencies and are averaged away; speech structure is kept.
 *
 * <p>The pitch quefrency is searched in the cepstrum of the noisy frame, between 70 and 500 Hz.
 * Allocation happens only in the constructor.
 */
final class CepstralSmoother {
    /** Lowest pitch searched, Hz. */
    static final double MIN_PITCH_HZ = 70.0;
    /** Highest pitch searched, Hz. */
    static final double MAX_PITCH_HZ = 500.0;
    /** A cepstral peak above this (natural-log amplitude cepstrum) marks a voiced frame. */
    static final double PITCH_THRESHOLD = 0.2;

    private final int fftSize;
    private final int half;
    private final double[] buffer;
    private final double[] cepstrum;
    private final double[] smoothed;
    private final double[] betaConst;
    private final double[] beta;
    private final double betaSmoothing;
    private final double pitchBeta;
    private final int pitchHalfWidth;
    private final int minPitchQ;
    private final int maxPitchQ;
    private final DoubleFFT_1D fft;
    private boolean primed;

    /**
     * @param fftSize      transform size of the frames
     * @param sampleRateHz sample rate
     * @param hopMs        hop between frames, ms
     * @param tuning       constants
     */
    CepstralSmoother(final int fftSize, final double sampleRateHz, final double hopMs, final DenoiserTuning tuning) {
        this.fftSize = fftSize;
        this.half = fftSize / 2;
        this.buffer = new double[fftSize];
        this.cepstrum = new double[half + 1];
        this.smoothed = new double[half + 1];
        this.betaConst = new double[half + 1];
        this.beta = new double[half + 1];
        final double ref = tuning.referenceHopMs();
        final double slow = SpectralDenoiser.rescale(tuning.cepsSmoothing(), hopMs, ref);
        this.pitchBeta = SpectralDenoiser.rescale(tuning.cepsPitchSmoothing(), hopMs, ref);
        this.betaSmoothing = SpectralDenoiser.rescale(0.96, hopMs, ref);
        final int envelopeQ = (int)Math.round(tuning.cepsEnvelopeMs() * sampleRateHz / 1000.0);
        for (int q = 0; q <= half; q++) {
            betaConst[q] = q <= envelopeQ ? 0.0 : slow;
        }
        this.pitchHalfWidth = Math.max(1, (int)Math.round(0.25e-3 * sampleRateHz));
        this.minPitchQ = Math.max(envelopeQ + 1, (int)Math.floor(sampleRateHz / MAX_PITCH_HZ));
        this.maxPitchQ = Math.min(half - pitchHalfWidth, (int)Math.ceil(sampleRateHz / MIN_PITCH_HZ));
        this.fft = new DoubleFFT_1D(fftSize);
        reset();
    }

    void reset() {
        Arrays.fill(smoothed, 0.0);
        System.arraycopy(betaConst, 0, beta, 0, beta.length);
        primed = false;
    }

    /**
     * Finds the pitch quefrency of a frame from its spectrum.
     *
     * @param complex interleaved spectrum of the noisy frame
     * @param offset  index of bin 0's real part
     * @return the quefrency, or -1 if the frame is not voiced
     */
    int pitchQuefrency(final float[] complex, final int offset) {
        for (int k = 0; k <= half; k++) {
            final double re = complex[offset + 2 * k];
            final double im = complex[offset + 2 * k + 1];
            buffer[k] = 0.5 * Math.log(re * re + im * im + 1e-30);
        }
        toCepstrum();
        if (minPitchQ >= maxPitchQ) {
            return -1;
        }
        int best = -1;
        double bestValue = PITCH_THRESHOLD;
        for (int q = minPitchQ; q <= maxPitchQ; q++) {
            if (cepstrum[q] > bestValue) {
                bestValue = cepstrum[q];
                best = q;
            }
        }
        return best;
    }

    /**
     * Smooths a log spectrum in place.
     *
     * @param logValues natural log per bin, {@code fftSize/2 + 1} values; replaced by the smoothed values
     * @param pitchQ    pitch quefrency of this frame, or -1
     */
    void smoothLog(final double[] logValues, final int pitchQ) {
        System.arraycopy(logValues, 0, buffer, 0, half + 1);
        toCepstrum();
        for (int q = 0; q <= half; q++) {
            double target = betaConst[q];
            if (pitchQ > 0 && q >= pitchQ - pitchHalfWidth && q <= pitchQ + pitchHalfWidth) {
                target = Math.min(target, pitchBeta);
            }
            beta[q] = betaSmoothing * beta[q] + (1.0 - betaSmoothing) * target;
            final double b = primed ? beta[q] : 0.0;
            smoothed[q] = b * smoothed[q] + (1.0 - b) * cepstrum[q];
        }
        primed = true;
        // back: the cosine transform of the symmetric cepstrum
        buffer[0] = smoothed[0];
        for (int q = 1; q < half; q++) {
            buffer[q] = smoothed[q];
            buffer[fftSize - q] = smoothed[q];
        }
        buffer[half] = smoothed[half];
        fft.realForward(buffer);
        logValues[0] = buffer[0];
        for (int k = 1; k < half; k++) {
            logValues[k] = buffer[2 * k];
        }
        logValues[half] = buffer[1];
    }

    /** buffer[0..half] holds a log spectrum; leaves its real cepstrum in cepstrum[0..half]. */
    private void toCepstrum() {
        for (int k = 1; k < half; k++) {
            buffer[fftSize - k] = buffer[k];
        }
        fft.realForward(buffer);
        final double scale = 1.0 / fftSize;
        cepstrum[0] = buffer[0] * scale;
        for (int q = 1; q < half; q++) {
            cepstrum[q] = buffer[2 * q] * scale;
        }
        cepstrum[half] = buffer[1] * scale;
    }
}
