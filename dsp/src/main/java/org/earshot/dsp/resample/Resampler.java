package org.earshot.dsp.resample;

import org.earshot.dsp.math.DotProduct;

/**
 * Streaming band-limited sample-rate converter for one mono channel: a Kaiser-windowed sinc, evaluated
 * polyphase at the exact rational ratio {@code outputRateHz / inputRateHz}.
 *
 * <p><b>Timing.</b> Output frame {@code n} is the band-limited input signal at input time
 * {@code n * inputRateHz / outputRateHz}: the output is aligned with the input, with no added delay in
 * the signal. To compute it the filter needs {@link #halfTaps()} input frames after that instant, so
 * output is held back by {@link #latencyOutputFrames()} frames until that input has arrived, and
 * {@link #flush} releases the held-back tail at the end of the stream as if the input were followed by
 * silence. Over a whole stream of {@code N} input frames the output holds exactly
 * {@code ceil(N * outputRateHz / inputRateHz)} frames, whatever the block sizes fed in: every output
 * frame is computed from the same samples in the same order, so block splits give bit-identical output.
 *
 * <p><b>Filter.</b> Cut-off midway between the passband edge and the lower Nyquist frequency, stopband
 * from that Nyquist frequency up, length from Kaiser's formula for the configured attenuation. When the
 * reduced ratio needs more phases than the filter's bandwidth calls for, the table holds fewer phases
 * and the taps are interpolated linearly between the two nearest, which stays more than 100 dB below the
 * signal.
 *
 * <p><b>Allocation.</b> Only the constructor allocates. {@link #process}, {@link #flush} and
 * {@link #reset} allocate nothing and take blocks of any size, including zero. Not thread-safe: one
 * thread feeds it. Equal rates make it a plain copy with zero latency.
 */
public final class Resampler {
    /** Phase resolution per unit of the filter's normalised cut-off, when phases are interpolated. */
    private static final int PHASES_PER_CUTOFF = 4096;
    /** Fewest table phases when phases are interpolated. */
    private static final int MIN_INTERPOLATED_PHASES = 16;

    private final ResamplerConfig config;
    private final boolean passThrough;
    private final int up;
    private final int down;
    private final int taps;
    private final int halfTaps;
    private final int phases;
    private final float[] table;
    private final float[] ring;
    private final double cutoffRatio;

    private int writePos;
    private long inputFrames;
    private long outputFrames;
    private long base;
    private long phase;
    private long flushTargetFrames = -1;

    /**
     * Designs the filter and allocates every buffer.
     *
     * @param config rates and quality, already validated
     * @throws IllegalArgumentException if config is null
     */
    public Resampler(final ResamplerConfig config) {
        if (config == null) {
            throw new IllegalArgumentException("config must not be null");
        }
        this.config = config;
        this.passThrough = config.isPassThrough();
        final int gcd = gcd(config.inputRateHz(), config.outputRateHz());
        this.up = config.outputRateHz() / gcd;
        this.down = config.inputRateHz() / gcd;
        if (passThrough) {
            taps = 0;
            halfTaps = 0;
            phases = 1;
            table = new float[0];
            ring = new float[0];
            cutoffRatio = 0.5;
            return;
        }
        final double inputRate = config.inputRateHz();
        final double nyquistHz = Math.min(config.inputRateHz(), config.outputRateHz()) / 2.0;
        final double passEdgeHz = config.passbandEdgeRatio() * nyquistHz;
        final double transition = (nyquistHz - passEdgeHz) / inputRate;
        final double cutoff = (nyquistHz + passEdgeHz) / 2.0 / inputRate;
        final double attenuationDb = config.stopbandAttenuationDb();
        final double length = (attenuationDb - 7.95) / (2.285 * 2.0 * Math.PI * transition);
        this.halfTaps = (int)Math.ceil((length + 1.0) / 2.0);
        this.taps = 2 * halfTaps;
        this.cutoffRatio = cutoff;
        final int wanted = Math.max(MIN_INTERPOLATED_PHASES, (int)Math.ceil(PHASES_PER_CUTOFF * cutoff));
        this.phases = Math.min(up, wanted);
        this.table = new float[(phases + 1) * taps];
        this.ring = new float[2 * taps];
        fillTable(kaiserBeta(attenuationDb), cutoff);
    }

