package org.earshot.bench.jmh;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.ContextWindow;
import org.earshot.detectors.classify.FeatureSettings;
import org.earshot.detectors.classify.PooledFeatures;
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
 * One hop of the event classifier as {@code ClassifierNode} runs it: push a log-mel frame into the 1 s context,
 * pool it, and run the model, for several model shapes on the same pooled features. The cost does not depend on
 * the weights' values, so the models are random; the room budget is 10 ms per hop per room. Together with
 * {@code events --hidden W} (the same shapes' accuracy) this is the model-family comparison of the README.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ClassifierHopBenchmark {
    private static final int CLASSES = 22;

    /**
     * Hidden layer widths, comma-separated, or {@code none} (softmax regression). An ensemble of three 128-unit
     * networks is stored as one 384-unit network and costs what {@code 384} costs.
     */
    @Param({"none", "64", "128", "256", "384", "256,128"})
    public String hidden;

    private ContextWindow window;
    private PooledFeatures pooled;
    private ClassifierModel.Inference inference;
    private float[] features;
    private float[] probs;
    private float[][] frames;
    private int next;

    /** Builds a random model of the shape and fills the context. */
    @Setup
    public void setup() {
        final FeatureSettings fs = FeatureSettings.defaults();
        final int dim = PooledFeatures.dimension(fs.bands());
        final int[] widths = hidden.equals("none") ? new int[0]
            : Arrays.stream(hidden.split(",")).mapToInt(Integer::parseInt).toArray();
        final SplittableRandom rnd = new SplittableRandom(1);
        final List<ClassifierModel.Layer> layers = new ArrayList<>();
        int in = dim;
        for (int l = 0; l <= widths.length; l++) {
            final int out = l < widths.length ? widths[l] : CLASSES;
            final float[] w = new float[in * out];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float)(rnd.nextGaussian() / Math.sqrt(in));
            }
            layers.add(new ClassifierModel.Layer(in, out, w, new float[out]));
            in = out;
        }
        final float[] mean = new float[dim];
        final float[] scale = new float[dim];
        Arrays.fill(scale, 1f);
        final ClassifierModel model = new ClassifierModel(fs, classNames(), new boolean[CLASSES], mean, scale,
            layers, "benchmark");
        window = new ContextWindow(fs);
        pooled = new PooledFeatures(fs.bands());
        inference = model.newInference();
        features = new float[dim];
        probs = new float[CLASSES];
        frames = new float[256][fs.bands()];
        for (final float[] f : frames) {
            for (int b = 0; b < f.length; b++) {
                f[b] = (float)(-60 + 30 * rnd.nextDouble());
            }
        }
        for (int i = 0; i < 3 * window.capacity(); i++) {
            hop();
        }
    }

    private static List<String> classNames() {
        final List<String> names = new ArrayList<>();
        for (int c = 0; c < CLASSES; c++) {
            names.add("class" + c);
        }
        return names;
    }

    /**
     * @return the probabilities (consumed by JMH)
     */
    @Benchmark
    public float[] hop() {
        final float[] f = frames[next];
        next = (next + 1) & 255;
        pooled.pushAndCompute(window, f, f[0], features);
        inference.predict(features, probs);
        return probs;
    }
}
