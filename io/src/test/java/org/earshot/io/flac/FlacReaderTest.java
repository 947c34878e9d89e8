package org.earshot.io.flac;

import static org.earshot.io.flac.FlacTestSignals.assertSamplesEqual;
import static org.earshot.io.flac.FlacTestSignals.decode;
import static org.earshot.io.flac.FlacTestSignals.flac;
import static org.earshot.io.flac.FlacTestSignals.music;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Decodes generated signals encoded by the {@code flac} tool (and by {@link FlacTestEncoder} for what the tool
 * never writes) and checks every sample against the original.
 */
class FlacReaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bits, {1} ch, {2} Hz, flac {3}")
    @CsvSource(delimiter = ';', value = {
        "16; 2; 44100; -0", "16; 2; 44100; -5", "16; 2; 44100; -8", "16; 1; 8000; -8", "16; 1; 96000; -5",
        "24; 2; 96000; -8", "24; 1; 48000; -0", "8; 2; 22050; -8", "32; 2; 48000; -8", "32; 1; 44100; -5",
        "16; 6; 44100; -8", "24; 8; 44100; -5"})
    void shouldDecodeBitExactlyWhenEncodedByFlacTool(
        final int bits, final int channels, final int rateHz, final String level) throws Exception {
        final int[][] samples = music(channels, bits, rateHz * 2, rateHz, bits * 31L + channels);
        final Path file = flac(dir, "signal", samples, bits, rateHz, level);

        assertSamplesEqual(samples, decode(file, 4096));
    }

    @ParameterizedTest(name = "{0} bits")
    @CsvSource({"16", "24", "32"})
    void shouldDecodeLpcSubframesBitExactlyUpToOrder32(final int bits) throws Exception {
        final int[][] samples = music(2, bits, 60_000, 44_100, 7);
        final Path file = flac(dir, "lpc32", samples, bits, 44_100, "-8", "--lax", "-l", "32", "-q", "15");

        assertSamplesEqual(samples, decode(file, 1000));
    }

    @ParameterizedTest(name = "block size {0}")
    @CsvSource({"192", "576", "1152", "4608", "16384"})
    void shouldDecodeBitExactlyWhenBlockSizeIsUnusual(final int blockSize) throws Exception {
        final int[][] samples = music(2, 16, 50_000, 44_100, blockSize);
        final Path file = flac(dir, "b" + blockSize, samples, 16, 44_100, "-5", "--lax", "-b",
            Integer.toString(blockSize));

        assertSamplesEqual(samples, decode(file, 333));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"--no-mid-side", "-m", "-M"})
    void shouldDecodeEveryStereoModeBitExactly(final String mode) throws Exception {
        final int[][] samples = music(2, 16, 88_200, 44_100, 3);
        final int[][] identical = {samples[0], samples[0].clone()};
        final int[][] opposite = {samples[0], samples[0].clone()};
        for (int i = 0; i < opposite[1].length; i++) {
            opposite[1][i] = -Math.max(-32_767, opposite[1][i]);
        }
        for (final int[][] signal : new int[][][] {samples, identical, opposite}) {
            final Path file = flac(dir, "stereo", signal, 16, 44_100, "-8", mode);
            assertSamplesEqual(signal, decode(file, 4096));
        }
    }

    @ParameterizedTest(name = "{0} bits")
    @CsvSource({"4", "12", "20"})
    void shouldDecodeBitExactlyWhenSampleSizeIsNotAWholeNumberOfBytes(final int bits) throws Exception {
        final int[][] samples = music(2, bits, 30_000, 44_100, bits);
        final Path file = flac(dir, "odd", samples, bits, 44_100, "-8", "--lax");

        try (FlacReader reader = FlacReader.open(file)) {
            assertEquals(bits, reader.streamInfo().bitsPerSample());
            assertSamplesEqual(samples, decode(reader, 4096));
        }
    }

    @Test
    void shouldDecodeWastedBitsBitExactly() throws Exception {
        final int[][] samples = music(2, 24, 40_000, 48_000, 5);
        for (final int[] channel : samples) {
            for (int i = 0; i < channel.length; i++) {
                channel[i] &= ~0xFF; // 16 significant bits in a 24-bit stream
            }
        }
        final Path file = flac(dir, "wasted", samples, 24, 48_000, "-8");

        assertSamplesEqual(samples, decode(file, 4096));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FlacTestEncoder.Coding.class)
    void shouldDecodeVariableBlockSizesAndEscapedPartitionsBitExactly(final FlacTestEncoder.Coding coding)
        throws Exception {
        final int bits = coding == FlacTestEncoder.Coding.FIXED_RICE5 ? 24 : 16;
        final int[][] samples = music(2, bits, 20_000, 44_100, 11);
        final byte[] stream = new FlacTestEncoder(bits, 44_100, coding, true).encode(samples, 1000, 37, 4096, 256,
            257, 1, 2, 3000);

        try (FlacReader reader = new FlacReader(new ByteArrayInputStream(stream))) {
            assertEquals(20_000, reader.streamInfo().totalFrames());
            assertSamplesEqual(samples, decode(reader, 500));
        }
    }

    @Test
    void shouldDecodeFixedBlockSizeStreamOfTestEncoderBitExactly() throws Exception {
        final int[][] samples = music(1, 16, 10_000, 8_000, 13);
        final byte[] stream = new FlacTestEncoder(16, 8_000, FlacTestEncoder.Coding.LPC, false).encode(samples, 4096);

        try (FlacReader reader = new FlacReader(new ByteArrayInputStream(stream))) {
            assertSamplesEqual(samples, decode(reader, 4096));
        }
    }

    @Test
    void shouldScaleFloatsBySampleSizeLikeJavaSound() throws Exception {
        final int[][] samples = music(2, 16, 20_000, 44_100, 17);
        final Path file = flac(dir, "floats", samples, 16, 44_100, "-5");

        try (FlacReader reader = FlacReader.open(file)) {
            final float[] chunk = new float[2 * 4096];
            int frame = 0;
            int n;
            while ((n = reader.read(chunk, 4096)) > 0) {
                for (int i = 0; i < n; i++, frame++) {
                    assertEquals(samples[0][frame] / 32_768f, chunk[2 * i], "left " + frame);
                    assertEquals(samples[1][frame] / 32_768f, chunk[2 * i + 1], "right " + frame);
                }
            }
            assertEquals(20_000, frame);
        }
    }

    @Test
    void shouldSkipMetadataBlocksAndId3v2TagBeforeFirstFrame() throws Exception {
        final int[][] samples = music(2, 16, 30_000, 44_100, 19);
        final Path file = flac(dir, "tagged", samples, 16, 44_100, "-5", "--padding=70000", "-T", "ARTIST=nobody",
            "-S", "1s");
        final byte[] body = Files.readAllBytes(file);
        final byte[] id3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 1, 0}; // 128 bytes of tag
        final byte[] tagged = new byte[id3.length + 128 + body.length];
        System.arraycopy(id3, 0, tagged, 0, id3.length);
        System.arraycopy(body, 0, tagged, id3.length + 128, body.length);

        try (FlacReader reader = new FlacReader(new ByteArrayInputStream(tagged))) {
            assertSamplesEqual(samples, decode(reader, 4096));
        }
    }

    @Test
    void shouldIgnoreId3v1TagAfterLastFrame() throws Exception {
        final int[][] samples = music(1, 16, 20_000, 44_100, 23);
        final byte[] body = Files.readAllBytes(flac(dir, "v1", samples, 16, 44_100, "-5"));
        final byte[] tagged = new byte[body.length + 128];
        System.arraycopy(body, 0, tagged, 0, body.length);
        tagged[body.length] = 'T';
        tagged[body.length + 1] = 'A';
        tagged[body.length + 2] = 'G';

        try (FlacReader reader = new FlacReader(new ByteArrayInputStream(tagged))) {
            assertSamplesEqual(samples, decode(reader, 4096));
        }
    }

    @Test
    void shouldGiveSameSamplesWhenReadOneFrameAtATime() throws Exception {
        final int[][] samples = music(2, 16, 9_000, 8_000, 29);
        final Path file = flac(dir, "one", samples, 16, 8_000, "-8");

        assertSamplesEqual(samples, decode(file, 1));
    }

    @Test
    void shouldDecodeBitExactlyWhenInputArrivesInTinyReads() throws Exception {
        final int[][] samples = music(2, 24, 30_000, 48_000, 31);
        final byte[] stream = Files.readAllBytes(flac(dir, "tiny", samples, 24, 48_000, "-8"));
        final InputStream trickle = new FilterInputStream(new ByteArrayInputStream(stream)) {
            @Override
            public int read(final byte[] b, final int off, final int len) throws IOException {
                return super.read(b, off, Math.min(len, 3));
            }
        };

        try (FlacReader reader = new FlacReader(trickle)) {
            assertSamplesEqual(samples, decode(reader, 4096));
        }
    }

    @Test
    void shouldDecodeBitExactlyWhenAFrameIsLargerThanTheReadBuffer() throws Exception {
        final int[][] samples = music(8, 32, 40_000, 96_000, 37);
        final byte[] stream = new FlacTestEncoder(32, 96_000, FlacTestEncoder.Coding.VERBATIM, false)
            .encode(samples, 16_384); // 512 KiB frames

        try (FlacReader reader = new FlacReader(new ByteArrayInputStream(stream))) {
            assertSamplesEqual(samples, decode(reader, 4096));
        }
    }

    @Test
    void shouldDecodeEmptyStream() throws Exception {
        final byte[] stream = new FlacTestEncoder(16, 44_100, FlacTestEncoder.Coding.VERBATIM, false)
            .encode(new int[][] {new int[0], new int[0]}, 4096);

        try (FlacReader reader = new FlacReader(new ByteArrayInputStream(stream))) {
            assertEquals(-1, reader.read(new float[2], 1));
        }
    }
}
