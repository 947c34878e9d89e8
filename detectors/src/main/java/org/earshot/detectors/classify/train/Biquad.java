package org.earshot.detectors.classify.train;

/** A second-order IIR section (RBJ cookbook designs), used to colour and band-limit training audio. */
final class Biquad {
    private final double b0;
    private final double b1;
    private final double b2;
    private final double a1;
    private final double a2;

    private Biquad(final double b0, final double b1, final double b2, final double a0, final double a1,
        final double a2) {
        this.b0 = b0 / a0;
        this.b1 = b1 / a0;
        this.b2 = b2 / a0;
        this.a1 = a1 / a0;
        this.a2 = a2 / a0;
    }

    static Biquad lowPass(final double rateHz, final double hz, final double q) {
        final double w = 2 * Math.PI * Math.min(hz, rateHz * 0.49) / rateHz;
        final double alpha = Math.sin(w) / (2 * q);
        final double c = Math.cos(w);
        return new Biquad((1 - c) / 2, 1 - c, (1 - c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    }

    static Biquad highPass(final double rateHz, final double hz, final double q) {
        final double w = 2 * Math.PI * hz / rateHz;
        final double alpha = Math.sin(w) / (2 * q);
        final double c = Math.cos(w);
        return new Biquad((1 + c) / 2, -(1 + c), (1 + c) / 2, 1 + alpha, -2 * c, 1 - alpha);
    }

    static Biquad peaking(final double rateHz, final double hz, final double q, final double gainDb) {
        final double a = Math.pow(10, gainDb / 40);
        final double w = 2 * Math.PI * Math.min(hz, rateHz * 0.49) / rateHz;
        final double alpha = Math.sin(w) / (2 * q);
        final double c = Math.cos(w);
        return new Biquad(1 + alpha * a, -2 * c, 1 - alpha * a, 1 + alpha / a, -2 * c, 1 - alpha / a);
    }

    static Biquad bandPass(final double rateHz, final double hz, final double q) {
        final double w = 2 * Math.PI * hz / rateHz;
        final double alpha = Math.sin(w) / (2 * q);
        final double c = Math.cos(w);
        return new Biquad(alpha, 0, -alpha, 1 + alpha, -2 * c, 1 - alpha);
    }

    /** Filters in place from a zero state. */
    void apply(final float[] x) {
        double x1 = 0;
        double x2 = 0;
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < x.length; i++) {
            final double in = x[i];
            final double y = b0 * in + b1 * x1 + b2 * x2 - a1 * y1 - a2 * y2;
            x2 = x1;
            x1 = in;
            y2 = y1;
            y1 = y;
            x[i] = (float)y;
        }
    }
}
