package org.earshot.detectors.audio;

import java.util.Arrays;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Low-delay STFT analysis and overlap-add synthesis with asymmetric windows (Mauler and Martin, "A low
 * delay, variable resolution, perfect reconstruction spectral analysis-synthesis system for speech
 * enhancement", EUSIPCO 2007): a long analysis window gives the frequency resolution of its length, while
 * the synthesis window covers only the last {@code synthesisLength} samples of each frame, so the delay is
 * that of the short window.
 *
 * <h2>Windows</h2>
 * With {@code K = analysisLength}, {@code L = synthesisLength}, {@code d = L/2} and {@code p} the periodic
 * Hann window of length {@code L} placed on the last {@code L} samples of the frame:
 * <ul>
 *   <li>analysis {@code wa(n)} rises as a square-root Hann half over {@code [0, K - d)} and falls as the
 *       square root of {@code p} over {@code [K - d, K)};</li>
 *   <li>synthesis {@code ws(n) = p(n) / wa(n)} on the last {@code L} samples, 0 elsewhere;</li>
 *   <li>{@code wa * ws = p}, which overlap-adds to a constant at hop {@code L/2} or {@code L/4}; the output is
 *       divided by that constant, so an unmodified spectrum reconstructs the input exactly.</li>
 * </ul>
 * With {@code K = L} this is the usual square-root Hann system.
 *
 * <h2>Timing</h2>
 * The stream is taken as preceded by silence: frame {@code k} (from 0) is produced by the {@link #feed} that
 * consumes sample {@code (k+1)*hop - 1} and covers samples {@code [(k+1)*hop - K, (k+1)*hop)}. After
 * {@link #synthesize} of frame {@code k}, the {@code hop} samples {@code [(k+1)*hop - L, (k+2)*hop - L)}
 * are final. A caller that hands out output block by block, whatever the block size, therefore runs
 * {@link #latencyFrames()} {@code = L - 1} samples behind its input; {@link #leadingOutputFrames()} of the
 * first frame's output lie before sample 0.
 *
 * <p>The spectrum is interleaved {@code (re, im)} per bin, {@code fftSize/2 + 1} bins, with the same sign
 * convention and scaling as {@code org.earshot.dsp.stft.Stft}. Allocation happens only in the constructor.
 * Not thread-safe.
 */
public final class LowDelayStft {
    private final int analysisLength;
    private final int synthesisLength;
    private final int hop;
    private final int fftSize;
    private final int bins;
    private final float[] analysisWindow;
    private final float[] synthesisWindow;
    private final double[] inverseNorm;
    private final double analysisSquaresSum;
    private final double[] tailSquares;
    private final float[] history;
    private final float[] fftBuffer;
    private final float[] spectrum;
    private final double[] accumulator;
    private final FloatFFT_1D fft;
    private int untilFrame;
    private boolean ready;
    private long frameIndex;

    /**
     * @param analysisLength  analysis window length {@code K}, from {@code synthesisLength} to {@code fftSize}
     * @param synthesisLength synthesis window length {@code L}, even, 4 or more
     * @param hop             samples between frames: {@code L/2} or {@code L/4}
     * @param fftSize         transform size, a power of two of at least {@code K}, at most 4096 (JTransforms
     *                        hands larger transforms to its thread pool)
     * @throws IllegalArgumentException naming the bad value
     */
    public LowDelayStft(final int analysisLength, final int synthesisLength, final int hop, final int fftSize) {
        if (synthesisLength < 4 || synthesisLength % 2 != 0) {
            throw new IllegalArgumentException("synthesisLength must be even and >= 4, got " + synthesisLength);
        }
        if (hop != synthesisLength / 2 && (hop != synthesisLength / 4 || synthesisLength % 4 != 0)) {
            throw new IllegalArgumentException("hop must be synthesisLength/2 or synthesisLength/4 (synthesisLength="
                + synthesisLength + "), got " + hop);
        }
        if (fftSize > 4096 || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("fftSize must be a power of two <= 4096, got " + fftSize);
        }
        if (analysisLength < synthesisLength || analysisLength > fftSize) {
            throw new IllegalArgumentException("analysisLength must be in [synthesisLength=" + synthesisLength
                + ", fftSize=" + fftSize + "], got " + analysisLength);
        }
        this.analysisLength = analysisLength;
        this.synthesisLength = synthesisLength;
        this.hop = hop;
        this.fftSize = fftSize;
        this.bins = fftSize / 2 + 1;
        this.analysisWindow = new float[analysisLength];
        this.synthesisWindow = new float[synthesisLength];
        final int k = analysisLength;
        final int l = synthesisLength;
        final int d = l / 2;
        final double[] p = new double[l];
        for (int n = 0; n < l; n++) {
            p[n] = 0.5 - 0.5 * Math.cos(2.0 * Math.PI * n / l);
        }
        double squares = 0;
        for (int n = 0; n < k; n++) {
            final double w = n < k - d
                ? Math.sqrt(0.5 - 0.5 * Math.cos(Math.PI * n / (k - d)))
                : Math.sqrt(p[n - (k - l)]);
            analysisWindow[n] = (float)w;
            squares += w * w;
        }
        this.analysisSquaresSum = squares;
        this.tailSquares = new double[k + 1];
        for (int m = 1; m <= k; m++) {
            final double w = analysisWindow[k - m];
            tailSquares[m] = tailSquares[m - 1] + w * w;
        }
        for (int i = 0; i < l; i++) {
            final double wa = analysisWindow[k - l + i];
            synthesisWindow[i] = wa > 1e-9 ? (float)(p[i] / wa) : 0f;
        }
        this.inverseNorm = new double[hop];
        for (int i = 0; i < hop; i++) {
            double sum = 0;
            for (int n = i; n < l; n += hop) {
                sum += (double)analysisWindow[k - l + n] * synthesisWindow[n];
            }
            inverseNorm[i] = 1.0 / sum;
        }
        this.history = new float[k];
        this.fftBuffer = new float[fftSize];
        this.spectrum = new float[2 * bins];
        this.accumulator = new double[l];
        this.fft = new FloatFFT_1D(fftSize);
        reset();
    }

    /** @return samples between frames */
    public int hop() {
        return hop;
    }

    /** @return transform size */
    public int fftSize() {
        return fftSize;
    }

    /** @return bins per frame, {@code fftSize/2 + 1} */
    public int bins() {
        return bins;
    }

    /** @return analysis window length */
    public int analysisLength() {
        return analysisLength;
    }

    /** @return synthesis window length */
    public int synthesisLength() {
        return synthesisLength;
    }

    /** @return sum of the squared analysis window: the expected {@code |X|^2} of unit-variance white noise */
    public double analysisSquaresSum() {
        return analysisSquaresSum;
    }

    /**
     * Share of the analysis window's energy that covers the newest {@code samples} samples of a frame: how
     * much of a frame's expected power a signal that started {@code samples} ago contributes.
     *
     * @param samples samples since the signal started, 0 or more
     * @return 0 to 1
     */
    public double filledEnergyFraction(final long samples) {
        if (samples >= analysisLength) {
            return 1.0;
        }
        return tailSquares[(int)samples] / analysisSquaresSum;
    }

    /** @return delay of block-by-block output behind the input, {@code synthesisLength - 1} */
    public int latencyFrames() {
        return synthesisLength - 1;
    }

    /**
     * @return how many samples of the output of frame 0 lie before stream sample 0, {@code L - hop}: the
     *     latency minus the zeros a caller pre-fills its output queue with ({@code hop - 1})
     */
    public int leadingOutputFrames() {
        return synthesisLength - hop;
    }

    /**
     * Consumes samples up to the next frame boundary; if they complete a frame, {@link #frameReady()} is
     * true afterwards and {@link #spectrum()} holds it.
     *
     * @param in     samples
     * @param offset first index
     * @param length samples available
     * @return samples consumed, more than 0 when {@code length > 0}
     */
    public int feed(final float[] in, final int offset, final int length) {
        ready = false;
        final int n = Math.min(length, untilFrame);
        final int start = analysisLength - untilFrame;
        System.arraycopy(in, offset, history, start, n);
        untilFrame -= n;
        if (untilFrame == 0) {
            computeFrame();
            System.arraycopy(history, hop, history, 0, analysisLength - hop);
            untilFrame = hop;
        }
        return n;
    }

    /** @return whether the last {@link #feed} completed a frame */
    public boolean frameReady() {
        return ready;
    }

    /** @return the current frame's spectrum, interleaved; the caller may modify it before {@link #synthesize} */
    public float[] spectrum() {
        return spectrum;
    }

    /** @return index of the last frame produced */
    public long frameIndex() {
        return frameIndex - 1;
    }

    /**
     * Inverse-transforms a spectrum (normally the modified {@link #spectrum()}), overlap-adds it and writes
     * the {@code hop} samples that are now final.
     *
     * @param complex interleaved spectrum, {@code 2 * bins()} values
     * @param out     destination, room for {@code hop} samples
     * @param outOffset first index
     */
    public void synthesize(final float[] complex, final float[] out, final int outOffset) {
        final int half = fftSize / 2;
        fftBuffer[0] = complex[0];
        fftBuffer[1] = complex[2 * half];
        System.arraycopy(complex, 2, fftBuffer, 2, fftSize - 2);
        fft.realInverse(fftBuffer, true);
        final int base = analysisLength - synthesisLength;
        for (int n = 0; n < synthesisLength; n++) {
            accumulator[n] += synthesisWindow[n] * fftBuffer[base + n];
        }
        for (int i = 0; i < hop; i++) {
            out[outOffset + i] = (float)(accumulator[i] * inverseNorm[i]);
        }
        System.arraycopy(accumulator, hop, accumulator, 0, synthesisLength - hop);
        Arrays.fill(accumulator, synthesisLength - hop, synthesisLength, 0.0);
    }

    /** Clears all state: the stream restarts, preceded by silence. Allocation-free. */
    public void reset() {
        Arrays.fill(history, 0f);
        Arrays.fill(accumulator, 0.0);
        untilFrame = hop;
        ready = false;
        frameIndex = 0;
    }

    private void computeFrame() {
        for (int n = 0; n < analysisLength; n++) {
            fftBuffer[n] = history[n] * analysisWindow[n];
        }
        Arrays.fill(fftBuffer, analysisLength, fftSize, 0f);
        fft.realForward(fftBuffer);
        final int half = fftSize / 2;
        spectrum[0] = fftBuffer[0];
        spectrum[1] = 0f;
        System.arraycopy(fftBuffer, 2, spectrum, 2, fftSize - 2);
        spectrum[2 * half] = fftBuffer[1];
        spectrum[2 * half + 1] = 0f;
        frameIndex++;
        ready = true;
    }
}
