package org.earshot.io.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;

import org.earshot.io.ChannelSelection;
import org.earshot.io.SourceException;
import org.earshot.io.TestSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * FLAC through {@link AudioFileDecoder} (earshot's own FLAC decoder): the same floats as the WAV it was
 * encoded from (the scaling Java Sound gave jflac's PCM), the same header fields, the same messages.
 */
class FlacDecodeRouteTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}-bit {1} ch at {2} Hz")
    @CsvSource({"16, 2, 44100", "24, 2, 96000", "16, 1, 8000", "24, 1, 192000"})
    void shouldDecodeFlacToSameFloatsAsItsSourceWav(final int bits, final int channels, final int rateHz)
        throws Exception {
        final Path wav = TestSignal.write(dir.resolve("signal.wav"), AudioFileFormat.Type.WAVE,
            AudioFormat.Encoding.PCM_SIGNED, bits, rateHz, channels, TestSignal.SECONDS);
        final Path flac = encode(wav, "-8");

        final ChannelSelection[] selections = channels == 2
            ? new ChannelSelection[] {ChannelSelection.channel(0), ChannelSelection.channel(1),
                ChannelSelection.DOWNMIX}
            : new ChannelSelection[] {ChannelSelection.channel(0)};
        for (final ChannelSelection selection : selections) {
            assertArrayEquals(decode(wav, selection), decode(flac, selection), selection.describe());
        }
    }

    @Test
    void shouldDecodeFlacBehindAnId3v2Tag() throws Exception {
        final Path wav = TestSignal.write(dir.resolve("signal.wav"), AudioFileFormat.Type.WAVE,
            AudioFormat.Encoding.PCM_SIGNED, 16, 44_100, 2, TestSignal.SECONDS);
        final byte[] flac = Files.readAllBytes(encode(wav, "-5"));
        // an ID3v2.4 header with a 300-byte body (syncsafe: 2 * 128 + 44), the body zero padding
        final byte[] tagged = new byte[10 + 300 + flac.length];
        tagged[0] = 'I';
        tagged[1] = 'D';
        tagged[2] = '3';
        tagged[3] = 4;
        tagged[8] = 2;
        tagged[9] = 44;
        System.arraycopy(flac, 0, tagged, 310, flac.length);
        final Path file = Files.write(dir.resolve("tagged.flac"), tagged);

        final AudioFileInfo info = AudioFileDecoder.probe(file);
        assertEquals(AudioContainer.FLAC, info.container(), "the tag is followed by fLaC, not an MPEG frame");
        assertEquals(TestSignal.SECONDS * 44_100, info.frameLength(), 1);
        assertArrayEquals(decode(wav, ChannelSelection.DOWNMIX), decode(file, ChannelSelection.DOWNMIX));
    }

    @Test
    void shouldTakeInfoFromStreamInfo() throws Exception {
        final Path wav = TestSignal.write(dir.resolve("signal.wav"), AudioFileFormat.Type.WAVE,
            AudioFormat.Encoding.PCM_SIGNED, 24, 48_000, 2, TestSignal.SECONDS);

        final AudioFileInfo info = AudioFileDecoder.probe(encode(wav, "-5"));

        assertEquals(AudioContainer.FLAC, info.container());
        assertEquals("FLAC", info.encoding());
        assertEquals(48_000, info.sampleRateHz());
        assertEquals(2, info.channels());
        assertEquals(24, info.bitsPerSample());
        assertEquals(72_000, info.frameLength());
    }

    @Test
    void shouldPlayACorruptFlacFrameAsSilenceThenNameFileFrameAndLossAtTheEnd() throws Exception {
        final Path wav = TestSignal.write(dir.resolve("signal.wav"), AudioFileFormat.Type.WAVE,
            AudioFormat.Encoding.PCM_SIGNED, 16, 44_100, 2, TestSignal.SECONDS);
        final float[] clean = decode(encode(wav, "-5"), ChannelSelection.DOWNMIX);
        final byte[] bytes = Files.readAllBytes(encode(wav, "-5"));
        bytes[bytes.length - 5000] ^= 0x10;
        final Path bad = Files.write(dir.resolve("bad.flac"), bytes);

        final float[] samples = new float[clean.length + 10];
        int frames = 0;
        SourceException atEnd = null;
        try (AudioFileDecoder decoder = AudioFileDecoder.open(bad, ChannelSelection.DOWNMIX)) {
            int n;
            while ((n = decoder.read(samples, frames, Math.min(1000, samples.length - frames))) > 0) {
                frames += n;
            }
        } catch (final SourceException ex) {
            atEnd = ex;
        }

        assertEquals(clean.length, frames, "every frame is delivered, the corrupt one as silence");
        int silent = 0;
        int differing = 0;
        for (int i = 0; i < frames; i++) {
            if (samples[i] != clean[i]) {
                differing++;
                silent += samples[i] == 0f ? 1 : 0;
            }
        }
        assertTrue(differing > 0 && differing <= 4608 && silent == differing,
            "only one frame differs, and it is silent: " + differing + " differ, " + silent + " silent");
        assertTrue(atEnd != null && atEnd.getMessage().startsWith(bad + ": corrupt FLAC file: FLAC frame "),
            String.valueOf(atEnd));
        assertTrue(atEnd.getMessage().matches(".*; 0\\.\\d{3} s of audio played as silence from \\d+\\.\\d{3} s"),
            atEnd.getMessage());
    }

    private Path encode(final Path wav, final String level) throws Exception {
        final Path out = dir.resolve(wav.getFileName() + ".flac");
        final Process process = new ProcessBuilder("flac", "--silent", "--force", level, "-o", out.toString(),
            wav.toString()).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "flac failed (apt-get install flac): " + output);
        return out;
    }

    private static float[] decode(final Path file, final ChannelSelection selection) throws IOException {
        try (AudioFileDecoder decoder = AudioFileDecoder.open(file, selection)) {
            float[] samples = new float[1 << 16];
            int frames = 0;
            int n;
            while ((n = decoder.read(samples, frames, Math.min(1000, samples.length - frames))) > 0) {
                frames += n;
                if (frames == samples.length) {
                    samples = Arrays.copyOf(samples, samples.length * 2);
                }
            }
            return Arrays.copyOf(samples, frames);
        }
    }
}
