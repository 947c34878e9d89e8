package org.earshot.io.flac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Generated test signals as integer samples, written to WAV and encoded with the {@code flac} tool
 * ({@code apt-get install flac}), and the decoder's output to compare them with. No recorded audio.
 */
final class FlacTestSignals {
    private FlacTestSignals() {
    }

    /**
     * Music-like samples: a few partials with vibrato, a decaying noise burst every 0.3 s, a stretch of digital
     * silence (CONSTANT subframes) and a stretch of full-scale white noise (VERBATIM subframes).
     *
     * @param channels      how many; channel c is channel 0 slightly changed, so stereo modes pay off
     * @param bitsPerSample 4 to 32
     * @param frames        samples per channel
     * @param rateHz        sample rate
     * @param seed          random seed
     * @return samples per channel, within the range of {@code bitsPerSample}
     */
    static int[][] music(final int channels, final int bitsPerSample, final int frames, final int rateHz,
        final long seed) {
        final Random random = new Random(seed);
        final long max = (1L << bitsPerSample - 1) - 1;
        final long min = -(1L << bitsPerSample - 1);
        final int[][] out = new int[channels][frames];
        final int silenceFrom = frames / 2;
        final int silenceTo = silenceFrom + frames / 10;
        final int noiseTo = silenceTo + frames / 20;
        for (int i = 0; i < frames; i++) {
            final double t = i / (double)rateHz;
            final double burst = Math.exp(-(t % 0.3) * 30) * (random.nextDouble() * 2 - 1);
            final double tone = 0.3 * Math.sin(2 * Math.PI * 220 * t + 0.5 * Math.sin(2 * Math.PI * 5 * t))
                + 0.15 * Math.sin(2 * Math.PI * 660.5 * t) + 0.05 * Math.sin(2 * Math.PI * 3_000 * t);
            for (int c = 0; c < channels; c++) {
                double v = tone * (1 - 0.1 * c) + 0.3 * burst + 0.02 * c * Math.sin(2 * Math.PI * 97 * t);
                if (i >= silenceFrom && i < silenceTo) {
                    v = 0;
                } else if (i >= silenceTo && i < noiseTo) {
                    v = random.nextDouble() * 2 - 1;
                }
                out[c][i] = (int)Math.max(min, Math.min(max, Math.round(v * max)));
            }
        }
        return out;
    }

