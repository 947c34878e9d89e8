package org.earshot.detectors.spectral;

import java.util.Objects;
import java.util.Set;

import org.earshot.dsp.stft.SpectralFrame;
import org.earshot.dsp.stft.StftConfig;

/**
 * Port value of a {@link StftNode}: the STFT frames completed in one block, 0 to {@link #capacity()}, in
 * order, with their positions and copies of the configured {@link SpectrumView}s. One instance per ring slot,
 * allocated when the graph is built; nothing is allocated afterwards.
 *
 * <p>Readers use {@link #count()} and the indexed accessors; the arrays returned are read-only views valid
 * while the reader processes this block. Every view is computed before the block is published, so several
 * downstream nodes, on any threads, may read the same instance. Only the node that declared the port calls
 * the writer methods {@link #clear()} and {@link #tryAdd(SpectralFrame)}.
 */
public final class SpectrumFrames {
    private final StftConfig config;
    private final boolean keepComplex;
    private final boolean keepMagnitude;
    private final boolean keepPhase;
    private final boolean keepPower;
    private final long[] frameIndex;
    private final long[] firstSampleFrame;
    private final float[][] complex;
    private final float[][] magnitude;
    private final float[][] phase;
    private final float[][] power;
    private int count;

    /**
     * Allocates room for {@code capacity} frames of the given views.
     *
     * @param config   STFT geometry
     * @param capacity most frames per block, 1 or more
     * @param views    views to keep
     * @throws IllegalArgumentException if {@code capacity} is below 1
     */
    public SpectrumFrames(final StftConfig config, final int capacity, final Set<SpectrumView> views) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        }
        this.config = config;
        this.keepComplex = views.contains(SpectrumView.COMPLEX);
        this.keepMagnitude = views.contains(SpectrumView.MAGNITUDE);
        this.keepPhase = views.contains(SpectrumView.PHASE);
        this.keepPower = views.contains(SpectrumView.POWER);
        final int bins = config.bins();
        this.frameIndex = new long[capacity];
        this.firstSampleFrame = new long[capacity];
        this.complex = keepComplex ? new float[capacity][2 * bins] : null;
        this.magnitude = keepMagnitude ? new float[capacity][bins] : null;
        this.phase = keepPhase ? new float[capacity][bins] : null;
        this.power = keepPower ? new float[capacity][bins] : null;
    }

    /**
     * Capacity a block of up to {@code maxFrames} samples needs: at most {@code ceil(maxFrames / hop)} frames
     * complete in one block; one more is kept as margin.
     *
     * @param maxFrames largest block in frames
     * @param hop       STFT hop in frames
     * @return {@code ceil(maxFrames / hop) + 1}
     */
    public static int capacityFor(final int maxFrames, final int hop) {
        return (maxFrames + hop - 1) / hop + 1;
    }

    /** Writer: empties the list (start of every block). */
    public void clear() {
        count = 0;
    }

    /**
     * Writer: appends a frame, copying its position and the kept views (computing them on {@code frame}).
     *
     * @param frame the frame, same geometry
     * @return false, copying nothing, if the list is full
     */
    public boolean tryAdd(final SpectralFrame frame) {
        if (count == frameIndex.length) {
            return false;
        }
        final int i = count;
        frameIndex[i] = frame.index();
        firstSampleFrame[i] = frame.firstSampleFrame();
        if (keepComplex) {
            System.arraycopy(frame.complex(), 0, complex[i], 0, complex[i].length);
        }
        if (keepMagnitude) {
            System.arraycopy(frame.magnitude(), 0, magnitude[i], 0, magnitude[i].length);
        }
        if (keepPhase) {
            System.arraycopy(frame.phase(), 0, phase[i], 0, phase[i].length);
        }
        if (keepPower) {
            System.arraycopy(frame.power(), 0, power[i], 0, power[i].length);
        }
        count = i + 1;
        return true;
    }

    /** @return frames completed in this block, 0 to {@link #capacity()} */
    public int count() {
        return count;
    }

    /**
     * Writer: makes this list a copy of another with the same geometry, views and capacity (a recorded block replayed,
     * as a benchmark does).
     *
     * @param source the list to copy
     * @throws IllegalArgumentException if the geometry, the views or the capacity differ
     */
    public void copyFrom(final SpectrumFrames source) {
        if (!source.config.equals(config) || source.keepComplex != keepComplex || source.keepMagnitude != keepMagnitude
            || source.keepPhase != keepPhase || source.keepPower != keepPower || source.capacity() != capacity()) {
            throw new IllegalArgumentException("copyFrom needs the same geometry, views and capacity");
        }
        count = source.count;
        System.arraycopy(source.frameIndex, 0, frameIndex, 0, count);
        System.arraycopy(source.firstSampleFrame, 0, firstSampleFrame, 0, count);
        for (int i = 0; i < count; i++) {
            copyRow(source.complex, complex, i);
            copyRow(source.magnitude, magnitude, i);
            copyRow(source.phase, phase, i);
            copyRow(source.power, power, i);
        }
    }

    private static void copyRow(final float[][] from, final float[][] to, final int i) {
        if (from != null) {
            System.arraycopy(from[i], 0, to[i], 0, from[i].length);
        }
    }

    /** @return most frames one block can hold */
    public int capacity() {
        return frameIndex.length;
    }

    /** @return the STFT geometry */
    public StftConfig config() {
        return config;
    }

    /** @return bins per frame, {@code fftSize/2 + 1} */
    public int bins() {
        return config.bins();
    }

    /**
     * @param view a view
     * @return whether this port keeps it
     */
    public boolean has(final SpectrumView view) {
        switch (view) {
            case COMPLEX:
                return keepComplex;
            case MAGNITUDE:
                return keepMagnitude;
            case PHASE:
                return keepPhase;
            case POWER:
                return keepPower;
            default:
                return false;
        }
    }

    /**
     * @param i frame in this block, {@code 0 <= i < count()}
     * @return the frame's index {@code k} since the stream origin
     */
    public long frameIndex(final int i) {
        return frameIndex[Objects.checkIndex(i, count)];
    }

    /**
     * @param i frame in this block, {@code 0 <= i < count()}
     * @return absolute sample frame of the frame's first sample
     */
    public long firstSampleFrame(final int i) {
        return firstSampleFrame[Objects.checkIndex(i, count)];
    }

    /**
     * @param i frame in this block, {@code 0 <= i < count()}
     * @return absolute sample frame of the frame's last sample, {@code first + windowLength - 1}
     */
    public long lastSampleFrame(final int i) {
        return firstSampleFrame(i) + config.windowLength() - 1;
    }

    /**
     * @param i frame in this block, {@code 0 <= i < count()}
     * @return absolute sample frame of the frame's centre, {@code first + windowLength/2}: its time stamp
     */
    public long centreFrame(final int i) {
        return firstSampleFrame(i) + config.windowLength() / 2;
    }

    /**
     * @param i frame in this block, {@code 0 <= i < count()}
     * @return interleaved {@code (re, im)} per bin; read-only
     * @throws IllegalStateException if {@link SpectrumView#COMPLEX} is not kept
     */
    public float[] complex(final int i) {
        return row(complex, SpectrumView.COMPLEX, i);
    }

    /**
     * @param i frame in this block, {@code 0 <= i < count()}
     * @return {@code |X[k]|} per bin; read-only
     * @throws IllegalStateException if {@link SpectrumView#MAGNITUDE} is not kept
     */
    public float[] magnitude(final int i) {
        return row(magnitude, SpectrumView.MAGNITUDE, i);
    }

    /**
     * @param i frame in this block, {@code 0 <= i < count()}
     * @return phase per bin in radians; read-only
     * @throws IllegalStateException if {@link SpectrumView#PHASE} is not kept
     */
    public float[] phase(final int i) {
        return row(phase, SpectrumView.PHASE, i);
    }

    /**
     * @param i frame in this block, {@code 0 <= i < count()}
     * @return {@code |X[k]|^2} per bin; read-only
     * @throws IllegalStateException if {@link SpectrumView#POWER} is not kept
     */
    public float[] power(final int i) {
        return row(power, SpectrumView.POWER, i);
    }

    private float[] row(final float[][] rows, final SpectrumView view, final int i) {
        if (rows == null) {
            throw new IllegalStateException(
                "view " + view + " is not kept by this port; add it to StftNodeConfig.views");
        }
        return rows[Objects.checkIndex(i, count)];
    }
}
