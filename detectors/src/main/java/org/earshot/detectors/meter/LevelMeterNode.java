package org.earshot.detectors.meter;

import org.earshot.detectors.EventIds;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.EventWriter;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.ProcessSpec;
import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;

/**
 * Measures RMS and peak level over consecutive windows and emits one {@code level} event at the end of
 * each window: {@code {"type":"level","t":END_S,"frame":END,"rms_db":…,"peak_db":…}} (dBFS, floored at
 * −120). Windows are aligned to absolute frames, so the events do not depend on block sizes. No
 * look-ahead: latency 0.
 */
public final class LevelMeterNode implements AudioNode {
    /** The event type. */
    public static final EventType LEVEL = EventType.define(EventIds.LEVEL, "level",
        EventField.real("rms_db"), EventField.real("peak_db"));
    /** Lowest level reported, dBFS. */
    public static final double FLOOR_DB = -120.0;

    private final LevelMeterConfig config;
    private int windowFrames;
    private int filled;
    private double sumSquares;
    private float peak;

    /**
     * @param config settings
     */
    public LevelMeterNode(final LevelMeterConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        windowFrames = Math.max(1, (int)((long)spec.sampleRateHz() * config.windowMs() / 1000));
        reset();
    }

    @Override
    public int latencyFrames() {
        return 0;
    }

    @Override
    public void process(final BlockContext ctx) {
        final float[] in = ctx.input();
        final int frames = ctx.frames();
        final long start = ctx.blockStartFrame();
        for (int i = 0; i < frames; i++) {
            final float x = in[i];
            sumSquares += (double)x * x;
            final float a = Math.abs(x);
            if (a > peak) {
                peak = a;
            }
            if (++filled == windowFrames) {
                emit(ctx.events(), start + i + 1);
            }
        }
    }

    private void emit(final EventWriter events, final long endFrame) {
        final double rms = Math.sqrt(sumSquares / windowFrames);
        final EventWriter.EventRecord r = events.tryClaim(LEVEL, endFrame);
        if (r != null) {
            r.set(0, toDb(rms)).set(1, toDb(peak)).commit();
        }
        filled = 0;
        sumSquares = 0;
        peak = 0;
    }

    private static double toDb(final double amplitude) {
        return amplitude <= 0 ? FLOOR_DB : Math.max(FLOOR_DB, 20.0 * Math.log10(amplitude));
    }

    @Override
    public void reset() {
        filled = 0;
        sumSquares = 0;
        peak = 0;
    }
}
