package org.earshot.app.cli;

import java.io.PrintWriter;

import org.earshot.app.config.ErrorKind;
import org.earshot.engine.runtime.AudioRing;
import org.earshot.io.SourceException;
import org.earshot.io.playback.AudioPlayback;

/**
 * The audio out of {@code earshot live --preset denoise --output DEVICE}: plays the graph's audio-out ring on
 * the device and, when the run ends, reports underruns (the line ran dry) and drops (ring full).
 */
final class LivePlayback implements AutoCloseable {
    private final AudioPlayback playback;
    private final AudioRing ring;
    private final PrintWriter err;

    private LivePlayback(final AudioPlayback playback, final AudioRing ring, final PrintWriter err) {
        this.playback = playback;
        this.ring = ring;
        this.err = err;
    }

    /**
     * @param device   {@code --output} value, or null for the default device
     * @param bufferMs {@code --output-buffer-ms} value
     * @param rateHz graph rate
     * @param rings  the graph's audio-out rings, or null when the preset produces no audio
     * @param err    where the device line and the final counts go
     * @return the started playback, or null when there is no audio to play
     * @throws UserError naming the device and the problem
     */
    static LivePlayback open(final String device, final int bufferMs, final int rateHz, final AudioRing[] rings,
        final PrintWriter err) throws UserError {
        if (rings == null) {
            if (device != null) {
                throw new UserError(ErrorKind.USAGE, "--output: this preset produces no audio (use --preset denoise)");
            }
            return null;
        }
        if (bufferMs < 20 || bufferMs > 1000) {
            throw new UserError(ErrorKind.USAGE, "--output-buffer-ms must be in [20, 1000], got " + bufferMs);
        }
        final AudioPlayback playback;
        try {
            playback = AudioPlayback.open(device, rateHz, bufferMs, rings[0]);
        } catch (final SourceException ex) {
            throw UserError.input("--output: " + FailureHandler.firstLine(ex.getMessage()) + " (see earshot devices)");
        }
        err.println("earshot: audio out: " + playback.deviceName() + ", " + rateHz + " Hz, "
            + (playback.channels() == 1 ? "mono" : "stereo") + ", buffer " + playback.bufferFrames() + " frames ("
            + String.format(java.util.Locale.ROOT, "%.1f", playback.bufferFrames() * 1000.0 / rateHz) + " ms)");
        err.flush();
        playback.start();
        return new LivePlayback(playback, rings[0], err);
    }

    @Override
    public void close() {
        try {
            playback.finish(2_000);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            playback.close();
        }
        if (playback.dryRuns() > 0 || ring.droppedFrames() > 0 || playback.lateFrames() > 0) {
            err.println("earshot: audio out: ran dry " + playback.dryRuns() + " times, "
                + ring.droppedFrames() + " dropped frames, " + playback.lateFrames() + " late frames skipped");
            err.flush();
        }
    }
}
