package org.earshot.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.earshot.app.config.Preset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        return Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private String errLine() {
        final String text = err.toString();
        assertEquals(1, text.lines().count(), "expected one line on stderr, got:\n" + text);
        return text.strip();
    }

    @Test
    void shouldPrintOneLineAndExit2WhenFlagUnknown() {
        assertEquals(2, run("live", "--frobnicate"));
        assertEquals("earshot: Unknown option: '--frobnicate' (see earshot live --help)", errLine());
    }

    @Test
    void shouldPrintOneLineAndExit2WhenCommandMissing() {
        assertEquals(2, run());
        assertEquals("earshot: missing command: live, analyze, devices or stat (see earshot --help)", errLine());
    }

    @Test
    void shouldPrintOneLineAndExit2WhenCommandUnknown() {
        assertEquals(2, run("listen"));
        assertTrue(errLine().startsWith("earshot: Unmatched argument at index 0: 'listen'"), err.toString());
    }

    @Test
    void shouldNamePresetFlagWhenPresetUnknown() {
        assertEquals(2, run("live", "--preset", "disco"));
        assertEquals("earshot: --preset: unknown preset 'disco' (known: " + Preset.names() + ")", errLine());
    }

    @Test
    void shouldNameRateFlagWhenRateIsNotANumber() {
        assertEquals(2, run("analyze", "--rate", "fast", "x.wav"));
        assertEquals("earshot: Invalid value for option '--rate': 'fast' is not an int (see earshot analyze --help)",
            errLine());
    }

    @Test
    void shouldNameRateFlagWhenRateOutOfRange() {
        assertEquals(2, run("live", "--rate", "4000"));
        assertEquals("earshot: --rate: 4000 Hz is out of range [8000, 192000]", errLine());
    }

    @Test
    void shouldNameFileAndExit1WhenAnalyzeFileMissing() {
        final Path missing = tmp.resolve("missing.wav");
        assertEquals(1, run("analyze", missing.toString()));
        assertEquals("earshot: " + missing + ": no such file", errLine());
    }

    @Test
    void shouldNameWindowsPerCopyFlagWhenOutOfRange() {
        assertEquals(1, run("train", "--clips", tmp.toString(), "--labels", tmp.resolve("labels.csv").toString(),
            "--out", tmp.resolve("m.eshm").toString(), "--windows-per-copy", "0"));
        assertEquals("earshot: --windows-per-copy: must be in [1, 100], got 0", errLine());
    }

    @Test
    void shouldNameIsolateFlagWhenOutOfRange() {
        assertEquals(1, run("train", "--clips", tmp.toString(), "--labels", tmp.resolve("labels.csv").toString(),
            "--out", tmp.resolve("m.eshm").toString(), "--isolate", "1.5"));
        assertEquals("earshot: --isolate: must be in [0, 1], got 1.5", errLine());
    }

    @Test
    void shouldNameHardNegativesFlagWhenOutOfRange() {
        assertEquals(1, run("train", "--clips", tmp.toString(), "--labels", tmp.resolve("labels.csv").toString(),
            "--out", tmp.resolve("m.eshm").toString(), "--hard-negatives", "-1"));
        assertEquals("earshot: --hard-negatives: must be in [0, 100000], got -1", errLine());
    }

    @Test
    void shouldNameImpulsiveNoiseFlagWhenOutOfRange() {
        assertEquals(1, run("train", "--clips", tmp.toString(), "--labels", tmp.resolve("labels.csv").toString(),
            "--out", tmp.resolve("m.eshm").toString(), "--impulsive-noise", "-1"));
        assertEquals("earshot: --impulsive-noise: must be in [0, 100000], got -1", errLine());
    }

    @Test
    void shouldAskForAFileWhenAnalyzeHasNone() {
        assertEquals(2, run("analyze"));
        assertTrue(errLine().startsWith("earshot: Missing required parameter: 'FILE'"), err.toString());
    }

    @Test
    void shouldPrintVersionAndHelp() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("earshot "), out.toString());
        assertEquals(0, run("live", "--help"));
        assertTrue(out.toString().contains("--preset=P"), out.toString());
        assertEquals("", err.toString());
    }
}
