package org.earshot.detectors.denoise;

/**
 * Algorithm constants of the {@link SpectralDenoiser}. {@link #DEFAULTS} are the published values of each
 * method, converted from the hop they were given at where they are time constants; none is fitted to a
 * recording. The record exists so that tests and the evaluation harness can state what they ran.
 *
 * @param referenceHopMs     hop at which the noise tracker's smoothing constants are given, ms
 * @param noiseSmoothing     smoothing of the noise power per reference hop (Gerkmann-Hendriks: 0.8)
 * @param sppSmoothing       smoothing of the speech presence probability used for stagnation control per
 *                           reference hop (Gerkmann-Hendriks: 0.9)
 * @param sppXiH1Db          a priori SNR assumed under speech presence in the tracker, dB (Gerkmann-Hendriks: 15)
 * @param sppPriorAbsence    prior probability of speech absence in the tracker (Gerkmann-Hendriks: 0.5)
 * @param ddWeight           decision-directed weight per frame (Ephraim-Malah, Cappe: 0.96 to 0.99)
 * @param xiMinDb            lower bound of the a priori SNR, dB (Cappe 1994: -15 to -25)
 * @param gainRule           gain function
 * @param smoothingRatio     frame speech-to-noisy power ratio below which the gain is smoothed over frequency
 *                           (Esch-Vary: 0.4); 0 turns it off
 * @param smoothingWidthHz   half-width of that smoothing for a frame with no speech at all, Hz (Esch-Vary:
 *                           10 bins of 31.25 Hz)
 * @param cepstralSmoothing  whether the gain is also smoothed over time in the cepstral domain (Breithaupt et
 *                           al.); off by default: it removes musical noise well but blurs speech onsets
 * @param cepsEnvelopeMs     quefrencies below this (the spectral envelope) are not smoothed, ms
 * @param cepsSmoothing      smoothing of the other quefrencies per reference hop
 * @param cepsPitchSmoothing smoothing around the detected pitch quefrency per reference hop
 */
public record DenoiserTuning(
    double referenceHopMs,
    double noiseSmoothing,
    double sppSmoothing,
    double sppXiH1Db,
    double sppPriorAbsence,
    double ddWeight,
    double xiMinDb,
    GainRule gainRule,
    double smoothingRatio,
    double smoothingWidthHz,
    boolean cepstralSmoothing,
    double cepsEnvelopeMs,
    double cepsSmoothing,
    double cepsPitchSmoothing) {

    /** Gain functions. */
    public enum GainRule {
        /** Wiener gain {@code xi / (1 + xi)}. */
        WIENER,
        /** MMSE log-spectral amplitude estimator (Ephraim-Malah 1985). */
        LSA,
        /**
         * LSA under speech presence uncertainty, floored geometrically (Cohen's OM-LSA), with the a priori
         * speech absence probability estimated per bin and frame (Cohen-Berdugo 2001): in noise-only
         * stretches the gain sits at the reduction limit.
         */
        OMLSA
    }

    /** The defaults. */
    public static final DenoiserTuning DEFAULTS = new DenoiserTuning(
        16.0, 0.8, 0.9, 15.0, 0.5, 0.97, -25.0, GainRule.OMLSA, 0.4, 300.0, false, 0.5, 0.97, 0.2);

    /**
     * @throws IllegalArgumentException naming the field, its range and the value
     */
    public DenoiserTuning {
        check("referenceHopMs", referenceHopMs, 1, 100);
        check("noiseSmoothing", noiseSmoothing, 0, 0.9999);
        check("sppSmoothing", sppSmoothing, 0, 0.9999);
        check("sppXiH1Db", sppXiH1Db, 0, 40);
        check("sppPriorAbsence", sppPriorAbsence, 0.01, 0.99);
        check("ddWeight", ddWeight, 0, 0.9999);
        check("xiMinDb", xiMinDb, -60, 0);
        check("smoothingRatio", smoothingRatio, 0, 1);
        check("smoothingWidthHz", smoothingWidthHz, 0, 4000);
        check("cepsEnvelopeMs", cepsEnvelopeMs, 0, 10);
        check("cepsSmoothing", cepsSmoothing, 0, 0.9999);
        check("cepsPitchSmoothing", cepsPitchSmoothing, 0, 0.9999);
        if (gainRule == null) {
            throw new IllegalArgumentException("gainRule must not be null");
        }
    }

    /**
     * @param rule gain function
     * @return a copy using it
     */
    public DenoiserTuning withGainRule(final GainRule rule) {
        return new DenoiserTuning(referenceHopMs, noiseSmoothing, sppSmoothing, sppXiH1Db, sppPriorAbsence, ddWeight,
            xiMinDb, rule, smoothingRatio, smoothingWidthHz, cepstralSmoothing, cepsEnvelopeMs,
            cepsSmoothing, cepsPitchSmoothing);
    }

    /**
     * @param on whether to smooth the gain in the cepstral domain
     * @return a copy
     */
    public DenoiserTuning withCepstralSmoothing(final boolean on) {
        return new DenoiserTuning(referenceHopMs, noiseSmoothing, sppSmoothing, sppXiH1Db, sppPriorAbsence, ddWeight,
            xiMinDb, gainRule, smoothingRatio, smoothingWidthHz, on, cepsEnvelopeMs,
            cepsSmoothing, cepsPitchSmoothing);
    }

    /**
     * @param ratio Esch-Vary threshold, 0 to turn the frequency smoothing off
     * @return a copy
     */
    public DenoiserTuning withSmoothingRatio(final double ratio) {
        return new DenoiserTuning(referenceHopMs, noiseSmoothing, sppSmoothing, sppXiH1Db, sppPriorAbsence, ddWeight,
            xiMinDb, gainRule, ratio, smoothingWidthHz, cepstralSmoothing, cepsEnvelopeMs,
            cepsSmoothing, cepsPitchSmoothing);
    }

    /**
     * @param weight decision-directed weight per frame
     * @return a copy
     */
    public DenoiserTuning withDdWeight(final double weight) {
        return new DenoiserTuning(referenceHopMs, noiseSmoothing, sppSmoothing, sppXiH1Db, sppPriorAbsence, weight,
            xiMinDb, gainRule, smoothingRatio, smoothingWidthHz, cepstralSmoothing, cepsEnvelopeMs,
            cepsSmoothing, cepsPitchSmoothing);
    }

    private static void check(final String field, final double v, final double lo, final double hi) {
        if (!(v >= lo && v <= hi)) {
            throw new IllegalArgumentException(field + " must be in [" + lo + ", " + hi + "], got " + v);
        }
    }
}
