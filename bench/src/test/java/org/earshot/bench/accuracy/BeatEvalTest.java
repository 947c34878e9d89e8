package org.earshot.bench.accuracy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.earshot.detectors.classify.train.Channel;
import org.earshot.io.wav.WavEncoding;
import org.earshot.io.wav.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BeatEvalTest {
    private static final int RATE = 22_050;

    @TempDir
    Path tmp;

    private Path tone(final double hz, final double seconds) throws Exception {
        final float[] x = new float[(int)(seconds * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float)(0.3 * Math.sin(2 * Math.PI * hz * i / RATE));
        }
        final Path wav = tmp.resolve("tone" + (int)hz + ".wav");
        try (WavWriter w = new WavWriter(wav, RATE, 1, WavEncoding.FLOAT_32)) {
            w.write(x, 0, x.length);
        }
        return wav;
    }

    private static double rmsDb(final float[] x) {
        double sum = 0;
        for (final float v : x) {
            sum += v * (double)v;
        }
        return 10 * Math.log10(sum / x.length);
    }

    @Test
    void shouldAddTheSameNoiseAtTheAskedSignalToNoiseRatio() throws Exception {
        final Path wav = tone(440, 4.0);
        final float[] clean = BeatEval.coloured(wav, RATE, Channel.CLEAN, Double.NaN);
        final float[] noisy = BeatEval.coloured(wav, RATE, Channel.CLEAN, 10.0);
        final float[] noise = new float[clean.length];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = noisy[i] - clean[i];
        }
        assertEquals(rmsDb(clean) - 10.0, rmsDb(noise), 0.2, "noise level against the file's");
        assertArrayEquals(noisy, BeatEval.coloured(wav, RATE, Channel.CLEAN, 10.0), "the same noise on every run");
    }

    @Test
    void shouldPlayTheFileThroughTheChannel() throws Exception {
        final Path wav = tone(100, 2.0);
        final float[] clean = BeatEval.coloured(wav, RATE, Channel.CLEAN, Double.NaN);
        final float[] phone = BeatEval.coloured(wav, RATE, Channel.TELEPHONE, Double.NaN);
        assertEquals(clean.length, phone.length);
        assertTrue(rmsDb(phone) < rmsDb(clean) - 20, "a 100 Hz tone through a 300-3400 Hz line: "
            + rmsDb(clean) + " -> " + rmsDb(phone) + " dB");
    }
}
