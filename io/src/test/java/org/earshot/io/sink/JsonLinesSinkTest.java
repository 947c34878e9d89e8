package org.earshot.io.sink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.agrona.concurrent.UnsafeBuffer;
import org.earshot.engine.event.EventDescriptor;
import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;
import org.earshot.engine.event.EventView;
import org.earshot.engine.event.FieldKind;
import org.earshot.engine.runtime.GraphInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON Lines output: exact fields, rendering by field kind, escaping, stream names, buffering. */
class JsonLinesSinkTest {
    private static final EventType ONSET = EventType.define(9101, "onset", List.of("kick", "fall\\"),
        EventField.real("strength"),
        EventField.integer("count"), EventField.seconds("decided"), new EventField("class", FieldKind.LABEL),
        new EventField("downbeat", FieldKind.BOOLEAN));
    private static final EventType ALERT = EventType.define(9102, "alert", List.of("cough \"loud\"\n", "fall\\"),
        new EventField("label", FieldKind.LABEL));
    private static final GraphInfo KITCHEN = new GraphInfo(0, "kitchen", 48000, 1024, List.of("stft", "onset"));
    private static final GraphInfo HALL = new GraphInfo(1, "hall \"east\"", 16000, 512, List.of("stft"));

    @TempDir
    Path dir;

