package org.earshot.detectors.onset;

import java.util.EnumSet;
import java.util.Set;

import org.earshot.detectors.spectral.SpectrumFrames;
import org.earshot.detectors.spectral.SpectrumView;
import org.earshot.detectors.spectral.StftNode;
import org.earshot.dsp.filter.AdaptiveWhitening;
import org.earshot.dsp.filter.LogFilterbank;
import org.earshot.dsp.filter.LogFilterbankConfig;
import org.earshot.dsp.filter.TriangleNorm;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;

/**
 * Turns the frames of a {@link StftNode} into one onset novelty value per frame ({@link NoveltyType}) and
 * publishes them in its {@code novelty} port ({@link NoveltyFrames}) with each frame's time stamp (its centre)
 * and level, for an {@link OnsetPeakPickerNode} or a beat tracker.
 *
 * <h2>Scale</h2>
 * Magnitudes are multiplied by {@code 1024 / sum(window)} before compression, so a sinusoid has the magnitude it
 * has in a 2048-sample Hann STFT of a float signal (the setting the SuperFlux parameters were published for),
 * whatever the window length and sample rate. Compression is {@code ln(1 + lambda x)}.
 *
 * <h2>Adaptive whitening</h2>
 * With {@link NoveltyConfig#whitening()} set, each bin is first divided by its own slowly decaying peak
 * ({@link AdaptiveWhitening}, Stowell and Plumbley 2007), in a copy of the frame: the novelty then measures change
 * relative to what each frequency has recently done, whatever the input gain and spectral tilt. The level that the
 * peak picker's silence gate reads stays that of the unwhitened frame.
 *
 * <h2>Difference distance</h2>
 * The flux, HFC and energy functions compare frame {@code n} with frame {@code n - mu}; {@code mu} is derived
 * from {@link NoveltyConfig#diffRatio()} and the window as in SuperFlux ({@link #diffFrames()}); the complex
 * domain always uses the two previous frames. The first {@code mu} frames after the stream starts or breaks (2
 * for the complex domain) have no novelty and are not published.
 *
 * <h2>Latency</h2>
 * None beyond the STFT's: a frame's novelty is published in the block that completes the frame.
 * {@code process} allocates nothing, takes no locks, does not log and does not throw.
 */
public final class NoveltyNode implements AudioNode {
    /** Window sum of the reference STFT (2048-sample Hann) the magnitudes are normalised to. */
    public static final double REFERENCE_WINDOW_SUM = 1024.0;
    /** Lowest level reported in {@link NoveltyFrames#levelDb(int)}, dBFS. */
    public static final float LEVEL_FLOOR_DB = -160f;

    private static final double LEVEL_FLOOR_MEAN_SQUARE = 1.0e-16;

    private final NoveltyConfig config;
    private final StftNode stft;
    private Port<SpectrumFrames> input;
    private Port<NoveltyFrames> output;

    private int bins;
    private int hop;
    private int windowLength;
    private int mu;
    private int loBin;
    private int hiBin;
    private float scale;
    private double lambda;
    private double levelNorm;
    private int halfMaxFilter;

    private LogFilterbank filterbank;
    private float[] bandsRaw;
    private float[] bands;
    private float[][] bandHistory;
    private double[] scalarHistory;
    private int historyPos;

    private float[][] cdMagnitude;
    private float[][] cdRe;
    private float[][] cdIm;
    private int cdCurrent;

    private AdaptiveWhitening whitening;
    private float[] whiteMagnitude;
    private float[] whiteComplex;

    private long seen;
    private long expectedIndex;

    /**
     * @param config settings
     * @param stft   the STFT node whose frames are read; it must keep {@link SpectrumView#MAGNITUDE}, and
     *               {@link SpectrumView#COMPLEX} for {@link NoveltyType#COMPLEX_DOMAIN}
     * @throws IllegalArgumentException if a needed view is missing
     */
    public NoveltyNode(final NoveltyConfig config, final StftNode stft) {
        this.config = config;
        this.stft = stft;
        requireView(config, stft, SpectrumView.MAGNITUDE);
        if (config.type().needsComplex()) {
            requireView(config, stft, SpectrumView.COMPLEX);
        }
    }

    private static void requireView(final NoveltyConfig config, final StftNode stft, final SpectrumView view) {
        if (!stft.config().views().contains(view)) {
            throw new IllegalArgumentException("novelty " + config.type() + " needs the STFT view " + view
                + "; add it to the views of STFT node " + stft.name());
        }
    }

