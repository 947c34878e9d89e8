package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code earshot analyze} prints JSON Lines for a WAV, a FLAC, an MP3 and an Ogg Vorbis file made from the
 * same synthesised signal (1 s of silence, 1 s of a 1 kHz tone at −6 dBFS, 1 s of silence), and the
 * level events see the tone where it is.
 */
@Timeout(120)
class AnalyzeFormatsIT {
    private static final int RATE = 44_100;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    static Path tmp;

    private static Path wav;
    private static Path flac;
    private static Path mp3;
    private static Path ogg;

    @BeforeAll
    static void makeFiles() throws Exception {
        final float[] signal = Fixtures.concat(Fixtures.silence(RATE, 1.0), Fixtures.tone(RATE, 1.0, 1000, 0.5),
            Fixtures.silence(RATE, 1.0));
        wav = tmp.resolve("signal.wav");
        Fixtures.writeWav16(wav, RATE, 2, signal);
        flac = tmp.resolve("signal.flac");
        Fixtures.ffmpeg(wav, flac, "-c:a", "flac");
        mp3 = tmp.resolve("signal.mp3");
        Fixtures.ffmpeg(wav, mp3, "-c:a", "libmp3lame", "-b:a", "128k");
        ogg = tmp.resolve("signal.ogg");
        Fixtures.ffmpeg(wav, ogg, "-c:a", "libvorbis", "-q:a", "4");
    }

    @Test
    void shouldPrintLevelEventsForWav() throws Exception {
        checkOneFile(wav);
    }

    @Test
    void shouldPrintLevelEventsForFlac() throws Exception {
        checkOneFile(flac);
    }

    @Test
    void shouldPrintLevelEventsForMp3() throws Exception {
        checkOneFile(mp3);
    }

    @Test
    void shouldPrintLevelEventsForOgg() throws Exception {
        checkOneFile(ogg);
    }

    @Test
    void shouldRunSeveralFilesOneAfterAnotherAndWriteAJsonlFile() throws Exception {
        final Path out = tmp.resolve("all.jsonl");
        final Earshot.Result r = Earshot.run(tmp, TIMEOUT, Map.of(), "analyze", "--json", "--sink", "jsonl:" + out,
            wav.toString(), flac.toString(), mp3.toString(), ogg.toString());
        r.assertNoStackTrace();
        assertEquals(0, r.exitStatus(), r.stderr());
        final List<Map<String, Object>> events = r.events();
        assertEquals(r.stdoutLines(), Files.readAllLines(out).stream().filter(l -> !l.isBlank()).toList(),
            "the file sink and stdout got different events");
        for (final Path f : List.of(wav, flac, mp3, ogg)) {
            final long perFile = events.stream().filter(e -> mentions(e, f)).count();
            assertTrue(perFile >= 25, "events of " + f + ": " + perFile);
        }
        assertEquals(4, r.stderrLines().stream().filter(l -> l.startsWith("earshot: analyze: ")).count(), r.stderr());
    }

    private static void checkOneFile(final Path file) throws Exception {
        final Earshot.Result r = Earshot.run(tmp, TIMEOUT, Map.of(), "analyze", "--json", file.toString());
        r.assertNoStackTrace();
        assertEquals(0, r.exitStatus(), r.stderr());
        final List<Map<String, Object>> levels = r.levels();
        assertTrue(levels.size() >= 29 && levels.size() <= 33,
            "level events for 3 s in 100 ms windows: " + levels.size());
        for (final Map<String, Object> e : levels) {
            assertTrue(e.get("t") instanceof Double, "t: " + e);
            assertTrue(e.get("frame") instanceof Double, "frame: " + e);
        }
        final double quiet = rmsDbAround(levels, 0.5);
        final double loud = rmsDbAround(levels, 1.5);
        final double after = rmsDbAround(levels, 2.5);
        assertTrue(loud > -12 && loud < -6, file + ": tone level " + loud + " dB, expected about -9");
        assertTrue(quiet < -60 && after < -60, file + ": silence at " + quiet + " / " + after + " dB");
    }

    private static double rmsDbAround(final List<Map<String, Object>> levels, final double seconds) {
        Map<String, Object> best = null;
        for (final Map<String, Object> e : levels) {
            if (best == null || Math.abs((Double)e.get("t") - seconds) < Math.abs((Double)best.get("t") - seconds)) {
                best = e;
            }
        }
        return (Double)best.get("rms_db");
    }

    private static boolean mentions(final Map<String, Object> event, final Path file) {
        final String name = file.getFileName().toString();
        return event.values().stream().anyMatch(v -> v instanceof String s && s.contains(name));
    }
}
