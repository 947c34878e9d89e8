package org.earshot.detectors.classify.train;

import java.util.BitSet;
import java.util.SplittableRandom;

import org.earshot.detectors.classify.ClassifierModel;
import org.earshot.detectors.classify.ContextWindow;
import org.earshot.detectors.classify.FeatureSettings;
import org.earshot.detectors.classify.LogMelExtractor;
import org.earshot.detectors.classify.PooledFeatures;
import org.earshot.dsp.resample.Resampler;
import org.earshot.dsp.resample.ResamplerConfig;

/**
 * The live classifier's front end and model run offline over whole recordings, as the streaming graph would hear them:
 * for training ({@link ClipTrainer}: its windows, hard-negative mining and clip evaluation) and for the benches. Every
 * method allocates; none of it runs on the audio thread.
 */
public final class OfflineClassifier {
    private OfflineClassifier() {
    }

    /** What {@link #forEachHop} hands over for one hop. */
    @FunctionalInterface
    public interface HopConsumer {
        /**
         * @param frame    the hop's frame index
         * @param features the pooled features of the 1 s context ending at that frame (reused: copy to keep)
         * @param probs    the model's class probabilities (reused)
         */
        void accept(int frame, float[] features, float[] probs);
    }

    /**
     * Classifies a recording offline as the live classifier does, every {@code stride}-th hop once half a
     * context has been heard (allocates; for training and evaluation).
     *
     * @param model  model
     * @param x      samples at the model's rate
     * @param stride hops between classified windows, at least 1
     * @param each   called per classified hop
     * @return number of hops classified
     */
    public static int forEachHop(final ClassifierModel model, final float[] x, final int stride,
        final HopConsumer each) {
        final FeatureSettings fs = model.settings();
        final Frames f = frames(fs, x);
        final ContextWindow window = new ContextWindow(fs);
        final PooledFeatures pooled = new PooledFeatures(fs.bands());
        final ClassifierModel.Inference inference = model.newInference();
        final float[] v = new float[pooled.dimension()];
        final float[] p = new float[model.classCount()];
        int n = 0;
        for (int t = 0; t < f.count; t++) {
            window.push(f.bands[t], f.energy[t]);
            if (t >= fs.contextFrames() / 2 && t % stride == 0) {
                pooled.compute(window, v);
                inference.predict(v, p);
                each.accept(t, v, p);
                n++;
            }
        }
        return n;
    }

    /**
     * @param model model
     * @param probs its class probabilities
     * @return the sum of the event (not background) classes' probabilities
     */
    public static float eventMass(final ClassifierModel model, final float[] probs) {
        float event = 0;
        for (int c = 0; c < probs.length; c++) {
            if (!model.isBackground(c)) {
                event += probs[c];
            }
        }
        return event;
    }

    /**
     * Event-class probability mass ({@link #eventMass}) from which a background window counts as taken for an event:
     * what {@link ClipTrainer#mineHardNegatives} keeps, and what the events bench counts on the event-free backgrounds.
     */
    public static final float TAKEN_FOR_EVENT = 0.5f;

    /** All log-mel frames of a clip at the analysis rate. */
    public static final class Frames {
        final float[][] bands;
        final float[] energy;
        final int count;

        Frames(final float[][] bands, final float[] energy, final int count) {
            this.bands = bands;
            this.energy = energy;
            this.count = count;
        }
    }

    public static Frames frames(final FeatureSettings fs, final float[] x) {
        final int block = 4096;
        final LogMelExtractor ex = new LogMelExtractor(fs, fs.sampleRateHz(), block);
        final int max = x.length / fs.hop() + 2;
        final float[][] bands = new float[max][];
        final float[] energy = new float[max];
        int count = 0;
        for (int off = 0; off < x.length; off += block) {
            final int n = ex.feed(x, off, Math.min(block, x.length - off));
            for (int i = 0; i < n; i++) {
                bands[count] = ex.frame(i).clone();
                energy[count] = ex.energyDb(i);
                count++;
            }
        }
        return new Frames(bands, energy, count);
    }