    private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[1024]);
    private final EventView view = new EventView();

    @Test
    void shouldWriteTypeTimeFrameAndFieldsByKindWhenOneGraphRuns() throws Exception {
        final StringWriter out = new StringWriter();
        try (JsonLinesSink sink = JsonLinesSink.toWriter(out)) {
            sink.onStart(List.of(KITCHEN));
            sink.onEvent(event(ONSET, 72_000, 0.8234567891, 12.0, 96_000, 1, 1), KITCHEN);
            sink.onBatchEnd();
        }

        assertEquals("{\"type\":\"onset\",\"t\":1.5,\"frame\":72000,\"strength\":0.823457,\"count\":12,"
            + "\"decided\":2,\"class\":\"fall\\\\\",\"downbeat\":true}\n", out.toString());
        final Map<String, Object> json = MiniJson.parseObject(out.toString().strip());
        assertEquals(List.of("type", "t", "frame", "strength", "count", "decided", "class", "downbeat"),
            List.copyOf(json.keySet()));
    }

    @Test
    void shouldAddStreamNameWhenSeveralGraphsRun() throws Exception {
        final StringWriter out = new StringWriter();
        try (JsonLinesSink sink = JsonLinesSink.toWriter(out)) {
            sink.onStart(List.of(KITCHEN, HALL));
            sink.onEvent(event(ALERT, 8_000, 0), HALL);
            sink.onEvent(event(ALERT, 12, 1), KITCHEN);
        }

        final String[] lines = out.toString().split("\n");
        assertEquals(2, lines.length);
        assertEquals("{\"type\":\"alert\",\"t\":0.5,\"frame\":8000,\"stream\":\"hall \\\"east\\\"\","
            + "\"label\":\"cough \\\"loud\\\"\\n\"}", lines[0]);
        final Map<String, Object> first = MiniJson.parseObject(lines[0]);
        assertEquals("hall \"east\"", first.get("stream"));
        assertEquals("cough \"loud\"\n", first.get("label"));
        final Map<String, Object> second = MiniJson.parseObject(lines[1]);
        assertEquals("kitchen", second.get("stream"));
        assertEquals(0.00025, (Double)second.get("t"), 1e-12);
        assertEquals("fall\\", second.get("label"));
    }

    @Test
    void shouldWriteNullWhenValueIsNotFiniteOrLabelIsUnknown() throws Exception {
        final StringWriter out = new StringWriter();
        try (JsonLinesSink sink = JsonLinesSink.toWriter(out)) {
            sink.onStart(List.of(KITCHEN));
            sink.onEvent(event(ONSET, 0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 7, Double.NaN),
                KITCHEN);
        }

        final String line = out.toString().strip();
        assertEquals("{\"type\":\"onset\",\"t\":0,\"frame\":0,\"strength\":null,\"count\":null,\"decided\":null,"
            + "\"class\":null,\"downbeat\":null}", line);
        final Map<String, Object> json = MiniJson.parseObject(line);
        assertTrue(json.containsKey("strength"));
        assertNull(json.get("strength"));
    }

    @Test
    void shouldRoundToSixDecimalsWithoutExponentWhenWritingReals() {
        assertReal("0", 0.0);
        assertReal("0", -0.0000001);
        assertReal("-1.25", -1.25);
        assertReal("0.000001", 0.000001);
        assertReal("3.141593", Math.PI);
        assertReal("123456789.5", 123456789.5);
        assertReal("1", 0.9999999);
        assertReal("-0.000012", -0.0000123);
        assertReal("null", Double.NaN);
    }

    @Test
    void shouldEscapeControlCharactersWhenWritingStrings() {
        final StringBuilder b = new StringBuilder();
        JsonLinesSink.appendString(b, "a\"b\\c\td\u0001e\u2028");

        assertEquals("\"a\\\"b\\\\c\\td\\u0001e\\u2028\"", b.toString());
    }

    @Test
    void shouldHoldLinesUntilBatchEndWhenBuffered() throws Exception {
        final StringWriter target = new StringWriter();
        try (JsonLinesSink sink = JsonLinesSink.toWriter(new BufferedWriter(target, 8192))) {
            sink.onStart(List.of(KITCHEN));
            sink.onEvent(event(ALERT, 1, 0), KITCHEN);
            assertEquals("", target.toString());
            sink.onBatchEnd();
            assertTrue(target.toString().startsWith("{\"type\":\"alert\""), target.toString());
        }
    }

    @Test
    void shouldWriteOneParsableLinePerEventWhenWritingToFile() throws Exception {
        final Path file = dir.resolve("events.jsonl");
        try (JsonLinesSink sink = JsonLinesSink.toFile(file)) {
            sink.onStart(List.of(KITCHEN));
            for (int i = 0; i < 100; i++) {
                sink.onEvent(event(ONSET, i * 480L, i / 100.0, i, i * 480.0, i % 2, i % 2), KITCHEN);
            }
            sink.onBatchEnd();
        }

        final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(100, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            final Map<String, Object> json = MiniJson.parseObject(lines.get(i));
            assertEquals("onset", json.get("type"));
            assertEquals(i * 0.01, (Double)json.get("t"), 1e-9);
            assertEquals(i * 480.0, json.get("frame"));
            assertEquals((double)i, json.get("count"));
            assertEquals(i % 2 == 1, json.get("downbeat"));
        }
    }

    @Test
    void shouldNameFileWhenItCannotBeCreated() {
        final Path file = dir.resolve("no-such-dir").resolve("events.jsonl");
        final java.io.IOException ex = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
            () -> JsonLinesSink.toFile(file));

        assertTrue(ex.getMessage().startsWith(file + ": cannot create the JSON Lines output file: "), ex.getMessage());
    }

    private static void assertReal(final String expected, final double value) {
        final StringBuilder b = new StringBuilder();
        JsonLinesSink.appendReal(b, value);
        assertEquals(expected, b.toString());
    }

    private EventView event(final EventType type, final long frame, final double... values) {
        buffer.putLong(EventDescriptor.FRAME_OFFSET, frame);
        buffer.putLong(EventDescriptor.EMIT_FRAME_OFFSET, frame + 512);
        buffer.putLong(EventDescriptor.CAPTURE_NS_OFFSET, 0);
        buffer.putInt(EventDescriptor.GRAPH_ID_OFFSET, 0);
        buffer.putInt(EventDescriptor.NODE_ID_OFFSET, 1);
        buffer.putInt(EventDescriptor.FIELD_COUNT_OFFSET, values.length);
        for (int i = 0; i < values.length; i++) {
            buffer.putDouble(EventDescriptor.fieldOffset(i), values[i]);
        }
        return view.wrap(type, buffer, 0);
    }
}
