package org.earshot.io.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;

import org.earshot.engine.runtime.AudioSource;
import org.earshot.io.ChannelSelection;
import org.earshot.io.SourceException;
import org.earshot.io.TestSignal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Files as graph input: resampled to the graph rate, channel choice, pacing, looping, errors. */
class FileSourceTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1} Hz")
    @CsvSource({"tone-clicks-44k-stereo-16.flac, 48000, 1.5", "tone-clicks-8k-mono-16.flac, 48000, 1.5",
        "tone-clicks-96k-mono-16.flac, 44100, 1.5", "tone-clicks-192k-mono-24-short.flac, 48000, 0.5",
        "tone-clicks-44k-stereo.mp3, 16000, 1.5", "tone-clicks-48k-stereo.ogg, 22050, 1.5",
        "tone-clicks-44k-stereo-16.flac, 44100, 1.5"})
    void shouldDeliverGraphRateWithToneAndClicksInPlaceWhenFileRateDiffers(
        final String name, final int graphRateHz, final double seconds) throws IOException {
        final FileSourceOptions options =
            FileSourceOptions.offline(graphRateHz).withChannels(ChannelSelection.channel(0));
        try (FileSource source = FileSource.open(fixture(name), options)) {
            final float[] x = readAll(source, 997);

            final int expectedFrames = (int)Math.ceil(seconds * graphRateHz);
            assertEquals(graphRateHz, source.sampleRateHz());
            assertFalse(source.live());
            assertEquals(expectedFrames, x.length);
            assertEquals(expectedFrames, source.expectedFrames());
            assertEquals(TestSignal.TONE_AMPLITUDE,
                TestSignal.sineAmplitude(x, graphRateHz, TestSignal.TONE_0_HZ, graphRateHz / 50, graphRateHz / 5),
                name.endsWith(".flac") ? 0.002 : 0.02);
            final double[] clicks = TestSignal.clicksSeconds(x, x.length, graphRateHz);
            final double[] nominal = Arrays.stream(TestSignal.CLICKS_0_S).filter(c -> c < seconds).toArray();
            assertEquals(nominal.length, clicks.length, Arrays.toString(clicks));
            for (int i = 0; i < nominal.length; i++) {
                assertEquals(nominal[i], clicks[i], 0.0005, "click " + i + " of " + Arrays.toString(clicks));
            }
        }
    }

    @Test
    void shouldKeepChosenChannelWhenResampling() throws IOException {
        final FileSourceOptions options = FileSourceOptions.offline(48000).withChannels(ChannelSelection.channel(1));
        try (FileSource source = FileSource.open(fixture("tone-clicks-44k-stereo-16.flac"), options)) {
            final float[] x = readAll(source, 4096);

            assertEquals(0.25, TestSignal.sineAmplitude(x, 48000, 1000, 1000, 20000), 0.002);
            assertTrue(TestSignal.sineAmplitude(x, 48000, 440, 1000, 20000) < 0.002);
        }
    }

    @Test
    void shouldTakeAboutTheClipDurationWhenPacedAtRealTime() throws IOException {
        final Path file = TestSignal.write(dir.resolve("half-second.wav"), AudioFileFormat.Type.WAVE,
            AudioFormat.Encoding.PCM_SIGNED, 16, 48000, 1, 0.5);
        final FileSourceOptions options = FileSourceOptions.offline(48000).withPacing(Pacing.REAL_TIME);
        try (FileSource source = FileSource.open(file, options)) {
            assertTrue(source.live());
            final long startNs = System.nanoTime();
            final float[] x = readAll(source, 480);
            final double elapsedS = (System.nanoTime() - startNs) / 1e9;

            assertEquals(24000, x.length);
            assertTrue(elapsedS > 0.4 && elapsedS < 1.5, "0.5 s clip took " + elapsedS + " s");
        }
    }

    @Test
    void shouldNotWaitWhenAsFastAsPossible() throws IOException {
        final Path file = TestSignal.write(dir.resolve("two-seconds.wav"), AudioFileFormat.Type.WAVE,
            AudioFormat.Encoding.PCM_SIGNED, 16, 48000, 1, 2.0);
        try (FileSource source = FileSource.open(file, FileSourceOptions.offline(48000))) {
            final long startNs = System.nanoTime();
            readAll(source, 480);
            final double elapsedS = (System.nanoTime() - startNs) / 1e9;

            assertTrue(elapsedS < 1.5, "2 s clip took " + elapsedS + " s");
        }
    }

    @Test
    void shouldStartAgainWhenLooping() throws IOException {
        final FileSourceOptions options = FileSourceOptions.offline(8000).withLoop(true);
        try (FileSource source = FileSource.open(fixture("tone-clicks-8k-mono-16.flac"), options)) {
            final float[] x = new float[30_000];
            int filled = 0;
            while (filled < x.length) {
                final int n = source.read(x, filled, x.length - filled);
                assertTrue(n > 0, "ended at " + filled);
                filled += n;
            }

            assertEquals(2, source.loops());
            assertEquals(-1, source.expectedFrames());
            assertEquals(x[100], x[12_100], 1e-6);
        }
    }

    @Test
    void shouldThrowNamingFileFromReadWhenDecodingFails() throws IOException {
        final double[] samples = new double[8000];
        samples[6000] = Double.NaN;
        final Path file = TestSignal.writeSamples(dir.resolve("nan.wav"), AudioFileFormat.Type.WAVE,
            AudioFormat.Encoding.PCM_FLOAT, 32, 8000, 1, samples);
        try (FileSource source = FileSource.open(file, FileSourceOptions.offline(16000))) {
            final SourceException ex = assertThrows(SourceException.class, () -> readAll(source, 512));

            assertEquals(file + ": NaN sample at frame 6000 (channel 0, 0.750 s)", ex.getMessage());
        }
    }

    @Test
    void shouldNameFileWhenOpeningAMissingFile() {
        final Path file = dir.resolve("missing.flac");
        final SourceException ex = assertThrows(SourceException.class,
            () -> FileSource.open(file, FileSourceOptions.offline(48000)));

        assertEquals(file + ": no such file", ex.getMessage());
    }

    @Test
    void shouldRejectOptionsWhenGraphRateOutOfRange() {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> FileSourceOptions.offline(7000));
        assertEquals("graphRateHz must be in [8000, 192000], got 7000", ex.getMessage());
    }

    @Test
    void shouldRejectOptionsWhenPacingIsNull() {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> new FileSourceOptions(48000, ChannelSelection.DOWNMIX, null, false));
        assertEquals("pacing must not be null", ex.getMessage());
    }

    private static float[] readAll(final AudioSource source, final int blockFrames) throws IOException {
        float[] x = new float[1 << 16];
        int filled = 0;
        while (true) {
            if (filled + blockFrames > x.length) {
                x = Arrays.copyOf(x, x.length * 2);
            }
            final int n = source.read(x, filled, blockFrames);
            if (n == AudioSource.END_OF_STREAM) {
                return Arrays.copyOf(x, filled);
            }
            filled += n;
        }
    }

    private static Path fixture(final String name) {
        try {
            return Path.of(FileSourceTest.class.getResource("/fixtures/" + name).toURI());
        } catch (final URISyntaxException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
