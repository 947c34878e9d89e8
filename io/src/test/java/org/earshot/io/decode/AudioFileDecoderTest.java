package org.earshot.io.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import org.earshot.io.ChannelSelection;
import org.earshot.io.SourceException;
import org.earshot.io.TestSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Decodes our own synthetic signal in every format and checks length, rate and content; then bad input. */
class AudioFileDecoderTest {
    private static final AudioFormat.Encoding SIGNED = AudioFormat.Encoding.PCM_SIGNED;
    private static final AudioFormat.Encoding FLOAT = AudioFormat.Encoding.PCM_FLOAT;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1}-bit {2} at {3} Hz")
    @CsvSource({
        "WAVE, 8, PCM_UNSIGNED, 8000", "WAVE, 16, PCM_SIGNED, 44100", "WAVE, 24, PCM_SIGNED, 48000",
        "WAVE, 32, PCM_SIGNED, 96000", "WAVE, 32, PCM_FLOAT, 192000", "WAVE, 64, PCM_FLOAT, 44100",
        "AIFF, 16, PCM_SIGNED, 44100", "AIFF, 24, PCM_SIGNED, 96000", "AIFF, 8, PCM_SIGNED, 8000"})
    void shouldDecodeExactLengthRateAndSamplesWhenFileIsUncompressed(
        final String type, final int bits, final String encoding, final int rateHz) throws IOException {
        final AudioFileFormat.Type fileType =
            "WAVE".equals(type) ? AudioFileFormat.Type.WAVE : AudioFileFormat.Type.AIFF;
        final Path file = TestSignal.write(dir.resolve("signal." + fileType.getExtension()), fileType,
            new AudioFormat.Encoding(encoding), bits, rateHz, 2, TestSignal.SECONDS);

        final Decoded ch0 = decode(file, ChannelSelection.channel(0));

        final int frames = (int)Math.round(TestSignal.SECONDS * rateHz);
        assertEquals(rateHz, ch0.rateHz);
        assertEquals(frames, ch0.frames);
        assertEquals(frames, ch0.declaredFrames);
        final double tolerance = bits >= 24 ? 1e-6 : 1.01 / (1 << (bits - 1));
        for (int i = 0; i < frames; i++) {
            assertEquals(TestSignal.value(0, i / (double)rateHz), ch0.samples[i], tolerance, "frame " + i);
        }
        assertClicks(0, ch0, 1.01 / rateHz);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "tone-clicks-44k-stereo-16.flac, 44100, 2, 16", "tone-clicks-8k-mono-16.flac, 8000, 1, 16",
        "tone-clicks-96k-mono-16.flac, 96000, 1, 16", "tone-clicks-192k-mono-24-short.flac, 192000, 1, 24"})
    void shouldDecodeExactLengthAndSamplesWhenFileIsFlac(
        final String name, final int rateHz, final int channels, final int bits) throws IOException {
        final Decoded ch0 = decode(fixture(name), ChannelSelection.channel(0));

        final double seconds = name.contains("short") ? 0.5 : TestSignal.SECONDS;
        final int frames = (int)Math.round(seconds * rateHz);
        assertEquals(rateHz, ch0.rateHz);
        assertEquals(channels, ch0.info.channels());
        assertEquals(bits, ch0.info.bitsPerSample());
        assertEquals(AudioContainer.FLAC, ch0.info.container());
        assertEquals(frames, ch0.frames);
        final double tolerance = 2.0 / (1 << (bits - 1)) + 1e-6;
        for (int i = 0; i < frames; i++) {
            assertEquals(TestSignal.value(0, i / (double)rateHz), ch0.samples[i], tolerance, "frame " + i);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "tone-clicks-44k-stereo.mp3, 44100, 2, MP3, 1.5", "tone-clicks-48k-stereo.mp3, 48000, 2, MP3, 1.5",
        "tone-clicks-8k-mono.mp3, 8000, 1, MP3, 1.5", "tone-clicks-44k-stereo.ogg, 44100, 2, OGG_VORBIS, 1.5",
        "tone-clicks-48k-stereo.ogg, 48000, 2, OGG_VORBIS, 1.5", "tone-clicks-8k-mono.ogg, 8000, 1, OGG_VORBIS, 1.5",
        "tone-clicks-44k-stereo-tail-silence.ogg, 44100, 2, OGG_VORBIS, 2.5"})
    void shouldDecodeLengthRateClicksAndToneWhenFileIsLossy(
        final String name, final int rateHz, final int channels, final AudioContainer container, final double seconds)
        throws IOException {
        final Decoded ch0 = decode(fixture(name), ChannelSelection.channel(0));

        final int frames = (int)Math.round(seconds * rateHz);
        final int codecFrame = container == AudioContainer.MP3 ? (rateHz >= 32000 ? 1152 : 576) : 2048;
        assertEquals(container, ch0.info.container());
        assertEquals(rateHz, ch0.rateHz);
        assertEquals(channels, ch0.info.channels());
        assertTrue(Math.abs(ch0.frames - frames) <= codecFrame, "frames " + ch0.frames + ", expected " + frames);
        assertClicks(0, ch0, 0.001);
        final double amplitude = TestSignal.sineAmplitude(ch0.samples, rateHz, TestSignal.TONE_0_HZ,
            rateHz / 50, rateHz / 5);
        assertEquals(TestSignal.TONE_AMPLITUDE, amplitude, 0.02, "440 Hz amplitude");
    }

    @Test
    void shouldDecodeWholeStreamWhenOggEndsInDigitalSilence() throws IOException {
        final Decoded ch0 = decode(fixture("tone-clicks-44k-stereo-tail-silence.ogg"), ChannelSelection.channel(0));

        assertEquals(110_250, ch0.declaredFrames);
        assertEquals(110_250, ch0.frames);
        float tailPeak = 0;
        for (int i = 67_000; i < ch0.frames; i++) {
            tailPeak = Math.max(tailPeak, Math.abs(ch0.samples[i]));
        }
        assertTrue(tailPeak < 0.01, "the last second is silent, peak " + tailPeak);
    }

    /** Documents why Ogg does not go through vorbisspi: it stops early on this file. */
    @Test
    void shouldShowVorbisSpiStopsEarlyWhenOggEndsInDigitalSilence() throws Exception {
        final File file = fixture("tone-clicks-44k-stereo-tail-silence.ogg").toFile();
        long frames = 0;
        try (AudioInputStream encoded = AudioSystem.getAudioInputStream(file)) {
            final AudioFormat source = encoded.getFormat();
            final AudioFormat pcm = new AudioFormat(SIGNED, source.getSampleRate(), 16, source.getChannels(),
                2 * source.getChannels(), source.getSampleRate(), false);
            try (AudioInputStream decoded = AudioSystem.getAudioInputStream(pcm, encoded)) {
                final byte[] buffer = new byte[8192];
                int n;
                while ((n = decoded.read(buffer)) != -1) {
                    frames += n / pcm.getFrameSize();
                }
            }
        }
        assertTrue(frames < 110_250, "vorbisspi decoded " + frames + " of 110250 frames");
    }

    @Test
    void shouldTrimEncoderDelayWhenMp3HasLameTag() throws IOException {
        final Decoded ch1 = decode(fixture("tone-clicks-44k-stereo.mp3"), ChannelSelection.channel(1));

        assertEquals(66_150, ch1.declaredFrames);
        assertEquals(66_150, ch1.frames);
        assertClicks(1, ch1, 0.0005);
    }

    @Test
    void shouldAverageChannelsWhenDownmixingAndKeepOneWhenChosen() throws IOException {
        final Path file = TestSignal.write(dir.resolve("stereo.wav"), AudioFileFormat.Type.WAVE, FLOAT, 32, 48000, 2,
            TestSignal.SECONDS);

        final Decoded mix = decode(file, ChannelSelection.DOWNMIX);
        final Decoded ch0 = decode(file, ChannelSelection.channel(0));
        final Decoded ch1 = decode(file, ChannelSelection.channel(1));

        for (int i = 0; i < mix.frames; i++) {
            assertEquals((ch0.samples[i] + ch1.samples[i]) / 2, mix.samples[i], 1e-7, "frame " + i);
        }
        assertEquals(TestSignal.TONE_AMPLITUDE, TestSignal.sineAmplitude(ch1.samples, 48000, 1000, 1000, 10000), 1e-4);
        assertTrue(TestSignal.sineAmplitude(ch1.samples, 48000, 440, 1000, 10000) < 1e-3);
        assertEquals(TestSignal.TONE_AMPLITUDE / 2, TestSignal.sineAmplitude(mix.samples, 48000, 440, 1000, 10000),
            1e-4);
        assertClicks(1, ch1, 1.01 / 48000);
    }

    @Test
    void shouldGiveSameSamplesWhenReadInBlocksOfOneOrMany() throws IOException {
        final Path file = fixture("tone-clicks-8k-mono.ogg");
        final Decoded whole = decode(file, ChannelSelection.DOWNMIX);
        final float[] single = new float[whole.frames];
        try (AudioFileDecoder decoder = AudioFileDecoder.open(file, ChannelSelection.DOWNMIX)) {
            for (int i = 0; i < single.length; i++) {
                assertEquals(1, decoder.read(single, i, 1));
            }
            assertEquals(-1, decoder.read(single, 0, 1));
        }
        assertArrayEquals(Arrays.copyOf(whole.samples, whole.frames), single);
    }

    // ------------------------------------------------------------------------------------------ bad input

    @Test
    void shouldNameFileWhenMissing() {
        final Path file = dir.resolve("nope.wav");
        assertMessage(file + ": no such file", file, ChannelSelection.DOWNMIX);
    }

    @Test
    void shouldNameFileWhenEmpty() throws IOException {
        final Path file = Files.write(dir.resolve("empty.flac"), new byte[0]);
        assertMessage(file + ": empty file (0 bytes)", file, ChannelSelection.DOWNMIX);
    }

    @Test
    void shouldSayDirectoryWhenPathIsADirectory() {
        assertMessage(dir + ": is a directory, not an audio file", dir, ChannelSelection.DOWNMIX);
    }

    @Test
    void shouldReportTruncationWhenWavDataIsShorterThanHeader() throws IOException {
        final Path full = TestSignal.write(dir.resolve("full.wav"), AudioFileFormat.Type.WAVE, SIGNED, 16, 44100, 2,
            TestSignal.SECONDS);
        final byte[] bytes = Files.readAllBytes(full);
        final Path cut = Files.write(dir.resolve("cut.wav"), Arrays.copyOf(bytes, 44 + 4 * 10_000 + 2));

        assertMessage(cut + ": truncated WAV file: the data chunk declares 264600 bytes (66150 frames) but only 40002 "
            + "bytes (10000 frames) follow", cut, ChannelSelection.DOWNMIX);
    }

    @Test
    void shouldReportTruncationWhenAiffDataIsShorterThanHeader() throws IOException {
        final Path full = TestSignal.write(dir.resolve("full.aif"), AudioFileFormat.Type.AIFF, SIGNED, 16, 8000, 1,
            1.0);
        final byte[] bytes = Files.readAllBytes(full);
        final Path cut = Files.write(dir.resolve("cut.aif"), Arrays.copyOf(bytes, bytes.length - 1000));

        assertMessage(cut + ": truncated AIFF file: the header declares 8000 frames (16000 bytes) but only 15000 bytes "
            + "(7500 frames) follow", cut, ChannelSelection.DOWNMIX);
    }

    @Test
    void shouldReportTruncationWhenFlacStreamEndsBeforeStreamInfoLength() throws Exception {
        final byte[] bytes = Files.readAllBytes(fixture("tone-clicks-44k-stereo-16.flac"));
        final Path cut = Files.write(dir.resolve("cut.flac"), Arrays.copyOf(bytes, 25_000));

        final String message = readToEnd(cut);
        assertTrue(message.startsWith(cut + ": truncated FLAC file: STREAMINFO declares 66150 frames but the stream "
            + "ends after "), message);
    }

    @Test
    void shouldReportTruncationWhenMp3EndsBeforeLameTagLength() throws Exception {
        final byte[] bytes = Files.readAllBytes(fixture("tone-clicks-44k-stereo.mp3"));
        final Path cut = Files.write(dir.resolve("cut.mp3"), Arrays.copyOf(bytes, 12_000));

        final String message = readToEnd(cut);
        assertTrue(message.startsWith(cut + ": truncated MP3 file: the LAME tag declares 66150 frames but the stream "
            + "ends after "), message);
    }

    @Test
    void shouldReportTruncationWhenOggLastPageIsCut() throws IOException {
        final byte[] bytes = Files.readAllBytes(fixture("tone-clicks-44k-stereo.ogg"));
        final Path cut = Files.write(dir.resolve("cut.ogg"), Arrays.copyOf(bytes, 6000));

        final SourceException ex = assertThrows(SourceException.class,
            () -> AudioFileDecoder.open(cut, ChannelSelection.DOWNMIX));
        assertTrue(ex.getMessage().startsWith(cut + ": truncated Ogg file: "), ex.getMessage());
    }

    @Test
    void shouldSayNotRecognisedWhenFileIsText() throws IOException {
        final Path file = Files.writeString(dir.resolve("notes.wav"), "hello, not audio\n".repeat(100));
        assertMessage(file + ": not a recognised audio file (expected WAV, AIFF, FLAC, MP3 or Ogg Vorbis)", file,
            ChannelSelection.DOWNMIX);
    }

    @Test
    void shouldSayNotRecognisedWhenFileIsRandomBytesNamedMp3() throws IOException {
        final byte[] noise = new byte[20_000];
        new Random(5).nextBytes(noise);
        noise[0] = 0x12;
        final Path file = Files.write(dir.resolve("noise.mp3"), noise);
        assertMessage(file + ": not a recognised audio file (expected WAV, AIFF, FLAC, MP3 or Ogg Vorbis)", file,
            ChannelSelection.DOWNMIX);
    }

    @Test
    void shouldSayCorruptWithoutHangingWhenFlacHeaderIsFollowedByGarbage() throws Exception {
        final byte[] head = Arrays.copyOf(Files.readAllBytes(fixture("tone-clicks-44k-stereo-16.flac")), 200);
        final byte[] noise = new byte[30_000];
        new Random(11).nextBytes(noise);
        final ByteBuffer bytes = ByteBuffer.allocate(head.length + noise.length).put(head).put(noise);
        final Path file = Files.write(dir.resolve("garbage.flac"), bytes.array());

        final String message = readToEnd(file);
        assertTrue(message.startsWith(file + ": corrupt FLAC file: ") || message.startsWith(file
            + ": truncated FLAC file: "), message);
    }

    @Test
    void shouldSayCorruptWhenOggPagesAreDamaged() throws Exception {
        final byte[] ogg = Files.readAllBytes(fixture("tone-clicks-44k-stereo.ogg"));
        for (int i = 4000; i < 8000; i++) {
            ogg[i] = (byte)(i * 31);
        }
        final Path file = Files.write(dir.resolve("damaged.ogg"), ogg);

        final String message = readToEnd(file);
        assertTrue(message.startsWith(file + ": corrupt Ogg Vorbis file: "), message);
    }

    @Test
    void shouldSayUnsupportedWhenWavIsAdpcm() throws IOException {
        final ByteBuffer b = ByteBuffer.allocate(44 + 100).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 100)
            .put("WAVE".getBytes(StandardCharsets.US_ASCII));
        b.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short)2).putShort((short)1)
            .putInt(8000).putInt(4000).putShort((short)256).putShort((short)4);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(100);
        final Path file = Files.write(dir.resolve("adpcm.wav"), b.array());

        assertMessage(file + ": unsupported WAV encoding: format tag 0x0002 (MS ADPCM) (supported: PCM, IEEE float, "
            + "A-law, mu-law)", file, ChannelSelection.DOWNMIX);
    }

    @Test
    void shouldSayUnsupportedWhenOggHoldsOpus() throws IOException {
        final ByteBuffer b = ByteBuffer.allocate(27 + 1 + 19).order(ByteOrder.LITTLE_ENDIAN);
        b.put("OggS".getBytes(StandardCharsets.US_ASCII)).put((byte)0).put((byte)2).putLong(0).putInt(1).putInt(0)
            .putInt(0).put((byte)1).put((byte)19);
        b.put("OpusHead".getBytes(StandardCharsets.US_ASCII)).put(new byte[11]);
        final Path file = Files.write(dir.resolve("voice.opus"), b.array());

        assertMessage(file + ": unsupported Ogg stream: Opus (only Vorbis is supported)", file,
            ChannelSelection.DOWNMIX);
    }

    @Test
    void shouldSayRateOutOfRangeWhenBelowEightKiloHertz() throws IOException {
        final Path file = TestSignal.write(dir.resolve("slow.wav"), AudioFileFormat.Type.WAVE, SIGNED, 16, 4000, 1,
            0.1);
        assertMessage(file + ": sample rate 4000 Hz is out of range [8000, 192000] Hz", file, ChannelSelection.DOWNMIX);
    }

    @Test
    void shouldSayRateOutOfRangeWhenAbove192KiloHertz() throws IOException {
        final Path file = TestSignal.write(dir.resolve("fast.wav"), AudioFileFormat.Type.WAVE, SIGNED, 16, 384000, 1,
            0.01);
        assertMessage(file + ": sample rate 384000 Hz is out of range [8000, 192000] Hz", file,
            ChannelSelection.DOWNMIX);
    }

    @Test
    void shouldSayChannelCountOutOfRangeWhenFileHasForty() throws IOException {
        final Path file = TestSignal.writeSamples(dir.resolve("many.wav"), AudioFileFormat.Type.WAVE, SIGNED, 16, 8000,
            40, new double[40 * 10]);
        assertMessage(file + ": 40 channels is out of range [1, 32]", file, ChannelSelection.DOWNMIX);
    }

    @Test
    void shouldSayChannelMissingWhenChosenChannelIsOutOfRange() throws IOException {
        final Path file = TestSignal.write(dir.resolve("stereo.wav"), AudioFileFormat.Type.WAVE, SIGNED, 16, 8000, 2,
            0.1);
        assertMessage(file + ": channel 2 does not exist: the file has 2 channels (0-1)", file,
            ChannelSelection.channel(2));
        final Path mono = fixture("tone-clicks-8k-mono-16.flac");
        assertMessage(mono + ": channel 1 does not exist: the file has 1 channel (0)", mono,
            ChannelSelection.channel(1));
    }

    @Test
    void shouldNameFrameOffsetWhenFloatFileHasNaN() throws Exception {
        final double[] samples = TestSignal.interleaved(2, 8000, 8000);
        samples[2 * 5000 + 1] = Double.NaN;
        final Path file = TestSignal.writeSamples(dir.resolve("nan.wav"), AudioFileFormat.Type.WAVE, FLOAT, 32, 8000,
            2, samples);

        assertEquals(file + ": NaN sample at frame 5000 (channel 1, 0.625 s)", readToEnd(file));
    }

    @Test
    void shouldNameFrameOffsetWhenFloatFileHasInfinity() throws Exception {
        final double[] samples = new double[10_000];
        samples[9_999] = Double.NEGATIVE_INFINITY;
        final Path file = TestSignal.writeSamples(dir.resolve("inf.wav"), AudioFileFormat.Type.WAVE, FLOAT, 64, 8000,
            1, samples);

        assertEquals(file + ": infinite sample at frame 9999 (channel 0, 1.250 s)", readToEnd(file));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** Decoded mono samples and what the decoder said. */
    record Decoded(AudioFileInfo info, int rateHz, long declaredFrames, float[] samples, int frames) {
    }

    static Decoded decode(final Path file, final ChannelSelection selection) throws IOException {
        try (AudioFileDecoder decoder = AudioFileDecoder.open(file, selection)) {
            float[] samples = new float[1 << 16];
            int frames = 0;
            int n;
            while ((n = decoder.read(samples, frames, Math.min(777, samples.length - frames))) > 0) {
                frames += n;
                if (frames == samples.length) {
                    samples = Arrays.copyOf(samples, samples.length * 2);
                }
            }
            assertEquals(frames, decoder.framesRead());
            return new Decoded(decoder.info(), decoder.sampleRateHz(), decoder.frameLength(), samples, frames);
        }
    }

    static Path fixture(final String name) {
        try {
            return Path.of(AudioFileDecoderTest.class.getResource("/fixtures/" + name).toURI());
        } catch (final URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String readToEnd(final Path file) {
        final SourceException ex = assertThrows(SourceException.class, () -> {
            try (AudioFileDecoder decoder = AudioFileDecoder.open(file, ChannelSelection.DOWNMIX)) {
                final float[] buffer = new float[4096];
                while (decoder.read(buffer, 0, buffer.length) > 0) {
                    assertTrue(decoder.framesRead() < 10_000_000);
                }
            }
        });
        return ex.getMessage();
    }

    private static void assertMessage(final String expected, final Path file, final ChannelSelection selection) {
        final SourceException ex = assertThrows(SourceException.class, () -> AudioFileDecoder.open(file, selection));
        assertEquals(expected, ex.getMessage());
    }

    /** Clicks where the click finder puts them in the ideal signal of that channel, within a tolerance. */
    private static void assertClicks(final int channel, final Decoded decoded, final double toleranceS) {
        final int frames = decoded.frames;
        final float[] ideal = new float[frames];
        for (int i = 0; i < frames; i++) {
            ideal[i] = (float)TestSignal.value(channel, i / (double)decoded.rateHz);
        }
        final double[] expected = TestSignal.clicksSeconds(ideal, frames, decoded.rateHz);
        final double[] found = TestSignal.clicksSeconds(decoded.samples, frames, decoded.rateHz);
        final double[] nominal = channel == 0 ? TestSignal.CLICKS_0_S : TestSignal.CLICKS_1_S;
        assertEquals(Arrays.stream(nominal).filter(c -> c < frames / (double)decoded.rateHz).count(), expected.length);
        assertEquals(expected.length, found.length, "clicks found: " + Arrays.toString(found));
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], found[i], toleranceS, "click " + i + " of " + Arrays.toString(found));
        }
    }
}
