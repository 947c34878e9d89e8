package org.earshot.detectors.onset;

import org.earshot.detectors.EventIds;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventWriter;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.Port;
import org.earshot.engine.ProcessSpec;
import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;

/**
 * Online peak picking of a {@link NoveltyNode}'s values into {@code onset} events, with the rules of
 * {@link PeakPickerConfig}: a local maximum over a short past and a small look-ahead, above an adaptive
 * threshold over past frames, above a multiple of the novelty floor (steady-noise gate), above the silence gate,
 * and not too soon after the previous onset.
 *
 * <h2>Events</h2>
 * {@code {"type":"onset","t":…,"frame":…,"strength":…,"emit_t":…,"latency_s":…}}: the record's frame is the
 * onset time, the centre of the STFT frame whose novelty peaked (the emit time minus the declared latency); the
 * fields are the novelty value ({@link #FIELD_STRENGTH}), the frame at which the event was actually written, i.e.
 * the end of the block that decided it ({@link #FIELD_EMIT}), and the detector's declared latency
 * ({@link #FIELD_LATENCY}, see {@link #declaredLatencyFrames()}), both in sample frames rendered as seconds.
 *
 * <h2>Latency</h2>
 * The node itself declares its look-ahead, {@code lookAhead} hops; the detector as a whole (STFT half window plus
 * look-ahead) declares {@link #declaredLatencyFrames()}, which is also the path latency the graph computes.
 * {@code process} allocates nothing, takes no locks, does not log and does not throw; events depend only on the
 * samples, never on block sizes.
 */
public final class OnsetPeakPickerNode implements AudioNode {
    /** The {@code onset} event type. */
    public static final EventType ONSET = EventType.define(EventIds.ONSET, "onset",
        EventField.real("strength"), EventField.seconds("emit_t"), EventField.seconds("latency_s"));
    /** Field index of the novelty value at the peak. */
    public static final int FIELD_STRENGTH = 0;
    /** Field index of the frame at which the event was written. */
    public static final int FIELD_EMIT = 1;
    /** Field index of the declared latency, frames. */
    public static final int FIELD_LATENCY = 2;

    private final PeakPickerConfig config;
    private final NoveltyNode novelty;
    private Port<NoveltyFrames> input;

    private int hop;
    private int lookAhead;
    private int preMax;
    private int preAverage;
    private int smooth;
    private int floorWindow;
    private long minInterOnsetFrames;
    private int declaredLatency;
    private float threshold;
    private float floorFactor;
    private float silenceDb;

    private float[] values;
    private float[] levels;
    private long[] times;
    private int valueMask;
    private float[] smoothed;
    private int smoothedMask;

    private long next;
    private long expectedIndex;
    private long lastOnsetTime;
    private boolean anyOnset;

    /**
     * @param config  settings
     * @param novelty the novelty node read
     */
    public OnsetPeakPickerNode(final PeakPickerConfig config, final NoveltyNode novelty) {
        this.config = config;
        this.novelty = novelty;
    }

    @Override
    public String name() {
        return config.name();
    }

    /** @return the settings */
    public PeakPickerConfig config() {
        return config;
    }

