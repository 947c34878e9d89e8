package org.earshot.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * The synthetic test signal of the io module (also made by {@code fixtures/make-fixtures.sh}):
 * channel 0 is a 440 Hz sine of amplitude 0.25 plus 1 ms Hann clicks of peak 0.6 at 0.25, 0.75 and
 * 1.25 s; channel 1 a 1000 Hz sine of amplitude 0.25 plus clicks at 0.5 and 1.0 s; silence after 1.5 s.
 */
public final class TestSignal {
    /** Length of the signal in seconds. */
    public static final double SECONDS = 1.5;
    /** Click centres of channel 0, in seconds. */
    public static final double[] CLICKS_0_S = {0.25, 0.75, 1.25};
    /** Click centres of channel 1, in seconds. */
    public static final double[] CLICKS_1_S = {0.5, 1.0};
    /** Tone of channel 0 in Hz. */
    public static final double TONE_0_HZ = 440.0;
    /** Tone of channel 1 in Hz. */
    public static final double TONE_1_HZ = 1000.0;
    /** Amplitude of each tone. */
    public static final double TONE_AMPLITUDE = 0.25;

    private TestSignal() {
    }

    /**
     * @param channel 0 or 1
     * @param t       time in seconds
     * @return the signal value
     */
    public static double value(final int channel, final double t) {
        if (t >= SECONDS) {
            return 0.0;
        }
        final double hz = channel == 0 ? TONE_0_HZ : TONE_1_HZ;
        double v = TONE_AMPLITUDE * Math.sin(2 * Math.PI * hz * t);
        for (final double c : channel == 0 ? CLICKS_0_S : CLICKS_1_S) {
            if (Math.abs(t - c) < 0.0005) {
                v += 0.6 * (0.5 + 0.5 * Math.cos(2 * Math.PI * (t - c) / 0.001));
            }
        }
        return v;
    }

    /**
     * @param channels 1 or 2
     * @param rateHz   sample rate
     * @param frames   number of frames
     * @return interleaved samples
     */
    public static double[] interleaved(final int channels, final int rateHz, final int frames) {
        final double[] x = new double[frames * channels];
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                x[i * channels + c] = value(c, i / (double)rateHz);
            }
        }
        return x;
    }

    /**
     * Writes the signal with Java Sound.
     *
     * @param file     destination
     * @param type     WAVE or AIFF
     * @param encoding PCM_SIGNED, PCM_UNSIGNED or PCM_FLOAT
     * @param bits     8, 16, 24, 32 or 64
     * @param rateHz   sample rate
     * @param channels 1 or 2
     * @param seconds  duration
     * @return the file
     * @throws IOException if writing fails
     */
    public static Path write(
        final Path file, final AudioFileFormat.Type type, final AudioFormat.Encoding encoding, final int bits,
        final int rateHz, final int channels, final double seconds) throws IOException {
        final int frames = (int)Math.round(seconds * rateHz);
        return writeSamples(file, type, encoding, bits, rateHz, channels, interleaved(channels, rateHz, frames));
    }

    /**
     * Writes given samples with Java Sound.
     *
     * @param file     destination
     * @param type     WAVE or AIFF
     * @param encoding PCM_SIGNED, PCM_UNSIGNED or PCM_FLOAT
     * @param bits     8, 16, 24, 32 or 64
     * @param rateHz   sample rate
     * @param channels channel count
     * @param samples  interleaved samples in [-1, 1] (any value for float)
     * @return the file
     * @throws IOException if writing fails
     */
    public static Path writeSamples(
        final Path file, final AudioFileFormat.Type type, final AudioFormat.Encoding encoding, final int bits,
        final int rateHz, final int channels, final double[] samples) throws IOException {
        final boolean bigEndian = type == AudioFileFormat.Type.AIFF;
        final int bytes = bits / 8;
        final ByteBuffer buffer = ByteBuffer.allocate(samples.length * bytes)
            .order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        for (final double v : samples) {
            if (AudioFormat.Encoding.PCM_FLOAT.equals(encoding)) {
                if (bits == 32) {
                    buffer.putFloat((float)v);
                } else {
                    buffer.putDouble(v);
                }
            } else if (AudioFormat.Encoding.PCM_UNSIGNED.equals(encoding)) {
                buffer.put((byte)(quantise(v, 8) + 128));
            } else {
                final long q = quantise(v, bits);
                for (int k = 0; k < bytes; k++) {
                    final int shift = bigEndian ? 8 * (bytes - 1 - k) : 8 * k;
                    buffer.put((byte)(q >> shift));
                }
            }
        }
        final AudioFormat format = new AudioFormat(encoding, rateHz, bits, channels, bytes * channels, rateHz,
            bigEndian);
        final AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(buffer.array()), format,
            samples.length / channels);
        AudioSystem.write(in, type, file.toFile());
        return file;
    }

    private static long quantise(final double v, final int bits) {
        final long max = (1L << (bits - 1)) - 1;
        return Math.max(-max - 1, Math.min(max, Math.round(v * (max + 1))));
    }

    /**
     * Finds clicks: local maxima of |x| above 0.55, at least 50 ms apart.
     *
     * @param x      mono samples
     * @param rateHz their rate
     * @return click positions in seconds
     */
    public static double[] clicksSeconds(final float[] x, final int frames, final int rateHz) {
        final java.util.List<Double> found = new java.util.ArrayList<>();
        final int gap = rateHz / 20;
        int i = 0;
        while (i < frames) {
            if (Math.abs(x[i]) > 0.55) {
                int best = i;
                for (int k = i; k < Math.min(frames, i + rateHz / 500); k++) {
                    if (Math.abs(x[k]) > Math.abs(x[best])) {
                        best = k;
                    }
                }
                found.add(best / (double)rateHz);
                i = best + gap;
            } else {
                i++;
            }
        }
        return found.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Least-squares amplitude of a sine of known frequency over [from, to).
     *
     * @param y      samples
     * @param rateHz rate
     * @param hz     frequency
     * @param from   first frame
     * @param to     end frame
     * @return the amplitude
     */
    public static double sineAmplitude(final float[] y, final int rateHz, final double hz, final int from,
        final int to) {
        double ss = 0;
        double cc = 0;
        double sc = 0;
        double ys = 0;
        double yc = 0;
        for (int n = from; n < to; n++) {
            final double w = 2 * Math.PI * hz * n / rateHz;
            final double s = Math.sin(w);
            final double c = Math.cos(w);
            ss += s * s;
            cc += c * c;
            sc += s * c;
            ys += y[n] * s;
            yc += y[n] * c;
        }
        final double det = ss * cc - sc * sc;
        return Math.hypot((ys * cc - yc * sc) / det, (yc * ss - ys * sc) / det);
    }
}
