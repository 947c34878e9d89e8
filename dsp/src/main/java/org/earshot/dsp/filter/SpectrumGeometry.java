package org.earshot.dsp.filter;

import org.earshot.dsp.stft.StftConfig;

/** Shared checks of the spectrum a filterbank is built for. */
final class SpectrumGeometry {
    /** Lowest sample rate accepted. */
    static final int MIN_SAMPLE_RATE_HZ = 8_000;
    /** Highest sample rate accepted. */
    static final int MAX_SAMPLE_RATE_HZ = 192_000;

    private SpectrumGeometry() {
    }

    static void check(final int sampleRateHz, final int fftSize, final double maxHz) {
        if (sampleRateHz < MIN_SAMPLE_RATE_HZ || sampleRateHz > MAX_SAMPLE_RATE_HZ) {
            throw new IllegalArgumentException("sampleRateHz must be in [" + MIN_SAMPLE_RATE_HZ + ", "
                + MAX_SAMPLE_RATE_HZ + "], got " + sampleRateHz);
        }
        if (fftSize < StftConfig.MIN_WINDOW_LENGTH || fftSize > StftConfig.MAX_FFT_SIZE
            || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("fftSize must be a power of two in [" + StftConfig.MIN_WINDOW_LENGTH
                + ", " + StftConfig.MAX_FFT_SIZE + "], got " + fftSize);
        }
        if (maxHz > sampleRateHz / 2.0) {
            throw new IllegalArgumentException("maxHz must be <= sampleRateHz/2=" + (sampleRateHz / 2.0) + ", got "
                + maxHz);
        }
    }
}
