package org.earshot.app.demo;

/**
 * Renders the demo clip: 15 bars of 4/4 at 120 BPM (30 s), the same samples at a given rate on every
 * run and every machine (seeded noise, no wall clock).
 *
 * <pre>
 * bar      1  2  3  4  5  6  7  8  9 10 11 12 13 14 15
 * drums    x  x  x  x  x  x  x  x  x  x  x  x  x  x  x   kick on 1 and 3, snare on 2 and 4, hats on 8ths
 * bass           x  x  x  x  x  x  x  x  x  x  x  x  x   chord roots in 8ths
 * chords                     x  x  x  x  x  x  x  x  x   Am F C G triads
 * noise                                  #               0.6 s white-noise burst at 22.0 s
 * </pre>
 *
 * <p>Note tails past the end wrap round to the start, so the clip loops without a click. The result is
 * scaled to a peak of −1 dBFS.
 */
public final class DemoClip {
    /** Tempo, beats per minute. */
    public static final int TEMPO_BPM = 120;
    /** Beats per bar. */
    public static final int BEATS_PER_BAR = 4;
    /** Bars in the clip. */
    public static final int BARS = 15;
    /** Length of the clip in seconds. */
    public static final int LENGTH_S = BARS * BEATS_PER_BAR * 60 / TEMPO_BPM;
    /** Start of the noise burst, ms from the start of the clip. */
    public static final int NOISE_BURST_START_MS = 22_000;
    /** Length of the noise burst, ms. */
    public static final int NOISE_BURST_LENGTH_MS = 600;
    /** Peak of the rendered clip, linear (−1 dBFS). */
    public static final float PEAK = 0.891f;

    private static final long SEED = 0x5EED_EA25_407L;
    /** Chord roots per bar, MIDI notes: A, F, C, G (Am F C G). */
    private static final int[] CHORD_ROOTS = {57, 53, 48, 55};
    /** Chord qualities: true = minor third. */
    private static final boolean[] MINOR = {true, false, false, false};

    private final int sampleRateHz;
    private final float[] out;
    private long noiseState = SEED;

    private DemoClip(final int sampleRateHz) {
        this.sampleRateHz = sampleRateHz;
        this.out = new float[LENGTH_S * sampleRateHz];
    }

    /**
     * Renders the clip.
     *
     * @param sampleRateHz rate in Hz, 8,000 or more
     * @return {@link #LENGTH_S} seconds of mono samples in [−1, 1]
     */
    public static float[] render(final int sampleRateHz) {
        if (sampleRateHz < 8_000 || sampleRateHz > 192_000) {
            throw new IllegalArgumentException("sampleRateHz must be in [8000, 192000], got " + sampleRateHz);
        }
        final DemoClip clip = new DemoClip(sampleRateHz);
        clip.renderAll();
        return clip.out;
    }

    /**
     * @param beat         beat number from 0
     * @param sampleRateHz rate in Hz
     * @return the first frame of that beat
     */
    public static long beatFrame(final int beat, final int sampleRateHz) {
        return (long)beat * 60 * sampleRateHz / TEMPO_BPM;
    }

    /** @return a one-line description for messages */
    public static String describe() {
        return "bundled demo clip (synthesised, " + LENGTH_S + " s loop, " + TEMPO_BPM + " BPM)";
    }

    private void renderAll() {
        final double beatS = 60.0 / TEMPO_BPM;
        final int beats = BARS * BEATS_PER_BAR;
        for (int b = 0; b < beats; b++) {
            final double t = b * beatS;
            final int bar = b / BEATS_PER_BAR;
            final int inBar = b % BEATS_PER_BAR;
            if (inBar == 0 || inBar == 2) {
                kick(t, 0.9);
            } else {
                snare(t, 0.55);
            }
            if (bar % 2 == 1 && inBar == 3) {
                kick(t + beatS / 2, 0.6);
            }
            hat(t, 0.18, 0.035);
            hat(t + beatS / 2, 0.12, inBar == 3 ? 0.12 : 0.035);
            if (bar >= 2) {
                final int root = CHORD_ROOTS[bar % CHORD_ROOTS.length] - 24;
                bass(t, beatS / 2, root, 0.32);
                bass(t + beatS / 2, beatS / 2, inBar == 3 ? root + 12 : root, 0.26);
            }
        }
        for (int bar = 4; bar < BARS; bar++) {
            final int i = bar % CHORD_ROOTS.length;
            chord(bar * BEATS_PER_BAR * beatS, BEATS_PER_BAR * beatS, CHORD_ROOTS[i], MINOR[i], 0.07);
        }
        noiseBurst(NOISE_BURST_START_MS / 1000.0, NOISE_BURST_LENGTH_MS / 1000.0, 0.25);
        normalise();
    }

