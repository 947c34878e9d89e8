package org.earshot.app.system;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/**
 * The private PulseAudio daemon scripts/test-all starts: a null sink {@value #SINK} whose monitor is the
 * default source, reached through {@code PULSE_SERVER}. Tests that need it fail, never skip, when it is
 * not there.
 */
final class PulseAudio {
    /** The null sink the virtual-microphone signal is played into. */
    static final String SINK = "earshot_null";

    private PulseAudio() {
    }

    /**
     * Fails the test with a clear message unless the daemon answers.
     *
     * @throws Exception if pactl cannot run
     */
    static void require() throws Exception {
        final String server = System.getenv("PULSE_SERVER");
        if (server == null || server.isBlank()) {
            fail("PULSE_SERVER is not set: run the system tests through scripts/test-all (as root), which starts a "
                + "private PulseAudio with a null sink '" + SINK + "' whose monitor is the default source");
        }
        final String info;
        try {
            info = Fixtures.runTool(List.of("pactl", "info"));
        } catch (final AssertionError ex) {
            throw new AssertionError("PulseAudio at PULSE_SERVER=" + server + " does not answer (scripts/test-all "
                + "starts it): " + ex.getMessage(), ex);
        }
        if (!info.contains("Default Source: " + SINK + ".monitor")) {
            fail("PulseAudio's default source is not " + SINK + ".monitor (scripts/test-all sets it):\n" + info);
        }
    }
}
