package org.earshot.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BenchMainTest {
    private static ArrayIndexOutOfBoundsException thrownIn(final String... classAndMethod) {
        final ArrayIndexOutOfBoundsException e = new ArrayIndexOutOfBoundsException(3);
        final StackTraceElement[] frames = new StackTraceElement[classAndMethod.length / 2];
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new StackTraceElement(classAndMethod[2 * i], classAndMethod[2 * i + 1], "X.java", 1);
        }
        e.setStackTrace(frames);
        return e;
    }

    @Test
    void anOptionWithoutItsValueIsTheUsersError() {
        assertTrue(BenchMain.fromArguments(thrownIn("org.earshot.bench.accuracy.BeatEval", "run",
            "org.earshot.bench.BenchMain", "main")));
    }

    @Test
    void anIndexOutOfBoundsInsideTheMeasurementIsABugNotAUsageError() {
        assertFalse(BenchMain.fromArguments(thrownIn("org.earshot.detectors.beat.PulseLevel", "collect",
            "org.earshot.bench.accuracy.BeatEval", "run")));
        assertFalse(BenchMain.fromArguments(thrownIn("java.util.Arrays", "copyOf")));
    }

    @Test
    void aWrongValueIsTheUsersError() {
        assertTrue(BenchMain.fromArguments(new NumberFormatException("For input string: \"x\"")));
    }
}