    /**
     * The hops whose context holds a frame of {@code [first, last]} within 6 dB of the loudest frame there: where a
     * clip's sound is, for its training windows and its clip-level prediction alike.
     *
     * @param f             the recording's frames
     * @param first         first frame of the clip's sound
     * @param last          last frame of the clip's sound
     * @param contextFrames the classifier's context, frames
     * @return the hops
     */
    static BitSet loudHops(final Frames f, final int first, final int last, final int contextFrames) {
        float peak = -Float.MAX_VALUE;
        for (int t = first; t <= last; t++) {
            peak = Math.max(peak, f.energy[t]);
        }
        final BitSet ok = new BitSet();
        for (int t = first; t <= last; t++) {
            if (f.energy[t] >= peak - 6f) {
                ok.set(t, Math.min(f.count, t + contextFrames));
            }
        }
        return ok;
    }

    /**
     * Classifies one clip as the live graph would see it: streams it (padded with 0.5 s of faint noise on
     * each side) through the front end and the model, and averages the probabilities of every hop whose
     * context holds a frame within 6 dB of the clip's loudest (any hop for a background class... all
     * clips use the same rule, the truth is not looked at).
     *
     * @param model model
     * @param clip  clip at the analysis rate
     * @return mean class probabilities
     */
    public static float[] predictClip(final ClassifierModel model, final float[] clip) {
        final FeatureSettings fs = model.settings();
        final int pad = fs.sampleRateHz() / 2;
        final float[] x = new float[clip.length + 2 * pad];
        System.arraycopy(clip, 0, x, pad, clip.length);
        final double floor = Augmenter.activeRms(clip) * 1e-3;
        final SplittableRandom rnd = new SplittableRandom(clip.length);
        for (int i = 0; i < x.length; i++) {
            x[i] += (float)(floor * Noises.gaussian(rnd));
        }
        final Frames f = frames(fs, x);
        final int first = Math.max(0, pad / fs.hop() - 2);
        final int last = Math.min(f.count - 1, (pad + clip.length) / fs.hop() + 2);
        final BitSet ok = loudHops(f, first, last, fs.contextFrames());
        final ContextWindow window = new ContextWindow(fs);
        final PooledFeatures pooled = new PooledFeatures(fs.bands());
        final float[] v = new float[pooled.dimension()];
        final float[] p = new float[model.classCount()];
        final float[] sum = new float[model.classCount()];
        final ClassifierModel.Inference inf = model.newInference();
        int n = 0;
        for (int t = 0; t < f.count; t++) {
            window.push(f.bands[t], f.energy[t]);
            if (ok.get(t)) {
                pooled.compute(window, v);
                inf.predict(v, p);
                for (int c = 0; c < p.length; c++) {
                    sum[c] += p[c];
                }
                n++;
            }
        }
        for (int c = 0; c < sum.length; c++) {
            sum[c] /= Math.max(1, n);
        }
        return sum;
    }

    /**
     * @param probs class probabilities
     * @return index of the largest
     */
    public static int argmax(final float[] probs) {
        int best = 0;
        for (int c = 1; c < probs.length; c++) {
            if (probs[c] > probs[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Converts samples to another rate (offline, allocates).
     *
     * @param x      samples
     * @param from   their rate
     * @param to     target rate
     * @return the converted samples
     */
    public static float[] resample(final float[] x, final int from, final int to) {
        if (from == to) {
            return x.clone();
        }
        final Resampler r = new Resampler(ResamplerConfig.of(from, to));
        final float[] out = new float[r.maxOutputFrames(x.length) + 16];
        int n = r.process(x, 0, x.length, out, 0, out.length);
        n += r.flush(out, n, out.length - n);
        return java.util.Arrays.copyOf(out, n);
    }
}
