package cn.lanzhou.epidemic.common.json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java values: {@code Map<String, Object>} (in document order), {@code List<Object>},
 * {@code String}, {@code BigDecimal} for every number, {@code Boolean} and {@code null}, read and
 * written by this one class.
 *
 * <p>It carries what a function exchanges with its own infrastructure: DynamoDB's wire format, the
 * district reference list, log lines and the report's summary.json. A function whose first request
 * needs nothing else, the summary, therefore never loads Jackson (some 120 classes and about 70 ms
 * of a cold start, BENCHMARKS.md), and every DynamoDB call is spared building and walking a Jackson
 * tree. What the public sends (request bodies) still goes through {@link Json}, whose errors say
 * where the input went wrong.
 *
 * <p>Reading is strict: exactly one value with nothing after it but white space; duplicate names,
 * nesting deeper than {@value #MAX_DEPTH}, numbers longer than 100 characters, control characters
 * in strings and anything else outside RFC 8259 are refused with an {@link IllegalArgumentException}
 * that gives the offset, never the input. Writing takes the same kinds of value, plus {@code Long}
 * and {@code Integer}; a {@code double} is refused, so money cannot pass through binary floating
 * point.
 */
public final class PlainJson {
    public static final int MAX_DEPTH = 64;
    private static final int MAX_NUMBER_LENGTH = 100;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String text;
    private int at;

    private PlainJson(String text) {
        this.text = text;
    }

    /** The value of a JSON document. */
    public static Object parse(String text) {
        PlainJson reader = new PlainJson(text);
        Object value = reader.value(0);
        reader.skipWhiteSpace();
        if (reader.at != text.length()) {
            throw reader.error("text after the value");
        }
        return value;
    }

    /** The value of a JSON document in UTF-8. */
    public static Object parse(byte[] utf8) {
        return parse(new String(utf8, StandardCharsets.UTF_8));
    }

    /** {@code value} as a JSON object; an {@link IllegalArgumentException} when it is something else. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("a JSON object was expected");
    }

    /** {@code value} as a JSON array; an {@link IllegalArgumentException} when it is something else. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Object value) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        throw new IllegalArgumentException("a JSON array was expected");
    }

    /** An amount of yuan as the API writes it: a string with exactly two fraction digits ("2000.20"). */
    public static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value, 0);
        return out.toString();
    }

    public static byte[] writeBytes(Object value) {
        return write(value).getBytes(StandardCharsets.UTF_8);
    }

    // ---------------------------------------------------------------- reading

    private Object value(int depth) {
        skipWhiteSpace();
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object(depth + 1);
            case '[':
                return array(depth + 1);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return null;
            default:
                if (c == '-' || c >= '0' && c <= '9') {
                    return number();
                }
                throw error("unexpected character");
        }
    }

    private Map<String, Object> object(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
        at++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhiteSpace();
        if (peek() == '}') {
            at++;
            return map;
        }
        while (true) {
            skipWhiteSpace();
            if (peek() != '"') {
                throw error("a name was expected");
            }
            String name = string();
            skipWhiteSpace();
            expect(':');
            Object value = value(depth);
            if (map.containsKey(name)) {
                throw error("duplicate name");
            }
            map.put(name, value);
            skipWhiteSpace();
            char c = peek();
            at++;
            if (c == '}') {
                return map;
            }
            if (c != ',') {
                throw error("',' or '}' was expected");
            }
        }
    }

    private List<Object> array(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested too deeply");
        }
        at++;
        List<Object> list = new ArrayList<>();
        skipWhiteSpace();
        if (peek() == ']') {
            at++;
            return list;
        }
        while (true) {
            list.add(value(depth));
            skipWhiteSpace();
            char c = peek();
            at++;
            if (c == ']') {
                return list;
            }
            if (c != ',') {
                throw error("',' or ']' was expected");
            }
        }
    }

    private String string() {
        at++;
        int start = at;
        StringBuilder out = null;
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at);
            if (c == '"') {
                String value = out == null ? text.substring(start, at) : out.append(text, start, at).toString();
                at++;
                return value;
            }
            if (c < 0x20) {
                throw error("control character in a string");
            }
            if (c != '\\') {
                at++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder();
            }
            out.append(text, start, at);
            at++;
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw error("unterminated escape");
                    }
                    int code = 0;
                    for (int k = 0; k < 4; k++) {
                        char h = text.charAt(at++);
                        int digit = h >= '0' && h <= '9' ? h - '0'
                                : h >= 'a' && h <= 'f' ? h - 'a' + 10
                                : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                        if (digit < 0) {
                            throw error("bad \\u escape");
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                }
                default -> throw error("bad escape");
            }
            start = at;
        }
    }

    private BigDecimal number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (!digits()) {
            throw error("bad number");
        }
        if (peek() == '.') {
            at++;
            if (!digits()) {
                throw error("bad number");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            if (!digits()) {
                throw error("bad number");
            }
        }
        if (at - start > MAX_NUMBER_LENGTH) {
            throw error("number too long");
        }
        return new BigDecimal(text.substring(start, at));
    }

    private boolean digits() {
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        return at > start;
    }

    private void literal(String word) {
        if (!text.startsWith(word, at)) {
            throw error("unexpected character");
        }
        at += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' was expected");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private void skipWhiteSpace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("malformed JSON at offset " + at + ": " + what);
    }

    // ---------------------------------------------------------------- writing

    private static void write(StringBuilder out, Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("nested too deeply");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Long || value instanceof Integer) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("a JSON name must be a string");
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(out, name);
                out.append(':');
                write(out, e.getValue(), depth + 1);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, list.get(i), depth + 1);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
                    } else if (!Character.isSurrogate(c)) {
                        out.append(c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else {
                        // half a pair has no UTF-8 form: escaped, it reaches the reader as it was
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15])
                                .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
                    }
                }
            }
        }
        out.append('"');
    }
}
