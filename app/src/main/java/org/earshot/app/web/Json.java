package org.earshot.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.earshot.io.sink.JsonLinesSink;

/**
 * The little JSON the dashboard needs: appending strings and numbers to a {@link StringBuilder} (numbers
 * as the JSON Lines sink writes them, at most 6 decimals), and reading the flat objects a page sends.
 */
final class Json {

    private Json() {
    }

    /**
     * Appends a string literal with quotes, escaping quotes, backslashes, control characters and {@code </}
     * (so that the text can sit inside a {@code <script>} element).
     *
     * @param b    where
     * @param text the string, or null for {@code null}
     * @return b
     */
    static StringBuilder string(final StringBuilder b, final String text) {
        if (text == null) {
            return b.append("null");
        }
        b.append('"');
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '/' -> b.append(i > 0 && text.charAt(i - 1) == '<' ? "\\/" : "/");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        b.append(String.format("\\u%04x", (int)c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"');
    }

    /**
     * Appends a number rounded to at most 6 decimals without trailing zeros, or {@code null} if it is not
     * finite (the JSON Lines sink's format, so a page and a JSONL file show the same digits).
     *
     * @param b     where
     * @param value the number
     * @return b
     */
    static StringBuilder number(final StringBuilder b, final double value) {
        JsonLinesSink.appendReal(b, value);
        return b;
    }

    /**
     * Appends a number with one decimal (levels in dB), or {@code null}.
     *
     * @param b     where
     * @param value the number
     * @return b
     */
    static StringBuilder tenths(final StringBuilder b, final double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return b.append("null");
        }
        final long t = Math.round(value * 10);
        if (t < 0) {
            b.append('-');
        }
        final long a = Math.abs(t);
        return b.append(a / 10).append('.').append(a % 10);
    }

    /**
     * Reads one flat JSON object: string, number, boolean and null values; no nesting.
     *
     * @param text the text
     * @return the members in order; numbers as Double, booleans as Boolean, null as null
     * @throws IllegalArgumentException describing the first problem
     */
    static Map<String, Object> parseFlat(final String text) {
        final Parser p = new Parser(text);
        return p.object();
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(final String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            final Map<String, Object> out = new LinkedHashMap<>();
            skip();
            expect('{');
            skip();
            if (peek() == '}') {
                i++;
                return end(out);
            }
            while (true) {
                skip();
                final String key = str();
                skip();
                expect(':');
                skip();
                out.put(key, value());
                skip();
                final char c = next();
                if (c == '}') {
                    return end(out);
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or } at " + (i - 1));
                }
            }
        }

        private Map<String, Object> end(final Map<String, Object> out) {
            skip();
            if (i != s.length()) {
                throw new IllegalArgumentException("text after the object at " + i);
            }
            return out;
        }

        private Object value() {
            final char c = peek();
            if (c == '"') {
                return str();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return null;
            }
            final int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            if (start == i) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i + " (nested values are not read)");
            }
            try {
                return Double.parseDouble(s.substring(start, i));
            } catch (final NumberFormatException ex) {
                throw new IllegalArgumentException("bad number at " + start);
            }
        }

        private String str() {
            expect('"');
            final StringBuilder b = new StringBuilder();
            while (true) {
                final char c = next();
                if (c == '"') {
                    return b.toString();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                final char e = next();
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new IllegalArgumentException("bad escape at " + i);
                        }
                        b.append((char)Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            }
        }

        private void skip() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end at " + i);
            }
            return s.charAt(i);
        }

        private char next() {
            final char c = peek();
            i++;
            return c;
        }

        private void expect(final char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected '" + c + "' at " + (i - 1));
            }
        }
    }
}
