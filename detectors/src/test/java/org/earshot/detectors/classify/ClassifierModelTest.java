package org.earshot.detectors.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class ClassifierModelTest {
    static ClassifierModel tinyModel(final FeatureSettings fs) {
        final int dim = PooledFeatures.dimension(fs.bands());
        final float[] mean = new float[dim];
        final float[] scale = new float[dim];
        java.util.Arrays.fill(scale, 1f);
        final float[] w = new float[dim * 2];
        w[0] = 1f;
        return new ClassifierModel(fs, List.of("a", "b"), new boolean[] {false, true}, mean, scale,
            List.of(new ClassifierModel.Layer(dim, 2, w, new float[] {0f, 0.5f})), "notes here");
    }

    @Test
    void shouldReadBackWhatItWrote() throws IOException {
        final ClassifierModel m = tinyModel(FeatureSettings.defaults());
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(out);
        final ClassifierModel back = ClassifierModel.read(new ByteArrayInputStream(out.toByteArray()), "mem");
        assertEquals(m.settings(), back.settings());
        assertEquals(List.of("a", "b"), back.classes());
        assertTrue(back.isBackground(1));
        assertEquals("notes here", back.notes());
        assertArrayEquals(m.layers().get(0).weights(), back.layers().get(0).weights());
        final float[] features = new float[PooledFeatures.dimension(64)];
        features[0] = 2f;
        final float[] p1 = new float[2];
        final float[] p2 = new float[2];
        m.newInference().predict(features, p1);
        back.newInference().predict(features, p2);
        assertArrayEquals(p1, p2);
        assertEquals(1.0, p1[0] + p1[1], 1e-6);
    }

    /** The message with which the default front end refuses a model of these context frames and feature version. */
    private static String refusal(final int contextFrames, final int featureVersion) {
        final ClassifierModel m = tinyModel(new FeatureSettings(16_000, 400, 160, 512, 64, 50.0, 8_000.0,
            contextFrames, featureVersion));
        return assertThrows(IllegalArgumentException.class,
            () -> new ClassifierNode(new ClassifierConfig("c", m), new LogMelNode(LogMelConfig.defaults())))
            .getMessage();
    }

    @Test
    void shouldRefuseModelTrainedWithOtherSettings() {
        assertEquals("model was trained with other feature settings (model vs front end: contextFrames 50 vs 100); "
            + "retrain it or use matching settings", refusal(50, PooledFeatures.VERSION));
        // a model of another pooled-feature recipe (session 23 measured a version 2) is refused the same way
        final int otherVersion = PooledFeatures.VERSION + 1;
        assertEquals("model was trained with other feature settings (model vs front end: featureVersion " + otherVersion
            + " vs " + PooledFeatures.VERSION + "); retrain it or use matching settings", refusal(100, otherVersion));
    }

    @Test
    void shouldRejectDamagedOrForeignFiles() throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        tinyModel(FeatureSettings.defaults()).write(out);
        final byte[] bytes = out.toByteArray();
        bytes[bytes.length / 2] ^= 0x55;
        assertEquals("mem: model file is damaged (checksum mismatch)", assertThrows(IOException.class,
            () -> ClassifierModel.read(new ByteArrayInputStream(bytes), "mem")).getMessage());
        assertEquals("x.wav: not an earshot model file (no ESHMODEL header)", assertThrows(IOException.class,
            () -> ClassifierModel.read(new ByteArrayInputStream(new byte[64]), "x.wav")).getMessage());
        final byte[] future = out.toByteArray();
        future[11] = 9;
        assertEquals("mem: model format version 9 is not supported (this build reads 1)",
            assertThrows(IOException.class, () -> ClassifierModel.read(new ByteArrayInputStream(future), "mem"))
                .getMessage());
    }

    @Test
    void shouldNameTheFeatureRecipeOfAModelFromAnotherBuild() throws IOException {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        tinyModel(FeatureSettings.defaults()).write(out);
        final byte[] bytes = out.toByteArray();
        // header (8), format version (4), five ints and two doubles of settings (36), context frames (4): the recipe
        java.nio.ByteBuffer.wrap(bytes, 52, 4).putInt(PooledFeatures.VERSION + 1);
        final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes, 0, bytes.length - 8);
        java.nio.ByteBuffer.wrap(bytes, bytes.length - 8, 8).putLong(crc.getValue());
        assertEquals("old.eshm: the model was trained on pooled-feature recipe version " + (PooledFeatures.VERSION + 1)
            + " and this build computes version " + PooledFeatures.VERSION + "; retrain it with this build's earshot train",
            assertThrows(IOException.class, () -> ClassifierModel.read(new ByteArrayInputStream(bytes), "old.eshm"))
                .getMessage());
    }

    @Test
    void shouldNameBadFeatureSettings() {
        assertEquals("bands must be in [8, 256], got 4", assertThrows(IllegalArgumentException.class,
            () -> new FeatureSettings(16_000, 400, 160, 512, 4, 50.0, 8_000.0, 100, 1)).getMessage());
        assertEquals("maxHz must be in (0, 8000.0], got 9000.0", assertThrows(IllegalArgumentException.class,
            () -> new FeatureSettings(16_000, 400, 160, 512, 64, 50.0, 9_000.0, 100, 1)).getMessage());
        assertEquals("fftSize must be a power of two in [windowLength=400, 4096], got 500",
            assertThrows(IllegalArgumentException.class,
                () -> new FeatureSettings(16_000, 400, 160, 500, 64, 50.0, 8_000.0, 100, 1)).getMessage());
    }

    @Test
    void shouldProduceSameFramesWhateverTheBlockSize() {
        final float[] x = Signals.noise(16_000, 0.01, 3);
        Signals.addBurst(x, 16_000, 4000, 300, 0.5, 4);
        final float[][] reference = frames(x, 16_000);
        for (final int block : new int[] {1, 37, 160, 1024}) {
            final float[][] f = frames(x, block);
            assertEquals(reference.length, f.length);
            for (int i = 0; i < f.length; i++) {
                assertArrayEquals(reference[i], f[i], "block " + block + " frame " + i);
            }
        }
    }

    @Test
    void shouldReadFullScaleSineNearZeroDb() {
        final float[] x = new float[4000];
        Signals.addTone(x, 16_000, 0, 4000, 1000, 1.0);
        final float[][] f = frames(x, 4000);
        float max = -200;
        for (final float v : f[f.length - 1]) {
            max = Math.max(max, v);
        }
        assertEquals(0.0, max, 2.0, "loudest band of a full-scale sine, dB");
    }

    private static float[][] frames(final float[] x, final int block) {
        final LogMelExtractor ex = new LogMelExtractor(FeatureSettings.defaults(), 16_000, Math.max(block, 1));
        final java.util.List<float[]> out = new java.util.ArrayList<>();
        for (int off = 0; off < x.length; off += block) {
            final int n = ex.feed(x, off, Math.min(block, x.length - off));
            for (int i = 0; i < n; i++) {
                out.add(ex.frame(i).clone());
            }
        }
        return out.toArray(new float[0][]);
    }
}
