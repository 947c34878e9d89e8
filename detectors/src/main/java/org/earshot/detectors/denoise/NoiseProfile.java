package org.earshot.detectors.denoise;

import java.util.Arrays;

/**
 * A room's noise as a power spectral density: what {@code earshot learn-noise} captures and the denoiser
 * (or the NMF separator) uses for stationary-but-strong noise such as fans, hum or air conditioning.
 *
 * <p>The density is two-sided, in full-scale units squared per hertz, in dB: white noise of variance
 * {@code s2} at rate {@code fs} has {@code 10 log10(s2 / fs)} everywhere. Being a density over hertz, a
 * profile learned at one sample rate or FFT size applies at any other (frequencies beyond the profile take
 * its last value).
 *
 * @param frequenciesHz ascending frequencies, 2 or more, the first 0
 * @param densityDb     density at each frequency, dB re 1 FS^2/Hz
 * @param framesAveraged STFT frames averaged to make it (information)
 */
public record NoiseProfile(double[] frequenciesHz, double[] densityDb, long framesAveraged) {
    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException naming the field and the problem
     */
    public NoiseProfile {
        if (frequenciesHz == null || densityDb == null || frequenciesHz.length < 2
            || frequenciesHz.length != densityDb.length) {
            throw new IllegalArgumentException("frequenciesHz and densityDb must have the same length, 2 or more");
        }
        frequenciesHz = frequenciesHz.clone();
        densityDb = densityDb.clone();
        if (frequenciesHz[0] != 0.0) {
            throw new IllegalArgumentException("frequenciesHz must start at 0, got " + frequenciesHz[0]);
        }
        for (int i = 1; i < frequenciesHz.length; i++) {
            if (!(frequenciesHz[i] > frequenciesHz[i - 1])) {
                throw new IllegalArgumentException("frequenciesHz must be ascending, got " + frequenciesHz[i]
                    + " after " + frequenciesHz[i - 1]);
            }
        }
        for (final double d : densityDb) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("densityDb must be finite, got " + d);
            }
        }
    }

    @Override
    public double[] frequenciesHz() {
        return frequenciesHz.clone();
    }

    @Override
    public double[] densityDb() {
        return densityDb.clone();
    }

    /**
     * @param hz a frequency
     * @return the density there, dB, interpolated linearly in dB between the profile's points
     */
    public double densityDbAt(final double hz) {
        final int last = frequenciesHz.length - 1;
        if (hz <= 0) {
            return densityDb[0];
        }
        if (hz >= frequenciesHz[last]) {
            return densityDb[last];
        }
        int i = Arrays.binarySearch(frequenciesHz, hz);
        if (i >= 0) {
            return densityDb[i];
        }
        i = -i - 1;
        final double t = (hz - frequenciesHz[i - 1]) / (frequenciesHz[i] - frequenciesHz[i - 1]);
        return densityDb[i - 1] + t * (densityDb[i] - densityDb[i - 1]);
    }

    /**
     * The expected {@code |X[k]|^2} of this noise in an unnormalised STFT of the given geometry (setup code:
     * allocates).
     *
     * @param fftSize        transform size
     * @param sampleRateHz   sample rate
     * @param windowSquaresSum sum of the squared analysis window coefficients
     * @return per-bin expected power, {@code fftSize/2 + 1} values
     */
    public double[] binPower(final int fftSize, final double sampleRateHz, final double windowSquaresSum) {
        final double[] p = new double[fftSize / 2 + 1];
        for (int k = 0; k < p.length; k++) {
            final double density = Math.pow(10.0, densityDbAt(k * sampleRateHz / fftSize) / 10.0);
            p[k] = density * sampleRateHz * windowSquaresSum;
        }
        return p;
    }

    @Override
    public boolean equals(final Object o) {
        return o instanceof NoiseProfile other && Arrays.equals(frequenciesHz, other.frequenciesHz)
            && Arrays.equals(densityDb, other.densityDb) && framesAveraged == other.framesAveraged;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(frequenciesHz) + Arrays.hashCode(densityDb);
    }

    @Override
    public String toString() {
        return "NoiseProfile[" + frequenciesHz.length + " points to " + frequenciesHz[frequenciesHz.length - 1]
            + " Hz, " + framesAveraged + " frames]";
    }
}
