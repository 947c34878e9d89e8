package org.earshot.dsp.filter;

/**
 * A linear map from a magnitude (or power) spectrum of {@link #inputBins()} bins to {@link #bands()} band
 * values, with weights fixed at construction.
 */
public interface Filterbank {
    /** @return number of output bands */
    int bands();

    /** @return number of spectrum bins expected, {@code fftSize/2 + 1} */
    int inputBins();

    /**
     * @param band band index
     * @return the band's centre frequency in Hz (see each implementation for its exact definition)
     */
    double centreHz(int band);

    /**
     * @param band band index
     * @param bin  spectrum bin index
     * @return the weight of {@code bin} in {@code band}, 0 outside the band (lookup, for inspection)
     */
    float weight(int band, int bin);

    /**
     * Computes {@code out[b] = sum_k weight(b, k) * spectrum[k]}. Allocation-free.
     *
     * @param spectrum at least {@link #inputBins()} values
     * @param out      at least {@link #bands()} values; overwritten
     */
    void apply(float[] spectrum, float[] out);
}
