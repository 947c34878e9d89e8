package org.earshot.dsp.filter;

import org.earshot.dsp.math.DotProduct;

/**
 * Band weights stored as one contiguous run of bins per band.
 */
final class SparseWeights {
    private final int inputBins;
    private final int[] firstBin;
    private final int[] start;
    private final int[] length;
    private final float[] weights;

    /**
     * Compresses a dense matrix; each band keeps the run from its first to its last non-zero bin.
     *
     * @param dense {@code [band][bin]} weights
     * @param inputBins number of bins
     */
    SparseWeights(final double[][] dense, final int inputBins) {
        this.inputBins = inputBins;
        final int bands = dense.length;
        this.firstBin = new int[bands];
        this.start = new int[bands];
        this.length = new int[bands];
        int total = 0;
        for (int b = 0; b < bands; b++) {
            int lo = -1;
            int hi = -1;
            for (int k = 0; k < inputBins; k++) {
                if (dense[b][k] != 0.0) {
                    if (lo < 0) {
                        lo = k;
                    }
                    hi = k;
                }
            }
            firstBin[b] = Math.max(lo, 0);
            length[b] = lo < 0 ? 0 : hi - lo + 1;
            start[b] = total;
            total += length[b];
        }
        this.weights = new float[total];
        for (int b = 0; b < bands; b++) {
            for (int i = 0; i < length[b]; i++) {
                weights[start[b] + i] = (float)dense[b][firstBin[b] + i];
            }
        }
    }

    int bands() {
        return firstBin.length;
    }

    int inputBins() {
        return inputBins;
    }

    float weight(final int band, final int bin) {
        final int i = bin - firstBin[band];
        return i >= 0 && i < length[band] ? weights[start[band] + i] : 0f;
    }

    void apply(final float[] spectrum, final float[] out) {
        final int bands = firstBin.length;
        for (int b = 0; b < bands; b++) {
            final int first = firstBin[b];
            final int s = start[b];
            final int len = length[b];
            out[b] = (float)DotProduct.of(weights, s, spectrum, first, len);
        }
    }
}
