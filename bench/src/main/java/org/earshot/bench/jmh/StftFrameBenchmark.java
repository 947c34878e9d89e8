package org.earshot.bench.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.earshot.dsp.stft.SpectralFrame;
import org.earshot.dsp.stft.Stft;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.dsp.window.WindowType;
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
 * samples ──feed(hop)──► incremental STFT (Hann, real FFT) ──► magnitude view: the cost of one frame, single
 * threaded. Each call feeds one hop of noise, which completes exactly one frame, and computes its magnitudes.
 * 2048 is the reference window; 1024 is the onset detector's default at 44.1 kHz.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class StftFrameBenchmark {
    /** Window length, samples (FFT of the same size). */
    @Param({"2048", "1024"})
    public int windowLength;

    /** Hop, as a fraction of the window: 4 means windowLength / 4. */
    @Param({"4"})
    public int overlap;

    private Stft stft;
    private float[] noise;
    private int hop;
    private int offset;

    /** Builds the STFT and fills its history. */
    @Setup
    public void setup() {
        hop = windowLength / overlap;
        stft = new Stft(StftConfig.of(windowLength, hop, WindowType.HANN));
        noise = new float[1 << 16];
        final Random random = new Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float)(0.1 * random.nextGaussian());
        }
        int fed = 0;
        while (fed < windowLength) {
            fed += stft.feed(noise, fed, windowLength - fed);
        }
        offset = windowLength;
    }

    /** @return one magnitude, so the work is not eliminated */
    @Benchmark
    public float frameWithMagnitude() {
        if (offset + hop > noise.length) {
            offset = 0;
        }
        stft.feed(noise, offset, hop);
        offset += hop;
        final SpectralFrame frame = stft.frame();
        return frame.magnitude()[7];
    }
}