    /**
     * The views an STFT node must keep for a novelty function.
     *
     * @param type the novelty function
     * @return {@code {MAGNITUDE}}, plus {@code COMPLEX} for the complex domain
     */
    public static Set<SpectrumView> requiredViews(final NoveltyType type) {
        return type.needsComplex()
            ? EnumSet.of(SpectrumView.MAGNITUDE, SpectrumView.COMPLEX)
            : EnumSet.of(SpectrumView.MAGNITUDE);
    }

    @Override
    public String name() {
        return config.name();
    }

    /** @return the settings */
    public NoveltyConfig config() {
        return config;
    }

    /** @return the STFT node read */
    public StftNode stft() {
        return stft;
    }

    /**
     * Reads the STFT geometry, builds the filterbank and history, declares the {@code novelty} port.
     *
     * @param spec  sample rate and largest block
     * @param setup where the port is declared
     * @throws IllegalArgumentException if the frequency range holds too few bins at this rate and FFT size
     */
    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        final StftConfig sc = stft.config().stft();
        this.input = stft.output();
        this.bins = sc.bins();
        this.hop = sc.hop();
        this.windowLength = sc.windowLength();
        final double nyquist = spec.sampleRateHz() / 2.0;
        final double maxHz = Math.min(config.maxHz(), nyquist);
        if (config.minHz() >= maxHz) {
            throw new IllegalArgumentException("minHz=" + config.minHz() + " must be below the highest analysed "
                + "frequency " + maxHz + " Hz at " + spec.sampleRateHz() + " Hz");
        }
        final double binHz = sc.binWidthHz(spec.sampleRateHz());
        this.loBin = Math.max(0, (int)Math.round(config.minHz() / binHz));
        this.hiBin = Math.min(bins - 1, (int)Math.round(maxHz / binHz));
        double windowSum = 0.0;
        double windowSquares = 0.0;
        double peak = 0.0;
        for (int n = 0; n < windowLength; n++) {
            final double w = sc.window().coefficient(n, windowLength);
            windowSum += w;
            windowSquares += w * w;
            peak = Math.max(peak, w);
        }
        this.scale = (float)(REFERENCE_WINDOW_SUM / windowSum);
        this.levelNorm = 1.0 / ((double)sc.fftSize() * windowSquares);
        this.lambda = config.logCompression();
        this.mu = diffFrames(sc, config.diffRatio(), peak);
        this.halfMaxFilter = config.type() == NoveltyType.SUPERFLUX ? config.maxFilterBands() / 2 : 0;
        switch (config.type()) {
            case SPECTRAL_FLUX, SUPERFLUX -> {
                filterbank = new LogFilterbank(new LogFilterbankConfig(config.bandsPerOctave(), config.minHz(), maxHz,
                    LogFilterbankConfig.A4_HZ, TriangleNorm.UNIT_SUM), spec.sampleRateHz(), sc.fftSize());
                bandsRaw = new float[filterbank.bands()];
                bands = new float[filterbank.bands()];
                bandHistory = new float[mu][filterbank.bands()];
            }
            case HFC, ENERGY -> scalarHistory = new double[mu];
            case COMPLEX_DOMAIN -> {
                cdMagnitude = new float[3][bins];
                cdRe = new float[3][bins];
                cdIm = new float[3][bins];
            }
            default -> throw new IllegalStateException("unknown novelty " + config.type());
        }
        if (config.whitening() != null) {
            whitening = new AdaptiveWhitening(config.whitening(), bins, hop, spec.sampleRateHz());
            whiteMagnitude = new float[bins];
            whiteComplex = config.type().needsComplex() ? new float[2 * bins] : null;
        } else {
            whitening = null;
            whiteMagnitude = null;
            whiteComplex = null;
        }
        final int capacity = SpectrumFrames.capacityFor(spec.maxFrames(), hop);
        this.output = setup.declareOutput("novelty", () -> new NoveltyFrames(capacity));
        reset();
    }

    private static int diffFrames(final StftConfig sc, final double ratio, final double peak) {
        final int length = sc.windowLength();
        int first = 0;
        while (first < length && sc.window().coefficient(first, length) <= ratio * peak) {
            first++;
        }
        final double samples = length / 2.0 - first;
        return Math.max(1, (int)Math.round(samples / sc.hop()));
    }

    /**
     * The port downstream nodes read, valid after {@link #prepare}.
     *
     * @return the {@code novelty} port
     * @throws IllegalStateException if the node has not been prepared
     */
    public Port<NoveltyFrames> output() {
        if (output == null) {
            throw new IllegalStateException("node " + config.name() + " must be prepared before its output is read");
        }
        return output;
    }

    /** @return frame distance {@code mu} of the difference, valid after {@link #prepare} */
    public int diffFrames() {
        return mu;
    }

    /** @return STFT hop in frames, valid after {@link #prepare} */
    public int hopFrames() {
        return hop;
    }

    /** @return STFT window length in frames, valid after {@link #prepare} */
    public int windowLength() {
        return windowLength;
    }

    /** @return number of filterbank bands (0 for functions without a filterbank), valid after {@link #prepare} */
    public int bands() {
        return filterbank == null ? 0 : filterbank.bands();
    }

    /** @return 0: the novelty of a frame is published with the frame */
    @Override
    public int latencyFrames() {
        return 0;
    }

    @Override
    public void process(final BlockContext ctx) {
        final SpectrumFrames in = ctx.get(input);
        final NoveltyFrames out = ctx.get(output);
        out.clear();
        final int n = in.count();
        for (int i = 0; i < n; i++) {
            final long index = in.frameIndex(i);
            if (index != expectedIndex) {
                seen = 0;
                historyPos = 0;
                if (whitening != null) {
                    whitening.reset();
                }
            }
            expectedIndex = index + 1;
            // the level (silence gate) is that of the sound, not of the whitened spectrum
            final float level = levelDb(in.magnitude(i));
            final float[] mag = whitening == null ? in.magnitude(i) : whiten(in, i);
            final double value;
            final boolean valid;
            switch (config.type()) {
                case SPECTRAL_FLUX, SUPERFLUX -> {
                    valid = seen >= mu;
                    value = flux(mag, valid);
                }
                case HFC -> {
                    valid = seen >= mu;
                    value = scalarIncrease(hfc(mag), valid);
                }
                case ENERGY -> {
                    valid = seen >= mu;
                    value = scalarIncrease(energy(mag), valid);
                }
                default -> {
                    valid = seen >= 2;
                    value = complexDomain(whiteComplex != null ? whiteComplex : in.complex(i), mag, valid);
                }
            }
            seen++;
            if (valid) {
                out.add(index, in.centreFrame(i), (float)value, level);
            }
        }
    }

    /**
     * Whitens frame {@code i} into this node's copies (the STFT's arrays are shared with every other reader of the
     * frame): the magnitudes, and the complex spectrum when the function reads it.
     *
     * @return the whitened magnitudes
     */
    private float[] whiten(final SpectrumFrames in, final int i) {
        System.arraycopy(in.magnitude(i), 0, whiteMagnitude, 0, bins);
        if (whiteComplex != null) {
            System.arraycopy(in.complex(i), 0, whiteComplex, 0, 2 * bins);
            whitening.apply(whiteMagnitude, whiteComplex);
        } else {
            whitening.apply(whiteMagnitude);
        }
        return whiteMagnitude;
    }

    private float levelDb(final float[] mag) {
        final int last = bins - 1;
        // four running sums break the chain of dependent additions
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int k = 1;
        for (; k + 3 < last; k += 4) {
            s0 += mag[k] * mag[k];
            s1 += mag[k + 1] * mag[k + 1];
            s2 += mag[k + 2] * mag[k + 2];
            s3 += mag[k + 3] * mag[k + 3];
        }
        for (; k < last; k++) {
            s0 += mag[k] * mag[k];
        }
        double sum = (s0 + s1) + (s2 + s3);
        sum = 2.0 * sum + (double)mag[0] * mag[0] + (double)mag[last] * mag[last];
        final double meanSquare = sum * levelNorm;
        return meanSquare <= LEVEL_FLOOR_MEAN_SQUARE ? LEVEL_FLOOR_DB : (float)(10.0 * Math.log10(meanSquare));
    }

    private double flux(final float[] mag, final boolean valid) {
        filterbank.apply(mag, bandsRaw);
        final int nb = bands.length;
        final double gain = lambda * scale;
        for (int b = 0; b < nb; b++) {
            bands[b] = (float)FastLog.ln1p(gain * bandsRaw[b]);
        }
        // the history holds each frame's bands already passed through the maximum filter across bands
        final float[] reference = bandHistory[historyPos];
        double sum = 0.0;
        if (valid) {
            for (int b = 0; b < nb; b++) {
                final float d = bands[b] - reference[b];
                sum += Math.max(d, 0f);
            }
        }
        maxFilter(bands, reference, halfMaxFilter);
        historyPos = historyPos + 1 == mu ? 0 : historyPos + 1;
        return sum;
    }

    /** {@code out[b] = max(in[b - r .. b + r])}, the window clipped at both ends. */
    private static void maxFilter(final float[] in, final float[] out, final int r) {
        final int nb = in.length;
        if (r == 0) {
            System.arraycopy(in, 0, out, 0, nb);
            return;
        }
        if (r == 1 && nb >= 2) {
            // the default (3 bands): no inner loop
            out[0] = Math.max(in[0], in[1]);
            for (int b = 1; b < nb - 1; b++) {
                out[b] = Math.max(Math.max(in[b - 1], in[b]), in[b + 1]);
            }
            out[nb - 1] = Math.max(in[nb - 2], in[nb - 1]);
            return;
        }
        for (int b = 0; b < nb; b++) {
            final int lo = Math.max(0, b - r);
            final int hi = Math.min(nb - 1, b + r);
            float m = in[lo];
            for (int j = lo + 1; j <= hi; j++) {
                m = Math.max(m, in[j]);
            }
            out[b] = m;
        }
    }

    private double hfc(final float[] mag) {
        double sum = 0.0;
        for (int k = loBin; k <= hiBin; k++) {
            sum += (double)k * mag[k];
        }
        return FastLog.ln1p(lambda * scale * sum / (bins - 1));
    }

    private double energy(final float[] mag) {
        double sum = 0.0;
        for (int k = loBin; k <= hiBin; k++) {
            sum += (double)mag[k] * mag[k];
        }
        return FastLog.ln1p(lambda * scale * scale * sum / (hiBin - loBin + 1));
    }

    private double scalarIncrease(final double current, final boolean valid) {
        final double previous = scalarHistory[historyPos];
        scalarHistory[historyPos] = current;
        historyPos = historyPos + 1 == mu ? 0 : historyPos + 1;
        return valid ? Math.max(0.0, current - previous) : 0.0;
    }

    private double complexDomain(final float[] complex, final float[] mag, final boolean valid) {
        final int cur = cdCurrent;
        final int prev1 = cur == 0 ? 2 : cur - 1;
        final int prev2 = prev1 == 0 ? 2 : prev1 - 1;
        final float[] m0 = cdMagnitude[cur];
        final float[] a0 = cdRe[cur];
        final float[] b0 = cdIm[cur];
        final double gain = lambda * scale;
        for (int k = loBin; k <= hiBin; k++) {
            final float m = mag[k];
            m0[k] = (float)FastLog.ln1p(gain * m);
            if (m > 0f) {
                a0[k] = complex[2 * k] / m;
                b0[k] = complex[2 * k + 1] / m;
            } else {
                a0[k] = 1f;
                b0[k] = 0f;
            }
        }
        double sum = 0.0;
        if (valid) {
            final float[] m1 = cdMagnitude[prev1];
            final float[] a1 = cdRe[prev1];
            final float[] b1 = cdIm[prev1];
            final float[] a2 = cdRe[prev2];
            final float[] b2 = cdIm[prev2];
            for (int k = loBin; k <= hiBin; k++) {
                if (m0[k] >= m1[k]) {
                    // phasor of 2*phi1 - phi2 = u1^2 * conj(u2)
                    final float sqRe = a1[k] * a1[k] - b1[k] * b1[k];
                    final float sqIm = 2f * a1[k] * b1[k];
                    final float pRe = sqRe * a2[k] + sqIm * b2[k];
                    final float pIm = sqIm * a2[k] - sqRe * b2[k];
                    final float dRe = m0[k] * a0[k] - m1[k] * pRe;
                    final float dIm = m0[k] * b0[k] - m1[k] * pIm;
                    sum += Math.sqrt((double)dRe * dRe + (double)dIm * dIm);
                }
            }
        }
        cdCurrent = cur == 2 ? 0 : cur + 1;
        return sum;
    }

    /** Forgets the history; the next frame starts a new stream. Allocation-free. */
    @Override
    public void reset() {
        seen = 0;
        expectedIndex = -1;
        historyPos = 0;
        cdCurrent = 0;
        if (whitening != null) {
            whitening.reset();
        }
    }
}
