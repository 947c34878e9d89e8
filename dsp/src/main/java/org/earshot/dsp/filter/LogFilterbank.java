package org.earshot.dsp.filter;

import java.util.Arrays;

/**
 * Triangular filters on a logarithmic grid of {@code bandsPerOctave} per octave, laid out like madmom's
 * {@code LogarithmicFilterbank}.
 *
 * <p>Construction:
 * <ol>
 *   <li>grid frequencies {@code referenceHz * 2^(i / bandsPerOctave)} for every integer {@code i} that lands
 *       in {@code [minHz, maxHz]};</li>
 *   <li>each is snapped to its nearest FFT bin ({@code round(f * fftSize / sampleRateHz)});</li>
 *   <li><b>duplicate bins are merged</b>: where the grid is finer than the bin spacing (low frequencies)
 *       several grid points snap to the same bin and only one is kept, so each band is distinct and
 *       {@link #bands()} is usually smaller than the nominal {@code bandsPerOctave * octaves};</li>
 *   <li>each run of three consecutive distinct bins {@code (start, centre, stop)} makes one triangle over
 *       bins: weight {@code (k - start) / (centre - start)} rising, 1 at {@code centre},
 *       {@code (stop - k) / (stop - centre)} falling, 0 at {@code start} and {@code stop}. Where the bins are
 *       adjacent the band is the single bin {@code centre}. The first and last distinct bins serve only as
 *       edges.</li>
 * </ol>
 * Weights are then scaled by {@link TriangleNorm}.
 */
public final class LogFilterbank extends FixedFilterbank {
    private final LogFilterbankConfig config;

    /**
     * Computes the weights.
     *
     * @param config       layout
     * @param sampleRateHz sample rate of the analysed signal in Hz
     * @param fftSize      FFT size of the spectra to be filtered (power of two)
     * @throws IllegalArgumentException if {@code maxHz} is above the Nyquist frequency, the rate or FFT size
     *                                  is out of range, or fewer than 3 distinct bins lie in the range
     */
    public LogFilterbank(final LogFilterbankConfig config, final int sampleRateHz, final int fftSize) {
        super(triangles(config, sampleRateHz, fftSize));
        this.config = config;
    }

    private static Triangles triangles(final LogFilterbankConfig config, final int sampleRateHz,
        final int fftSize) {
        SpectrumGeometry.check(sampleRateHz, fftSize, config.maxHz());
        final int bins = fftSize / 2 + 1;
        final double binHz = (double)sampleRateHz / fftSize;
        final int[] distinct = distinctGridBins(config, binHz, bins);
        if (distinct.length < 3) {
            throw new IllegalArgumentException("the range [" + config.minHz() + ", " + config.maxHz()
                + "] Hz must hold at least 3 distinct FFT bins of the grid, got " + distinct.length
                + " (widen the range or raise fftSize=" + fftSize + ")");
        }
        final int bands = distinct.length - 2;
        final double[] centresHz = new double[bands];
        final double[][] dense = new double[bands][bins];
        for (int b = 0; b < bands; b++) {
            final int start = distinct[b];
            final int centre = distinct[b + 1];
            final int stop = distinct[b + 2];
            centresHz[b] = centre * binHz;
            for (int k = start + 1; k < centre; k++) {
                dense[b][k] = (double)(k - start) / (centre - start);
            }
            for (int k = centre; k < stop; k++) {
                dense[b][k] = (double)(stop - k) / (stop - centre);
            }
            normalise(dense[b], config.norm());
        }
        return new Triangles(centresHz, dense, bins);
    }

    private static int[] distinctGridBins(final LogFilterbankConfig config, final double binHz, final int bins) {
        final double bpo = config.bandsPerOctave();
        final double ref = config.referenceHz();
        // small tolerance so that grid points equal to minHz / maxHz are kept despite rounding
        final int lo = (int)Math.ceil(bpo * log2(config.minHz() / ref) - 1e-9);
        final int hi = (int)Math.floor(bpo * log2(config.maxHz() / ref) + 1e-9);
        final int[] out = new int[Math.max(0, hi - lo + 1)];
        int count = 0;
        for (int i = lo; i <= hi; i++) {
            final double f = ref * Math.pow(2.0, i / bpo);
            final int bin = (int)Math.min(bins - 1, Math.round(f / binHz));
            if (count == 0 || out[count - 1] != bin) {
                out[count++] = bin;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static double log2(final double x) {
        return Math.log(x) / Math.log(2.0);
    }

    /** @return the layout */
    public LogFilterbankConfig config() {
        return config;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here: the frequency of the band's centre bin, {@code centre * sampleRateHz / fftSize} (the grid
     * frequency after snapping).
     */
    @Override
    public double centreHz(final int band) {
        return super.centreHz(band);
    }

}
