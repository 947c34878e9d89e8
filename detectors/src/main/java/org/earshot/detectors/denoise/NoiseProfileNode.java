package org.earshot.detectors.denoise;

import org.earshot.dsp.stft.Stft;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.dsp.window.WindowType;
import org.earshot.engine.AudioNode;
import org.earshot.engine.BlockContext;
import org.earshot.engine.NodeSetup;
import org.earshot.engine.ProcessSpec;

/**
 * Learns a {@link NoiseProfile} from the room: averages the periodogram of every STFT frame (Welch's method,
 * Hann window of about 43 ms, half overlap) while it runs. No ports, no events, latency 0. Read the profile
 * with {@link #snapshot()} after the graph has ended (or at any time from the graph thread).
 */
public final class NoiseProfileNode implements AudioNode {
    /** Window length, ms. */
    public static final double WINDOW_MS = 42.7;

    private final String name;
    private Stft stft;
    private double[] sum;
    private double windowSquares;
    private int rate;
    private volatile long frames;

    /**
     * @param name node name
     */
    public NoiseProfileNode(final String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void prepare(final ProcessSpec spec, final NodeSetup setup) {
        rate = spec.sampleRateHz();
        final int target = (int)Math.round(WINDOW_MS * rate / 1000.0);
        final int window = Math.min(StftConfig.MAX_FFT_SIZE, Integer.highestOneBit(Math.max(16, target)));
        final StftConfig config = StftConfig.of(window, window / 2, WindowType.HANN);
        stft = new Stft(config);
        sum = new double[config.bins()];
        windowSquares = 0;
        for (int n = 0; n < window; n++) {
            final double w = WindowType.HANN.coefficient(n, window);
            windowSquares += w * w;
        }
        reset();
    }

    @Override
    public int latencyFrames() {
        return 0;
    }

    @Override
    public void process(final BlockContext ctx) {
        final float[] in = ctx.input();
        final int n = ctx.frames();
        int pos = 0;
        while (pos < n) {
            pos += stft.feed(in, pos, n - pos);
            if (stft.frameReady()) {
                final float[] power = stft.frame().power();
                for (int k = 0; k < sum.length; k++) {
                    sum[k] += power[k];
                }
                frames = frames + 1;
            }
        }
    }

    @Override
    public void reset() {
        stft.reset();
        java.util.Arrays.fill(sum, 0.0);
        frames = 0;
    }

    /** @return frames averaged so far */
    public long framesAveraged() {
        return frames;
    }

    /**
     * The profile learned so far (allocates; not for the audio thread while it runs).
     *
     * @return the profile
     * @throws IllegalStateException if no full frame has been seen (less than one window of audio)
     */
    public NoiseProfile snapshot() {
        final long n = frames;
        if (n == 0) {
            throw new IllegalStateException("no noise captured yet: need at least " + WINDOW_MS + " ms of audio");
        }
        final int fft = (sum.length - 1) * 2;
        final double[] hz = new double[sum.length];
        final double[] db = new double[sum.length];
        for (int k = 0; k < sum.length; k++) {
            hz[k] = (double)k * rate / fft;
            final double density = sum[k] / n / (rate * windowSquares);
            db[k] = 10 * Math.log10(Math.max(density, 1e-30));
        }
        return new NoiseProfile(hz, db, n);
    }
}
