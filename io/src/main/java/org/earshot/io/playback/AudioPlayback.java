package org.earshot.io.playback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

import org.earshot.engine.runtime.AudioRing;
import org.earshot.io.SourceException;

/**
 * Plays a mono {@link AudioRing} on a Java Sound {@link SourceDataLine}: 16-bit PCM at the graph's rate (mono,
 * or the same signal on two channels when the device only takes stereo), a small line buffer, and a thread
 * that moves one period at a time from the ring to the line. The line's blocking {@code write} paces the
 * thread at the device clock. Playback starts with two periods queued; when the graph is late the thread
 * waits for it (the line runs dry, the device plays silence, counted in {@link #dryRuns}) instead of padding
 * with silence, which would add latency for good. A backlog beyond the line's buffer (after the machine
 * stalled) is dropped, oldest first, and counted in {@link #lateFrames}. The graph never waits for the device.
 */
public final class AudioPlayback implements AutoCloseable {
    /**
     * Default requested line buffer, ms. Java Sound's ALSA line on PulseAudio's ALSA plugin stalls for seconds
     * with buffers of 40 to 80 ms on a loaded machine (measured on the CI image); 100 ms plays steadily.
     */
    public static final int DEFAULT_BUFFER_MS = 100;

    private final AudioRing ring;
    private final SourceDataLine line;
    private final String deviceName;
    private final int channels;
    private final int periodFrames;
    private final float[] mono;
    private final byte[] bytes;
    private final Thread thread;
    private volatile boolean stop;
    private volatile long framesPlayed;
    private volatile long lateFrames;
    private volatile long dryRuns;
    private boolean dry;

    private AudioPlayback(final AudioRing ring, final SourceDataLine line, final String deviceName, final int channels,
        final int periodFrames) {
        this.ring = ring;
        this.line = line;
        this.deviceName = deviceName;
        this.channels = channels;
        this.periodFrames = periodFrames;
        this.mono = new float[periodFrames];
        this.bytes = new byte[periodFrames * channels * 2];
        this.thread = new Thread(this::run, "earshot-playback");
        this.thread.setDaemon(true);
        this.thread.setPriority(Thread.MAX_PRIORITY);
    }

    /**
     * Opens the output line (not yet started).
     *
     * @param device       part of an output device name, ignoring case; null, empty or "default" for Java
     *                     Sound's default output
     * @param sampleRateHz the graph's rate
     * @param bufferMs     requested line buffer, ms (the device may grant more)
     * @param ring         the audio to play
     * @return the playback, call {@link #start()}
     * @throws SourceException naming the device and the problem (none matches: the message lists the output
     *                         devices; format refused; line busy)
     */
    public static AudioPlayback open(final String device, final int sampleRateHz, final int bufferMs,
        final AudioRing ring) throws SourceException {
        final Mixer.Info mixer = findMixer(device);
        final String name = mixer == null ? "default" : mixer.getName();
        SourceException last = null;
        for (final int channels : new int[] {1, 2}) {
            final AudioFormat format = new AudioFormat(sampleRateHz, 16, channels, true, false);
            final DataLine.Info info = new DataLine.Info(SourceDataLine.class, format);
            try {
                final SourceDataLine line = mixer == null
                    ? (SourceDataLine)AudioSystem.getLine(info) : (SourceDataLine)AudioSystem.getMixer(mixer).getLine(info);
                final int frameBytes = 2 * channels;
                final int requested = Math.max(64, (int)((long)sampleRateHz * bufferMs / 1000)) * frameBytes;
                line.open(format, requested);
                final int grantedFrames = line.getBufferSize() / frameBytes;
                final int period = Math.max(32, Math.min(grantedFrames / 2, sampleRateHz / 100));
                return new AudioPlayback(ring, line, name, channels, period);
            } catch (final IllegalArgumentException | LineUnavailableException ex) {
                last = new SourceException("output device '" + name + "' cannot play " + sampleRateHz + " Hz 16-bit "
                    + (channels == 1 ? "mono" : "stereo") + ": " + ex.getMessage(), ex);
            }
        }
        throw last;
    }

    private static Mixer.Info findMixer(final String device) throws SourceException {
        if (device == null || device.isBlank() || "default".equalsIgnoreCase(device.strip())) {
            return null;
        }
        final String wanted = device.toLowerCase(Locale.ROOT);
        final List<String> names = new ArrayList<>();
        for (final Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (!canPlay(info)) {
                continue;
            }
            names.add("'" + info.getName() + "'");
            if (info.getName().toLowerCase(Locale.ROOT).contains(wanted)) {
                return info;
            }
        }
        throw new SourceException("output device '" + device + "' not found; available output devices: "
            + (names.isEmpty() ? "none" : String.join(", ", names)));
    }

