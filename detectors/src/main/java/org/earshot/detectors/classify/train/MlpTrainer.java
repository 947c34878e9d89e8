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
     * @param members      networks trained from different initialisations and shuffles whose logits are averaged
     *                     (an ensemble), 1 to 16; stored as one wider network ({@link #merge})
     */
    public record Settings(int[] hidden, int epochs, int batch, double learningRate, double l2, double dropout,
        int members) {
        /**
         * @throws IllegalArgumentException if {@code members} is out of range
         */
        public Settings {
            if (members < 1 || members > 16) {
                throw new IllegalArgumentException("members must be in [1, 16], got " + members);
            }
            hidden = hidden.clone();
        }

        /**
         * One network.
         *
         * @param hidden       hidden layer widths (may be empty)
         * @param epochs       passes over the data
         * @param batch        minibatch size
         * @param learningRate Adam step size
         * @param l2           weight decay
         * @param dropout      dropout probability on hidden activations, [0, 1)
         */
        public Settings(final int[] hidden, final int epochs, final int batch, final double learningRate,
            final double l2, final double dropout) {
            this(hidden, epochs, batch, learningRate, l2, dropout, 1);
        }

        /** @return the settings of the shipped model: one hidden layer of 128, 40 epochs */
        public static Settings defaults() {
            return new Settings(new int[] {128}, 40, 64, 1e-3, 1e-4, 0.3);
        }

        /**
         * @param n networks in the ensemble
         * @return these settings with {@code n} members
         */
        public Settings withMembers(final int n) {
            return new Settings(hidden, epochs, batch, learningRate, l2, dropout, n);
        }

        /**
         * @param widths hidden layer widths (may be empty)
         * @return these settings with those hidden layers
         */
        public Settings withHidden(final int[] widths) {
            return new Settings(widths, epochs, batch, learningRate, l2, dropout, members);
        }
    }

    private MlpTrainer() {
    }

    /**
     * @param x       standardised features, one row per example
     * @param y       class index per example
     * @param classes number of classes
     * @param s       settings
     * @param rnd     random source (initialisation, shuffling, dropout); each member of an ensemble gets its own
     *                split of it
     * @return the trained layers (an ensemble merged into one network)
     */
    public static List<Layer> train(final float[][] x, final int[] y, final int classes, final Settings s,
        final SplittableRandom rnd) {
        if (s.members() == 1) {
            return trainOne(x, y, classes, s, rnd);
        }
        final List<List<Layer>> members = new ArrayList<>();
        for (int k = 0; k < s.members(); k++) {
            members.add(trainOne(x, y, classes, s, rnd.split()));
        }
        return merge(members);
    }

    /**
     * Merges networks of one shape into one network that computes the mean of their logits: the first layers are
     * stacked (they read the same input), the hidden layers after them block-diagonal, and the output layer reads
     * every member's last hidden layer with its weights divided by the number of members. The softmax of the mean
     * logit is the normalised geometric mean of the members' probabilities.
     *
     * @param members networks with identical layer sizes
     * @return the merged network
     * @throws IllegalArgumentException if the members differ in shape
     */
    public static List<Layer> merge(final List<List<Layer>> members) {
        final int k = members.size();
        final List<Layer> first = members.get(0);
        final int nl = first.size();
        for (final List<Layer> m : members) {
            if (m.size() != nl) {
                throw new IllegalArgumentException("members differ in depth");
            }
            for (int l = 0; l < nl; l++) {
                if (m.get(l).in() != first.get(l).in() || m.get(l).out() != first.get(l).out()) {
                    throw new IllegalArgumentException("members differ in layer " + l);
                }
            }
        }
        final List<Layer> merged = new ArrayList<>(nl);
        for (int l = 0; l < nl; l++) {
            final boolean input = l == 0;
            final boolean output = l == nl - 1;
            final int memberIn = first.get(l).in();
            final int memberOut = first.get(l).out();
            final int in = input ? memberIn : k * memberIn;
            final int out = output ? memberOut : k * memberOut;
            final float[] w = new float[in * out];
            final float[] b = new float[out];
            final float scale = output ? 1f / k : 1f;
            for (int m = 0; m < k; m++) {
                final Layer layer = members.get(m).get(l);
                final int rowOff = output ? 0 : m * memberOut;
                final int colOff = input ? 0 : m * memberIn;
                for (int o = 0; o < memberOut; o++) {
                    for (int i = 0; i < memberIn; i++) {
                        w[(rowOff + o) * in + colOff + i] += scale * layer.weights()[o * memberIn + i];
                    }
                    b[rowOff + o] += scale * layer.bias()[o];
                }
            }
            merged.add(new Layer(in, out, w, b));
        }
        return merged;
    }

    private static List<Layer> trainOne(final float[][] x, final int[] y, final int classes, final Settings s,
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
