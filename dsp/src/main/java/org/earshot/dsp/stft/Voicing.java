package org.earshot.dsp.stft;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * How voiced a frame is: the highest normalised autocorrelation, over the lags of a pitch range, of the frame with
 * its spectral envelope divided out. The power spectrum is divided by its own moving average over
 * {@value #ENVELOPE_HZ} Hz (wider than the spacing of a voice's harmonics), so noise of any colour (pink, brown, a
 * fire, rain) and an impulse (a tick, a blow) become flat and correlate with nothing at those lags, while a harmonic
 * comb keeps its ripple and correlates at its period. A windowed frame's autocorrelation at lag {@code L} is the
 * signal's times the window's own normalised autocorrelation at {@code L} (Boersma 1993), which for a 25 ms Hann window
 * is 0.33 at the period of a 100 Hz voice and 0.17 at 80 Hz: each lag is divided by it, but by no less than
 * {@value #MIN_WINDOW_GAIN}, so that the longest lags, which hold few products, do not amplify noise without bound. With a
 * 25 ms window at 16 kHz: about 0.28 on average for noise of any colour, under 0.1 for clicks, over 0.9 for a vowel
 * whose pitch is 100–400 Hz, 0.73 at 90 Hz and 0.43 at 80 Hz ({@code VoicingTest}; before the division a low voice
 * read weak: 0.38 at 100 Hz, 0.27 at 90 Hz). A lone low sinusoid, which has a period but no comb (a hum, a thud's
 * resonance), reads 0.27–0.39 on average at 60–150 Hz. Allocation happens only in the constructor.
 */
public final class Voicing {
    /** Width of the moving average that estimates the spectral envelope, Hz. */
    static final double ENVELOPE_HZ = 1000;
    /** The least window autocorrelation a lag is divided by: lags whose own is lower are amplified no further. */
    static final float MIN_WINDOW_GAIN = 0.3f;

    private final FloatFFT_1D fft;
    private final int n;
    private final float[] buf;
    private final int minLag;
    private final int maxLag;
    private final int halfWidth;
    private final int minBin;
    private final int maxBin;
    /** Per lag up to the longest period: what the divisor of that lag's autocorrelation is, the window's own. */
    private final float[] windowGain;

    /**
     * @param config       the STFT whose power spectra are measured (its FFT size)
     * @param sampleRateHz the STFT's rate
     * @param minHz        lowest fundamental looked for
     * @param maxHz        highest fundamental looked for
     * @param maxBandHz    highest frequency whose harmonics count (a voice's comb is clearest below 4 kHz)
     * @throws IllegalArgumentException if the range holds no lag
     */
    public Voicing(final StftConfig config, final int sampleRateHz, final double minHz, final double maxHz,
        final double maxBandHz) {
        this.n = config.fftSize();
        this.minLag = (int)Math.ceil(sampleRateHz / maxHz);
        this.maxLag = (int)Math.min(Math.floor(sampleRateHz / minHz), config.windowLength() / 2);
        if (!(minHz > 0 && maxHz > minHz) || minLag < 1 || maxLag < minLag) {
            throw new IllegalArgumentException("no lag between " + minHz + " and " + maxHz + " Hz at " + sampleRateHz
                + " Hz with a window of " + config.windowLength());
        }
        final double binHz = (double)sampleRateHz / n;
        this.halfWidth = Math.max(1, (int)Math.round(ENVELOPE_HZ / binHz / 2));
        this.minBin = Math.max(1, (int)Math.floor(minHz / binHz));
        this.maxBin = Math.min(n / 2 - 1, (int)Math.ceil(maxBandHz / binHz));
        this.fft = new FloatFFT_1D(n);
        this.buf = new float[n];
        final float[] w = config.window().periodic(config.windowLength());
        double w0 = 0;
        for (final float v : w) {
            w0 += (double)v * v;
        }
        this.windowGain = new float[maxLag + 1];
        for (int lag = 0; lag <= maxLag; lag++) {
            double s = 0;
            for (int i = 0; i + lag < w.length; i++) {
                s += (double)w[i] * w[i + lag];
            }
            windowGain[lag] = (float)Math.max(MIN_WINDOW_GAIN, s / w0);
        }
    }

    /**
     * @param power the frame's power spectrum, {@code fftSize / 2 + 1} bins
     * @return the voicing, 0 to 1
     */
    public float of(final float[] power) {
        final int half = n / 2;
        // the power divided by its moving average over ENVELOPE_HZ (the whitened frame's power), in the band
        double window = 0;
        int lo = Math.max(0, minBin - halfWidth);
        int hi = Math.min(half, minBin + halfWidth);
        for (int k = lo; k <= hi; k++) {
            window += power[k];
        }
        // written straight into the transform's packed layout (re at 2k, im 0); bins outside the band stay 0
        java.util.Arrays.fill(buf, 0f);
        double energy = 0;
        for (int k = minBin; k <= maxBin; k++) {
            final double mean = window / (hi - lo + 1);
            final float white = mean > 1e-30 ? (float)(power[k] / mean) : 0f;
            buf[2 * k] = white;
            energy += white;
            // slide the average: drop the bin that leaves on the left, add the one that enters on the right
            if (k + 1 - halfWidth > lo) {
                window -= power[lo];
                lo++;
            }
            if (hi < half && k + 1 + halfWidth > hi) {
                hi++;
                window += power[hi];
            }
        }
        if (!(energy > 1e-12)) {
            return 0f;
        }
        // the inverse transform of the whitened power is the whitened frame's autocorrelation
        fft.realInverse(buf, false);
        final float r0 = buf[0];
        if (!(r0 > 0f)) {
            return 0f;
        }
        float best = 0f;
        for (int lag = minLag; lag <= maxLag; lag++) {
            best = Math.max(best, buf[lag] / (r0 * windowGain[lag]));
        }
        return Math.min(1f, best);
    }
}
