package cn.lanzhou.epidemic.common.http;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.problem.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** A form body as a JSON tree of strings ({@code items.0.quantity} nests); {@link cn.lanzhou.epidemic.common.validation.Fields} converts the types. */
public final class FormBody {
    private static final Pattern INDEX = Pattern.compile("\\d{1,3}");
    private static final int MAX_DEPTH = 8;

    private FormBody() {
    }

    public static ObjectNode parse(String body) {
        ObjectNode root = Json.object();
        if (body.isEmpty()) {
            return root;
        }
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            put(root, name, value);
        }
        // names that are all indexes ("0=a&1=b") would make the body an array, which no form is
        return arrays(root) instanceof ObjectNode object ? object : throwBad();
    }

    private static ObjectNode throwBad() {
        throw bad();
    }

    private static void put(ObjectNode root, String name, String value) {
        String[] segments = name.split("\\.", -1);
        if (segments.length > MAX_DEPTH) {
            throw bad();
        }
        ObjectNode parent = root;
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].isEmpty()) {
                throw bad();
            }
            JsonNode child = parent.get(segments[i]);
            if (child == null) {
                child = parent.putObject(segments[i]);
            } else if (!child.isObject()) {
                throw bad();
            }
            parent = (ObjectNode) child;
        }
        String leaf = segments[segments.length - 1];
        if (leaf.isEmpty()) {
            throw bad();
        }
        JsonNode existing = parent.get(leaf);
        if (existing == null) {
            parent.put(leaf, value);
        } else if (existing.isTextual()) {
            ArrayNode values = parent.putArray(leaf);
            values.add(existing);
            values.add(value);
        } else if (existing.isArray()) {
            ((ArrayNode) existing).add(value);
        } else {
            throw bad();
        }
    }

    /** Objects whose keys are all indexes become arrays, in index order. */
    private static JsonNode arrays(JsonNode node) {
        if (!node.isObject()) {
            return node;
        }
        ObjectNode object = (ObjectNode) node;
        boolean allIndexes = object.size() > 0;
        Map<Integer, JsonNode> byIndex = new TreeMap<>();
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext();) {
            names.add(it.next());
        }
        for (String name : names) {
            JsonNode converted = arrays(object.get(name));
            object.set(name, converted);
            if (INDEX.matcher(name).matches()) {
                if (byIndex.put(Integer.parseInt(name), converted) != null) {
                    throw bad(); // "1" and "01" name the same row
                }
            } else {
                allIndexes = false;
            }
        }
        if (!allIndexes) {
            return object;
        }
        ArrayNode array = Json.array();
        byIndex.values().forEach(array::add);
        return array;
    }

    private static String decode(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.write(' ');
            } else if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw bad();
                }
                int hi = hexDigit(s.charAt(i + 1));
                int lo = hexDigit(s.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    throw bad();
                }
                out.write(hi * 16 + lo);
                i += 2;
            } else if (c > 0x7f) {
                // a character outside ASCII sent unescaped: its UTF-8 bytes, a surrogate pair as one code point
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                        ? i + 2 : i + 1;
                if (Character.isSurrogate(c) && end == i + 1) {
                    throw bad();
                }
                byte[] bytes = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i = end - 1;
            } else {
                out.write(c);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw bad();
        }
    }

    /** An ASCII hex digit's value, or -1 ({@link Character#digit} would also take full-width and other digits). */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = (char) (c | 0x20);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private static Problem bad() {
        return Problem.malformed("表单编码无效 / The form body is not validly encoded");
    }
}
