package org.earshot.dsp.stft;

import org.earshot.dsp.window.WindowType;

/**
 * Immutable STFT geometry, validated on construction.
 *
 * <p>{@code fftSize} must be a power of two: JTransforms' other plans (mixed radix, Bluestein) allocate a
 * scratch array on every transform. It is capped at {@link #MAX_FFT_SIZE} because from 8,192 points
 * JTransforms hands the transform to its thread pool, which allocates and is not allowed in this module.
 *
 * @param windowLength analysis window length in samples, {@value #MIN_WINDOW_LENGTH} to {@value #MAX_FFT_SIZE}
 * @param hop          samples between frame starts, 1 to {@code windowLength}
 * @param fftSize      transform size, a power of two from {@code windowLength} to {@value #MAX_FFT_SIZE};
 *                     larger than {@code windowLength} means zero padding
 * @param window       window shape, used for analysis and (by {@link Istft}) synthesis
 */
public record StftConfig(int windowLength, int hop, int fftSize, WindowType window) {
    /** Shortest window accepted. */
    public static final int MIN_WINDOW_LENGTH = 4;
    /** Largest transform accepted (the largest single-threaded JTransforms split-radix size). */
    public static final int MAX_FFT_SIZE = 4096;

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException naming the field, its allowed range and the value received
     */
    public StftConfig {
        if (window == null) {
            throw new IllegalArgumentException("window must not be null");
        }
        if (windowLength < MIN_WINDOW_LENGTH || windowLength > MAX_FFT_SIZE) {
            throw new IllegalArgumentException("windowLength must be in [" + MIN_WINDOW_LENGTH + ", " + MAX_FFT_SIZE
                + "], got " + windowLength);
        }
        if (hop < 1 || hop > windowLength) {
            throw new IllegalArgumentException("hop must be in [1, windowLength=" + windowLength + "], got " + hop);
        }
        if (fftSize < windowLength || fftSize > MAX_FFT_SIZE || Integer.bitCount(fftSize) != 1) {
            throw new IllegalArgumentException("fftSize must be a power of two in [windowLength=" + windowLength
                + ", " + MAX_FFT_SIZE + "], got " + fftSize);
        }
    }

    /**
     * A config whose FFT is the smallest power of two holding the window (no padding if
     * {@code windowLength} is a power of two).
     *
     * @param windowLength analysis window length in samples
     * @param hop          samples between frame starts
     * @param window       window shape
     * @return the validated config
     */
    public static StftConfig of(final int windowLength, final int hop, final WindowType window) {
        final int fft = windowLength <= 1 ? 1 : Integer.highestOneBit(windowLength - 1) << 1;
        return new StftConfig(windowLength, hop, fft, window);
    }

    /** @return number of non-negative-frequency bins, {@code fftSize/2 + 1} */
    public int bins() {
        return fftSize / 2 + 1;
    }

    /**
     * @param sampleRateHz sample rate in Hz
     * @return width of one bin in Hz, {@code sampleRateHz / fftSize}
     */
    public double binWidthHz(final double sampleRateHz) {
        return sampleRateHz / fftSize;
    }

    /** @return offset of a frame's centre from its first sample, {@code windowLength/2} */
    public int centreOffsetFrames() {
        return windowLength / 2;
    }
}
