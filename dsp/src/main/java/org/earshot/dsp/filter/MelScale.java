package org.earshot.dsp.filter;

/** Mel-scale conventions: conversions between Hz and mel. */
public enum MelScale {
    /** HTK / O'Shaughnessy: {@code mel = 2595 log10(1 + f/700)}; used by HTK, madmom and Kaldi. */
    HTK,
    /**
     * Slaney's Auditory Toolbox: linear below 1 kHz ({@code mel = 3f/200}), logarithmic above
     * ({@code mel = 15 + 27 ln(f/1000) / ln 6.4}); librosa's default.
     */
    SLANEY;

    private static final double SLANEY_BREAK_HZ = 1000.0;
    private static final double SLANEY_HZ_PER_MEL = 200.0 / 3.0;
    private static final double SLANEY_BREAK_MEL = SLANEY_BREAK_HZ / SLANEY_HZ_PER_MEL;
    private static final double SLANEY_LOG_STEP = Math.log(6.4) / 27.0;

    /**
     * @param hz frequency in Hz, 0 or more
     * @return the frequency in mel
     */
    public double hzToMel(final double hz) {
        if (this == HTK) {
            return 2595.0 * Math.log10(1.0 + hz / 700.0);
        }
        return hz < SLANEY_BREAK_HZ ? hz / SLANEY_HZ_PER_MEL
            : SLANEY_BREAK_MEL + Math.log(hz / SLANEY_BREAK_HZ) / SLANEY_LOG_STEP;
    }

    /**
     * @param mel frequency in mel, 0 or more
     * @return the frequency in Hz
     */
    public double melToHz(final double mel) {
        if (this == HTK) {
            return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
        }
        return mel < SLANEY_BREAK_MEL ? mel * SLANEY_HZ_PER_MEL
            : SLANEY_BREAK_HZ * Math.exp(SLANEY_LOG_STEP * (mel - SLANEY_BREAK_MEL));
    }
}
