package org.earshot.io.sink;

import java.util.LinkedHashMap;
import java.util.Map;

/** A strict little JSON parser for one object per line, enough to check what the sink writes. */
final class MiniJson {
    private final String text;
    private int at;

    private MiniJson(final String text) {
        this.text = text;
    }

    /**
     * @param line one JSON object
     * @return its members in order (numbers as Double, strings, Boolean, null)
     */
    static Map<String, Object> parseObject(final String line) {
        final MiniJson parser = new MiniJson(line);
        final Object value = parser.value();
        if (parser.at != line.length()) {
            throw new IllegalArgumentException("trailing text at " + parser.at + ": " + line);
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException("not an object: " + line);
        }
        @SuppressWarnings("unchecked")
        final Map<String, Object> map = (Map<String, Object>)value;
        return map;
    }

    private Object value() {
        final char c = text.charAt(at);
        if (c == '{') {
            return object();
        }
        if (c == '"') {
            return string();
        }
        if (text.startsWith("true", at)) {
            at += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", at)) {
            at += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("null", at)) {
            at += 4;
            return null;
        }
        return number();
    }

    private Map<String, Object> object() {
        final Map<String, Object> map = new LinkedHashMap<>();
        expect('{');
        if (text.charAt(at) == '}') {
            at++;
            return map;
        }
        while (true) {
            final String key = string();
            expect(':');
            if (map.containsKey(key)) {
                throw new IllegalArgumentException("duplicate key " + key);
            }
            map.put(key, value());
            if (text.charAt(at) == ',') {
                at++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private String string() {
        expect('"');
        final StringBuilder b = new StringBuilder();
        while (true) {
            final char c = text.charAt(at++);
            if (c == '"') {
                return b.toString();
            }
            if (c < 0x20) {
                throw new IllegalArgumentException("raw control character in string at " + at);
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            final char e = text.charAt(at++);
            switch (e) {
                case '"': b.append('"'); break;
                case '\\': b.append('\\'); break;
                case '/': b.append('/'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u':
                    b.append((char)Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                    break;
                default:
                    throw new IllegalArgumentException("bad escape \\" + e);
            }
        }
    }

    private Double number() {
        final int start = at;
        if (text.charAt(at) == '-') {
            at++;
        }
        if (text.charAt(at) == '0') {
            at++;
        } else {
            digits();
        }
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            digits();
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            at++;
            if (text.charAt(at) == '+' || text.charAt(at) == '-') {
                at++;
            }
            digits();
        }
        return Double.valueOf(text.substring(start, at));
    }

    private void digits() {
        final int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        if (at == start) {
            throw new IllegalArgumentException("digit expected at " + at + ": " + text);
        }
    }

    private void expect(final char c) {
        if (text.charAt(at) != c) {
            throw new IllegalArgumentException("'" + c + "' expected at " + at + ": " + text);
        }
        at++;
    }
}
