package org.earshot.dsp.stft;

import java.util.Arrays;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Incremental short-time Fourier transform: consumes blocks of any size and produces one
 * {@link SpectralFrame} every {@code hop} samples, through a pull API with no callbacks.
 *
 * <pre>{@code
 * int pos = 0;
 * while (pos < n) {
 *     pos += stft.feed(in, off + pos, n - pos);   // stops at the next frame boundary
 *     if (stft.frameReady()) {
 *         SpectralFrame f = stft.frame();          // valid until the next feed or reset
 *     }
 * }
 * }</pre>
 *
 * <p>Frame {@code k} covers the samples {@code [origin + k*hop, origin + k*hop + windowLength)} and is
 * produced by the {@code feed} call that consumes its last sample; see the package documentation for the
 * timing conventions. Because frames depend only on the samples, the frames are identical whatever the
 * block sizes.
 *
 * <p>Allocation happens only in the constructor. Not thread-safe: one instance per stream and thread.
 */
public final class Stft {
    private final StftConfig config;
    private final int windowLength;
    private final int hop;
    private final float[] window;
    private final float[] history;
    private final float[] fftBuffer;
    private final FloatFFT_1D fft;
    private final SpectralFrame frame;
    private final double windowSum;
    private int writePos;
    private int untilFrame;
    private boolean ready;
    private long nextFrameIndex;
    private long origin;
    private long samplesFed;

    /**
     * Allocates the window, history, FFT plan and frame.
     *
     * @param config STFT geometry
     */
    public Stft(final StftConfig config) {
        this.config = config;
        this.windowLength = config.windowLength();
        this.hop = config.hop();
        this.window = config.window().periodic(windowLength);
        this.history = new float[windowLength];
        this.fftBuffer = new float[config.fftSize()];
        this.fft = new FloatFFT_1D(config.fftSize());
        this.frame = new SpectralFrame(config);
        double sum = 0.0;
        for (int n = 0; n < windowLength; n++) {
            sum += config.window().coefficient(n, windowLength);
        }
        this.windowSum = sum;
        reset(0L);
    }

    /** @return the geometry */
    public StftConfig config() {
        return config;
    }

    /**
     * Consumes samples up to the next frame boundary. Any frame from an earlier call is discarded first;
     * if the consumed samples complete a frame, {@link #frameReady()} is true afterwards.
     *
     * @param in     source samples
     * @param offset index of the first sample in {@code in}
     * @param length samples available, 0 or more
     * @return samples consumed, {@code min(length, samples until the next frame)}; greater than 0 when
     *     {@code length > 0}
     */
    public int feed(final float[] in, final int offset, final int length) {
        ready = false;
        final int n = Math.min(length, untilFrame);
        int src = offset;
        int remaining = n;
        while (remaining > 0) {
            final int chunk = Math.min(remaining, windowLength - writePos);
            System.arraycopy(in, src, history, writePos, chunk);
            writePos += chunk;
            if (writePos == windowLength) {
                writePos = 0;
            }
            src += chunk;
            remaining -= chunk;
        }
        untilFrame -= n;
        samplesFed += n;
        if (untilFrame == 0) {
            computeFrame();
            untilFrame = hop;
        }
        return n;
    }

    /** @return whether the last {@link #feed} completed a frame */
    public boolean frameReady() {
        return ready;
    }

    /**
     * The frame completed by the last {@link #feed}. Only meaningful while {@link #frameReady()} is true;
     * the same instance is reused for every frame.
     *
     * @return the current frame
     */
    public SpectralFrame frame() {
        return frame;
    }

    /** @return samples still needed before the next frame is produced, 1 to {@code windowLength} */
    public int samplesUntilNextFrame() {
        return untilFrame;
    }

    /** @return absolute index of the next sample {@link #feed} will consume */
    public long nextSampleFrame() {
        return origin + samplesFed;
    }

    /** @return index the next frame will carry */
    public long nextFrameIndex() {
        return nextFrameIndex;
    }

    /**
     * @return sum of the analysis window coefficients; a bin-centred sine of amplitude {@code A} has
     *     magnitude {@code A * windowSum() / 2}
     */
    public double windowSum() {
        return windowSum;
    }

    /** Clears all state; the next sample fed is absolute sample 0. Allocation-free. */
    public void reset() {
        reset(0L);
    }

    /**
     * Clears all state and sets the stream origin. Allocation-free.
     *
     * @param nextSampleFrame absolute index that the next sample fed will have
     */
    public void reset(final long nextSampleFrame) {
        Arrays.fill(history, 0f);
        writePos = 0;
        untilFrame = windowLength;
        ready = false;
        nextFrameIndex = 0;
        origin = nextSampleFrame;
        samplesFed = 0;
    }

    private void computeFrame() {
        // history is full and writePos points at the oldest sample
        final int firstPart = windowLength - writePos;
        for (int n = 0; n < firstPart; n++) {
            fftBuffer[n] = history[writePos + n] * window[n];
        }
        for (int n = firstPart; n < windowLength; n++) {
            fftBuffer[n] = history[n - firstPart] * window[n];
        }
        Arrays.fill(fftBuffer, windowLength, fftBuffer.length, 0f);
        fft.realForward(fftBuffer);
        final long k = nextFrameIndex++;
        frame.loadPacked(fftBuffer, k, origin + k * hop);
        ready = true;
    }
}
