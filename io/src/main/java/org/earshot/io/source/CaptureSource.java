package org.earshot.io.source;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;

import org.earshot.dsp.resample.Resampler;
import org.earshot.dsp.resample.ResamplerConfig;
import org.earshot.engine.runtime.AudioSource;
import org.earshot.io.ChannelSelection;
import org.earshot.io.SourceException;

/**
 * Live input from a Java Sound {@link TargetDataLine}: 16-bit PCM, mono or stereo (one channel kept or
 * both averaged), captured at the graph rate when the device offers it, else at 48000 or 44100 Hz and
 * resampled.
 *
 * <p><b>Buffer.</b> A small device buffer is requested ({@code bufferBlocks} blocks); the device may grant
 * another size: {@link #requestedBufferFrames()} and {@link #grantedBufferFrames()} tell both, at the
 * capture rate.
 *
 * <p><b>Lost frames.</b> Before each read the line is checked for an overrun, as far as Java Sound
 * allows: the device's frame position running ahead of the frames read plus those waiting (by more than
 * half the buffer, to ignore position jitter), or a full buffer (then the frames lost are estimated from
 * the time since the previous read). A read that fails
 * (device unplugged, line closed under us) closes the line and reopens it, up to
 * {@value #REOPEN_ATTEMPTS} times {@value #REOPEN_WAIT_MS} ms apart, counting the outage as lost frames;
 * only when every attempt fails does {@link #read} throw. Lost frames are reported, at the graph rate,
 * by {@link #takeLostFrames()}.
 *
 * <p>Read by one thread; {@link #close()} may come from another and ends the stream.
 */
public final class CaptureSource implements AudioSource {
    /** Times a failed line is reopened before the source gives up. */
    public static final int REOPEN_ATTEMPTS = 20;
    /** Wait between reopen attempts, in ms. */
    public static final long REOPEN_WAIT_MS = 250;
    /** Capture rates tried after the graph rate, in Hz. */
    static final int[] FALLBACK_RATES_HZ = {48_000, 44_100};
    private static final int BYTES_PER_SAMPLE = 2;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final CaptureSourceOptions options;
    private final CaptureLines lines;
    private final AudioFormat format;
    private final int captureRateHz;
    private final int channels;
    private final int frameBytes;
    private final int requestedBufferFrames;
    private final Resampler resampler;
    private final byte[] bytes;
    private final float[] mono;
    private final float[] out;
    private final int reopenAttempts;
    private final long reopenWaitMs;

    private volatile boolean closed;
    private volatile TargetDataLine line;
    private int grantedBufferFrames;
    private int outPos;
    private int outLength;
    private long lineFramesRead;
    private long lineUnaccountedFrames;
    private long lastReadEndNs;
    private long lostCaptureFrames;
    private long lostGraphFramesReported;
    private long overruns;
    private long reconnects;

    private CaptureSource(
        final CaptureSourceOptions options, final CaptureLines lines, final AudioFormat format,
        final int reopenAttempts, final long reopenWaitMs) {
        this.options = options;
        this.lines = lines;
        this.format = format;
        this.captureRateHz = Math.round(format.getSampleRate());
        this.channels = format.getChannels();
        this.frameBytes = format.getFrameSize();
        this.reopenAttempts = reopenAttempts;
        this.reopenWaitMs = reopenWaitMs;
        final int blockCaptureFrames =
            (int)(((long)options.blockFrames() * captureRateHz + options.graphRateHz() - 1) / options.graphRateHz());
        this.requestedBufferFrames = blockCaptureFrames * options.bufferBlocks();
        this.resampler = new Resampler(ResamplerConfig.of(captureRateHz, options.graphRateHz()));
        this.bytes = new byte[blockCaptureFrames * frameBytes];
        this.mono = new float[blockCaptureFrames];
        this.out = new float[resampler.maxOutputFrames(blockCaptureFrames)];
    }

    /**
     * Opens a capture device and starts capturing.
     *
     * @param options device, graph rate, channel, block and buffer size
     * @return the running source
     * @throws NoCaptureDeviceException if Java Sound offers no capture device at all
     * @throws SourceException          if the named device does not exist (the message lists those that do),
     *                                  offers no usable format, or cannot be opened
     */
    public static CaptureSource open(final CaptureSourceOptions options) throws SourceException {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return open(options, new JavaSoundCaptureLines(Devices.findCaptureMixer(options.device())), REOPEN_ATTEMPTS,
            REOPEN_WAIT_MS);
    }

