package org.earshot.detectors.classify.train;

import java.util.SplittableRandom;

/**
 * Generated everyday noises used as backgrounds for mixing and as the negative class {@code noise}:
 * white, pink and brown noise, mains hum with harmonics, a fan or vacuum (shaped noise with slow
 * modulation), an appliance drone (a few steady partials) and near silence.
 */
public final class Noises {
    /** The kinds generated, in the order {@link #generate} cycles through them. */
    public static final String[] KINDS = {"white", "pink", "brown", "hum", "fan", "drone", "hiss", "rumble"};

    private Noises() {
    }

    /**
     * Generates one noise clip with RMS about 0.1.
     *
     * @param kind         index into {@link #KINDS} (taken modulo their number)
     * @param frames       length in samples
     * @param sampleRateHz rate in Hz
     * @param rnd          random source
     * @return the samples
     */
    public static float[] generate(final int kind, final int frames, final int sampleRateHz,
        final SplittableRandom rnd) {
        final float[] x = new float[frames];
        switch (kind % KINDS.length) {
            case 0 -> white(x, rnd);
            case 1 -> pink(x, rnd);
            case 2 -> brown(x, rnd);
            case 3 -> hum(x, sampleRateHz, rnd);
            case 4 -> {
                pink(x, rnd);
                Biquad.lowPass(sampleRateHz, 400 + rnd.nextDouble() * 2500, 0.7).apply(x);
                final double rate = 0.2 + rnd.nextDouble() * 3;
                for (int i = 0; i < frames; i++) {
                    x[i] *= (float)(1 + 0.3 * Math.sin(2 * Math.PI * rate * i / sampleRateHz));
                }
            }
            case 5 -> drone(x, sampleRateHz, rnd);
            case 6 -> {
                white(x, rnd);
                Biquad.highPass(sampleRateHz, 2000 + rnd.nextDouble() * 3000, 0.7).apply(x);
            }
            default -> {
                brown(x, rnd);
                Biquad.lowPass(sampleRateHz, 80 + rnd.nextDouble() * 200, 0.7).apply(x);
            }
        }
        normalise(x, 0.1);
        return x;
    }

    /** The impulsive textures {@link #generateImpulsive} cycles through (two crackles to one rain). */
    public static final String[] IMPULSIVE_KINDS = {"crackle", "crackle", "rain-ticks"};

    /**
     * One generated impulsive texture and what was drawn for it.
     *
     * @param samples     the samples, RMS about 0.1
     * @param ratePerSec  the drawn mean burst rate
     * @param bursts      how many bursts were placed
     */
    record Impulsive(float[] samples, double ratePerSec, int bursts) {
    }

    /** Crackle: burst rate range per second, burst length range in ms, amplitude spread range in dB. */
    static final double CRACKLE_RATE_MIN = 3;
    static final double CRACKLE_RATE_MAX = 60;
    /** Rain on a window: denser, shorter, softer ticks over a louder hiss. */
    static final double RAIN_RATE_MIN = 60;
    static final double RAIN_RATE_MAX = 300;

    /**
     * Generates one impulsive texture with RMS about 0.1: Poisson-timed short bursts over a quiet noise floor.
     * {@code crackle} (a fire, a clock, a record's surface): 3-60 bursts a second, each 1-20 ms of exponentially
     * decaying noise or a click, through its own one-pole colouring, amplitudes log-normal over a 20-30 dB spread,
     * floor 30-50 dB under the median burst. {@code rain-ticks}: 60-300 ticks a second of 0.5-5 ms, high-passed,
     * a 10-15 dB spread, floor 10-25 dB under the median tick.
     *
     * @param kind         index into {@link #IMPULSIVE_KINDS} (taken modulo their number)
     * @param frames       length in samples
     * @param sampleRateHz rate in Hz
     * @param rnd          random source
     * @return the samples
     */
    public static float[] generateImpulsive(final int kind, final int frames, final int sampleRateHz,
        final SplittableRandom rnd) {
        return impulsive(kind, frames, sampleRateHz, rnd).samples();
    }

