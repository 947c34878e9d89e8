package org.earshot.dsp.stft;

/**
 * One STFT frame: its position in the stream and its spectrum, with derived views computed lazily into
 * pre-allocated arrays the first time they are asked for after the frame changes.
 *
 * <p>The complex spectrum is interleaved: {@code complex()[2k]} is the real and {@code complex()[2k+1]}
 * the imaginary part of bin {@code k}, {@code 0 <= k < bins()}; the imaginary parts of bin 0 and of the
 * Nyquist bin are 0. Arrays returned by the accessors are owned by the frame and overwritten by the next
 * frame: treat them as read-only views valid until then.
 *
 * <p>Not thread-safe: the lazy views write into the frame. To hand frames to other threads, compute the
 * views needed first or copy them out.
 */
public final class SpectralFrame {
    private static final int VIEW_MAGNITUDE = 1;
    private static final int VIEW_PHASE = 2;
    private static final int VIEW_POWER = 4;
    private static final int VIEW_LOG = 8;
    private static final int VIEW_DB = 16;
    private static final double LN10_OVER_20 = Math.log(10.0) / 20.0;

    private final int windowLength;
    private final int fftSize;
    private final int bins;
    private final float[] complex;
    /** De-interleaved copies of {@link #complex}, so that the magnitude loop vectorises. */
    private final float[] re;
    private final float[] im;
    private final float[] magnitude;
    private final float[] phase;
    private final float[] power;
    private final float[] logMagnitude;
    private final float[] magnitudeDb;
    private long index;
    private long firstSampleFrame;
    private int validViews;
    private float logCompression;
    private float dbFloor;

    /**
     * Allocates an empty frame (index 0, all bins zero) shaped by {@code config}.
     *
     * @param config STFT geometry
     */
    public SpectralFrame(final StftConfig config) {
        this.windowLength = config.windowLength();
        this.fftSize = config.fftSize();
        this.bins = config.bins();
        this.complex = new float[2 * bins];
        this.re = new float[bins];
        this.im = new float[bins];
        this.magnitude = new float[bins];
        this.phase = new float[bins];
        this.power = new float[bins];
        this.logMagnitude = new float[bins];
        this.magnitudeDb = new float[bins];
    }

    /**
     * Loads a frame from a JTransforms {@code realForward} result (package use).
     *
     * @param packed           {@code fftSize} values in JTransforms' packed real layout
     * @param frameIndex       frame index {@code k}
     * @param firstSample      absolute index of the frame's first sample
     */
    void loadPacked(final float[] packed, final long frameIndex, final long firstSample) {
        complex[0] = packed[0];
        complex[1] = 0f;
        final int half = fftSize / 2;
        for (int k = 1; k < half; k++) {
            complex[2 * k] = packed[2 * k];
            complex[2 * k + 1] = packed[2 * k + 1];
        }
        complex[2 * half] = fftSize > 1 ? packed[1] : 0f;
        complex[2 * half + 1] = 0f;
        this.index = frameIndex;
        this.firstSampleFrame = firstSample;
        this.validViews = 0;
    }

    /**
     * Copies another frame of the same geometry: position and complex spectrum. Derived views are
     * recomputed lazily. Allocation-free.
     *
     * @param other frame to copy, same {@code fftSize} and {@code windowLength}
     * @throws IllegalArgumentException if the geometry differs
     */
    public void copyFrom(final SpectralFrame other) {
        if (other.fftSize != fftSize || other.windowLength != windowLength) {
            throw new IllegalArgumentException("frame geometry differs: fftSize " + other.fftSize + " vs "
                + fftSize + ", windowLength " + other.windowLength + " vs " + windowLength);
        }
        System.arraycopy(other.complex, 0, complex, 0, complex.length);
        this.index = other.index;
        this.firstSampleFrame = other.firstSampleFrame;
        this.validViews = 0;
    }

    /** @return frame index {@code k}, counted from 0 at the stream origin */
    public long index() {
        return index;
    }

    /** @return absolute sample index of the frame's first sample, {@code origin + index * hop} */
    public long firstSampleFrame() {
        return firstSampleFrame;
    }

    /** @return absolute sample index of the frame's last sample, {@code firstSampleFrame + windowLength - 1} */
    public long lastSampleFrame() {
        return firstSampleFrame + windowLength - 1;
    }

    /**
     * @return absolute sample index of the frame's centre (peak of the periodic window),
     *     {@code firstSampleFrame + windowLength/2}
     */
    public long centreFrame() {
        return firstSampleFrame + windowLength / 2;
    }

