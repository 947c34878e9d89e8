package org.earshot.dsp.filter;

/**
 * The shared part of the mel and log-frequency filterbanks: triangles computed once at construction, kept
 * sparse, with their centre frequencies. Subclasses only lay the triangles out.
 */
abstract class FixedFilterbank implements Filterbank {
    private final double[] centresHz;
    private final SparseWeights weights;

    /**
     * @param triangles the layout: band centres and dense weights, each row already normalised
     */
    FixedFilterbank(final Triangles triangles) {
        this.centresHz = triangles.centresHz();
        this.weights = new SparseWeights(triangles.dense(), triangles.bins());
    }

    /**
     * Band centres and dense weights, one row of {@code bins} per band, as a subclass lays them out.
     *
     * @param centresHz each band's centre frequency
     * @param dense     weights, {@code [band][bin]}
     * @param bins      spectrum bins, {@code fftSize/2 + 1}
     */
    record Triangles(double[] centresHz, double[][] dense, int bins) {
    }

    /**
     * Scales a band's weights by {@code norm}.
     *
     * @param row  one band's weights, in place
     * @param norm how to normalise
     */
    static void normalise(final double[] row, final TriangleNorm norm) {
        if (norm != TriangleNorm.UNIT_SUM) {
            return;
        }
        double sum = 0.0;
        for (final double w : row) {
            sum += w;
        }
        for (int k = 0; k < row.length; k++) {
            row[k] /= sum;
        }
    }

    @Override
    public final int bands() {
        return weights.bands();
    }

    @Override
    public final int inputBins() {
        return weights.inputBins();
    }

    @Override
    public double centreHz(final int band) {
        return centresHz[band];
    }

    @Override
    public final float weight(final int band, final int bin) {
        return weights.weight(band, bin);
    }

    @Override
    public final void apply(final float[] spectrum, final float[] out) {
        weights.apply(spectrum, out);
    }
}
