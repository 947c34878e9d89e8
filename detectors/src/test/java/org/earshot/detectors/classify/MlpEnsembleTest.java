package org.earshot.detectors.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.earshot.detectors.classify.ClassifierModel.Layer;
import org.earshot.detectors.classify.train.MlpTrainer;
import org.junit.jupiter.api.Test;

class MlpEnsembleTest {
    private static List<Layer> random(final SplittableRandom rnd, final int... sizes) {
        final List<Layer> layers = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.length; l++) {
            final float[] w = new float[sizes[l] * sizes[l + 1]];
            final float[] b = new float[sizes[l + 1]];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float)rnd.nextGaussian();
            }
            for (int i = 0; i < b.length; i++) {
                b[i] = (float)rnd.nextGaussian();
            }
            layers.add(new Layer(sizes[l], sizes[l + 1], w, b));
        }
        return layers;
    }

    /** The network as ClassifierModel.Inference evaluates it: ReLU hidden layers, linear output (logits). */
    private static double[] logits(final List<Layer> layers, final double[] input) {
        double[] x = input;
        for (int li = 0; li < layers.size(); li++) {
            final Layer l = layers.get(li);
            final double[] y = new double[l.out()];
            for (int o = 0; o < l.out(); o++) {
                double s = l.bias()[o];
                for (int i = 0; i < l.in(); i++) {
                    s += l.weights()[o * l.in() + i] * x[i];
                }
                y[o] = li < layers.size() - 1 ? Math.max(0, s) : s;
            }
            x = y;
        }
        return x;
    }

    private static void assertMergeAveragesLogits(final int members, final int... sizes) {
        final SplittableRandom rnd = new SplittableRandom(members * 31L + sizes.length);
        final List<List<Layer>> nets = new ArrayList<>();
        for (int k = 0; k < members; k++) {
            nets.add(random(rnd, sizes));
        }
        final List<Layer> merged = MlpTrainer.merge(nets);
        assertEquals(sizes.length - 1, merged.size());
        for (int trial = 0; trial < 20; trial++) {
            final double[] x = new double[sizes[0]];
            for (int i = 0; i < x.length; i++) {
                x[i] = rnd.nextGaussian();
            }
            final double[] expected = new double[sizes[sizes.length - 1]];
            for (final List<Layer> net : nets) {
                final double[] z = logits(net, x);
                for (int c = 0; c < z.length; c++) {
                    expected[c] += z[c] / members;
                }
            }
            assertArrayEquals(expected, logits(merged, x), 1e-4);
        }
    }

    @Test
    void mergedOneHiddenLayerNetworkComputesTheMeanOfTheMembersLogits() {
        assertMergeAveragesLogits(3, 7, 5, 4);
    }

    @Test
    void mergedDeepNetworkKeepsEachMembersHiddenLayersApart() {
        assertMergeAveragesLogits(4, 6, 5, 3, 2);
    }

    @Test
    void mergedSoftmaxRegressionsAverageTheirWeights() {
        assertMergeAveragesLogits(2, 6, 3);
    }

    @Test
    void membersOfDifferentShapesAreRefused() {
        final SplittableRandom rnd = new SplittableRandom(1);
        assertThrows(IllegalArgumentException.class,
            () -> MlpTrainer.merge(List.of(random(rnd, 4, 3, 2), random(rnd, 4, 5, 2))));
    }

    @Test
    void anEnsembleIsTrainedAsOneWiderNetwork() {
        final SplittableRandom rnd = new SplittableRandom(5);
        final float[][] x = new float[200][4];
        final int[] y = new int[200];
        for (int i = 0; i < x.length; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 4; j++) {
                x[i][j] = (float)(rnd.nextGaussian() + (y[i] == 1 ? 2 : -2));
            }
        }
        final List<Layer> layers = MlpTrainer.train(x, y, 2,
            new MlpTrainer.Settings(new int[] {8}, 5, 16, 1e-2, 1e-4, 0.0, 3), new SplittableRandom(2));
        assertEquals(4, layers.get(0).in());
        assertEquals(24, layers.get(0).out());
        assertEquals(2, layers.get(1).out());
        int correct = 0;
        for (int i = 0; i < x.length; i++) {
            final double[] in = new double[4];
            for (int j = 0; j < 4; j++) {
                in[j] = x[i][j];
            }
            final double[] z = logits(layers, in);
            correct += (z[1] > z[0] ? 1 : 0) == y[i] ? 1 : 0;
        }
        assertEquals(200, correct, 10);
    }
}
