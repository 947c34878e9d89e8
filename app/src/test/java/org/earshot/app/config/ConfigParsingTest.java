package org.earshot.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.earshot.engine.graph.ThreadingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigParsingTest {
    @TempDir
    Path tmp;

    @Test
    void shouldParsePresetCaseInsensitively() {
        assertEquals(Preset.METER, Preset.parse("Meter"));
    }

    @Test
    void shouldNameFlagAndKnownPresetsWhenPresetUnknown() {
        final ConfigException ex = assertThrows(ConfigException.class, () -> Preset.parse("disco"));
        assertEquals("--preset: unknown preset 'disco' (known: " + Preset.names() + ")", ex.getMessage());
        assertTrue(Preset.names().startsWith("meter"), Preset.names());
        assertEquals(ErrorKind.USAGE, ex.kind());
    }

    @Test
    void shouldParseJsonlSinkToStdoutAndFile() {
        assertEquals(JsonlSinkSpec.STDOUT, SinkKind.parse("jsonl"));
        final Path file = tmp.resolve("events.jsonl");
        assertEquals(new JsonlSinkSpec(file), SinkKind.parse("jsonl:" + file));
        assertEquals("jsonl:" + file, SinkKind.parse("jsonl:" + file).describe());
    }

    @Test
    void shouldRejectUnknownSinkKind() {
        final ConfigException ex = assertThrows(ConfigException.class, () -> SinkKind.parse("carrier-pigeon:home"));
        assertEquals("--sink carrier-pigeon:home: unknown sink 'carrier-pigeon' (known: " + SinkKind.names() + ")",
            ex.getMessage());
        assertTrue(SinkKind.names().startsWith("jsonl"), SinkKind.names());
    }

    @Test
    void shouldRejectJsonlSinkWhenDirectoryMissing() {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> SinkKind.parse("jsonl:" + tmp.resolve("no/such/dir/e.jsonl")));
        assertTrue(ex.getMessage().startsWith("--sink jsonl:"), ex.getMessage());
        assertTrue(ex.getMessage().endsWith("does not exist"), ex.getMessage());
    }

    @Test
    void shouldRejectEmptyJsonlPath() {
        final ConfigException ex = assertThrows(ConfigException.class, () -> SinkKind.parse("jsonl:"));
        assertEquals("--sink jsonl:: missing file path after 'jsonl:'", ex.getMessage());
    }

    @Test
    void shouldTakeExistingFileAsFileInputAndOtherNamesAsDevices() throws IOException {
        final Path wav = Files.createFile(tmp.resolve("a.wav"));
        assertInstanceOf(InputSpec.DefaultDevice.class, InputSpec.parse(null));
        assertEquals(new InputSpec.AudioFile(wav), InputSpec.parse(wav.toString()));
        assertEquals(new InputSpec.Device("USB Audio"), InputSpec.parse("USB Audio"));
    }

    @Test
    void shouldReportMissingFileWhenInputLooksLikeAPath() {
        final ConfigException ex = assertThrows(ConfigException.class, () -> InputSpec.parse("take1.wav"));
        assertEquals("--input take1.wav: no such file", ex.getMessage());
        assertEquals(ErrorKind.INPUT, ex.kind());
        assertThrows(ConfigException.class, () -> InputSpec.parse("recordings/take1"));
    }

    @Test
    void shouldUseDefaultsWhenNoGraphFlagGiven() {
        final GraphSettings g = GraphSettings.fromFlags(null, null, null, null);
        assertEquals(new GraphSettings(Preset.METER, 48_000, 256, ThreadingMode.SHARED, false, PresetOptions.defaults()), g);
        assertEquals(44_100, g.atInputRate(44_100).sampleRateHz(), "a file runs at its own rate by default");
        assertEquals(48_000, GraphSettings.fromFlags(null, 48_000, null, null).atInputRate(44_100).sampleRateHz(),
            "--rate fixes the rate");
        assertEquals(48_000, g.atInputRate(4_000).sampleRateHz(), "a rate outside the graph's range is resampled");
    }

    @Test
    void shouldNameRateFlagWhenRateOutOfRange() {
        final ConfigException low = assertThrows(ConfigException.class,
            () -> GraphSettings.fromFlags(null, 4_000, null, null));
        assertEquals("--rate: 4000 Hz is out of range [8000, 192000]", low.getMessage());
        final ConfigException high = assertThrows(ConfigException.class,
            () -> GraphSettings.fromFlags(null, 384_000, null, null));
        assertEquals("--rate: 384000 Hz is out of range [8000, 192000]", high.getMessage());
    }

    @Test
    void shouldNameBlockFlagWhenBlockOutOfRange() {
        final ConfigException ex = assertThrows(ConfigException.class,
            () -> GraphSettings.fromFlags(null, null, 8, null));
        assertEquals("--block: 8 frames is out of range [16, 4096]", ex.getMessage());
    }

    @Test
    void shouldParseThreadingModes() {
        assertEquals(ThreadingMode.DEDICATED, GraphSettings.parseThreading("dedicated"));
        final ConfigException ex = assertThrows(ConfigException.class, () -> GraphSettings.parseThreading("many"));
        assertEquals("--threading: unknown mode 'many' (known: shared, dedicated, inline)", ex.getMessage());
    }

    @Test
    void shouldParseChannelChoices() {
        assertEquals(ChannelChoice.MIX, ChannelChoice.parse(null));
        assertEquals(ChannelChoice.MIX, ChannelChoice.parse("mix"));
        assertEquals(0, ChannelChoice.parse("0").channel());
        assertEquals(2, ChannelChoice.parse("2").channel());
        assertEquals("--channel: -2 is out of range [0, 63] (or 'mix')",
            assertThrows(ConfigException.class, () -> ChannelChoice.parse("-2")).getMessage());
        assertEquals("--channel: 64 is out of range [0, 63] (or 'mix')",
            assertThrows(ConfigException.class, () -> ChannelChoice.parse("64")).getMessage());
        assertEquals("--channel: 'left' is neither 'mix' nor a channel index (from 0)",
            assertThrows(ConfigException.class, () -> ChannelChoice.parse("left")).getMessage());
    }

    @Test
    void shouldDefaultLiveSinkToJsonlStdoutAndConvertDuration() {
        final LiveConfig live = LiveConfig.fromFlags(GraphSettings.fromFlags(null, null, null, null), null, null,
            List.of(), 2.5, null);
        assertEquals(List.of(JsonlSinkSpec.STDOUT), live.sinks());
        assertEquals(2_500, live.durationMs());
    }

    @Test
    void shouldRejectNonPositiveDuration() {
        final ConfigException ex = assertThrows(ConfigException.class, () -> LiveConfig.fromFlags(
            GraphSettings.fromFlags(null, null, null, null), null, null, List.of(), 0.0, null));
        assertEquals("--duration: 0.0 s is out of range (0, 604800]", ex.getMessage());
    }

    @Test
    void shouldAddStdoutWhenJsonFlagGivenBesideFileSink() throws IOException {
        final Path wav = Files.createFile(tmp.resolve("b.wav"));
        final Path out = tmp.resolve("e.jsonl");
        final AnalyzeConfig withJson = AnalyzeConfig.fromFlags(GraphSettings.fromFlags(null, null, null, null),
            List.of(wav), null, List.of("jsonl:" + out), true);
        assertEquals(List.of(JsonlSinkSpec.STDOUT, new JsonlSinkSpec(out)), withJson.sinks());
        final AnalyzeConfig fileOnly = AnalyzeConfig.fromFlags(GraphSettings.fromFlags(null, null, null, null),
            List.of(wav), null, List.of("jsonl:" + out), false);
        assertEquals(List.of(new JsonlSinkSpec(out)), fileOnly.sinks());
    }

    @Test
    void shouldNameFileWhenAnalyzeFileMissing() {
        final Path missing = tmp.resolve("missing.flac");
        final ConfigException ex = assertThrows(ConfigException.class, () -> AnalyzeConfig.fromFlags(
            GraphSettings.fromFlags(null, null, null, null), List.of(missing), null, List.of(), true));
        assertEquals(missing + ": no such file", ex.getMessage());
        assertEquals(ErrorKind.INPUT, ex.kind());
    }

    @Test
    void shouldGrowStftWindowForLargeBlocks() {
        assertEquals(2048, PresetGraphs.stftWindow(256));
        assertEquals(2048, PresetGraphs.stftWindow(2048));
        assertEquals(4096, PresetGraphs.stftWindow(3000));
    }
}
