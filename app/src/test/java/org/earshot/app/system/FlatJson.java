package org.earshot.app.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A strict parser for the flat JSON objects earshot prints (string, number, boolean and null values,
 * possibly one level of nested object). Fails on anything else, so a malformed line fails the test.
 */
final class FlatJson {
    private final String text;
    private int pos;

    private FlatJson(final String text) {
        this.text = text;
    }

    /**
     * @param line one JSON object
     * @return its members in order
     * @throws IllegalArgumentException if the line is not a JSON object
     */
    static Map<String, Object> parse(final String line) {
        final FlatJson p = new FlatJson(line);
        final Map<String, Object> value = p.object();
        p.skipSpace();
        if (p.pos != line.length()) {
            throw p.error("trailing characters");
        }
        return value;
    }

    private Map<String, Object> object() {
        skipSpace();
        expect('{');
        final Map<String, Object> members = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return members;
        }
        while (true) {
            skipSpace();
            final String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            members.put(key, value());
            skipSpace();
            final char c = next();
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                throw error("expected , or }");
            }
        }
    }

    private Object value() {
        final char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{') {
            return object();
        }
        if (text.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", pos)) {
            pos += 4;
            return null;
        }
        final int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a value");
        }
        return Double.parseDouble(text.substring(start, pos));
    }

    private String string() {
        expect('"');
        final StringBuilder sb = new StringBuilder();
        while (true) {
            final char c = next();
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                final char e = next();
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'u' -> {
                        sb.append((char)Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private char next() {
        final char c = peek();
        pos++;
        return c;
    }

    private void expect(final char c) {
        if (next() != c) {
            throw error("expected " + c);
        }
    }

    private IllegalArgumentException error(final String what) {
        return new IllegalArgumentException(what + " at " + pos + " in: " + text);
    }
}