    /** @return the configuration */
    public ResamplerConfig config() {
        return config;
    }

    /** @return true when input and output rates are equal and samples are copied unchanged */
    public boolean isPassThrough() {
        return passThrough;
    }

    /** @return filter length in input frames (0 when passing through) */
    public int taps() {
        return taps;
    }

    /** @return input frames the filter reads past each output instant (half its length) */
    public int halfTaps() {
        return halfTaps;
    }

    /** @return number of filter phases held in the table */
    public int phaseCount() {
        return phases;
    }

    /** @return true when taps are interpolated between table phases (the reduced ratio has more phases) */
    public boolean interpolatesPhases() {
        return phases != up;
    }

    /** @return the filter's cut-off as a fraction of the input rate */
    public double cutoffRatio() {
        return cutoffRatio;
    }

    /**
     * How many output frames are held back waiting for look-ahead input: the delay, in output frames,
     * between an input frame arriving and the output frame for the same instant leaving.
     *
     * @return latency in output frames, 0 when passing through
     */
    public int latencyOutputFrames() {
        return (int)ceilDiv((long)halfTaps * up, down);
    }

    /**
     * Largest number of frames one {@link #process} call can write for a given input block; size the
     * output buffer with it.
     *
     * @param inFrames input frames of the block, 0 or more
     * @return the bound, {@code ceil(inFrames * outputRateHz / inputRateHz)}
     */
    public int maxOutputFrames(final int inFrames) {
        return (int)ceilDiv((long)inFrames * up, down);
    }

    /** @return input frames fed since construction or the last {@link #reset} */
    public long inputFrames() {
        return inputFrames;
    }

    /** @return output frames produced since construction or the last {@link #reset} */
    public long outputFrames() {
        return outputFrames;
    }

    /**
     * @return output frames held back that a {@link #flush} would still produce for the input fed so far
     */
    public long pendingOutputFrames() {
        final long target = flushTargetFrames >= 0 ? flushTargetFrames : ceilDiv(inputFrames * up, down);
        return target - outputFrames;
    }

    /**
     * Feeds one block and writes every output frame it completes. Allocation-free.
     *
     * @param in          input samples
     * @param inOff       index of the first input sample
     * @param inFrames    number of input samples, 0 or more
     * @param out         destination
     * @param outOff      index of the first output sample
     * @param outCapacity room in {@code out} from {@code outOff}: at least {@link #maxOutputFrames}
     *                    {@code (inFrames)}
     * @return output frames written, 0 or more
     * @throws IllegalArgumentException if inFrames is negative or outCapacity too small (a broken contract)
     * @throws IllegalStateException    if called after {@link #flush} without {@link #reset}
     */
    public int process(
        final float[] in, final int inOff, final int inFrames, final float[] out, final int outOff,
        final int outCapacity) {
        if (inFrames < 0) {
            throw new IllegalArgumentException("inFrames must be >= 0, got " + inFrames);
        }
        if (outCapacity < maxOutputFrames(inFrames)) {
            throw new IllegalArgumentException("outCapacity must be >= maxOutputFrames(" + inFrames + ") = "
                + maxOutputFrames(inFrames) + ", got " + outCapacity);
        }
        if (flushTargetFrames >= 0) {
            throw new IllegalStateException("process after flush: call reset() first");
        }
        if (passThrough) {
            System.arraycopy(in, inOff, out, outOff, inFrames);
            inputFrames += inFrames;
            outputFrames += inFrames;
            return inFrames;
        }
        int written = 0;
        for (int i = 0; i < inFrames; i++) {
            push(in[inOff + i]);
            while (base + halfTaps < inputFrames) {
                out[outOff + written++] = (float)nextOutput();
            }
        }
        return written;
    }

