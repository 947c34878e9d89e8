package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The virtual microphone: a known WAV (silence, then 2 s of a 1 kHz tone at −6 dBFS) is played with
 * {@code paplay} into PulseAudio's null sink while {@code earshot live} captures the sink's monitor, the
 * default source, through Java Sound's default ALSA device (the pulse plugin); the JSONL level events
 * must rise from silence to the tone's level.
 */
@Timeout(120)
class VirtualMicrophoneIT {
    private static final int RATE = 48_000;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void requirePulseAudio() throws Exception {
        PulseAudio.require();
    }

    @Test
    void shouldCaptureTheTonePlayedIntoTheVirtualMicrophone() throws Exception {
        final Path wav = tmp.resolve("tone.wav");
        Fixtures.writeWav16(wav, RATE, 1, Fixtures.concat(Fixtures.silence(RATE, 0.3),
            Fixtures.tone(RATE, 2.0, 1000, 0.5), Fixtures.silence(RATE, 0.5)));
        final Earshot.Result r;
        try (Earshot.Running live = Earshot.start(tmp, Map.of(), "live", "--duration", "30")) {
            live.awaitStdoutLine("first level event", l -> l.contains("\"level\""), Duration.ofSeconds(30));
            Fixtures.runTool(List.of("paplay", "--device=" + PulseAudio.SINK, wav.toString()));
            Thread.sleep(1_500);
            r = live.terminate(Duration.ofSeconds(20));
        }
        r.assertNoStackTrace();
        assertTrue(r.stderr().contains("requested") && r.stderr().contains("granted"),
            "no requested/granted capture buffer line on stderr:\n" + r.stderr());
        final List<Map<String, Object>> levels = r.levels();
        assertTrue(levels.size() >= 30, "level events: " + levels.size());
        final double first = (Double)levels.get(0).get("rms_db");
        assertTrue(first < -60, "capture should start in silence, first rms " + first + " dB");
        final long toneWindows = levels.stream().filter(e -> (Double)e.get("rms_db") > -12).count();
        assertTrue(toneWindows >= 12 && toneWindows <= 24,
            "100 ms windows at the tone's level (about -9 dB) during its 2 s: " + toneWindows + "\n"
                + Earshot.tail(r.stdout()));
        final int loudest = indexOfMax(levels);
        assertTrue((Double)levels.get(loudest).get("rms_db") < -6, "louder than the tone: " + levels.get(loudest));
        assertTrue(loudest > 0, "the level must rise after the start");
        assertEquals(List.of(), r.stderrLines().stream().filter(l -> !l.startsWith("earshot: ")).toList(),
            "stray stderr lines");
    }

    private static int indexOfMax(final List<Map<String, Object>> levels) {
        int best = 0;
        for (int i = 1; i < levels.size(); i++) {
            if ((Double)levels.get(i).get("rms_db") > (Double)levels.get(best).get("rms_db")) {
                best = i;
            }
        }
        return best;
    }
}
