package org.earshot.bench.accuracy;

import java.util.Arrays;

import org.earshot.dsp.stft.Istft;
import org.earshot.dsp.stft.Stft;
import org.earshot.dsp.stft.StftConfig;
import org.earshot.dsp.window.WindowType;

/**
 * The offline reference for the HPSS evaluation: whole-file, non-causal median-filter harmonic/percussive
 * separation as Fitzgerald (DAFx 2010) describes it: 2,048-point Hann STFT,
 * hop 512, centred median kernels of 17 frames (time) and 17 bins (frequency), soft masks with power 2. It
 * uses the shared {@code dsp} STFT; the signal is padded with a window of silence at both ends so every
 * sample is covered by full overlap.
 */
public final class OfflineHpss {
    /** Default window. */
    public static final int WINDOW = 2048;
    /** Default hop. */
    public static final int HOP = 512;
    /** Default kernel, frames and bins. */
    public static final int KERNEL = 17;

    private OfflineHpss() {
    }

    /**
     * @param x      the mixture
     * @param window STFT window (power of two)
     * @param hop    hop
     * @param kernel median kernel length (odd), in frames and in bins
     * @return {harmonic, percussive}, each {@code x.length} long and aligned with {@code x}
     */
    public static float[][] separate(final float[] x, final int window, final int hop, final int kernel) {
        final StftConfig cfg = StftConfig.of(window, hop, WindowType.HANN);
        final float[] padded = new float[x.length + 2 * window];
        System.arraycopy(x, 0, padded, window, x.length);
        final Stft stft = new Stft(cfg);
        final int bins = cfg.bins();
        final int frames = (padded.length - window) / hop + 1;
        final float[][] spec = new float[frames][];
        final float[][] mag = new float[frames][bins];
        int f = 0;
        for (int pos = 0; pos < padded.length && f < frames; ) {
            pos += stft.feed(padded, pos, padded.length - pos);
            if (stft.frameReady()) {
                spec[f] = stft.frame().complex().clone();
                for (int b = 0; b < bins; b++) {
                    mag[f][b] = (float)Math.hypot(spec[f][2 * b], spec[f][2 * b + 1]);
                }
                f++;
            }
        }
        final int n = f;
        final int half = kernel / 2;
        final float[] scratch = new float[kernel];
        final float[][] harm = new float[n][bins];
        final float[][] perc = new float[n][bins];
        for (int t = 0; t < n; t++) {
            for (int b = 0; b < bins; b++) {
                int c = 0;
                for (int u = t - half; u <= t + half; u++) {
                    scratch[c++] = u >= 0 && u < n ? mag[u][b] : 0f;
                }
                harm[t][b] = median(scratch, c);
                c = 0;
                for (int v = b - half; v <= b + half; v++) {
                    scratch[c++] = v >= 0 && v < bins ? mag[t][v] : 0f;
                }
                perc[t][b] = median(scratch, c);
            }
        }
        final Istft ih = new Istft(cfg);
        final Istft ip = new Istft(cfg);
        final float[] outH = new float[n * hop + window];
        final float[] outP = new float[n * hop + window];
        final float[] bufH = new float[2 * bins];
        final float[] bufP = new float[2 * bins];
        for (int t = 0; t < n; t++) {
            for (int b = 0; b < bins; b++) {
                final double h2 = (double)harm[t][b] * harm[t][b];
                final double p2 = (double)perc[t][b] * perc[t][b];
                final float m = h2 + p2 > 0 ? (float)(h2 / (h2 + p2)) : 0.5f;
                bufH[2 * b] = spec[t][2 * b] * m;
                bufH[2 * b + 1] = spec[t][2 * b + 1] * m;
                bufP[2 * b] = spec[t][2 * b] * (1 - m);
                bufP[2 * b + 1] = spec[t][2 * b + 1] * (1 - m);
            }
            ih.addFrame(bufH, 0);
            ih.readHop(outH, t * hop);
            ip.addFrame(bufP, 0);
            ip.readHop(outP, t * hop);
        }
        return new float[][] {Arrays.copyOfRange(outH, window, window + x.length),
            Arrays.copyOfRange(outP, window, window + x.length)};
    }

    private static float median(final float[] a, final int n) {
        final float[] c = Arrays.copyOf(a, n);
        Arrays.sort(c);
        return c[n / 2];
    }
}
