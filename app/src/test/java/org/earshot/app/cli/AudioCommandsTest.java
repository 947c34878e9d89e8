package org.earshot.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;

import org.earshot.io.wav.WavEncoding;
import org.earshot.io.wav.WavWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudioCommandsTest {
    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {
    }

    private static Run run(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int status = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    /** 1.5 s of a pulsed tone in noise at {@code rate}. */
    private Path noisyWav(final String name, final int rate) throws Exception {
        final Path p = tmp.resolve(name);
        final float[] x = new float[rate * 3 / 2];
        final SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < x.length; i++) {
            final double tone = (i / (rate / 4)) % 2 == 1 ? 0.2 * Math.sin(2 * Math.PI * 300 * i / rate) : 0;
            x[i] = (float)(tone + 0.05 * (2 * r.nextDouble() - 1));
        }
        try (WavWriter w = new WavWriter(p, rate, 1, WavEncoding.PCM_16)) {
            w.write(x, 0, x.length);
        }
        return p;
    }

    private static AudioFileFormat format(final Path p) throws Exception {
        return AudioSystem.getAudioFileFormat(p.toFile());
    }

    @Test
    void shouldWriteADenoisedWavOfTheInputsRateAndLength() throws Exception {
        for (final int rate : new int[] {8_000, 48_000}) {
            final Path in = noisyWav("in" + rate + ".wav", rate);
            final Path out = tmp.resolve("out" + rate + ".wav");
            final Run r = run("denoise", in.toString(), out.toString(), "--strength", "15");
            assertEquals(0, r.status(), r.err());
            assertEquals(rate, (int)format(out).getFormat().getSampleRate());
            assertEquals(format(in).getFrameLength(), format(out).getFrameLength());
        }
    }

    @Test
    void shouldWriteHarmonicAndPercussiveFilesNamedAfterTheInput() throws Exception {
        final Path in = noisyWav("song.take1.wav", 44_100);
        final Run r = run("separate", in.toString(), "--out-dir", tmp.resolve("stems").toString());
        assertEquals(0, r.status(), r.err());
        for (final String stream : new String[] {"harmonic", "percussive"}) {
            final Path p = tmp.resolve("stems").resolve("song.take1." + stream + ".wav");
            assertTrue(Files.isRegularFile(p), p.toString());
            assertEquals(format(in).getFrameLength(), format(p).getFrameLength());
        }
    }

    @Test
    void shouldLearnAProfileFromAFileAndDenoiseWithIt() throws Exception {
        final Path in = noisyWav("room.wav", 16_000);
        final Path profile = tmp.resolve("room.profile");
        final Run learn = run("learn-noise", "--input", in.toString(), "--seconds", "1", "--out", profile.toString());
        assertEquals(0, learn.status(), learn.err());
        assertTrue(Files.readString(profile).startsWith(NoiseProfileFile.MAGIC));
        final Run denoise = run("denoise", in.toString(), tmp.resolve("o.wav").toString(), "--profile",
            profile.toString());
        assertEquals(0, denoise.status(), denoise.err());
    }

    @Test
    void shouldPrintOnePlainLineAndFailOnBadInput() throws Exception {
        final Path bad = tmp.resolve("bad.wav");
        Files.writeString(bad, "not audio");
        final Run r = run("denoise", bad.toString(), tmp.resolve("x.wav").toString());
        assertEquals(1, r.status());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("earshot: " + bad), r.err());
        final Run missing = run("separate", tmp.resolve("none.flac").toString(), "--out-dir", tmp.toString());
        assertEquals(1, missing.status());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        final Run strength = run("denoise", bad.toString(), "x.wav", "--strength", "-3");
        assertEquals(2, strength.status());
        assertTrue(strength.err().contains("--strength must be in [0, 60] dB, got -3.0"), strength.err());
        final Run profile = run("denoise", bad.toString(), "x.wav", "--profile", bad.toString());
        assertEquals(1, profile.status());
        final Run liveProfile = run("live", "--preset", "denoise", "--profile", bad.toString(), "--duration", "1");
        assertEquals(1, liveProfile.status(), "live reads the same profile option");
        assertEquals(1, liveProfile.err().strip().lines().count(), liveProfile.err());
        assertTrue(liveProfile.err().contains(bad.toString()), liveProfile.err());
        final Run liveStrength = run("live", "--preset", "denoise", "--strength", "99", "--duration", "1");
        assertEquals(2, liveStrength.status());
        assertTrue(liveStrength.err().contains("--strength must be in [0, 60] dB, got 99.0"), liveStrength.err());
        final Run analyzeAudio = run("analyze", "--preset", "denoise", bad.toString());
        assertEquals(2, analyzeAudio.status(), "a preset that makes audio, not events, would hold analyze up");
        assertTrue(analyzeAudio.err().contains("earshot denoise IN OUT"), analyzeAudio.err());
        final Run liveInline = run("live", "--threading", "inline", "--duration", "1");
        assertEquals(2, liveInline.status());
        assertTrue(liveInline.err().contains("--threading inline"), liveInline.err());
    }
}