    static CaptureSource open(
        final CaptureSourceOptions options, final CaptureLines lines, final int reopenAttempts, final long reopenWaitMs)
        throws SourceException {
        final AudioFormat format = chooseFormat(options, lines);
        final CaptureSource source = new CaptureSource(options, lines, format, reopenAttempts, reopenWaitMs);
        try {
            source.startLine(source.openLine());
        } catch (final LineUnavailableException | RuntimeException ex) {
            throw new SourceException("capture device '" + lines.deviceName() + "' cannot be opened at "
                + describe(format) + ": " + message(ex), ex);
        }
        return source;
    }

    private static AudioFormat chooseFormat(final CaptureSourceOptions options, final CaptureLines lines)
        throws SourceException {
        final Set<Integer> rates = new LinkedHashSet<>();
        rates.add(options.graphRateHz());
        for (final int rate : FALLBACK_RATES_HZ) {
            rates.add(rate);
        }
        final ChannelSelection selection = options.channels();
        final int[] channelChoices;
        if (selection.downmix() || selection.channel() == 0) {
            channelChoices = new int[] {1, 2};
        } else {
            channelChoices = new int[] {Math.max(2, selection.channel() + 1)};
        }
        for (final int rate : rates) {
            for (final int channelCount : channelChoices) {
                final AudioFormat candidate = new AudioFormat(AudioFormat.Encoding.PCM_SIGNED, rate,
                    8 * BYTES_PER_SAMPLE, channelCount, channelCount * BYTES_PER_SAMPLE, rate, false);
                if (lines.supports(candidate)) {
                    return candidate;
                }
            }
        }
        throw new SourceException("capture device '" + lines.deviceName() + "' offers no 16-bit PCM format at "
            + rates + " Hz with " + (channelChoices.length == 2 ? "1 or 2" : String.valueOf(channelChoices[0]))
            + " channels (needed for " + selection.describe() + ")");
    }

    private TargetDataLine openLine() throws LineUnavailableException {
        return lines.open(format, requestedBufferFrames * frameBytes);
    }

    private void startLine(final TargetDataLine opened) {
        line = opened;
        grantedBufferFrames = opened.getBufferSize() / frameBytes;
        lineFramesRead = 0;
        lineUnaccountedFrames = 0;
        lastReadEndNs = System.nanoTime();
    }

    @Override
    public int sampleRateHz() {
        return options.graphRateHz();
    }

    @Override
    public boolean live() {
        return true;
    }

    /** @return the rate the device captures at, in Hz (the graph rate, or 48000/44100 resampled) */
    public int captureRateHz() {
        return captureRateHz;
    }

    /** @return the capture format */
    public AudioFormat captureFormat() {
        return format;
    }

    /** @return device buffer requested, in frames at the capture rate */
    public int requestedBufferFrames() {
        return requestedBufferFrames;
    }

    /** @return device buffer granted, in frames at the capture rate */
    public int grantedBufferFrames() {
        return grantedBufferFrames;
    }

    /** @return overruns detected so far (a full buffer or the device position running ahead) */
    public long overruns() {
        return overruns;
    }

    /** @return times the line failed and was reopened */
    public long reconnects() {
        return reconnects;
    }

    /** @return the resampler's latency in graph frames, 0 when capturing at the graph rate */
    public int resamplerLatencyFrames() {
        return resampler.latencyOutputFrames();
    }

