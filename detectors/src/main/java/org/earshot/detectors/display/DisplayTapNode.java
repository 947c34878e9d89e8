package org.earshot.detectors.display;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.earshot.detectors.onset.NoveltyFrames;
import org.earshot.dsp.filter.MelFilterbank;
import org.earshot.dsp.filter.MelFilterbankConfig;
import org.earshot.dsp.filter.MelScale;
import org.earshot.dsp.filter.TriangleNorm;
import org.earshot.dsp.stft.SpectralFrame;
import org.earshot.dsp.stft.Stft;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.dsp.window.WindowType;
import org.earshot.engine.AudioBlock;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventMode;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;

/**
 * Feeds a screen: computes one log-mel column per column hop (at most 50 per second) from the graph's
 * input, with the onset novelty, input levels and processed-output level of the same stretch, and writes
 * it into a {@link DisplayColumns} ring that a dashboard thread polls. The column rate is what a screen
 * needs, so the display costs one small FFT per column, not one per block.
 *
 * <h2>Inputs</h2>
 * The graph input (always); optionally a {@link NoveltyFrames} port (the onset novelty node's) whose
 * largest value per column is kept; optionally an {@link AudioBlock} port (a denoiser's or separator's
 * output) whose RMS level per column is kept beside the input's, so the page shows what the node takes away.
 *
 * <h2>Timing</h2>
 * A column is stamped with its STFT frame's centre; the window is about 40 ms (a power of two, at least the
 * hop). The novelty and output levels are those of the blocks processed while the column's samples came in
 * (their own latencies, a frame or two, are not compensated: this is a picture).
 *
 * <h2>Back-pressure</h2>
 * In {@link EventMode#LIVE} a full ring drops the column and counts it (the graph never waits for a
 * screen); in {@link EventMode#OFFLINE} it waits for room, so a report loses nothing.
 *
 * <p>Writes no events and has no look-ahead (latency 0). {@code process} allocates nothing, takes no locks,
 * does not log and does not throw.
 */
public final class DisplayTapNode implements AudioNode {
    /** Target window length, seconds (rounded up to a power of two in samples). */
    public static final double WINDOW_SECONDS = 0.04;
    private static final double MIN_POWER = 1e-12;
    private static final long WAIT_NS = 50_000;

    private final DisplayTapConfig config;
    private final EventMode mode;
    private final Supplier<Port<NoveltyFrames>> noveltySource;
    private final Supplier<Port<AudioBlock>> processedSource;
    private final DisplayColumns columns;
    private Port<NoveltyFrames> novelty;
    private Port<AudioBlock> processed;
    private Stft stft;
    private MelFilterbank mel;
    private float[] power;
    private float[] bandPower;
    private double powerScale;
    private int hop;
    private int windowLength;
    private boolean needsOrigin;
    private double inSumSquares;
    private long inCount;
    private float inPeak;
    private double outSumSquares;
    private long outCount;
    private float noveltyMax;