    private void kick(final double startS, final double gain) {
        final int n = frames(0.35);
        final int start = frames(startS);
        double phase = 0;
        for (int i = 0; i < n; i++) {
            final double t = i / (double)sampleRateHz;
            final double freqHz = 48 + 110 * Math.exp(-t * 30);
            phase += 2 * Math.PI * freqHz / sampleRateHz;
            final double env = Math.exp(-t * 9);
            add(start + i, gain * env * Math.sin(phase));
        }
    }

    private void snare(final double startS, final double gain) {
        final int n = frames(0.22);
        final int start = frames(startS);
        double previous = 0;
        for (int i = 0; i < n; i++) {
            final double t = i / (double)sampleRateHz;
            final double white = nextNoise();
            final double bright = white - 0.6 * previous;
            previous = white;
            final double tone = Math.sin(2 * Math.PI * 185 * t) * Math.exp(-t * 30);
            add(start + i, gain * (0.7 * bright * Math.exp(-t * 18) + 0.5 * tone));
        }
    }

    private void hat(final double startS, final double gain, final double decayS) {
        final int n = frames(decayS * 5);
        final int start = frames(startS);
        double previous = 0;
        for (int i = 0; i < n; i++) {
            final double t = i / (double)sampleRateHz;
            final double white = nextNoise();
            final double high = white - previous;
            previous = white;
            add(start + i, gain * 0.5 * high * Math.exp(-t / decayS));
        }
    }

    private void bass(final double startS, final double lengthS, final int midi, final double gain) {
        final double freqHz = midiToHz(midi);
        final int n = frames(lengthS);
        final int start = frames(startS);
        final int release = Math.max(1, frames(0.02));
        for (int i = 0; i < n; i++) {
            final double t = i / (double)sampleRateHz;
            final double x = 2 * Math.PI * freqHz * t;
            final double wave = Math.sin(x) + 0.5 * Math.sin(2 * x) + 0.25 * Math.sin(3 * x);
            final double attack = Math.min(1.0, t / 0.005);
            final double tail = Math.min(1.0, (n - i) / (double)release);
            add(start + i, gain * 0.6 * wave * attack * tail * Math.exp(-t * 3));
        }
    }

    private void chord(final double startS, final double lengthS, final int root, final boolean minor,
        final double gain) {
        final int[] notes = {root, root + (minor ? 3 : 4), root + 7};
        final int n = frames(lengthS);
        final int start = frames(startS);
        for (final int note : notes) {
            final double f = midiToHz(note);
            for (int i = 0; i < n; i++) {
                final double t = i / (double)sampleRateHz;
                final double attack = Math.min(1.0, t / 0.08);
                final double release = Math.min(1.0, (lengthS - t) / 0.15);
                final double wave = Math.sin(2 * Math.PI * f * t) + 0.3 * Math.sin(2 * Math.PI * 2.003 * f * t);
                add(start + i, gain * wave * attack * release);
            }
        }
    }

    private void noiseBurst(final double startS, final double lengthS, final double gain) {
        final int n = frames(lengthS);
        final int start = frames(startS);
        final int ramp = Math.max(1, frames(0.01));
        for (int i = 0; i < n; i++) {
            final double edge = Math.min(1.0, Math.min(i, n - 1 - i) / (double)ramp);
            add(start + i, gain * edge * nextNoise());
        }
    }

    private void normalise() {
        float peak = 0;
        for (final float x : out) {
            peak = Math.max(peak, Math.abs(x));
        }
        if (peak > 0) {
            final float scale = PEAK / peak;
            for (int i = 0; i < out.length; i++) {
                out[i] *= scale;
            }
        }
    }

    private void add(final int frame, final double value) {
        out[Math.floorMod(frame, out.length)] += (float)value;
    }

    private int frames(final double seconds) {
        return (int)Math.round(seconds * sampleRateHz);
    }

    /** @return uniform noise in [−1, 1) from a seeded xorshift64* generator */
    private double nextNoise() {
        long x = noiseState;
        x ^= x >>> 12;
        x ^= x << 25;
        x ^= x >>> 27;
        noiseState = x;
        final long r = x * 0x2545F4914F6CDD1DL;
        return ((r >>> 11) * 0x1.0p-53) * 2.0 - 1.0;
    }

    private static double midiToHz(final int midi) {
        return 440.0 * Math.pow(2.0, (midi - 69) / 12.0);
    }
}