    /**
     * Converts durations to hops and allocates the history. The novelty node must be prepared first (it is, when
     * added to the graph before this node).
     *
     * @param spec  sample rate and largest block
     * @param setup unused: the node writes events only
     */
    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        this.input = novelty.output();
        this.hop = novelty.hopFrames();
        final double hopMs = 1000.0 * hop / spec.sampleRateHz();
        this.lookAhead = hops(config.lookAheadMs(), hopMs);
        this.preMax = hops(config.preMaxMs(), hopMs);
        this.preAverage = hops(config.preAverageMs(), hopMs);
        this.smooth = Math.max(1, hops(config.floorSmoothMs(), hopMs));
        this.floorWindow = hops(config.floorWindowMs(), hopMs);
        this.minInterOnsetFrames = Math.round(config.minInterOnsetMs() * spec.sampleRateHz() / 1000.0);
        this.declaredLatency = novelty.stft().latencyFrames() + novelty.latencyFrames() + lookAhead * hop;
        this.threshold = (float)config.threshold();
        this.floorFactor = (float)config.floorFactor();
        this.silenceDb = (float)config.silenceDb();
        final int span = Math.max(Math.max(preAverage + 1, preMax + 1), smooth) + lookAhead + 1;
        final int valueSize = Integer.highestOneBit(span) << 1;
        this.values = new float[valueSize];
        this.levels = new float[valueSize];
        this.times = new long[valueSize];
        this.valueMask = valueSize - 1;
        final int smoothedSize = Integer.highestOneBit(floorWindow + 1) << 1;
        this.smoothed = new float[smoothedSize];
        this.smoothedMask = smoothedSize - 1;
        reset();
    }

    private static int hops(final double ms, final double hopMs) {
        return (int)Math.round(ms / hopMs);
    }

    /** @return the look-ahead in frames: {@code lookAhead} hops */
    @Override
    public int latencyFrames() {
        return lookAhead * hop;
    }

    /** @return look-ahead in hops, valid after {@link #prepare} */
    public int lookAheadHops() {
        return lookAhead;
    }

    /**
     * The detector's declared latency: from an onset's reported time (an STFT frame's centre) to the input frame
     * at which it can be decided, {@code windowLength - windowLength/2 + lookAhead * hop}. Valid after
     * {@link #prepare}.
     *
     * @return the latency in sample frames
     */
    public int declaredLatencyFrames() {
        return declaredLatency;
    }

    @Override
    public void process(final BlockContext ctx) {
        final NoveltyFrames in = ctx.get(input);
        final int n = in.count();
        for (int i = 0; i < n; i++) {
            final long index = in.frameIndex(i);
            if (index != expectedIndex) {
                next = 0;
                anyOnset = false;
            }
            expectedIndex = index + 1;
            final long j = next++;
            final int slot = (int)(j & valueMask);
            values[slot] = in.value(i);
            levels[slot] = in.levelDb(i);
            times[slot] = in.timeFrame(i);
            if (j >= lookAhead) {
                decide(j - lookAhead, j, ctx.events());
            }
        }
    }

    private void decide(final long c, final long newest, final EventWriter events) {
        final int cSlot = (int)(c & valueMask);
        final float v = values[cSlot];
        // steady-noise floor: running mean at c, then the lowest of those over the floor window
        final long smoothFrom = Math.max(0, c - smooth + 1);
        double sum = 0.0;
        for (long k = smoothFrom; k <= c; k++) {
            sum += values[(int)(k & valueMask)];
        }
        smoothed[(int)(c & smoothedMask)] = (float)(sum / (c - smoothFrom + 1));
        // local maximum from preMax hops back to the newest value
        for (long k = Math.max(0, c - preMax); k <= newest; k++) {
            if (values[(int)(k & valueMask)] > v) {
                return;
            }
        }
        // only running means over a full window that leaves out the stream's first value (which has no predecessor
        // to differ from) count, so the gate works from the start of a stream, not only after a floor window of it
        float floor = Float.MAX_VALUE;
        for (long k = Math.max(Math.min(c, smooth), c - floorWindow); k <= c; k++) {
            floor = Math.min(floor, smoothed[(int)(k & smoothedMask)]);
        }
        final long averageFrom = Math.max(0, c - preAverage);
        sum = 0.0;
        for (long k = averageFrom; k <= c; k++) {
            sum += values[(int)(k & valueMask)];
        }
        final double mean = sum / (c - averageFrom + 1);
        // the three gates (adaptive threshold, steady-noise floor, silence) as one margin that must not be negative:
        // one branch that goes both ways all the time, where three branches would each stay one-sided until, say,
        // the first silence, and send the compiled method back to the interpreter when it comes (the sign of each
        // difference is that of the comparison it replaces)
        final double margin = Math.min(Math.min(v - (mean + threshold), v - floorFactor * floor),
            levels[cSlot] - silenceDb);
        if (margin < 0.0) {
            return;
        }
        final long time = times[cSlot];
        if (anyOnset && time - lastOnsetTime < minInterOnsetFrames) {
            return;
        }
        anyOnset = true;
        lastOnsetTime = time;
        final EventWriter.EventRecord r = events.tryClaim(ONSET, time);
        if (r != null) {
            r.set(FIELD_STRENGTH, v).set(FIELD_EMIT, events.emitFrame()).set(FIELD_LATENCY, declaredLatency).commit();
        }
    }

    /** Forgets the history. Allocation-free. */
    @Override
    public void reset() {
        next = 0;
        expectedIndex = -1;
        anyOnset = false;
        lastOnsetTime = 0;
    }
}