    /**
     * Writes a WAV file: PCM, or WAVE_FORMAT_EXTENSIBLE with the valid bits when {@code bitsPerSample} is not a
     * multiple of 8 (samples left-justified in their container, which {@code flac} reads back as that depth).
     *
     * @param file          destination
     * @param samples       samples per channel
     * @param bitsPerSample 4 to 32
     * @param rateHz        sample rate
     * @return the file
     * @throws IOException if writing fails
     */
    static Path writeWav(final Path file, final int[][] samples, final int bitsPerSample, final int rateHz)
        throws IOException {
        final int channels = samples.length;
        final int frames = samples[0].length;
        final int containerBytes = (bitsPerSample + 7) / 8;
        final boolean extensible = bitsPerSample % 8 != 0 || channels > 2;
        final int fmtBytes = extensible ? 40 : 16;
        final int dataBytes = frames * channels * containerBytes;
        final ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtBytes + 8 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(4 + 8 + fmtBytes + 8 + dataBytes)
            .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(fmtBytes).putShort((short)(extensible ? 0xFFFE : 1))
            .putShort((short)channels).putInt(rateHz).putInt(rateHz * channels * containerBytes)
            .putShort((short)(channels * containerBytes)).putShort((short)(containerBytes * 8));
        if (extensible) {
            final int[] masks = {0, 0x4, 0x3, 0x7, 0x33, 0x607, 0x3F, 0x70F, 0x63F}; // the usual speaker layouts
            b.putShort((short)22).putShort((short)bitsPerSample).putInt(masks[channels])
                .putInt(1).putShort((short)0).putShort((short)0x10) // KSDATAFORMAT_SUBTYPE_PCM
                .put(new byte[] {(byte)0x80, 0, 0, (byte)0xAA, 0, 0x38, (byte)0x9B, 0x71});
        }
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        final int shift = containerBytes * 8 - bitsPerSample;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                long v = (long)samples[c][i] << shift;
                if (containerBytes == 1) {
                    v += 128; // 8-bit WAV is unsigned
                }
                for (int k = 0; k < containerBytes; k++) {
                    b.put((byte)(v >>> 8 * k));
                }
            }
        }
        return Files.write(file, b.array());
    }

    /**
     * Encodes samples with the {@code flac} tool.
     *
     * @param dir           working folder
     * @param name          file name stem
     * @param samples       samples per channel
     * @param bitsPerSample 4 to 32
     * @param rateHz        sample rate
     * @param options       flac options, e.g. {@code -8}
     * @return the FLAC file
     * @throws Exception if writing or encoding fails
     */
    static Path flac(final Path dir, final String name, final int[][] samples, final int bitsPerSample,
        final int rateHz, final String... options) throws Exception {
        final Path wav = writeWav(dir.resolve(name + ".wav"), samples, bitsPerSample, rateHz);
        final Path out = dir.resolve(name + ".flac");
        final List<String> cmd = new ArrayList<>(List.of("flac", "--silent", "--force"));
        cmd.addAll(Arrays.asList(options));
        cmd.addAll(List.of("-o", out.toString(), wav.toString()));
        final Process process;
        try {
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (final IOException ex) {
            fail("cannot run the flac tool (apt-get install flac): " + ex.getMessage());
            throw ex;
        }
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "flac " + cmd + " failed: " + output);
        return out;
    }

    /**
     * Decodes a whole stream with {@link FlacReader#readInts}, in reads of {@code chunkFrames}.
     *
     * @param file        a FLAC file
     * @param chunkFrames frames per read
     * @return samples per channel
     * @throws IOException if decoding fails
     */
    static int[][] decode(final Path file, final int chunkFrames) throws IOException {
        try (FlacReader reader = FlacReader.open(file)) {
            return decode(reader, chunkFrames);
        }
    }

    /**
     * @param reader      an open reader
     * @param chunkFrames frames per read
     * @return samples per channel of the rest of the stream
     * @throws IOException if decoding fails
     */
    static int[][] decode(final FlacReader reader, final int chunkFrames) throws IOException {
        final int channels = reader.streamInfo().channels();
        final int[] chunk = new int[chunkFrames * channels];
        int[][] out = new int[channels][1024];
        int frames = 0;
        int n;
        while ((n = reader.readInts(chunk, chunkFrames)) > 0) {
            if (frames + n > out[0].length) {
                for (int c = 0; c < channels; c++) {
                    out[c] = Arrays.copyOf(out[c], Math.max(2 * out[c].length, frames + n));
                }
            }
            for (int i = 0; i < n; i++) {
                for (int c = 0; c < channels; c++) {
                    out[c][frames + i] = chunk[i * channels + c];
                }
            }
            frames += n;
        }
        for (int c = 0; c < channels; c++) {
            out[c] = Arrays.copyOf(out[c], frames);
        }
        return out;
    }

    /**
     * Asserts two signals are equal sample for sample, naming the first difference.
     *
     * @param expected samples per channel
     * @param actual   samples per channel
     */
    static void assertSamplesEqual(final int[][] expected, final int[][] actual) {
        assertEquals(expected.length, actual.length, "channels");
        for (int c = 0; c < expected.length; c++) {
            assertEquals(expected[c].length, actual[c].length, "frames of channel " + c);
            final int at = Arrays.mismatch(expected[c], actual[c]);
            if (at >= 0) {
                fail("channel " + c + " differs first at frame " + at + ": expected " + expected[c][at] + ", got "
                    + actual[c][at]);
            }
        }
    }
}