    /** @return number of bins, {@code fftSize/2 + 1} */
    public int bins() {
        return bins;
    }

    /** @return transform size */
    public int fftSize() {
        return fftSize;
    }

    /** @return analysis window length in samples */
    public int windowLength() {
        return windowLength;
    }

    /** @return interleaved complex spectrum {@code (re, im)} per bin, length {@code 2 * bins()}; read-only */
    public float[] complex() {
        return complex;
    }

    /**
     * @param bin bin index
     * @return real part of the bin
     */
    public float re(final int bin) {
        return complex[2 * bin];
    }

    /**
     * @param bin bin index
     * @return imaginary part of the bin
     */
    public float im(final int bin) {
        return complex[2 * bin + 1];
    }

    /** @return {@code |X[k]|} per bin; read-only */
    public float[] magnitude() {
        if ((validViews & VIEW_MAGNITUDE) == 0) {
            final float[] c = complex;
            final float[] r = re;
            final float[] i = im;
            for (int k = 0; k < bins; k++) {
                r[k] = c[2 * k];
                i[k] = c[2 * k + 1];
            }
            // single precision on contiguous arrays: C2 computes eight bins per instruction (a vector square
            // root), three times faster than the interleaved loop in double precision it replaces
            final float[] m = magnitude;
            for (int k = 0; k < bins; k++) {
                m[k] = (float)Math.sqrt(r[k] * r[k] + i[k] * i[k]);
            }
            validViews |= VIEW_MAGNITUDE;
        }
        return magnitude;
    }

    /** @return {@code atan2(im, re)} per bin, in radians in {@code [-pi, pi]}; read-only */
    public float[] phase() {
        if ((validViews & VIEW_PHASE) == 0) {
            for (int k = 0; k < bins; k++) {
                phase[k] = (float)Math.atan2(complex[2 * k + 1], complex[2 * k]);
            }
            validViews |= VIEW_PHASE;
        }
        return phase;
    }

    /** @return {@code |X[k]|^2} per bin; read-only */
    public float[] power() {
        if ((validViews & VIEW_POWER) == 0) {
            for (int k = 0; k < bins; k++) {
                final float re = complex[2 * k];
                final float im = complex[2 * k + 1];
                power[k] = re * re + im * im;
            }
            validViews |= VIEW_POWER;
        }
        return power;
    }

    /**
     * Log-compressed magnitude {@code ln(1 + compression * |X[k]|)}, as used by onset detectors. Cached
     * for the frame while {@code compression} stays the same.
     *
     * @param compression the factor {@code C}, finite and greater than 0 (e.g. 1 or 1000)
     * @return the view; read-only
     * @throws IllegalArgumentException if {@code compression} is not finite and positive
     */
    public float[] logMagnitude(final float compression) {
        if (!(compression > 0f) || Float.isInfinite(compression)) {
            throw new IllegalArgumentException("compression must be finite and > 0, got " + compression);
        }
        if ((validViews & VIEW_LOG) == 0 || logCompression != compression) {
            final float[] mag = magnitude();
            for (int k = 0; k < bins; k++) {
                logMagnitude[k] = (float)Math.log1p((double)compression * mag[k]);
            }
            logCompression = compression;
            validViews |= VIEW_LOG;
        }
        return logMagnitude;
    }

    /**
     * Magnitude in decibels, {@code 20 log10(|X[k]|)}, never below {@code floorDb} (so silent bins give
     * {@code floorDb}, not {@code -Infinity}). Cached for the frame while {@code floorDb} stays the same.
     *
     * @param floorDb lowest value returned, finite (e.g. -120)
     * @return the view; read-only
     * @throws IllegalArgumentException if {@code floorDb} is not finite
     */
    public float[] magnitudeDb(final float floorDb) {
        if (!Float.isFinite(floorDb)) {
            throw new IllegalArgumentException("floorDb must be finite, got " + floorDb);
        }
        if ((validViews & VIEW_DB) == 0 || dbFloor != floorDb) {
            final float[] mag = magnitude();
            final double floorMagnitude = Math.exp(floorDb * LN10_OVER_20);
            for (int k = 0; k < bins; k++) {
                final double m = mag[k];
                magnitudeDb[k] = m <= floorMagnitude ? floorDb : (float)(20.0 * Math.log10(m));
            }
            dbFloor = floorDb;
            validViews |= VIEW_DB;
        }
        return magnitudeDb;
    }
}
