package cn.lanzhou.epidemic.common.testing;

import cn.lanzhou.epidemic.common.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators of what a client may send through API Gateway, for the handlers' property tests
 * (the {@code *Properties} classes): bodies mutated from a valid one, form bodies with odd names
 * and encodings, raw JSON at the parser's edges, headers, parameters and claims. Each handler
 * module combines them with its own valid bodies and routes.
 */
public final class Fuzz {
    private Fuzz() {
    }

    // ---------------------------------------------------------------- headers

    /** Mostly {@code preferred}, otherwise a content type with odd casing, parameters, or another type. */
    public static Arbitrary<String> contentTypes(String preferred) {
        String upper = preferred.toUpperCase(java.util.Locale.ROOT);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(preferred)),
                net.jqwik.api.Tuple.of(4, Arbitraries.of(
                        upper, preferred + "; charset=utf-8", preferred + ";charset=\"UTF-8\"", preferred + "; CHARSET=UTF8",
                        " " + preferred + " ", preferred + ";", preferred + "; charset=", preferred + "; charset=latin1",
                        preferred + "; charset=utf-16", preferred + "; boundary=x; charset=utf-8", preferred + ";;;",
                        preferred + "; q=1", preferred + ", text/html")),
                net.jqwik.api.Tuple.of(2, Arbitraries.of(
                        "application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x",
                        "application/problem+json", "application/json-patch+json", "text/html", "*/*", "", ";", "application/",
                        "Application/X-WWW-Form-URLencoded; charset=UTF-8")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40).injectNull(0.5)));
    }

    /** {@code Accept} headers: absent, a browser's, an API client's, and odd ones. */
    public static Arbitrary<String> accepts() {
        return Arbitraries.oneOf(
                Arbitraries.just((String) null),
                Arbitraries.of("*/*", "application/json", "application/problem+json", "text/html",
                        "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "TEXT/HTML",
                        "text/html;q=0", "text/html;q=abc", "text/html;q=NaN", "text/html;q=Infinity", "text/html;q=-1",
                        "application/json;q=0.1, text/html", "text/html;q=0.5, application/json", "application/xhtml+xml",
                        ",,,", ";q=1", "text/*", ""),
                Arbitraries.strings().ofMaxLength(30));
    }

    /** {@code Idempotency-Key} headers: absent (most often), valid, quoted, too long, with non-ASCII or control characters. */
    public static Arbitrary<String> idempotencyKeys() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40)),
                net.jqwik.api.Tuple.of(2, Arbitraries.of("", " ", "\"\"", "\"", "\"abc\"", "\"a\\\"b\"", "key with spaces",
                        "tab\there", "中文键", "k\u0000", "k\r\nx: y", "x".repeat(255), "x".repeat(256), "\"" + "x".repeat(255) + "\"")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(300)));
    }

    /** {@code Content-Encoding}: absent most often. */
    public static Arbitrary<String> contentEncodings() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("identity", " IDENTITY ", "gzip", "br", "", "gzip, identity")));
    }

    /** Claims of the JWT authorizer: none, staff (array forms API Gateway flattens), other groups, no sub. */
    public static Arbitrary<Map<String, String>> claims() {
        return Arbitraries.oneOf(
                Arbitraries.just(Map.<String, String>of()),
                Arbitraries.of("[staff]", "[staff admin]", "[\"staff\"]", "staff", "admin staff", "[admin]", "[staffing]",
                        "[]", "", "[ staff ]", "STAFF", "staff,tracer")
                        .map(groups -> Map.of("sub", "fuzz-staff", "cognito:groups", groups)),
                Arbitraries.of(Map.of("cognito:groups", "[staff]"), Map.of("sub", "", "cognito:groups", "[staff]"),
                        Map.of("sub", "fuzz-staff")));
    }

    /** Query values for paging routes: limits inside and outside 1–100, tokens genuine-looking or not. */
    public static Arbitrary<Map<String, String>> pagingQuery(List<String> districts, List<String> statuses) {
        Arbitrary<String> limit = Arbitraries.oneOf(Arbitraries.integers().between(-5, 205).map(String::valueOf),
                Arbitraries.of("", "abc", "1e2", "020", " 5", "99999999999999999999", "+3", "0x10", "５"));
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(60)
                        .map(s -> Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8))),
                Arbitraries.of("before:2020-02-13", "YmVmb3JlOjIwMjAtMDItMTM", "YmVmb3JlOjIwMjAtMDItMzA", "e30", "W10", "bnVsbA", "==", "%%%"));
        Arbitrary<String> district = districts.isEmpty() ? Arbitraries.strings().ofMaxLength(20)
                : Arbitraries.oneOf(Arbitraries.of(districts), Arbitraries.strings().ofMaxLength(20));
        Arbitrary<String> status = statuses.isEmpty() ? Arbitraries.strings().ofMaxLength(12)
                : Arbitraries.oneOf(Arbitraries.of(statuses), Arbitraries.strings().ofMaxLength(12));
        return Combinators.combine(limit.injectNull(0.5), token.injectNull(0.6), district.injectNull(0.6), status.injectNull(0.6))
                .as((l, t, d, s) -> {
                    Map<String, String> q = new LinkedHashMap<>();
                    if (l != null) {
                        q.put("limit", l);
                    }
                    if (t != null) {
                        q.put("nextToken", t);
                    }
                    if (d != null) {
                        q.put("district", d);
                    }
                    if (s != null) {
                        q.put("status", s);
                    }
                    return q;
                });
    }

    /** Path parameters: a genuine-looking value, or anything (API Gateway passes a path segment decoded). */
    public static Arbitrary<String> pathSegments(Arbitrary<String> genuine) {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, genuine), net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("", " ", "..", "%2F", "a/b", "0", "\u0000", "😷", "x".repeat(300))));
    }

    // ---------------------------------------------------------------- JSON

    /** Any JSON value, up to {@code depth} levels of containers: every type, and numbers and strings at their edges. */
    public static Arbitrary<JsonNode> jsonValues(int depth) {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.just((JsonNode) Json.mapper().nullNode()),
                Arbitraries.of(true, false).map(b -> (JsonNode) Json.mapper().getNodeFactory().booleanNode(b)),
                Arbitraries.longs().map(n -> (JsonNode) Json.mapper().getNodeFactory().numberNode(n)),
                Arbitraries.of("0", "-0", "1", "-1", "0.5", "1e2", "1E+400", "1e-400", "9999999999999999999999", "123456789.123456789",
                        "1e9999", "1e-9999", "-1e9999", "36.55", "37.3", "100000000.01", "0.001")
                        .map(s -> (JsonNode) Json.mapper().getNodeFactory().numberNode(new BigDecimal(s))),
                Arbitraries.of(BigInteger.TWO.pow(70), BigInteger.TEN.pow(90).negate())
                        .map(n -> (JsonNode) Json.mapper().getNodeFactory().numberNode(n)),
                strings().map(s -> (JsonNode) Json.mapper().getNodeFactory().textNode(s)));
        if (depth <= 0) {
            return scalars;
        }
        Arbitrary<JsonNode> arrays = jsonValues(depth - 1).list().ofMaxSize(4).map(items -> {
            ArrayNode a = Json.array();
            items.forEach(a::add);
            return a;
        });
        Arbitrary<JsonNode> objects = Arbitraries.maps(strings().ofMaxLength(8), jsonValues(depth - 1)).ofMaxSize(3).map(m -> {
            ObjectNode o = Json.object();
            m.forEach(o::set);
            return o;
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, scalars), net.jqwik.api.Tuple.of(1, arrays),
                net.jqwik.api.Tuple.of(1, objects));
    }

    /** Text as clients send it: empty, blank, Chinese, emoji, control characters, lone surrogates, long. */
    public static net.jqwik.api.arbitraries.StringArbitrary strings() {
        return Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(12);
    }

    private static Arbitrary<String> specialStrings() {
        return Arbitraries.of("", " ", "\u3000", "张伟", "😷", "\ud800", "a\udc00", "\u0000", "\u2028", "x".repeat(101), "会".repeat(501),
                "true", "on", "1", "0", "null", "NaN", "Infinity", "2020-02-30", "2020-02-13", "2020-02-13T10:00:00+08:00",
                "+86 138-0013-8000", "0", "-1", "1e2", "1,000", "甘A12345", "COUGH", "FEVER", "chengguan");
    }

    /** A valid body changed in one to three places: a field replaced by any value, removed, doubled, or an unknown one added. */
    public static Arbitrary<String> jsonMutations(JsonNode valid) {
        List<String> paths = new ArrayList<>();
        collectPaths(valid, "", paths);
        if (paths.isEmpty()) {
            paths.add("note"); // an empty body ({}): mutations add a field
        }
        Arbitrary<JsonNode> values = Arbitraries.oneOf(jsonValues(2),
                specialStrings().map(s -> (JsonNode) Json.mapper().getNodeFactory().textNode(s)));
        Arbitrary<Mutation> one = Combinators.combine(Arbitraries.of(paths), Arbitraries.integers().between(0, 5), values,
                strings().ofMaxLength(6)).as(Mutation::new);
        Arbitrary<String> tree = one.list().ofMinSize(0).ofMaxSize(3).map(mutations -> {
            JsonNode copy = valid.deepCopy();
            for (Mutation m : mutations) {
                copy = m.apply(copy);
            }
            return Json.write(copy);
        });
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, tree),
                net.jqwik.api.Tuple.of(2, Combinators.combine(tree, Arbitraries.integers().between(0, 9), Arbitraries.of(paths))
                        .as(Fuzz::textual)),
                net.jqwik.api.Tuple.of(1, rawJson()));
    }

    /** JSON at the parser's edges: deep, wide, huge and tiny numbers, duplicate keys, lone surrogates, not JSON at all. */
    public static Arbitrary<String> rawJson() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 3000).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.integers().between(1, 200).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
                Arbitraries.integers().between(1, 5000).map(n -> "{" + wide(n) + "}"),
                Arbitraries.integers().between(90, 1200).map(n -> "{\"amount\":" + "9".repeat(n) + "}"),
                Arbitraries.of("", " ", "\n", "null", "[]", "\"text\"", "1", "true", "{", "}", "{}", "{}{}", "{} x", "{\"a\":1,}",
                        "{'a':1}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-}", "{\"a\":1e}", "{\"a\":01}", "{\"a\":\"\\ud800\"}",
                        "{\"a\":\"\\udc00\\ud800\"}", "{\"a\":\"\\u0000\"}", "{\"a\":\"\\x\"}", "{\"a\":\"unterminated}",
                        "\ufeff{}", "{\"a\":1,\"a\":2}", "{/*c*/}", "{\"a\":1e999999999}", "{\"a\":-0.0}", "[{}]",
                        "{\"\":1}", "{\"\\u0000\":1}", "\u0000", "{\"a\":\"" + "x".repeat(70_001) + "\"}"));
    }

    private static String wide(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
        }
        return s.toString();
    }

    /** Text-level changes a tree cannot make: a duplicate key, a lone surrogate escape, truncation, garbage, a BOM. */
    private static String textual(String json, int kind, String path) {
        String leaf = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
        switch (kind) {
            case 0:
                return json.replaceFirst("\\{", "{\"" + leaf.replace("\\", "") + "\":1,");
            case 1:
                return json.replaceFirst(":\"", ":\"\\\\ud800");
            case 2:
                return json.substring(0, json.length() / 2);
            case 3:
                return json + "x";
            case 4:
                return "\ufeff" + json;
            case 5:
                return "[" + json + "]";
            case 6:
                return json.replaceFirst(":\"", ":\"\\\\u0000");
            case 7:
                return json.replaceFirst(":(\\d)", ":1e999999999$1");
            case 8:
                return json.replaceFirst(":\"", ":\"\\\\udfff\\\\ud83d");
            default:
                return " " + json + " \n";
        }
    }

    private static void collectPaths(JsonNode node, String prefix, List<String> into) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                var e = it.next();
                String path = prefix + e.getKey();
                into.add(path);
                collectPaths(e.getValue(), path + ".", into);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                into.add(prefix + i);
                collectPaths(node.get(i), prefix + i + ".", into);
            }
        }
    }

    /** One change at a dotted path of the valid body. */
    private record Mutation(String path, int action, JsonNode value, String name) {
        JsonNode apply(JsonNode root) {
            int dot = path.lastIndexOf('.');
            JsonNode parent = dot < 0 ? root : at(root, path.substring(0, dot));
            String leaf = dot < 0 ? path : path.substring(dot + 1);
            if (parent == null) {
                return root;
            }
            if (parent instanceof ObjectNode object) {
                switch (action) {
                    case 0, 1 -> object.set(leaf, value);
                    case 2 -> object.remove(leaf);
                    case 3 -> object.set(name.isEmpty() ? leaf + "_" : name, value);
                    case 4 -> object.set(leaf, Json.array().add(object.get(leaf) == null ? value : object.get(leaf)));
                    default -> {
                        JsonNode old = object.get(leaf);
                        if (old != null && old.isArray() && old.size() > 0) {
                            ((ArrayNode) old).add(old.get(0)); // a duplicate item (uniqueItems)
                        } else {
                            object.putNull(leaf);
                        }
                    }
                }
            } else if (parent instanceof ArrayNode array && leaf.matches("\\d{1,3}")) {
                int index = Integer.parseInt(leaf);
                if (index < array.size()) {
                    switch (action) {
                        case 0, 1, 3 -> array.set(index, value);
                        case 2 -> array.remove(index);
                        default -> array.add(array.get(index));
                    }
                }
            }
            return root;
        }

        private static JsonNode at(JsonNode root, String dotted) {
            JsonNode node = root;
            for (String segment : dotted.split("\\.")) {
                node = node.isArray() && segment.matches("\\d+") ? node.get(Integer.parseInt(segment)) : node.get(segment);
                if (node == null) {
                    return null;
                }
            }
            return node;
        }
    }

    // ---------------------------------------------------------------- forms

    /** The name=value pairs a browser would post for {@code valid}, dotted and indexed, each percent-encoded. */
    public static List<Map.Entry<String, String>> formPairs(JsonNode valid) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        flatten(valid, "", pairs);
        return pairs;
    }

    private static void flatten(JsonNode node, String prefix, List<Map.Entry<String, String>> into) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> flatten(e.getValue(), prefix + e.getKey() + ".", into));
        } else if (node.isArray()) {
            boolean scalars = true;
            for (JsonNode item : node) {
                scalars &= item.isValueNode();
            }
            for (int i = 0; i < node.size(); i++) {
                // lists of choices repeat the name (symptoms=COUGH&symptoms=FEVER); rows of objects are indexed
                flatten(node.get(i), scalars ? prefix : prefix + i + ".", into);
            }
        } else {
            into.add(Map.entry(prefix.substring(0, prefix.length() - 1), node.asText()));
        }
    }

    /** A name segment: a field name, digits, empty, brackets, dots and escapes. */
    private static Arbitrary<String> nameSegments(List<String> names) {
        return Arbitraries.oneOf(Arbitraries.of(names), Arbitraries.of(names),
                Arbitraries.of("0", "1", "00", "01", "9", "99", "999", "1000", "0000", "-1", "1e1", "", " ", "[]", "[0]", "[", "]",
                        "%2E", "%30", "%5B0%5D", "+", "%00", "%C3%A9", "%E4%B8%AD", "٣", "１"),
                Arbitraries.strings().withChars("0123456789.[]%+&=aZ").ofMaxLength(6));
    }

    private static Arbitrary<String> formValues() {
        return Arbitraries.oneOf(
                specialStrings().map(Fuzz::encode),
                strings().map(Fuzz::encode),
                Arbitraries.of("%", "%2", "%G0", "%zz", "%C3", "%C3%28", "%FF", "%80", "%ED%A0%80", "%F0%9F%98%B7", "%F4%90%80%80",
                        "%C0%AF", "%E0%80%AF", "+", "++", "%2B", "a=b", "%26", "%3D", "%u4E2D", "%%", "\u4e2d", "\ud83d\ude37", "\ud800"));
    }

    /** Percent-encodes as a browser does (space as '+'); a lone surrogate becomes '?', which is what a browser would send. */
    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Form bodies made from {@code valid}'s pairs with names and values changed, pairs dropped, doubled or added. */
    public static Arbitrary<String> formMutations(JsonNode valid) {
        List<Map.Entry<String, String>> pairs = formPairs(valid);
        List<String> names = new ArrayList<>();
        for (var p : pairs) {
            for (String segment : p.getKey().split("\\.")) {
                if (!names.contains(segment)) {
                    names.add(segment);
                }
            }
        }
        if (names.isEmpty()) {
            names.add("note");
        }
        Arbitrary<String> name = nameSegments(names).list().ofMinSize(1).ofMaxSize(9).map(s -> String.join(".", s));
        Arbitrary<FormEdit> edit = Combinators.combine(Arbitraries.integers().between(0, Math.max(0, pairs.size() - 1)),
                Arbitraries.integers().between(0, 6), name, formValues()).as(FormEdit::new);
        return edit.list().ofMaxSize(4).map(edits -> {
            List<String[]> body = new ArrayList<>();
            for (var p : pairs) {
                body.add(new String[] {encode(p.getKey()), encode(p.getValue())});
            }
            for (FormEdit e : edits) {
                e.apply(body);
            }
            StringBuilder text = new StringBuilder();
            for (String[] p : body) {
                if (text.length() > 0) {
                    text.append('&');
                }
                text.append(p[0]);
                if (p[1] != null) {
                    text.append('=').append(p[1]);
                }
            }
            return text.toString();
        });
    }

    /** Form bodies from scratch: any names of the route's fields, digits, dots and brackets, any values. */
    public static Arbitrary<String> formBodies(JsonNode valid) {
        List<String> names = new ArrayList<>();
        for (var p : formPairs(valid)) {
            names.add(p.getKey());
        }
        if (names.isEmpty()) {
            names.add("note");
        }
        Arbitrary<String> pair = Combinators.combine(
                        Arbitraries.oneOf(Arbitraries.of(names), nameSegments(names).list().ofMinSize(1).ofMaxSize(4).map(s -> String.join(".", s))),
                        formValues(), Arbitraries.of("=", "=", "", "==", "=&"))
                .as((n, v, eq) -> eq.isEmpty() ? n : n + eq + v);
        return pair.list().ofMaxSize(12).map(list -> String.join("&", list));
    }

    private record FormEdit(int index, int action, String name, String value) {
        void apply(List<String[]> body) {
            if (body.isEmpty()) {
                body.add(new String[] {name, value});
                return;
            }
            int i = Math.min(index, body.size() - 1);
            switch (action) {
                case 0 -> body.get(i)[0] = name;
                case 1 -> body.get(i)[1] = value;
                case 2 -> body.remove(i);
                case 3 -> body.add(body.get(i).clone());
                case 4 -> body.add(new String[] {name, value});
                case 5 -> body.get(i)[1] = null;
                default -> body.add(i, new String[] {"", ""});
            }
        }
    }

    // ---------------------------------------------------------------- bodies on the wire

    /**
     * The body as API Gateway passes it: plain text, base64 of its UTF-8 (as for form posts), base64 of
     * bytes that are not UTF-8, not base64 at all, MIME base64 with line breaks, or over 64 KiB.
     */
    public static Arbitrary<HttpCase.Body> onTheWire(Arbitrary<String> texts, boolean base64ByDefault) {
        Arbitrary<HttpCase.Body> usual = texts.map(t -> base64ByDefault ? base64(t.getBytes(StandardCharsets.UTF_8)) : new HttpCase.Body(t, false));
        Arbitrary<HttpCase.Body> other = texts.map(t -> base64ByDefault ? new HttpCase.Body(t, false) : base64(t.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<HttpCase.Body> invalidUtf8 = Combinators.combine(texts, Arbitraries.of(
                        new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        new byte[] {(byte) 0xc0, (byte) 0xaf}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        new byte[] {(byte) 0xe4, (byte) 0xb8}), Arbitraries.integers().between(0, 100))
                .as((t, bad, at) -> {
                    byte[] text = t.getBytes(StandardCharsets.UTF_8);
                    int cut = text.length == 0 ? 0 : at % (text.length + 1);
                    byte[] out = new byte[text.length + bad.length];
                    System.arraycopy(text, 0, out, 0, cut);
                    System.arraycopy(bad, 0, out, cut, bad.length);
                    System.arraycopy(text, cut, out, cut + bad.length, text.length - cut);
                    return base64(out);
                });
        Arbitrary<HttpCase.Body> notBase64 = Arbitraries.of("@@@", "a", "YQ", "YQ=", "====", "Y Q = =", "\u4e2d")
                .map(t -> new HttpCase.Body(t, true));
        Arbitrary<HttpCase.Body> mime = texts.map(t -> new HttpCase.Body(
                Base64.getMimeEncoder(4, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(t.getBytes(StandardCharsets.UTF_8)), true));
        Arbitrary<HttpCase.Body> huge = Arbitraries.integers().between(64 * 1024 - 2, 64 * 1024 + 2)
                .map(n -> base64ByDefault ? base64(("a=" + "x".repeat(n)).getBytes(StandardCharsets.UTF_8))
                        : new HttpCase.Body("{\"note\":\"" + "x".repeat(n) + "\"}", false));
        Arbitrary<HttpCase.Body> none = Arbitraries.just(new HttpCase.Body(null, false));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(20, usual), net.jqwik.api.Tuple.of(2, other), net.jqwik.api.Tuple.of(2, invalidUtf8),
                net.jqwik.api.Tuple.of(1, notBase64), net.jqwik.api.Tuple.of(1, mime), net.jqwik.api.Tuple.of(1, huge),
                net.jqwik.api.Tuple.of(1, none));
    }

    public static HttpCase.Body base64(byte[] bytes) {
        return new HttpCase.Body(Base64.getEncoder().encodeToString(bytes), true);
    }

    // ---------------------------------------------------------------- whole requests

    /**
     * POSTs of {@code routeKey} with {@code valid} (a JSON object) mutated, sent as JSON or as a form,
     * with generated headers. {@code base} carries the path parameters and claims.
     */
    public static Arbitrary<HttpCase> posts(HttpCase base, JsonNode valid) {
        Arbitrary<HttpCase> json = Combinators.combine(onTheWire(jsonMutations(valid), false), contentTypes("application/json"))
                .as((body, type) -> base.body(body).header("content-type", type));
        Arbitrary<HttpCase> form = Combinators.combine(
                        onTheWire(Arbitraries.oneOf(formMutations(valid), formMutations(valid), formBodies(valid)), true),
                        contentTypes("application/x-www-form-urlencoded"))
                .as((body, type) -> base.body(body).header("content-type", type));
        return Combinators.combine(Arbitraries.oneOf(json, form), accepts(), idempotencyKeys(), contentEncodings())
                .as((request, accept, key, encoding) -> request.header("accept", accept).header("idempotency-key", key)
                        .header("content-encoding", encoding));
    }

    /** GETs of {@code base} with generated {@code Accept} headers and, sometimes, a stray body. */
    public static Arbitrary<HttpCase> gets(HttpCase base) {
        return Combinators.combine(accepts(), Arbitraries.of("", "{}", "a=b").injectNull(0.8),
                        Arbitraries.of("application/json", "application/x-www-form-urlencoded", "text/plain").injectNull(0.5))
                .as((accept, body, type) -> {
                    HttpCase c = base.header("accept", accept).header("content-type", type);
                    return body == null ? c : c.body(new HttpCase.Body(body, false));
                });
    }
}
