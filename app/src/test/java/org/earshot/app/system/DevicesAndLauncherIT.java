package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code earshot devices} on the virtual microphone, and the {@code ./earshot} launcher itself. */
@Timeout(120)
class DevicesAndLauncherIT {
    @TempDir
    static Path tmp;

    @Test
    void shouldListTheDefaultCaptureDeviceWithItsFormats() throws Exception {
        PulseAudio.require();
        final Earshot.Result r = Earshot.run(tmp, Duration.ofSeconds(30), Map.of(), "devices");
        assertEquals(0, r.exitStatus(), r.stderr());
        final String capture = r.stdout().substring(0, r.stdout().indexOf("playback devices:"));
        assertTrue(capture.contains("default"), r.stdout());
        assertTrue(capture.contains("formats:") && capture.contains(" bit"), r.stdout());
    }

    @Test
    void shouldRunTheJarThroughTheLauncherWithItsJvmOptions() throws Exception {
        final Earshot.Running run = Earshot.startCommand(tmp, Map.of("JAVA_HOME", System.getProperty("java.home")),
            List.of("bash", Earshot.LAUNCHER.toString(), "--version"));
        final Earshot.Result r = run.await(Duration.ofSeconds(60));
        assertEquals(0, r.exitStatus(), r.stderr());
        assertTrue(r.stdout().startsWith("earshot 0.1.0"), r.stdout());
        assertEquals("", r.stderr());
    }
}