    private static boolean canPlay(final Mixer.Info info) {
        try {
            for (final Line.Info line : AudioSystem.getMixer(info).getSourceLineInfo()) {
                if (line instanceof DataLine.Info && SourceDataLine.class.isAssignableFrom(line.getLineClass())) {
                    return true;
                }
            }
        } catch (final RuntimeException ex) {
            return false;
        }
        return false;
    }

    /** Starts the playback thread; playing begins once a period is buffered. */
    public void start() {
        thread.start();
    }

    private void run() {
        // start once two periods are ready, so that the first capture bursts do not starve the line at once
        while (!stop && ring.available() < 2 * periodFrames && !ring.isClosed()) {
            LockSupport.parkNanos(200_000);
        }
        line.start();
        while (!stop) {
            final int n;
            if (ring.isClosed()) {
                n = ring.read(mono, 0, periodFrames);
                if (n == 0) {
                    break;
                }
            } else {
                skipBacklog();
                final int ready = ring.available();
                if (ready >= periodFrames) {
                    n = ring.read(mono, 0, periodFrames);
                } else if (ready > 0 && queuedFrames() < periodFrames) {
                    // the line is about to run dry: play what there is
                    n = ring.read(mono, 0, ready);
                } else {
                    // never pad with silence: padding adds latency for good and shifts everything after it. If
                    // the graph is late the line runs dry and the device plays silence until audio arrives.
                    if (queuedFrames() == 0 && !dry) {
                        dry = true;
                        dryRuns++;
                    }
                    LockSupport.parkNanos(500_000);
                    continue;
                }
                dry = false;
            }
            write(n);
        }
        if (!stop) {
            line.drain();
        }
    }

    private void write(final int frames) {
        int b = 0;
        for (int i = 0; i < frames; i++) {
            final float c = Math.max(-1f, Math.min(1f, mono[i]));
            final short s = (short)Math.round(c * 32767f);
            for (int ch = 0; ch < channels; ch++) {
                bytes[b++] = (byte)s;
                bytes[b++] = (byte)(s >> 8);
            }
        }
        line.write(bytes, 0, b);
        framesPlayed += frames;
    }

    /** @return frames written to the line and not yet played */
    private int queuedFrames() {
        return bufferFrames() - line.available() / (2 * channels);
    }

    private void skipBacklog() {
        // more waiting than the line holds (after a stall of the machine): drop the oldest, keeping one period
        final int limit = bufferFrames() + 2 * periodFrames;
        final int waiting = ring.available() + queuedFrames();
        int excess = Math.min(waiting - limit, ring.available() - periodFrames);
        if (excess <= 0) {
            return;
        }
        while (excess > 0) {
            final int n = ring.read(mono, 0, Math.min(excess, periodFrames));
            if (n == 0) {
                break;
            }
            excess -= n;
            lateFrames += n;
        }
    }

    /** @return frames skipped because the device fell behind (latency kept bounded) */
    public long lateFrames() {
        return lateFrames;
    }

    /** @return the device played on */
    public String deviceName() {
        return deviceName;
    }

    /** @return the line buffer granted, in frames */
    public int bufferFrames() {
        return line.getBufferSize() / (2 * channels);
    }

    /** @return frames moved per write */
    public int periodFrames() {
        return periodFrames;
    }

    /** @return channels the line was opened with (1, or 2 for a stereo-only device) */
    public int channels() {
        return channels;
    }

    /** @return frames handed to the device */
    public long framesPlayed() {
        return framesPlayed;
    }

    /** @return frames of silence played because the ring was empty */
    public long underrunFrames() {
        return ring.underrunFrames();
    }

    /** @return how many times the line ran dry while waiting for the graph (the device played silence) */
    public long dryRuns() {
        return dryRuns;
    }

    /**
     * Waits until the ring is closed and played out, then closes the line.
     *
     * @param timeoutMs how long to wait
     * @throws InterruptedException if interrupted
     */
    public void finish(final long timeoutMs) throws InterruptedException {
        ring.close();
        thread.join(timeoutMs);
        close();
    }

    /** Stops at once and closes the line. */
    @Override
    public void close() {
        stop = true;
        try {
            thread.join(2_000);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        line.stop();
        line.close();
    }
}