    /**
     * Ends the stream: writes the held-back output frames, computed as if silence followed the input, up
     * to {@code ceil(inputFrames * outputRateHz / inputRateHz)} frames in all. Call until it returns 0;
     * then {@link #reset} before feeding a new stream. Allocation-free.
     *
     * @param out         destination
     * @param outOff      index of the first output sample
     * @param outCapacity room in {@code out} from {@code outOff}, 0 or more
     * @return output frames written, 0 once the tail is complete
     */
    public int flush(final float[] out, final int outOff, final int outCapacity) {
        if (flushTargetFrames < 0) {
            flushTargetFrames = ceilDiv(inputFrames * up, down);
        }
        int written = 0;
        while (outputFrames < flushTargetFrames && written < outCapacity) {
            if (base + halfTaps < inputFrames) {
                out[outOff + written++] = (float)nextOutput();
            } else {
                push(0f);
            }
        }
        return written;
    }

    /** Clears the history and the frame counts, keeping every buffer. Allocation-free. */
    public void reset() {
        java.util.Arrays.fill(ring, 0f);
        writePos = 0;
        inputFrames = 0;
        outputFrames = 0;
        base = 0;
        phase = 0;
        flushTargetFrames = -1;
    }

    private void push(final float sample) {
        ring[writePos] = sample;
        ring[writePos + taps] = sample;
        writePos = writePos + 1 == taps ? 0 : writePos + 1;
        inputFrames++;
    }

    /** Computes the output at input time base + phase / up from the window ring[writePos, writePos + taps). */
    private double nextOutput() {
        final long scaled = phase * phases;
        final int row = (int)(scaled / up);
        final long rem = scaled - (long)row * up;
        double y = dot(row * taps);
        if (rem != 0) {
            final double next = dot((row + 1) * taps);
            y += (next - y) * ((double)rem / up);
        }
        outputFrames++;
        phase += down;
        if (phase >= up) {
            base += phase / up;
            phase %= up;
        }
        return y;
    }

    private double dot(final int tableOffset) {
        return DotProduct.of(ring, writePos, table, tableOffset, taps);
    }

    private void fillTable(final double beta, final double cutoff) {
        final double i0Beta = besselI0(beta);
        for (int p = 0; p <= phases; p++) {
            final double frac = (double)p / phases;
            for (int j = 0; j < taps; j++) {
                final double tau = frac + halfTaps - 1 - j;
                table[p * taps + j] = (float)(lowpass(tau, cutoff) * kaiser(tau, beta, i0Beta));
            }
        }
    }

    private double lowpass(final double tau, final double cutoff) {
        final double x = 2.0 * cutoff * tau;
        if (Math.abs(x) < 1e-12) {
            return 2.0 * cutoff;
        }
        return 2.0 * cutoff * Math.sin(Math.PI * x) / (Math.PI * x);
    }

    private double kaiser(final double tau, final double beta, final double i0Beta) {
        final double r = tau / halfTaps;
        if (r <= -1.0 || r >= 1.0) {
            return 0.0;
        }
        return besselI0(beta * Math.sqrt(1.0 - r * r)) / i0Beta;
    }

    private static double kaiserBeta(final double attenuationDb) {
        if (attenuationDb > 50.0) {
            return 0.1102 * (attenuationDb - 8.7);
        }
        if (attenuationDb >= 21.0) {
            return 0.5842 * Math.pow(attenuationDb - 21.0, 0.4) + 0.07886 * (attenuationDb - 21.0);
        }
        return 0.0;
    }

    /** Modified Bessel function of the first kind, order 0, by its power series. */
    static double besselI0(final double x) {
        final double q = x * x / 4.0;
        double term = 1.0;
        double sum = 1.0;
        for (int k = 1; k < 500; k++) {
            term *= q / ((double)k * k);
            sum += term;
            if (term < sum * 1e-17) {
                break;
            }
        }
        return sum;
    }

    private static long ceilDiv(final long a, final long b) {
        return (a + b - 1) / b;
    }

    private static int gcd(final int a, final int b) {
        int x = a;
        int y = b;
        while (y != 0) {
            final int t = x % y;
            x = y;
            y = t;
        }
        return x;
    }
}
