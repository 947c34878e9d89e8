package org.earshot.detectors.classify.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.earshot.detectors.classify.ClassifierModel.Layer;

/**
 * Trains a multi-layer perceptron (ReLU hidden layers, softmax output) with cross-entropy, Adam,
 * inverted dropout on the hidden layers and L2 weight decay, on standardised feature vectors.
 * Hidden sizes of length 0 give multinomial logistic regression.
 */
public final class MlpTrainer {
    /**
     * @param hidden       hidden layer widths (may be empty)
     * @param epochs       passes over the data
     * @param batch        minibatch size
     * @param learningRate Adam step size
     * @param l2           weight decay
     * @param dropout      dropout probability on hidden activations, [0, 1)
     */
    public record Settings(int[] hidden, int epochs, int batch, double learningRate, double l2, double dropout) {
        /** @return the settings of the shipped model: one hidden layer of 128, 40 epochs */
        public static Settings defaults() {
            return new Settings(new int[] {128}, 40, 64, 1e-3, 1e-4, 0.3);
        }
    }

    private MlpTrainer() {
    }

    /**
     * @param x       standardised features, one row per example
     * @param y       class index per example
     * @param classes number of classes
     * @param s       settings
     * @param rnd     random source (initialisation, shuffling, dropout)
     * @return the trained layers
     */
    public static List<Layer> train(final float[][] x, final int[] y, final int classes, final Settings s,
        final SplittableRandom rnd) {
        final int dim = x[0].length;
        final int nl = s.hidden().length + 1;
        final int[] sizes = new int[nl + 1];
        sizes[0] = dim;
        System.arraycopy(s.hidden(), 0, sizes, 1, s.hidden().length);
        sizes[nl] = classes;
        final float[][] w = new float[nl][];
        final float[][] b = new float[nl][];
        final float[][] gw = new float[nl][];
        final float[][] gb = new float[nl][];
        final float[][] mw = new float[nl][];
        final float[][] vw = new float[nl][];
        final float[][] mb = new float[nl][];
        final float[][] vb = new float[nl][];
        for (int l = 0; l < nl; l++) {
            final int in = sizes[l];
            final int out = sizes[l + 1];
            w[l] = new float[in * out];
            final double sd = Math.sqrt(2.0 / in);
            for (int i = 0; i < w[l].length; i++) {
                w[l][i] = (float)(Noises.gaussian(rnd) * sd);
            }
            b[l] = new float[out];
            gw[l] = new float[in * out];
            gb[l] = new float[out];
            mw[l] = new float[in * out];
            vw[l] = new float[in * out];
            mb[l] = new float[out];
            vb[l] = new float[out];
        }
        final float[][] act = new float[nl + 1][];
        final float[][] delta = new float[nl + 1][];
        final boolean[][] keep = new boolean[nl + 1][];
        for (int l = 0; l <= nl; l++) {
            act[l] = new float[sizes[l]];
            delta[l] = new float[sizes[l]];
            keep[l] = new boolean[sizes[l]];
        }
        final int n = x.length;
        final int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final double beta1 = 0.9;
        final double beta2 = 0.999;
        int step = 0;
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
            for (int i = n - 1; i > 0; i--) {
                final int j = rnd.nextInt(i + 1);
                final int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            final double lr = s.learningRate() * (epoch < s.epochs() * 0.7 ? 1.0 : 0.3);
            for (int start = 0; start < n; start += s.batch()) {
                final int end = Math.min(n, start + s.batch());
                for (int l = 0; l < nl; l++) {
                    java.util.Arrays.fill(gw[l], 0f);
                    java.util.Arrays.fill(gb[l], 0f);
                }
                for (int k = start; k < end; k++) {
                    final int ex = order[k];
                    System.arraycopy(x[ex], 0, act[0], 0, dim);
                    for (int l = 0; l < nl; l++) {
                        final int in = sizes[l];
                        final int out = sizes[l + 1];
                        final float[] wl = w[l];
                        final float[] a = act[l];
                        final float[] z = act[l + 1];
                        final boolean hiddenLayer = l < nl - 1;
                        for (int o = 0; o < out; o++) {
                            double sum = b[l][o];
                            final int row = o * in;
                            for (int i = 0; i < in; i++) {
                                sum += wl[row + i] * a[i];
                            }
                            float v = (float)sum;
                            if (hiddenLayer) {
                                v = v < 0 ? 0 : v;
                                final boolean kept = s.dropout() <= 0 || rnd.nextDouble() >= s.dropout();
                                keep[l + 1][o] = kept;
                                v = kept ? v / (float)(1 - s.dropout()) : 0f;
                            }
                            z[o] = v;
                        }
                    }
                    final float[] p = delta[nl];
                    softmax(act[nl], p);
                    p[y[ex]] -= 1f;
                    for (int l = nl - 1; l >= 0; l--) {
                        final int in = sizes[l];
                        final int out = sizes[l + 1];
                        final float[] d = delta[l + 1];
                        final float[] a = act[l];
                        final float[] g = gw[l];
                        for (int o = 0; o < out; o++) {
                            final float dv = d[o];
                            if (dv == 0f) {
                                continue;
                            }
                            gb[l][o] += dv;
                            final int row = o * in;
                            for (int i = 0; i < in; i++) {
                                g[row + i] += dv * a[i];
                            }
                        }
                        if (l > 0) {
                            final float[] dp = delta[l];
                            java.util.Arrays.fill(dp, 0f);
                            final float[] wl = w[l];
                            for (int o = 0; o < out; o++) {
                                final float dv = d[o];
                                if (dv == 0f) {
                                    continue;
                                }
                                final int row = o * in;
                                for (int i = 0; i < in; i++) {
                                    dp[i] += dv * wl[row + i];
                                }
                            }
                            final float scale = (float)(1 / (1 - s.dropout()));
                            for (int i = 0; i < in; i++) {
                                dp[i] = keep[l][i] && a[i] > 0 ? dp[i] * scale : 0f;
                            }
                        }
                    }
                }
                step++;
                final double inv = 1.0 / (end - start);
                final double c1 = 1 - Math.pow(beta1, step);
                final double c2 = 1 - Math.pow(beta2, step);
                for (int l = 0; l < nl; l++) {
                    adam(w[l], gw[l], mw[l], vw[l], inv, s.l2(), lr, c1, c2);
                    adam(b[l], gb[l], mb[l], vb[l], inv, 0, lr, c1, c2);
                }
            }
        }
        final List<Layer> layers = new ArrayList<>();
        for (int l = 0; l < nl; l++) {
            layers.add(new Layer(sizes[l], sizes[l + 1], w[l], b[l]));
        }
        return layers;
    }

    private static void adam(final float[] p, final float[] g, final float[] m, final float[] v, final double inv,
        final double l2, final double lr, final double c1, final double c2) {
        for (int i = 0; i < p.length; i++) {
            final double grad = g[i] * inv + l2 * p[i];
            m[i] = (float)(0.9 * m[i] + 0.1 * grad);
            v[i] = (float)(0.999 * v[i] + 0.001 * grad * grad);
            p[i] -= (float)(lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8));
        }
    }

    private static void softmax(final float[] z, final float[] p) {
        float max = -Float.MAX_VALUE;
        for (final float v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = (float)Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] = (float)(p[i] / sum);
        }
    }
}
