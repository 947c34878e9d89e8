package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A machine with no capture device at all: the subprocess gets an empty ALSA configuration
 * ({@code ALSA_CONFIG_PATH} pointing at an empty file, so ALSA defines no PCM device, not even
 * {@code default}) and a {@code PULSE_SERVER} where no server listens. Java Sound then offers no
 * {@code TargetDataLine}, and {@code earshot live} must say so in one line and play the demo clip; while
 * it runs, {@code earshot stat} shows its counters.
 */
@Timeout(120)
class NoDeviceFallbackIT {
    @TempDir
    static Path tmp;

    private static Map<String, String> noDevice;

    @BeforeAll
    static void makeAMachineWithoutDevices() throws Exception {
        final Path emptyAlsaConfig = Files.writeString(tmp.resolve("empty-asound.conf"), "# no devices\n");
        final Path countersDir = Files.createDirectories(tmp.resolve("counters"));
        noDevice = new HashMap<>();
        noDevice.put("ALSA_CONFIG_PATH", emptyAlsaConfig.toString());
        noDevice.put("PULSE_SERVER", "unix:" + tmp.resolve("no-pulseaudio-here"));
        noDevice.put("EARSHOT_DIR", countersDir.toString());
    }

    @Test
    void shouldFallBackToTheDemoClipWithOneLine() throws Exception {
        final long start = System.nanoTime();
        final Earshot.Result r = Earshot.run(tmp, Duration.ofSeconds(60), noDevice, "live", "--duration", "3");
        final double wallS = (System.nanoTime() - start) / 1e9;
        r.assertNoStackTrace();
        assertEquals(0, r.exitStatus(), r.stderr());
        final List<String> notices = r.stderrLines().stream().filter(l -> l.contains("no capture device")).toList();
        assertEquals(1, notices.size(), r.stderr());
        assertTrue(notices.get(0).startsWith("earshot: no capture device found (")
            && notices.get(0).endsWith("); playing the bundled demo clip instead"), notices.get(0));
        final List<Map<String, Object>> levels = r.levels();
        assertTrue(levels.size() >= 25 && levels.size() <= 32, "3 s of 100 ms level events at real-time pace: "
            + levels.size());
        assertTrue(wallS >= 3.0, "real-time pace: 3 s of demo took " + wallS + " s");
        final double loudest = levels.stream().mapToDouble(e -> (Double)e.get("rms_db")).max().orElseThrow();
        assertTrue(loudest > -30, "the demo clip is music, loudest window " + loudest + " dB");
    }

    @Test
    void shouldShowCountersInStatWhileRunningAndStopCleanlyOnSigterm() throws Exception {
        try (Earshot.Running live = Earshot.start(tmp, noDevice, "live")) {
            live.awaitStdoutLine("a level event", l -> l.contains("\"level\""), Duration.ofSeconds(30));
            Thread.sleep(1_200);
            final Earshot.Result stat = Earshot.run(tmp, Duration.ofSeconds(30), noDevice, "stat");
            assertEquals(0, stat.exitStatus(), stat.stderr());
            assertTrue(stat.stdout().contains("engine pid " + live.process().pid()), stat.stdout());
            final String blocks = stat.stdoutLines().stream().filter(l -> l.contains("live: blocks processed:"))
                .findFirst().orElseThrow(() -> new AssertionError("no blocks counter:\n" + stat.stdout()));
            final long value = Long.parseLong(blocks.substring(blocks.lastIndexOf(':') + 1).trim().replace(",", ""));
            assertTrue(value > 100, blocks);
            final Earshot.Result stopped = live.terminate(Duration.ofSeconds(20));
            stopped.assertNoStackTrace();
            assertTrue(stopped.exitStatus() == 143 || stopped.exitStatus() == 0, "exit " + stopped.exitStatus());
        }
        try (var files = Files.list(Path.of(noDevice.get("EARSHOT_DIR")))) {
            assertFalse(files.anyMatch(p -> p.toString().endsWith(".counters")), "counters file left behind");
        }
        final Earshot.Result none = Earshot.run(tmp, Duration.ofSeconds(30), noDevice, "stat");
        none.assertOneLineError(1, "no running engine");
    }

    @Test
    void shouldListNoCaptureDevice() throws Exception {
        final Earshot.Result r = Earshot.run(tmp, Duration.ofSeconds(30), noDevice, "devices");
        assertEquals(0, r.exitStatus(), r.stderr());
        assertTrue(r.stdout().contains("capture devices:\n  (none"), r.stdout());
    }
}
