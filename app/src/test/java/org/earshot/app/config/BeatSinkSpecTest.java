package org.earshot.app.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The performer's {@code --sink} forms, {@code --lead-ms} and {@code --detect beats}. */
class BeatSinkSpecTest {
    @Test
    void shouldParseOscHostPortAndBundleOption() {
        assertEquals(new OscSinkSpec("127.0.0.1", 9000, false), SinkKind.parse("osc:127.0.0.1:9000"));
        assertEquals(new OscSinkSpec("show.local", 7000, true), SinkKind.parse("osc:show.local:7000:bundle"));
        assertEquals("--sink osc:localhost:99999: port must be in [1, 65535], got 99999",
            assertThrows(ConfigException.class, () -> SinkKind.parse("osc:localhost:99999")).getMessage());
        assertEquals("--sink osc: missing HOST:PORT after 'osc:' (e.g. osc:127.0.0.1:9000)",
            assertThrows(ConfigException.class, () -> SinkKind.parse("osc")).getMessage());
    }

    @Test
    void shouldParseMidiDefaultDeviceOrFileWithOptionalNote() {
        assertEquals(new MidiSinkSpec(null, null, false), SinkKind.parse("midi"));
        assertEquals(new MidiSinkSpec("USB MIDI", null, true), SinkKind.parse("midi:USB MIDI,note"));
        assertEquals(new MidiSinkSpec(null, Path.of("/tmp/clock.mid"), false), SinkKind.parse("midi:/tmp/clock.mid"));
    }

    @Test
    void shouldParseLinkWithAnOptionalQuantum() {
        assertEquals(new LinkSinkSpec(4), SinkKind.parse("link"));
        assertEquals(new LinkSinkSpec(3), SinkKind.parse("link:3"));
        assertEquals("link:4", SinkKind.parse("link").describe());
        assertEquals("--sink link:0: quantum must be in [1, 16], got 0",
            assertThrows(ConfigException.class, () -> SinkKind.parse("link:0")).getMessage());
        assertEquals("--sink link:bar: quantum must be a whole number of beats in [1, 16], got 'bar'",
            assertThrows(ConfigException.class, () -> SinkKind.parse("link:bar")).getMessage());
    }

    @Test
    void shouldParseWebSocketPortWithOptionalHost() {
        assertEquals(new WsSinkSpec("0.0.0.0", 8765), SinkKind.parse("ws:8765"));
        assertEquals(new WsSinkSpec("127.0.0.1", 0), SinkKind.parse("ws:127.0.0.1:0"));
        assertEquals("--sink ws:http: port must be a number in [0, 65535], got 'http'",
            assertThrows(ConfigException.class, () -> SinkKind.parse("ws:http")).getMessage());
    }

    @Test
    void shouldRunTheBeatsPresetForDetectBeatsAndCheckTheLead() {
        assertEquals(Preset.BEATS, Detection.parse("beats").preset());
        assertEquals(Preset.PERFORMER, Preset.parse("performer"));
        assertEquals("--lead-ms: must be in [0, 1000], got 2000.0",
            assertThrows(ConfigException.class, () -> PresetOptions.defaults().withLeadMs(2000.0)).getMessage());
        assertEquals(25.0, PresetOptions.defaults().withLeadMs(25.0).trackerConfig().leadMs());
    }
}
