package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gets one plain line on stderr naming the file or flag and the problem, a
 * non-zero exit status (1 for input, 2 for usage), no stack trace and no hang.
 */
@Timeout(60)
class BadInputIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(45);
    private static final int RATE = 48_000;

    @TempDir
    static Path tmp;

    private static Path goodWav;

    @BeforeAll
    static void makeGoodFile() throws Exception {
        goodWav = tmp.resolve("stereo-tone.wav");
        Fixtures.writeWav16(goodWav, RATE, 2, Fixtures.tone(RATE, 1.0, 440, 0.5));
    }

    private static Earshot.Result earshot(final String... args) throws Exception {
        return Earshot.run(tmp, TIMEOUT, Map.of(), args);
    }

    @Test
    void shouldNameFileWhenItDoesNotExist() throws Exception {
        final Path missing = tmp.resolve("no-such-file.wav");
        earshot("analyze", missing.toString()).assertOneLineError(1, missing.toString(), "no such file");
    }

    @Test
    void shouldNameFileWhenLiveInputFileDoesNotExist() throws Exception {
        final Path missing = tmp.resolve("no-such-take.wav");
        earshot("live", "--input", missing.toString()).assertOneLineError(1, missing.toString(), "no such file");
    }

    @Test
    void shouldNameFileWhenItIsEmpty() throws Exception {
        final Path empty = Files.createFile(tmp.resolve("empty.wav"));
        earshot("analyze", empty.toString()).assertOneLineError(1, empty.toString(), "empty");
    }

    @Test
    void shouldNameFileWhenItIsTruncated() throws Exception {
        final byte[] whole = Files.readAllBytes(goodWav);
        final Path truncated = tmp.resolve("truncated.wav");
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));
        earshot("analyze", truncated.toString()).assertOneLineError(1, truncated.toString(), "truncated");
    }

    @Test
    void shouldNameFileWhenItIsCorrupt() throws Exception {
        final byte[] noise = new byte[64 * 1024];
        new Random(42).nextBytes(noise);
        final Path corrupt = tmp.resolve("corrupt.wav");
        Files.write(corrupt, noise);
        earshot("analyze", corrupt.toString()).assertOneLineError(1, corrupt.toString());
    }

    @Test
    void shouldNameFileWhenFormatIsUnsupported() throws Exception {
        final Path text = tmp.resolve("notes.txt");
        Files.writeString(text, "this is not audio\n".repeat(200));
        earshot("analyze", text.toString()).assertOneLineError(1, text.toString());
    }

    @Test
    void shouldNameFileWhenWavEncodingIsUnsupported() throws Exception {
        final Path adpcm = tmp.resolve("adpcm.wav");
        Files.write(adpcm, Fixtures.wav(2, RATE, 1, 4, new byte[4096]));
        earshot("analyze", adpcm.toString()).assertOneLineError(1, adpcm.toString());
    }

    @Test
    void shouldNameFileWhenItHoldsNaNSamples() throws Exception {
        final float[] samples = Fixtures.tone(RATE, 1.0, 440, 0.5);
        samples[RATE / 2] = Float.NaN;
        final Path nan = tmp.resolve("nan.wav");
        Fixtures.writeWavFloat(nan, RATE, samples);
        final String line = earshot("analyze", nan.toString()).assertOneLineError(1, nan.toString());
        assertTrue(line.contains("NaN") || line.contains("non-finite"), line);
    }

    @Test
    void shouldNameFileWhenItsRateIsOutOfRange() throws Exception {
        final Path slow = tmp.resolve("4khz.wav");
        Fixtures.writeWav16(slow, 4_000, 1, Fixtures.tone(4_000, 0.5, 440, 0.5));
        earshot("analyze", slow.toString()).assertOneLineError(1, slow.toString(), "4000");
    }

    @Test
    void shouldNameFileWhenItHasTooManyChannels() throws Exception {
        final Path wide = tmp.resolve("40ch.wav");
        Fixtures.writeWav16(wide, RATE, 40, Fixtures.tone(RATE, 0.1, 440, 0.5));
        earshot("analyze", wide.toString()).assertOneLineError(1, wide.toString(), "40");
    }

    @Test
    void shouldNameFileWhenChosenChannelIsMissing() throws Exception {
        earshot("analyze", "--channel", "2", goodWav.toString()).assertOneLineError(1, goodWav.toString(),
            "channel 2");
    }

    @Test
    void shouldNameFlagWhenChannelIsOutOfRange() throws Exception {
        earshot("analyze", "--channel", "-1", goodWav.toString()).assertOneLineError(2, "--channel");
        earshot("analyze", "--channel", "99", goodWav.toString()).assertOneLineError(2, "--channel", "99");
    }

    @Test
    void shouldNameFlagWhenRateIsOutOfRange() throws Exception {
        earshot("analyze", "--rate", "4000", goodWav.toString()).assertOneLineError(2, "--rate", "4000");
        earshot("live", "--rate", "500000", "--duration", "1").assertOneLineError(2, "--rate", "500000");
    }

    @Test
    void shouldNameFlagWhenBlockIsOutOfRange() throws Exception {
        earshot("analyze", "--block", "0", goodWav.toString()).assertOneLineError(2, "--block");
    }

    @Test
    void shouldNamePresetWhenUnknown() throws Exception {
        earshot("live", "--preset", "disco", "--duration", "1").assertOneLineError(2, "--preset", "disco", "meter");
        earshot("analyze", "--preset", "disco", goodWav.toString()).assertOneLineError(2, "--preset", "disco");
    }

    @Test
    void shouldPrintOneLineWhenFlagUnknown() throws Exception {
        earshot("live", "--frobnicate").assertOneLineError(2, "--frobnicate", "earshot live --help");
        earshot("--frobnicate").assertOneLineError(2, "--frobnicate", "earshot --help");
    }

    @Test
    void shouldNameSinkWhenUnknownOrUnwritable() throws Exception {
        earshot("analyze", "--sink", "carrier-pigeon", goodWav.toString()).assertOneLineError(2, "--sink",
            "carrier-pigeon");
        earshot("analyze", "--sink", "jsonl:" + tmp.resolve("no/such/dir/x.jsonl"), goodWav.toString())
            .assertOneLineError(2, "--sink", "does not exist");
    }

    @Test
    void shouldNameDeviceWhenUnknown() throws Exception {
        earshot("live", "--input", "No Such Microphone", "--duration", "1")
            .assertOneLineError(1, "No Such Microphone");
    }

    @Test
    void shouldNameFlagWhenDurationIsNotPositive() throws Exception {
        earshot("live", "--duration", "-3").assertOneLineError(2, "--duration");
    }
}