    static Impulsive impulsive(final int kind, final int frames, final int sampleRateHz,
        final SplittableRandom rnd) {
        final boolean rain = IMPULSIVE_KINDS[kind % IMPULSIVE_KINDS.length].equals("rain-ticks");
        final double rate = logUniform(rnd, rain ? RAIN_RATE_MIN : CRACKLE_RATE_MIN,
            rain ? RAIN_RATE_MAX : CRACKLE_RATE_MAX);
        final double spreadDb = rain ? 10 + 5 * rnd.nextDouble() : 20 + 10 * rnd.nextDouble();
        final double sigmaDb = spreadDb / 4; // +-2 sigma spans the spread
        final double minMs = rain ? 0.5 : 1;
        final double maxMs = rain ? 5 : 20;
        final double floorDb = rain ? -(10 + 15 * rnd.nextDouble()) : -(30 + 20 * rnd.nextDouble());
        final float[] x = new float[frames];
        // the floor: pink or brown noise at floorDb under a unit median burst
        final float[] floor = new float[frames];
        if (rain || rnd.nextBoolean()) {
            pink(floor, rnd);
        } else {
            brown(floor, rnd);
        }
        if (rain) {
            Biquad.highPass(sampleRateHz, 1000 + rnd.nextDouble() * 3000, 0.7).apply(floor);
        }
        normalise(floor, Math.pow(10, floorDb / 20) * 0.3);
        final int maxLen = (int)Math.ceil(maxMs * 1e-3 * sampleRateHz) * 3;
        final float[] burst = new float[maxLen];
        int bursts = 0;
        double t = -Math.log(1.0 - rnd.nextDouble()) / rate;
        while (t * sampleRateHz < frames) {
            final int start = (int)(t * sampleRateHz);
            final double amp = Math.pow(10, sigmaDb * gaussian(rnd) / 20);
            final double ms = logUniform(rnd, minMs, maxMs);
            final int len = Math.max(1, (int)Math.round(ms * 1e-3 * sampleRateHz));
            final boolean click = !rain && rnd.nextDouble() < 0.3;
            final double tau = Math.max(0.5, len / (2 + 3 * rnd.nextDouble()));
            final int total = Math.min(maxLen, click ? len : 3 * len);
            for (int k = 0; k < total; k++) {
                if (click) {
                    burst[k] = k == 0 ? 1f : 0f;
                } else {
                    burst[k] = (float)(gaussian(rnd) * Math.exp(-k / tau));
                }
            }
            // one-pole colouring: a in (0, 0.95) low-passes, a in (-0.9, 0) brightens; rain only brightens
            final double a = rain ? -0.9 * rnd.nextDouble() : -0.9 + 1.85 * rnd.nextDouble();
            double y = 0;
            double peak = 1e-12;
            for (int k = 0; k < total; k++) {
                y = (1 - Math.abs(a)) * burst[k] + a * y;
                burst[k] = (float)y;
                peak = Math.max(peak, Math.abs(y));
            }
            final double g = amp / peak;
            for (int k = 0; k < total && start + k < frames; k++) {
                x[start + k] += (float)(g * burst[k]);
            }
            bursts++;
            t += -Math.log(1.0 - rnd.nextDouble()) / rate;
        }
        for (int i = 0; i < frames; i++) {
            x[i] += floor[i];
        }
        normalise(x, 0.1);
        return new Impulsive(x, rate, bursts);
    }

    private static double logUniform(final SplittableRandom rnd, final double lo, final double hi) {
        return lo * Math.exp(rnd.nextDouble() * Math.log(hi / lo));
    }

    static void white(final float[] x, final SplittableRandom rnd) {
        for (int i = 0; i < x.length; i++) {
            x[i] = (float)gaussian(rnd);
        }
    }

    static void pink(final float[] x, final SplittableRandom rnd) {
        double b0 = 0;
        double b1 = 0;
        double b2 = 0;
        double b3 = 0;
        double b4 = 0;
        double b5 = 0;
        double b6 = 0;
        for (int i = 0; i < x.length; i++) {
            final double w = gaussian(rnd);
            b0 = 0.99886 * b0 + w * 0.0555179;
            b1 = 0.99332 * b1 + w * 0.0750759;
            b2 = 0.96900 * b2 + w * 0.1538520;
            b3 = 0.86650 * b3 + w * 0.3104856;
            b4 = 0.55000 * b4 + w * 0.5329522;
            b5 = -0.7616 * b5 - w * 0.0168980;
            x[i] = (float)(b0 + b1 + b2 + b3 + b4 + b5 + b6 + w * 0.5362);
            b6 = w * 0.115926;
        }
    }

    static void brown(final float[] x, final SplittableRandom rnd) {
        double y = 0;
        for (int i = 0; i < x.length; i++) {
            y = 0.995 * y + 0.1 * gaussian(rnd);
            x[i] = (float)y;
        }
    }

    private static void hum(final float[] x, final int rateHz, final SplittableRandom rnd) {
        final double f0 = rnd.nextBoolean() ? 50 : 60;
        final int harmonics = 2 + rnd.nextInt(8);
        final double[] amp = new double[harmonics];
        for (int h = 0; h < harmonics; h++) {
            amp[h] = rnd.nextDouble() / (h + 1);
        }
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int h = 0; h < harmonics; h++) {
                s += amp[h] * Math.sin(2 * Math.PI * f0 * (h + 1) * i / rateHz);
            }
            x[i] = (float)(s + 0.01 * gaussian(rnd));
        }
    }

    private static void drone(final float[] x, final int rateHz, final SplittableRandom rnd) {
        final int partials = 1 + rnd.nextInt(4);
        final double[] f = new double[partials];
        for (int p = 0; p < partials; p++) {
            f[p] = 80 + rnd.nextDouble() * 3000;
        }
        final float[] bed = new float[x.length];
        pink(bed, rnd);
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int p = 0; p < partials; p++) {
                s += Math.sin(2 * Math.PI * f[p] * i / rateHz);
            }
            x[i] = (float)(s + 0.2 * bed[i]);
        }
    }

    static double gaussian(final SplittableRandom rnd) {
        final double u = 1.0 - rnd.nextDouble();
        final double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static void normalise(final float[] x, final double rms) {
        double s = 0;
        for (final float v : x) {
            s += (double)v * v;
        }
        final double r = Math.sqrt(s / Math.max(1, x.length));
        if (r > 0) {
            final float g = (float)(rms / r);
            for (int i = 0; i < x.length; i++) {
                x[i] *= g;
            }
        }
    }
}
