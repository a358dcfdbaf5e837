package cn.lanzhou.epidemic.local.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Generates hostile requests for one POST route from a valid body: broken syntax, wrong content
 * types and encodings, invalid UTF-8 and form escapes, deep nesting, huge values, and, for every
 * field of the valid body, wrong types, control characters, values just outside openapi.yaml's bounds
 * and unknown neighbours. Every request must be refused with a 4xx problem and write nothing.
 */
final class HostileCorpus {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /** One request: a name for the report, content type (null: none), extra headers, body bytes. */
    record Hostile(String name, String contentType, Map<String, String> headers, byte[] body) {
    }

    private final List<Hostile> requests = new ArrayList<>();

    static List<Hostile> forRoute(Supplier<ObjectNode> valid, Map<String, List<JsonNode>> bounds, List<String> required) {
        HostileCorpus corpus = new HostileCorpus();
        corpus.structural(valid.get());
        corpus.fields(valid, bounds, required);
        return corpus.requests;
    }

    // ---------------------------------------------------------------- whole-body attacks

    private void structural(ObjectNode valid) {
        String json = Samples.write(valid);
        for (String broken : List.of("", " ", "{", "}", "{\"a\"", "{\"a\":}", "{,}", "[", "null", "true", "42", "\"text\"",
                "[]", "[{}]", json.substring(0, json.length() / 2), json + "}", json + json, json + " x", "{'a': 1}",
                "{\"a\": NaN}", "{\"a\": Infinity}", "{\"a\": 01}", "{\"a\": .5}", "{\"a\": 0x10}", "{\"a\": tru}",
                "{\"a\": \"\\u12\"}", "{\"a\": \"\\x41\"}", "/* c */" + json, json.replace("\"", "'"), "{\"\":1}")) {
            json("broken JSON: " + abbreviate(broken), broken);
        }
        json("10,000 [", "[".repeat(10_000));
        json("10,000 { nesting", "{\"a\":".repeat(10_000));
        json("deep but closed nesting", "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000));
        json("over 64 KiB", json.substring(0, json.length() - 1) + ",\"pad\":\"" + "x".repeat(70_000) + "\"}");
        json("a number of a million digits exponent", "{\"n\": 1e999999}");
        json("a 10,000-digit number", "{\"n\": " + "9".repeat(10_000) + "}");
        json("a key of 60 KB", "{\"" + "k".repeat(60_000) + "\": 1}");
        json("10,000 unknown keys", unknownKeys(3_000));
        json("duplicate key", json.substring(0, json.length() - 1) + "," + json.substring(1));
        Iterator<String> names = valid.fieldNames();
        if (names.hasNext()) {
            String first = names.next();
            json("duplicate key " + first, "{\"" + first + "\": " + valid.get(first) + ", " + json.substring(1));
        }
        json("an unknown top-level field", json.substring(0, json.length() - 1) + ",\"isAdmin\":true}");
        json("__proto__", json.substring(0, json.length() - 1) + ",\"__proto__\":{\"x\":1}}");
        byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
        for (byte[] bad : List.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xC0, (byte) 0xAF})) {
            byte[] body = new byte[utf8.length + bad.length];
            int quote = json.indexOf("\":\"") + 3;
            if (quote < 3) {
                quote = 1;
            }
            int at = json.substring(0, quote).getBytes(StandardCharsets.UTF_8).length;
            System.arraycopy(utf8, 0, body, 0, at);
            System.arraycopy(bad, 0, body, at, bad.length);
            System.arraycopy(utf8, at, body, at + bad.length, utf8.length - at);
            add("invalid UTF-8 " + hex(bad), "application/json", Map.of(), body);
        }
        add("UTF-16 body", "application/json", Map.of(), json.getBytes(StandardCharsets.UTF_16));
        add("BOM", "application/json", Map.of(), ("\uFEFF" + json).getBytes(StandardCharsets.UTF_8));
        for (String type : new String[] {null, "", "text/plain", "application/xml", "text/html", "multipart/form-data; boundary=x",
                "application/json; charset=iso-8859-1", "application/json; charset=utf-16", "application/javascript",
                "application/x-www-form-urlencoded; charset=gbk", "*/*", "application/json-patch+json", "json"}) {
            add("content type " + type, type, Map.of(), utf8);
        }
        add("gzip body", "application/json", Map.of("Content-Encoding", "gzip"), gzip(utf8));
        add("Content-Encoding br", "application/json", Map.of("Content-Encoding", "br"), utf8);
        add("Content-Encoding deflate, identity", "application/json", Map.of("Content-Encoding", "deflate"), utf8);
        for (String form : List.of("name=%", "name=%G1", "name=%zz&x=1", "a=%e4%b8", "a=%ff%fe", "%=1", "a.=1", ".a=1", "a..b=1",
                "a=1&a.b=2", "a.b=1&a=2", "a.b.c.d.e.f.g.h.i.j=1", "=", "&&&", "consent=maybe", "items.99999.quantity=1",
                "a=" + "%25".repeat(30_000), "a=%00")) {
            add("form: " + abbreviate(form), "application/x-www-form-urlencoded", Map.of(), form.getBytes(StandardCharsets.UTF_8));
        }
        add("invalid Idempotency-Key (256 characters)", "application/json", Map.of("Idempotency-Key", "k".repeat(256)), utf8);
    }

    // ---------------------------------------------------------------- field by field

    private void fields(Supplier<ObjectNode> valid, Map<String, List<JsonNode>> bounds, List<String> required) {
        List<String> paths = new ArrayList<>();
        collect(valid.get(), "", paths);
        for (String path : paths) {
            JsonNode original = at(valid.get(), path);
            for (JsonNode wrong : wrongValues(original)) {
                ObjectNode body = valid.get();
                set(body, path, wrong);
                json(path + " = " + abbreviate(wrong.toString()), Samples.write(body));
            }
            JsonNode parent = at(valid.get(), parent(path));
            if (parent != null && parent.isObject()) {
                ObjectNode body = valid.get();
                ((ObjectNode) at(body, parent(path))).put(leaf(path) + "Extra", "x");
                json("unknown field beside " + path, Samples.write(body));
            }
        }
        for (String path : required) {
            ObjectNode body = valid.get();
            remove(body, path);
            json("missing " + path, Samples.write(body));
            body = valid.get();
            set(body, path, NODES.nullNode());
            json(path + " = null", Samples.write(body));
            body = valid.get();
            set(body, path, NODES.textNode(""));
            form("empty " + path + " (form)", body);
        }
        bounds.forEach((path, values) -> values.forEach(value -> {
            ObjectNode body = valid.get();
            set(body, path, value);
            json(path + " just outside its bound: " + abbreviate(value.toString()), Samples.write(body));
            // a JSON string "1" is wrong where a number is due, but a form sends every value as text
            if (value.isValueNode() && !value.asText().matches("-?\\d+")) {
                form(path + " just outside its bound (form): " + abbreviate(value.asText()), body);
            }
        }));
    }

    /** Values that no rule of openapi.yaml accepts where {@code original} is valid. */
    private static List<JsonNode> wrongValues(JsonNode original) {
        List<JsonNode> values = new ArrayList<>();
        String huge = "甘".repeat(5_000);
        ArrayNode bigArray = NODES.arrayNode();
        for (int i = 0; i < 3_000; i++) {
            bigArray.add(i);
        }
        values.add(NODES.objectNode().put("nested", 1));
        values.add(bigArray);
        if (!original.isTextual()) {
            values.add(NODES.textNode("x"));
            values.add(NODES.textNode(huge));
        }
        if (original.isTextual()) {
            if (!original.asText().matches("-?\\d+(\\.\\d+)?")) {
                values.add(NODES.numberNode(123)); // a number where money may be a string would be valid
            }
            values.add(NODES.booleanNode(true));
            values.add(NODES.textNode(huge));
            values.add(NODES.textNode("ab\u0000cd"));
            values.add(NODES.textNode("ab\u0007\u001bcd"));
            values.add(NODES.textNode("line\u2028break"));
            values.add(NODES.textNode(original.asText() + "\r\n"+ "X-Injected: 1"));
        }
        if (original.isNumber()) {
            values.add(NODES.numberNode(new java.math.BigDecimal("1e999999")));
            values.add(NODES.numberNode(new java.math.BigDecimal("-1e999999")));
            values.add(NODES.numberNode(new java.math.BigDecimal("1.5e-999999")));
            values.add(NODES.booleanNode(false));
        }
        if (original.isBoolean()) {
            values.add(NODES.numberNode(1));
            values.add(NODES.textNode("true"));
        }
        if (original.isArray() || original.isObject()) {
            values.add(NODES.numberNode(7));
            values.add(NODES.booleanNode(true));
        }
        if (original.isObject()) {
            values.add(NODES.arrayNode().add(original));
        }
        return values;
    }

    // ---------------------------------------------------------------- helpers

    private void json(String name, String body) {
        add(name, "application/json", Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as an HTML form (dotted names, repeated keys), the way a browser posts it. */
    private void form(String name, ObjectNode body) {
        StringBuilder form = new StringBuilder();
        formFields(body, "", form);
        add(name, "application/x-www-form-urlencoded", Map.of(), form.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void formFields(JsonNode node, String prefix, StringBuilder out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> formFields(e.getValue(), prefix + e.getKey() + ".", out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                formFields(item, item.isContainerNode() ? prefix + i + "." : prefix, out);
            }
        } else {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(java.net.URLEncoder.encode(prefix.substring(0, prefix.length() - 1), StandardCharsets.UTF_8)).append('=')
                    .append(java.net.URLEncoder.encode(node.isNull() ? "" : node.asText(), StandardCharsets.UTF_8));
        }
    }

    private void add(String name, String contentType, Map<String, String> headers, byte[] body) {
        requests.add(new Hostile(name, contentType, new LinkedHashMap<>(headers), body));
    }

    private static void collect(JsonNode node, String prefix, List<String> paths) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String path = prefix + e.getKey();
                paths.add(path);
                collect(e.getValue(), path + ".", paths);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String path = prefix + i;
                paths.add(path);
                collect(node.get(i), path + ".", paths);
            }
        }
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        if (path.isEmpty()) {
            return node;
        }
        for (String segment : path.split("\\.")) {
            node = node.isArray() ? node.get(Integer.parseInt(segment)) : node.get(segment);
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    static void set(ObjectNode root, String path, JsonNode value) {
        JsonNode parent = at(root, parent(path));
        if (parent instanceof ObjectNode object) {
            object.set(leaf(path), value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(leaf(path)), value);
        }
    }

    private static void remove(ObjectNode root, String path) {
        if (at(root, parent(path)) instanceof ObjectNode object) {
            object.remove(leaf(path));
        }
    }

    private static String parent(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String unknownKeys(int n) {
        StringBuilder s = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return s.append('}').toString();
    }

    private static byte[] gzip(byte[] bytes) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(bytes);
            }
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder();
        for (byte b : bytes) {
            s.append(String.format("%02X", b & 0xff));
        }
        return s.toString();
    }

    static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "…(" + s.length() + ")";
    }
}
