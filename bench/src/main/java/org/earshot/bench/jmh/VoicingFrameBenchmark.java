package org.earshot.bench.jmh;

import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.earshot.dsp.stft.Stft;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.dsp.stft.Voicing;
import org.earshot.dsp.window.WindowType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * power spectrum ──► whitening ──► inverse real FFT ──► highest autocorrelation over 80–500 Hz: the cost of one
 * frame's voicing as the room monitor's front end measures it (25 ms Hann window, 512-point FFT, 16 kHz), the extra
 * work per 10 ms hop that the impact detector's voicing test added. The spectrum is one frame of noise, computed once.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")
public class VoicingFrameBenchmark {
    private Voicing voicing;
    private float[] power;

    /** Builds the voicing meter and one frame's power spectrum. */
    @Setup
    public void setup() {
        final StftConfig config = new StftConfig(400, 160, 512, WindowType.HANN);
        final Stft stft = new Stft(config);
        final float[] noise = new float[400];
        final Random random = new Random(1);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (float)(0.1 * random.nextGaussian());
        }
        int fed = 0;
        while (!stft.frameReady() && fed < noise.length) {
            fed += stft.feed(noise, fed, noise.length - fed);
        }
        power = stft.frame().power().clone();
        voicing = new Voicing(config, 16_000, 80, 500, 3400);
    }

    /** @return the voicing, so the work is not eliminated */
    @Benchmark
    public float frame() {
        return voicing.of(power);
    }
}
