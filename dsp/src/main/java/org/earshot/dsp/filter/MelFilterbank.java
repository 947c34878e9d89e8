package org.earshot.dsp.filter;

/**
 * Triangular filters whose edges are equally spaced on a mel scale ({@link MelScale#HTK} or
 * {@link MelScale#SLANEY}, chosen in the config).
 *
 * <p>{@code bands + 2} points are spaced evenly in mel from {@code minHz} to {@code maxHz}; band {@code b}
 * rises from point {@code b} to point {@code b+1} (its {@linkplain #centreHz centre}) and falls to point
 * {@code b+2}. The weight of bin {@code k} (at {@code k * sampleRateHz / fftSize} Hz) is the triangle's value
 * at that frequency, so triangles are exact in frequency, not snapped to bins. A band so narrow that no bin
 * falls strictly inside it gets weight 1 on the bin nearest its centre, so no band is ever silent.
 * Weights are then scaled by {@link TriangleNorm}.
 */
public final class MelFilterbank extends FixedFilterbank {
    private final MelFilterbankConfig config;

    /**
     * Computes the weights.
     *
     * @param config       layout
     * @param sampleRateHz sample rate of the analysed signal in Hz
     * @param fftSize      FFT size of the spectra to be filtered (power of two)
     * @throws IllegalArgumentException if {@code maxHz} is above the Nyquist frequency, or the rate or FFT
     *                                  size is out of range
     */
    public MelFilterbank(final MelFilterbankConfig config, final int sampleRateHz, final int fftSize) {
        super(triangles(config, sampleRateHz, fftSize));
        this.config = config;
    }

    private static Triangles triangles(final MelFilterbankConfig config, final int sampleRateHz,
        final int fftSize) {
        SpectrumGeometry.check(sampleRateHz, fftSize, config.maxHz());
        final int bands = config.bands();
        final int bins = fftSize / 2 + 1;
        final double binHz = (double)sampleRateHz / fftSize;
        final MelScale scale = config.scale();
        final double melLo = scale.hzToMel(config.minHz());
        final double melHi = scale.hzToMel(config.maxHz());
        final double[] pointsHz = new double[bands + 2];
        for (int i = 0; i < pointsHz.length; i++) {
            pointsHz[i] = scale.melToHz(melLo + (melHi - melLo) * i / (bands + 1));
        }
        final double[] centresHz = new double[bands];
        final double[][] dense = new double[bands][bins];
        for (int b = 0; b < bands; b++) {
            final double lo = pointsHz[b];
            final double centre = pointsHz[b + 1];
            final double hi = pointsHz[b + 2];
            centresHz[b] = centre;
            boolean any = false;
            for (int k = 0; k < bins; k++) {
                final double f = k * binHz;
                final double w = Math.min((f - lo) / (centre - lo), (hi - f) / (hi - centre));
                if (w > 0.0) {
                    dense[b][k] = w;
                    any = true;
                }
            }
            if (!any) {
                dense[b][(int)Math.min(bins - 1, Math.round(centre / binHz))] = 1.0;
            }
            normalise(dense[b], config.norm());
        }
        return new Triangles(centresHz, dense, bins);
    }

    /** @return the layout */
    public MelFilterbankConfig config() {
        return config;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: the apex of the triangle, the mel-spaced point {@code b+1}, not snapped to a bin.
     */
    @Override
    public double centreHz(final int band) {
        return super.centreHz(band);
    }

}
