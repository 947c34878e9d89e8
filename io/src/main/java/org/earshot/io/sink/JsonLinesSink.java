package org.earshot.io.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.earshot.engine.event.EventField;
import org.earshot.engine.event.EventType;
import org.earshot.engine.event.EventView;
import org.earshot.engine.runtime.EventSink;
import org.earshot.engine.runtime.GraphInfo;

/**
 * Writes each event as one JSON object per line (JSON Lines):
 *
 * <pre>{"type":"onset","t":1.234567,"frame":59259,"strength":0.82}</pre>
 *
 * <p>{@code t} is the event frame in seconds at the graph's rate; {@code "stream":"NAME"} follows
 * {@code frame} only when more than one graph runs. Fields follow in record order, rendered by their
 * {@link org.earshot.engine.event.FieldKind}: REAL as a number with at most 6 decimals, INTEGER without a
 * fraction, FRAME_AS_SECONDS as seconds (6 decimals), LABEL as the label string, BOOLEAN as true/false.
 * A value JSON cannot hold (NaN, infinite, a label index out of range) is written as {@code null}.
 *
 * <p>Output is buffered and flushed at the end of each batch ({@link #onBatchEnd()}) and on close.
 * Runs on the event agent's thread; not thread-safe.
 */
public final class JsonLinesSink implements EventSink {
    private static final long MAX_EXACT_SCALED = 1L << 52;

    private final Writer writer;
    private final boolean closeWriter;
    private final String target;
    private final StringBuilder line = new StringBuilder(256);
    private boolean multipleStreams;

    private JsonLinesSink(final Writer writer, final boolean closeWriter, final String target) {
        this.writer = writer;
        this.closeWriter = closeWriter;
        this.target = target;
    }

    /**
     * @return a sink writing UTF-8 to standard output (which is flushed, never closed)
     */
    public static JsonLinesSink toStdout() {
        return new JsonLinesSink(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 65_536),
            false, "stdout");
    }

    /**
     * Creates or truncates a file and writes UTF-8 JSON Lines to it.
     *
     * @param path the file
     * @return the sink
     * @throws IOException naming the file if it cannot be created
     */
    public static JsonLinesSink toFile(final Path path) throws IOException {
        try {
            return new JsonLinesSink(Files.newBufferedWriter(path, StandardCharsets.UTF_8), true, path.toString());
        } catch (final IOException ex) {
            throw new IOException(path + ": cannot create the JSON Lines output file: " + ex.getMessage(), ex);
        }
    }

    /**
     * @param writer where lines go; buffered by the caller if needed; not closed by {@link #close()}
     * @return a sink writing to it
     */
    public static JsonLinesSink toWriter(final Writer writer) {
        if (writer == null) {
            throw new IllegalArgumentException("writer must not be null");
        }
        return new JsonLinesSink(writer, false, writer.getClass().getSimpleName());
    }

    /** @return where the lines go, for messages: "stdout", a path, or a writer class */
    public String target() {
        return target;
    }

    @Override
    public void onStart(final List<GraphInfo> graphs) {
        multipleStreams = graphs.size() > 1;
    }

    @Override
    public void onEvent(final EventView event, final GraphInfo graph) throws IOException {
        final EventType type = event.type();
        final StringBuilder b = line;
        b.setLength(0);
        b.append("{\"type\":");
        appendString(b, type.name());
        final long frame = event.frame();
        b.append(",\"t\":");
        appendReal(b, frame / (double)graph.sampleRateHz());
        b.append(",\"frame\":").append(frame);
        if (multipleStreams) {
            b.append(",\"stream\":");
            appendString(b, graph.name());
        }
        appendFields(b, event, graph);
        b.append("}\n");
        writer.append(b);
    }

    /**
     * Appends {@code ,"name":value} for every field of an event, rendered by its {@link
     * org.earshot.engine.event.FieldKind}: reals with up to 6 decimals, frames as seconds, labels as strings,
     * booleans, and {@code null} for non-finite values. The one renderer of event fields that every JSON sink
     * (JSON Lines, MQTT, webhook, dashboard) uses, so they all print the same numbers.
     *
     * @param b     where to append
     * @param event the event
     * @param graph the graph that wrote it (for its sample rate)
     */
    public static void appendFields(final StringBuilder b, final EventView event, final GraphInfo graph) {
        final EventType type = event.type();
        final List<EventField> fields = type.fields();
        final int count = Math.min(fields.size(), event.fieldCount());
        for (int i = 0; i < count; i++) {
            final EventField field = fields.get(i);
            b.append(',');
            appendString(b, field.name());
            b.append(':');
            appendValue(b, field, event.value(i), type, graph);
        }
    }

    private static void appendValue(
        final StringBuilder b, final EventField field, final double value, final EventType type,
        final GraphInfo graph) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            b.append("null");
            return;
        }
        switch (field.kind()) {
            case REAL:
                appendReal(b, value);
                break;
            case INTEGER:
                if (Math.abs(value) < 0x1p63) {
                    b.append(Math.round(value));
                } else {
                    b.append("null");
                }
                break;
            case FRAME_AS_SECONDS:
                appendReal(b, value / graph.sampleRateHz());
                break;
            case LABEL:
                final List<String> labels = type.labels();
                final long index = Math.round(value);
                if (index >= 0 && index < labels.size()) {
                    appendString(b, labels.get((int)index));
                } else {
                    b.append("null");
                }
                break;
            case BOOLEAN:
                b.append(value != 0.0 ? "true" : "false");
                break;
            default:
                b.append("null");
                break;
        }
    }

    /** A finite number rounded to at most 6 decimals, no exponent below 2^52 / 10^6, no trailing zeros. */
    public static void appendReal(final StringBuilder b, final double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            b.append("null");
            return;
        }
        final double scaledValue = value * 1e6;
        if (Math.abs(scaledValue) >= MAX_EXACT_SCALED) {
            b.append(value);
            return;
        }
        long scaled = Math.round(scaledValue);
        if (scaled == 0) {
            b.append('0');
            return;
        }
        if (scaled < 0) {
            b.append('-');
            scaled = -scaled;
        }
        b.append(scaled / 1_000_000);
        long fraction = scaled % 1_000_000;
        if (fraction != 0) {
            b.append('.');
            int digits = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            final String text = Long.toString(fraction);
            for (int pad = text.length(); pad < digits; pad++) {
                b.append('0');
            }
            b.append(text);
        }
    }

    /** A JSON string literal with quotes, backslashes and control characters escaped. */
    public static void appendString(final StringBuilder b, final String text) {
        b.append('"');
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '"':
                    b.append("\\\"");
                    break;
                case '\\':
                    b.append("\\\\");
                    break;
                case '\n':
                    b.append("\\n");
                    break;
                case '\r':
                    b.append("\\r");
                    break;
                case '\t':
                    b.append("\\t");
                    break;
                case '\b':
                    b.append("\\b");
                    break;
                case '\f':
                    b.append("\\f");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        b.append("\\u");
                        final String hex = Integer.toHexString(c);
                        for (int pad = hex.length(); pad < 4; pad++) {
                            b.append('0');
                        }
                        b.append(hex);
                    } else {
                        b.append(c);
                    }
                    break;
            }
        }
        b.append('"');
    }

    @Override
    public void onBatchEnd() throws IOException {
        writer.flush();
    }

    /** Flushes; closes the file (never standard output or a caller's writer). */
    @Override
    public void close() throws IOException {
        if (closeWriter) {
            writer.close();
        } else {
            writer.flush();
        }
    }

    @Override
    public String toString() {
        return "JsonLinesSink[" + target + "]";
    }
}
