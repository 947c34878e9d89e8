package org.earshot.app.demo;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.earshot.engine.runtime.AudioSource;

/**
 * The demo clip as a live source: loops forever and hands out samples no faster than real time, as a
 * capture device would. Time comes from an injected nanosecond clock; the pace starts at the first
 * {@link #read}.
 */
public final class DemoSource implements AudioSource {
    /** Longest single wait inside {@link #read}, ns. */
    static final long MAX_WAIT_NS = 50_000_000L;

    private final float[] clip;
    private final int sampleRateHz;
    private final LongSupplier nanoClock;
    private final boolean paced;
    private long startNs;
    private boolean started;
    private long delivered;
    private int position;

    /**
     * @param clip         the samples to loop, at least one
     * @param sampleRateHz their rate
     * @param nanoClock    monotonic clock in ns
     * @param paced        true to deliver at real-time pace, false as fast as asked
     */
    public DemoSource(final float[] clip, final int sampleRateHz, final LongSupplier nanoClock, final boolean paced) {
        if (clip.length == 0) {
            throw new IllegalArgumentException("clip must not be empty");
        }
        this.clip = clip;
        this.sampleRateHz = sampleRateHz;
        this.nanoClock = nanoClock;
        this.paced = paced;
    }

    /**
     * The demo clip rendered at a rate, looping at real-time pace.
     *
     * @param sampleRateHz graph rate in Hz
     * @return the source
     */
    public static DemoSource realTime(final int sampleRateHz) {
        return new DemoSource(DemoClip.render(sampleRateHz), sampleRateHz, System::nanoTime, true);
    }

    @Override
    public int sampleRateHz() {
        return sampleRateHz;
    }

    @Override
    public boolean live() {
        return true;
    }

    /**
     * Copies up to {@code maxFrames} looped samples; when pacing and none is due yet, waits until a full
     * request is due (at most {@link #MAX_WAIT_NS}) and returns 0.
     */
    @Override
    public int read(final float[] dst, final int offset, final int maxFrames) {
        int frames = maxFrames;
        if (paced) {
            final long now = nanoClock.getAsLong();
            if (!started) {
                started = true;
                startNs = now;
            }
            final long due = (now - startNs) * sampleRateHz / 1_000_000_000L - delivered;
            if (due <= 0) {
                final long waitNs = (maxFrames - due) * 1_000_000_000L / sampleRateHz;
                LockSupport.parkNanos(Math.min(waitNs, MAX_WAIT_NS));
                return 0;
            }
            frames = (int)Math.min(maxFrames, due);
        }
        int copied = 0;
        while (copied < frames) {
            final int n = Math.min(frames - copied, clip.length - position);
            System.arraycopy(clip, position, dst, offset + copied, n);
            copied += n;
            position = (position + n) % clip.length;
        }
        delivered += copied;
        return copied;
    }

    @Override
    public String describe() {
        return DemoClip.describe();
    }
}
