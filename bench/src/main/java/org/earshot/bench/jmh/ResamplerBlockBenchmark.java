package org.earshot.bench.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.earshot.dsp.resample.Resampler;
import org.earshot.dsp.resample.ResamplerConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One 256-frame block of noise through the default-quality resampler (90 dB stopband, flat to 90 % of the lower
 * Nyquist frequency): 44.1 kHz to 16 kHz is what the room monitor's and the speech gate's log-mel front end does
 * to a CD-rate input, 48 kHz to 44.1 kHz what a file source does for a graph at 44.1 kHz.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class ResamplerBlockBenchmark {
    /** Input and output rates, Hz. */
    @Param({"44100:16000", "48000:44100"})
    public String rates;

    private static final int BLOCK = 256;
    private Resampler resampler;
    private float[] noise;
    private float[] out;
    private int offset;

    /** Builds the resampler. */
    @Setup
    public void setup() {
        final String[] r = rates.split(":");
        resampler = new Resampler(ResamplerConfig.of(Integer.parseInt(r[0]), Integer.parseInt(r[1])));
        noise = new float[1 << 16];
        final Random random = new Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float)(0.1 * random.nextGaussian());
        }
        out = new float[resampler.maxOutputFrames(BLOCK) + 1];
    }

    /** @return one output sample, so the work is not eliminated */
    @Benchmark
    public float block() {
        if (offset + BLOCK > noise.length) {
            offset = 0;
        }
        final int n = resampler.process(noise, offset, BLOCK, out, 0, out.length);
        offset += BLOCK;
        return n > 0 ? out[n - 1] : 0f;
    }
}
