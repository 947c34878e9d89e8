package org.earshot.io.wav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.earshot.engine.runtime.AudioRing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavFileSinkTest {
    @TempDir
    Path tmp;

    private static float[] ramp(final int n) {
        final float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float)Math.sin(i * 0.01) * 0.5f;
        }
        return x;
    }

    private static float[] readPcm16(final Path wav) throws Exception {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            final byte[] b = in.readAllBytes();
            final float[] x = new float[b.length / 2];
            for (int i = 0; i < x.length; i++) {
                x[i] = (short)((b[2 * i] & 0xff) | (b[2 * i + 1] << 8)) / 32767f;
            }
            assertEquals(16, in.getFormat().getSampleSizeInBits());
            return x;
        }
    }

    @Test
    void shouldWritePcm16ThatJavaSoundReadsBack() throws Exception {
        final Path wav = tmp.resolve("a.wav");
        final float[] x = ramp(10_000);
        try (WavWriter w = new WavWriter(wav, 8_000, 1, WavEncoding.PCM_16)) {
            w.write(x, 0, 4_000);
            w.write(x, 4_000, 6_000);
        }
        final float[] y = readPcm16(wav);
        assertEquals(x.length, y.length);
        for (int i = 0; i < x.length; i++) {
            assertEquals(x[i], y[i], 1.0 / 32767, "sample " + i);
        }
        assertEquals(8_000f, AudioSystem.getAudioFileFormat(wav.toFile()).getFormat().getSampleRate());
    }

    @Test
    void shouldWriteFloatWavWithExactSamplesAndCountClipping() throws Exception {
        final Path wav = tmp.resolve("f.wav");
        final float[] x = {0.25f, -1.5f, 1e-6f};
        try (WavWriter w = new WavWriter(wav, 48_000, 1, WavEncoding.FLOAT_32)) {
            w.write(x, 0, 3);
        }
        final byte[] b = Files.readAllBytes(wav);
        assertEquals(44 + 12, b.length);
        assertEquals(3, b[20]);
        final java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b, 44, 12).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        assertEquals(0.25f, bb.getFloat());
        assertEquals(-1.5f, bb.getFloat());
        try (WavWriter w = new WavWriter(tmp.resolve("c.wav"), 48_000, 1, WavEncoding.PCM_16)) {
            w.write(x, 0, 3);
            assertEquals(1, w.clippedSamples());
        }
    }

    @Test
    void shouldLoseNothingAndSkipTheLatencyWhenDrainingARing() throws Exception {
        final Path wav = tmp.resolve("r.wav");
        final float[] x = ramp(100_000);
        final AudioRing ring = new AudioRing(1024);
        final WavFileSink sink = new WavFileSink(ring, new WavWriter(wav, 16_000, 1, WavEncoding.PCM_16), 300, 90_000);
        int done = 0;
        while (done < x.length) {
            done += ring.write(x, done, Math.min(257, x.length - done));
            Thread.onSpinWait();
        }
        ring.close();
        assertTrue(sink.finish(10_000));
        final float[] y = readPcm16(wav);
        assertEquals(90_000, y.length);
        for (int i = 0; i < y.length; i++) {
            assertEquals(x[i + 300], y[i], 1.0 / 32767, "sample " + i);
        }
    }
}
