package org.earshot.io.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.locks.LockSupport;

import org.earshot.dsp.resample.Resampler;
import org.earshot.dsp.resample.ResamplerConfig;
import org.earshot.engine.runtime.AudioSource;
import org.earshot.io.SourceException;
import org.earshot.io.decode.AudioFileDecoder;
import org.earshot.io.decode.AudioFileInfo;

/**
 * A decoded file as a graph's input: one channel or the downmix, resampled to the graph rate with a
 * band-limited {@link Resampler} (output aligned with the file: frame {@code n} is the file at time
 * {@code n / graphRateHz}), either paced at real time to simulate a live input or as fast as possible.
 *
 * <p>Over a whole file of {@code N} frames at rate {@code r} it delivers
 * {@code ceil(N * graphRateHz / r)} frames. Decoding failures (a truncated or corrupt file, a NaN sample)
 * surface from {@link #read} as {@link SourceException}s naming the file. Read by one thread; allocation-free
 * after {@link #open} (except when looping reopens the file).
 */
public final class FileSource implements AudioSource {
    private static final int CHUNK_FRAMES = 4096;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Path path;
    private final FileSourceOptions options;
    private final Resampler resampler;
    private final float[] in = new float[CHUNK_FRAMES];
    private final float[] out;
    private AudioFileDecoder decoder;
    private int outPos;
    private int outLength;
    private boolean draining;
    private boolean finished;
    private long startNs;
    private long framesDelivered;
    private long loops;

    private FileSource(final Path path, final FileSourceOptions options, final AudioFileDecoder decoder) {
        this.path = path;
        this.options = options;
        this.decoder = decoder;
        this.resampler = new Resampler(ResamplerConfig.of(decoder.sampleRateHz(), options.graphRateHz()));
        this.out = new float[Math.max(resampler.maxOutputFrames(CHUNK_FRAMES), CHUNK_FRAMES)];
    }

    /**
     * Opens a file.
     *
     * @param path    the file
     * @param options graph rate, channel selection, pacing, loop
     * @return the source
     * @throws SourceException naming the file and the problem (see {@link AudioFileDecoder#open})
     */
    public static FileSource open(final Path path, final FileSourceOptions options) throws SourceException {
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        return new FileSource(path, options, AudioFileDecoder.open(path, options.channels()));
    }

    @Override
    public int sampleRateHz() {
        return options.graphRateHz();
    }

    @Override
    public boolean live() {
        return options.pacing() == Pacing.REAL_TIME;
    }

    /** @return the options */
    public FileSourceOptions options() {
        return options;
    }

    /** @return what the file declares (format, rate, channels, length) */
    public AudioFileInfo fileInfo() {
        return decoder.info();
    }

    /** @return the resampler's latency in graph frames: how far output runs behind decoding, 0 at equal rates */
    public int resamplerLatencyFrames() {
        return resampler.latencyOutputFrames();
    }

    /**
     * @return frames the whole file yields at the graph rate, -1 if the file does not declare its length
     *     or the source loops
     */
    public long expectedFrames() {
        final long frames = decoder.frameLength();
        if (frames < 0 || options.loop()) {
            return -1;
        }
        return (frames * options.graphRateHz() + decoder.sampleRateHz() - 1) / decoder.sampleRateHz();
    }

    /** @return frames handed out so far */
    public long framesDelivered() {
        return framesDelivered;
    }

    /** @return how many times the file was started again (loop mode) */
    public long loops() {
        return loops;
    }

    @Override
    public int read(final float[] dst, final int offset, final int maxFrames) throws IOException {
        if (maxFrames < 1) {
            throw new IllegalArgumentException("maxFrames must be >= 1, got " + maxFrames);
        }
        while (outPos == outLength) {
            if (finished) {
                return END_OF_STREAM;
            }
            refill();
        }
        final int frames = Math.min(maxFrames, outLength - outPos);
        if (options.pacing() == Pacing.REAL_TIME) {
            waitUntilDue(frames);
        }
        System.arraycopy(out, outPos, dst, offset, frames);
        outPos += frames;
        framesDelivered += frames;
        return frames;
    }

    private void refill() throws SourceException {
        outPos = 0;
        outLength = 0;
        if (draining) {
            outLength = resampler.flush(out, 0, out.length);
            if (outLength == 0) {
                finished = true;
            }
            return;
        }
        final int got = decoder.read(in, 0, CHUNK_FRAMES);
        if (got > 0) {
            outLength = resampler.process(in, 0, got, out, 0, out.length);
            return;
        }
        if (options.loop() && decoder.framesRead() > 0) {
            decoder.close();
            decoder = AudioFileDecoder.open(path, options.channels());
            loops++;
            return;
        }
        draining = true;
    }

    /** Sleeps until the last of the next {@code frames} frames would have been captured. */
    private void waitUntilDue(final int frames) {
        final long now = System.nanoTime();
        if (startNs == 0) {
            startNs = now == 0 ? 1 : now;
        }
        final long dueFrames = framesDelivered + frames;
        final int rateHz = options.graphRateHz();
        final long dueNs = startNs + dueFrames / rateHz * NANOS_PER_SECOND
            + dueFrames % rateHz * NANOS_PER_SECOND / rateHz;
        long remainingNs = dueNs - now;
        while (remainingNs > 0 && !Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(remainingNs);
            remainingNs = dueNs - System.nanoTime();
        }
    }

    @Override
    public String describe() {
        return path.toString();
    }

    @Override
    public void close() throws IOException {
        decoder.close();
    }

    @Override
    public String toString() {
        return "FileSource[" + path + ", " + decoder.sampleRateHz() + " Hz -> " + options.graphRateHz() + " Hz, "
            + options.channels().describe() + ", " + options.pacing() + (options.loop() ? ", loop" : "") + "]";
    }
}