    /**
     * @param config    settings
     * @param mode      drop (live) or wait (offline) when the ring is full
     * @param novelty   gives the novelty port to read (called in prepare, after that node's), or null for none
     * @param processed gives a processed-audio port to meter (called in prepare), or null for none
     * @throws IllegalArgumentException if {@code config} or {@code mode} is null
     */
    public DisplayTapNode(final DisplayTapConfig config, final EventMode mode,
        final Supplier<Port<NoveltyFrames>> novelty, final Supplier<Port<AudioBlock>> processed) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        if (mode == null) {
            throw new IllegalArgumentException("mode must not be null");
        }
        this.config = config;
        this.mode = mode;
        this.noveltySource = novelty;
        this.processedSource = processed;
        this.columns = new DisplayColumns(config.melBands(), config.ringColumns());
    }

    @Override
    public String name() {
        return config.name();
    }

    /** @return the settings */
    public DisplayTapConfig config() {
        return config;
    }

    /** @return the ring the columns go to (the consumer side is the dashboard's) */
    public DisplayColumns columns() {
        return columns;
    }

    /** @return whether a novelty port is read */
    public boolean hasNovelty() {
        return noveltySource != null;
    }

    /** @return whether a processed-audio port is metered */
    public boolean hasProcessedAudio() {
        return processedSource != null;
    }

    /**
     * The column hop for a rate: {@code ceil(sampleRateHz / columnsPerSecond)}.
     *
     * @param sampleRateHz graph rate
     * @param perSecond    columns per second
     * @return frames between columns
     */
    public static int hopFrames(final int sampleRateHz, final int perSecond) {
        return (sampleRateHz + perSecond - 1) / perSecond;
    }

    /**
     * The analysis window for a rate and hop: the power of two nearest above {@link #WINDOW_SECONDS}, at least
     * the hop, at most {@link StftConfig#MAX_FFT_SIZE}.
     *
     * @param sampleRateHz graph rate
     * @param hop          column hop
     * @return window length in samples
     */
    public static int windowLength(final int sampleRateHz, final int hop) {
        final int wanted = Math.max(hop, (int)Math.ceil(sampleRateHz * WINDOW_SECONDS));
        final int pow2 = Integer.highestOneBit(Math.max(1, wanted - 1)) << 1;
        return Math.min(StftConfig.MAX_FFT_SIZE, Math.max(64, pow2));
    }

    /**
     * Allocates the STFT, filterbank and buffers; takes the optional ports.
     *
     * @param spec  sample rate and largest block
     * @param setup not used: the node declares no port
     */
    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        final int rate = spec.sampleRateHz();
        hop = hopFrames(rate, config.columnsPerSecond());
        windowLength = windowLength(rate, hop);
        if (hop > windowLength) {
            throw new IllegalArgumentException("columnsPerSecond " + config.columnsPerSecond() + " at " + rate
                + " Hz needs a hop of " + hop + " frames, more than the largest window " + windowLength);
        }
        final StftConfig stftConfig = StftConfig.of(windowLength, hop, WindowType.HANN);
        stft = new Stft(stftConfig);
        final double maxHz = Math.min(config.maxHz(), rate / 2.0);
        final double minHz = Math.min(config.minHz(), maxHz / 2);
        mel = new MelFilterbank(new MelFilterbankConfig(config.melBands(), minHz, maxHz, MelScale.SLANEY,
            TriangleNorm.UNIT_HEIGHT), rate, stftConfig.fftSize());
        power = new float[stftConfig.bins()];
        bandPower = new float[config.melBands()];
        final double fullScale = stft.windowSum() / 2.0;
        powerScale = 1.0 / (fullScale * fullScale);
        columns.geometry(rate, hop);
        novelty = noveltySource == null ? null : noveltySource.get();
        processed = processedSource == null ? null : processedSource.get();
        if (noveltySource != null && novelty == null) {
            throw new IllegalStateException("node " + config.name() + ": the novelty port is not prepared");
        }
        if (processedSource != null && processed == null) {
            throw new IllegalStateException("node " + config.name() + ": the processed audio port is not prepared");
        }
        reset();
    }

    /** @return 0: the display adds no look-ahead to anything */
    @Override
    public int latencyFrames() {
        return 0;
    }

    /** @return the column hop in frames (after prepare) */
    public int hopFrames() {
        return hop;
    }

    /** @return the analysis window in samples (after prepare) */
    public int windowLength() {
        return windowLength;
    }

    @Override
    public void process(final BlockContext ctx) {
        if (novelty != null) {
            final NoveltyFrames nf = ctx.get(novelty);
            for (int i = 0; i < nf.count(); i++) {
                noveltyMax = Math.max(noveltyMax, nf.value(i));
            }
        }
        if (processed != null) {
            final AudioBlock block = ctx.get(processed);
            final float[] s = block.samples();
            final int n = block.frames();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += (double)s[i] * s[i];
            }
            outSumSquares += sum;
            outCount += n;
        }
        final int frames = ctx.frames();
        if (frames == 0) {
            return;
        }
        final long start = ctx.blockStartFrame();
        if (needsOrigin || start != stft.nextSampleFrame()) {
            stft.reset(start);
            needsOrigin = false;
        }
        final float[] in = ctx.input();
        int pos = 0;
        while (pos < frames) {
            final int used = stft.feed(in, pos, frames - pos);
            meterInput(in, pos, used);
            pos += used;
            if (stft.frameReady()) {
                writeColumn(stft.frame());
            }
        }
    }

    private void meterInput(final float[] in, final int offset, final int n) {
        double sum = 0;
        float peak = inPeak;
        for (int i = offset; i < offset + n; i++) {
            final float x = in[i];
            sum += (double)x * x;
            final float a = Math.abs(x);
            if (a > peak) {
                peak = a;
            }
        }
        inSumSquares += sum;
        inCount += n;
        inPeak = peak;
    }

    private void writeColumn(final SpectralFrame frame) {
        int slot = columns.tryClaim();
        if (slot < 0) {
            if (mode == EventMode.LIVE) {
                columns.countDropped();
                clearAccumulators();
                return;
            }
            while ((slot = columns.tryClaim()) < 0) {
                LockSupport.parkNanos(WAIT_NS);
            }
        }
        final float[] data = columns.data();
        final int base = columns.offset(slot);
        data[base + DisplayColumns.NOVELTY] = novelty == null ? Float.NaN : noveltyMax;
        data[base + DisplayColumns.IN_RMS_DB] = meanSquareDb(inSumSquares, inCount);
        data[base + DisplayColumns.IN_PEAK_DB] = inPeak > 0 ? toDb((double)inPeak * inPeak) : DisplayColumns.FLOOR_DB;
        data[base + DisplayColumns.OUT_RMS_DB] = processed == null ? Float.NaN : meanSquareDb(outSumSquares, outCount);
        final float[] complex = frame.complex();
        final int bins = power.length;
        for (int k = 0; k < bins; k++) {
            final float re = complex[2 * k];
            final float im = complex[2 * k + 1];
            power[k] = (float)((re * re + im * im) * powerScale);
        }
        mel.apply(power, bandPower);
        final int first = base + DisplayColumns.SCALARS;
        for (int b = 0; b < bandPower.length; b++) {
            data[first + b] = toDb(bandPower[b]);
        }
        columns.commit(slot, frame.centreFrame());
        clearAccumulators();
    }

    private static float meanSquareDb(final double sumSquares, final long count) {
        return count == 0 ? DisplayColumns.FLOOR_DB : toDb(sumSquares / count);
    }

    private static float toDb(final double meanSquare) {
        if (!(meanSquare > MIN_POWER)) {
            return DisplayColumns.FLOOR_DB;
        }
        return (float)Math.max(DisplayColumns.FLOOR_DB, 10.0 * Math.log10(meanSquare));
    }

    private void clearAccumulators() {
        inSumSquares = 0;
        inCount = 0;
        inPeak = 0;
        outSumSquares = 0;
        outCount = 0;
        noveltyMax = 0;
    }

    /** Restarts the STFT at the next block and clears the meters. Allocation-free. */
    @Override
    public void reset() {
        if (stft != null) {
            stft.reset();
        }
        needsOrigin = true;
        clearAccumulators();
    }
}
