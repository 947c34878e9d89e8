package org.earshot.dsp.stft;

import java.util.Arrays;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Streaming inverse STFT by weighted overlap-add: each frame is inverse-transformed, multiplied by the
 * synthesis window (the same {@link StftConfig#window()} as the analysis) and added into a double-precision
 * accumulator; finished samples are divided by the steady-state overlap-added product of analysis and
 * synthesis windows, {@code sum_m w(i + m*hop)^2}. Any window/hop pair whose sum never falls near zero
 * (NOLA) therefore reconstructs, COLA or not.
 *
 * <h2>Streaming contract</h2>
 * Call {@link #addFrame} once per STFT frame, in order, then {@link #readHop} once, which returns the
 * {@code hop} output samples that frame finished. After frame {@code k}, those are the samples
 * {@code [origin + k*hop, origin + (k+1)*hop)} of the analysed stream, so the concatenated output equals
 * the input with no offset.
 *
 * <h2>Latency</h2>
 * Frame {@code k} exists once the analysis has consumed input sample {@code k*hop + windowLength - 1}, so the
 * newest output sample trails the newest input sample by {@link #latencyFrames()} {@code = windowLength - hop}
 * frames. A caller that plays the output in hop-aligned blocks delays the stream by exactly that much. A
 * caller that must deliver output for input blocks of arbitrary size, sample-accurately, needs
 * {@code windowLength - 1} (up to {@code hop - 1} more, to buffer partial hops).
 *
 * <h2>Stream start</h2>
 * Samples before {@code origin + windowLength - hop} are covered by fewer frames than in steady state; they
 * are normalised by the steady-state sum too, so the output fades in there instead of amplifying whatever
 * the first frames carry. From that sample on, an unmodified spectrum reconstructs the input exactly
 * (better than -120 dB in float).
 *
 * <p>Allocation happens only in the constructor. Not thread-safe.
 */
public final class Istft {
    /**
     * Smallest accepted ratio between the minimum and maximum of the overlap-added window product; a
     * smaller ratio amplifies rounding errors by its inverse.
     */
    public static final double MIN_NOLA_RATIO = 1e-4;

    private final StftConfig config;
    private final int windowLength;
    private final int hop;
    private final int fftSize;
    private final double[] synthesisWindow;
    private final double[] inverseNorm;
    private final double[] accumulator;
    private final float[] fftBuffer;
    private final FloatFFT_1D fft;
    private boolean pending;
    private long origin;
    private long hopsRead;

    /**
     * Allocates the FFT plan and buffers and checks the window/hop pair.
     *
     * @param config STFT geometry, the same as the analysis
     * @throws IllegalArgumentException if the window/hop pair is not NOLA (see {@link #MIN_NOLA_RATIO})
     */
    public Istft(final StftConfig config) {
        this.config = config;
        this.windowLength = config.windowLength();
        this.hop = config.hop();
        this.fftSize = config.fftSize();
        this.synthesisWindow = new double[windowLength];
        config.window().fillPeriodic(synthesisWindow, 0, windowLength);
        this.inverseNorm = new double[hop];
        double min = Double.MAX_VALUE;
        double max = 0.0;
        for (int i = 0; i < hop; i++) {
            double sum = 0.0;
            for (int n = i; n < windowLength; n += hop) {
                sum += synthesisWindow[n] * synthesisWindow[n];
            }
            min = Math.min(min, sum);
            max = Math.max(max, sum);
            inverseNorm[i] = sum > 0.0 ? 1.0 / sum : 0.0;
        }
        if (!(min >= MIN_NOLA_RATIO * max)) {
            throw new IllegalArgumentException("hop=" + hop + " with window " + config.window() + " and windowLength="
                + windowLength + " is not NOLA: min/max of the overlap-added squared window must be >= "
                + MIN_NOLA_RATIO + ", got " + (max > 0.0 ? min / max : 0.0));
        }
        this.accumulator = new double[windowLength];
        this.fftBuffer = new float[fftSize];
        this.fft = new FloatFFT_1D(fftSize);
        reset(0L);
    }

    /** @return the geometry */
    public StftConfig config() {
        return config;
    }

    /**
     * Adds one frame's spectrum.
     *
     * @param complex interleaved {@code (re, im)} pairs for {@code bins()} bins, as {@link SpectralFrame#complex()};
     *                the imaginary parts of bin 0 and the Nyquist bin are ignored
     * @param offset  index of bin 0's real part
     * @throws IllegalStateException if the hop finished by the previous frame was not read
     */
    public void addFrame(final float[] complex, final int offset) {
        if (pending) {
            throw new IllegalStateException("readHop must be called after each addFrame");
        }
        final int half = fftSize / 2;
        fftBuffer[0] = complex[offset];
        fftBuffer[1] = complex[offset + 2 * half];
        System.arraycopy(complex, offset + 2, fftBuffer, 2, fftSize - 2);
        fft.realInverse(fftBuffer, true);
        for (int n = 0; n < windowLength; n++) {
            accumulator[n] += synthesisWindow[n] * fftBuffer[n];
        }
        pending = true;
    }

    /**
     * Adds one frame's spectrum.
     *
     * @param frame a frame of the same geometry
     * @throws IllegalArgumentException if the frame's FFT size differs
     * @throws IllegalStateException    if the hop finished by the previous frame was not read
     */
    public void addFrame(final SpectralFrame frame) {
        if (frame.fftSize() != fftSize) {
            throw new IllegalArgumentException("frame fftSize must be " + fftSize + ", got " + frame.fftSize());
        }
        addFrame(frame.complex(), 0);
    }

    /**
     * Writes the {@code hop} samples finished by the last {@link #addFrame}, if not yet read.
     *
     * @param out    destination, room for {@code hop} samples from {@code offset}
     * @param offset index of the first sample in {@code out}
     * @return {@code hop}, or 0 if no frame was added since the last read
     */
    public int readHop(final float[] out, final int offset) {
        if (!pending) {
            return 0;
        }
        for (int i = 0; i < hop; i++) {
            out[offset + i] = (float)(accumulator[i] * inverseNorm[i]);
        }
        System.arraycopy(accumulator, hop, accumulator, 0, windowLength - hop);
        Arrays.fill(accumulator, windowLength - hop, windowLength, 0.0);
        pending = false;
        hopsRead++;
        return hop;
    }

    /** @return absolute index (in the analysed stream) of the first sample the next {@link #readHop} writes */
    public long nextOutputFrame() {
        return origin + hopsRead * hop;
    }

    /** @return samples each {@link #readHop} writes */
    public int hop() {
        return hop;
    }

    /**
     * @return frames by which the newest output sample trails the newest input sample when output is read
     *     hop by hop: {@code windowLength - hop}
     */
    public int latencyFrames() {
        return windowLength - hop;
    }

    /** Clears all state; the next output sample is absolute sample 0. Allocation-free. */
    public void reset() {
        reset(0L);
    }

    /**
     * Clears all state and sets the stream origin. Allocation-free.
     *
     * @param firstOutputFrame absolute index of the first sample of the next frame added
     */
    public void reset(final long firstOutputFrame) {
        Arrays.fill(accumulator, 0.0);
        pending = false;
        origin = firstOutputFrame;
        hopsRead = 0;
    }
}