    @Override
    public int read(final float[] dst, final int offset, final int maxFrames) throws IOException {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames must be >= 1, got " + maxFrames);
        }
        if (outPos == outLength) {
            if (closed) {
                return END_OF_STREAM;
            }
            final int wanted = (int)Math.min(mono.length,
                Math.max(1, ((long)maxFrames * captureRateHz + options.graphRateHz() - 1) / options.graphRateHz()));
            final int captured = capture(wanted);
            if (captured < 0) {
                return END_OF_STREAM;
            }
            outPos = 0;
            outLength = resampler.process(mono, 0, captured, out, 0, out.length);
            if (outLength == 0) {
                return 0;
            }
        }
        final int frames = Math.min(maxFrames, outLength - outPos);
        System.arraycopy(out, outPos, dst, offset, frames);
        outPos += frames;
        return frames;
    }

    /** Reads up to {@code frames} capture frames into {@link #mono}; -1 once closed. */
    private int capture(final int frames) throws SourceException {
        while (true) {
            final TargetDataLine current = line;
            checkOverrun(current);
            int got = 0;
            Exception failure = null;
            try {
                got = current.read(bytes, 0, frames * frameBytes);
            } catch (final RuntimeException ex) {
                failure = ex;
            }
            if (closed) {
                return -1;
            }
            if (failure == null && got > 0 && current.isOpen()) {
                final int whole = got / frameBytes;
                lineFramesRead += whole;
                lastReadEndNs = System.nanoTime();
                toMono(whole);
                return whole;
            }
            reopen(failure != null ? message(failure) : "the line stopped delivering (device removed?)");
        }
    }

    private void checkOverrun(final TargetDataLine current) {
        final int availableFrames;
        final long positionFrames;
        try {
            availableFrames = current.available() / frameBytes;
            positionFrames = current.getLongFramePosition();
        } catch (final RuntimeException ex) {
            return;
        }
        final long unaccounted = positionFrames - lineFramesRead - availableFrames;
        if (unaccounted - lineUnaccountedFrames > grantedBufferFrames / 2) {
            overruns++;
            lostCaptureFrames += unaccounted - lineUnaccountedFrames;
            lineUnaccountedFrames = unaccounted;
        } else if (grantedBufferFrames > 0 && availableFrames >= grantedBufferFrames) {
            overruns++;
            final long sinceReadFrames = (System.nanoTime() - lastReadEndNs) * captureRateHz / NANOS_PER_SECOND;
            final long estimate = sinceReadFrames - availableFrames;
            if (estimate > 0) {
                lostCaptureFrames += estimate;
                lineUnaccountedFrames += estimate;
            }
        }
    }

    private void reopen(final String reason) throws SourceException {
        final long failedNs = System.nanoTime();
        closeLine(line);
        Exception last = null;
        for (int attempt = 1; attempt <= reopenAttempts && !closed; attempt++) {
            if (reopenWaitMs > 0) {
                try {
                    Thread.sleep(reopenWaitMs);
                } catch (final InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            try {
                final TargetDataLine reopened = openLine();
                lostCaptureFrames += Math.max(0, (System.nanoTime() - failedNs) * captureRateHz / NANOS_PER_SECOND);
                reconnects++;
                startLine(reopened);
                if (closed) {
                    closeLine(reopened);
                }
                return;
            } catch (final LineUnavailableException | RuntimeException ex) {
                last = ex;
            }
        }
        if (closed) {
            return;
        }
        throw new SourceException("capture device '" + lines.deviceName() + "' failed: " + reason + "; reopening it "
            + "failed " + reopenAttempts + " times" + (last == null ? "" : ": " + message(last)));
    }

    private void toMono(final int frames) {
        final ChannelSelection selection = options.channels();
        if (channels == 1) {
            for (int i = 0; i < frames; i++) {
                mono[i] = sample(i * frameBytes);
            }
        } else if (selection.downmix()) {
            final float scale = 1f / channels;
            for (int i = 0; i < frames; i++) {
                float sum = 0f;
                for (int c = 0; c < channels; c++) {
                    sum += sample(i * frameBytes + c * BYTES_PER_SAMPLE);
                }
                mono[i] = sum * scale;
            }
        } else {
            final int channelOffset = selection.channel() * BYTES_PER_SAMPLE;
            for (int i = 0; i < frames; i++) {
                mono[i] = sample(i * frameBytes + channelOffset);
            }
        }
    }

    private float sample(final int at) {
        return (short)(bytes[at] & 0xFF | bytes[at + 1] << 8) / 32768f;
    }

    @Override
    public long takeLostFrames() {
        final long total = lostCaptureFrames * options.graphRateHz() / captureRateHz;
        final long lost = total - lostGraphFramesReported;
        lostGraphFramesReported = total;
        return lost;
    }

    @Override
    public String describe() {
        return "capture device '" + lines.deviceName() + "' (" + describe(format) + ")";
    }

    private static String describe(final AudioFormat format) {
        return Math.round(format.getSampleRate()) + " Hz, " + format.getSampleSizeInBits() + "-bit, "
            + (format.getChannels() == 1 ? "mono" : format.getChannels() + " channels");
    }

    private static String message(final Exception ex) {
        return ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    }

    private static void closeLine(final TargetDataLine target) {
        if (target == null) {
            return;
        }
        try {
            target.stop();
            target.close();
        } catch (final RuntimeException ignored) {
            // the device is already gone
        }
    }

    /** Stops capturing and releases the device; a blocked {@link #read} returns the end of the stream. */
    @Override
    public void close() {
        closed = true;
        closeLine(line);
    }

    @Override
    public String toString() {
        return "CaptureSource[" + describe() + " -> " + options.graphRateHz() + " Hz, " + options.channels().describe()
            + "]";
    }
}
