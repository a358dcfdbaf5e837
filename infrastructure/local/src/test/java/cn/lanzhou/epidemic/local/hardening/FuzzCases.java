package cn.lanzhou.epidemic.local.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The fuzzer's requests: case {@code i} of seed {@code s} is always the same request (drawn from
 * {@code new Random(s * 1_000_003 + i)}), whatever ran before it.
 */
final class FuzzCases {
    /** The aim of a request whose URL API Gateway refuses before routing (a bad escape, a bad request line, {@code //}). */
    static final String GATEWAY = "(gateway)";
    /** The aim of a request whose path no route serves. */
    static final String NO_ROUTE = "(no route)";

    private static final JsonNodeFactory N = JsonNodeFactory.withExactBigDecimals(true);
    private static final String ULID_CHARS = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final List<String> OTHER_METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    private static final List<String> ODD_SEGMENTS = List.of("", "x", "%zz", "%", "%E4%B8", "%2F", "%252F", "..", ".", "a%00b", "%C0%AF",
            "A".repeat(2000), "01ARZ3NDEKTSV4RRFFQ69G5FA", "01arz3ndektsv4rrffq69g5fav", "'or'1'='1", "<script>", "%F0%9F%98%80", "+",
            "a b", "２０２０-０１-０１", "2020-02-30", "2020-13-01", "20200101", "1999-01-01", "2999-01-01", "0000-00-00", "%3Cx%3E", "-1");
    private static final List<String> ODD_QUERY_VALUES = List.of("", "-1", "0", "101", "1e3", "abc", "%zz", "%E4", "null", "A".repeat(3000),
            "%00", "20", "SUBMITTED", "submitted", "chengguan", "%2B", "[]", "1.5");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "Application/JSON;Charset=\"UTF-8\"", "application/json; charset=iso-8859-1", "application/json;;;",
            "application/json; boundary=x; q=1", "application/x-www-form-urlencoded", "APPLICATION/X-WWW-FORM-URLENCODED; charset=UTF-8",
            "application/x-www-form-urlencoded; charset=gbk", "text/plain", "text/plain; charset=utf-8", "multipart/form-data; boundary=zz",
            "application/xml", "*/*", "", "application/json, text/plain", "application/problem+json", "application/jsonx", "text/html");
    private static final List<String> ACCEPTS = List.of("*/*", "application/json", "text/html",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/json;q=0.5, text/html", "text/html;q=0, application/json",
            "TEXT/HTML", "application/problem+json", "image/png", ";;q=x,,", "text/*");
    private static final Set<String> PERSONAL_NAME_PARENTS = Set.of("", "donor", "contact");

    /** What exists before the run: an application SUBMITTED and one APPROVED, a staff token. */
    record Fixtures(String submitted, String approved, String staffToken, int port) {
        static Fixtures create(Api api, String staffToken) {
            String submitted = api.postJson("/reopenings", Samples.write(Samples.reopening())).json().get("id").asText();
            Api.Response created = api.postJson("/reopenings", Samples.write(Samples.reopening()));
            assertEquals(201, created.status(), created.body());
            String approved = created.json().get("id").asText();
            Api.Response decided = api.postJson("/reopenings/" + approved + "/decision", Samples.write(Samples.decision()), staffToken);
            assertEquals(200, decided.status(), decided.body());
            return new Fixtures(submitted, approved, staffToken, api.baseUrl().getPort());
        }
    }

    /** One request; {@code aim} is the operation's id, {@link #GATEWAY} or {@link #NO_ROUTE}; {@code personal}: the personal data in it. */
    record Case(int index, String aim, OpenApiContract.Operation operation, RawHttp.Request request, List<String> personal) {
    }

    private record Body(String contentType, byte[] bytes, List<String> personal) {
    }

    private final List<OpenApiContract.Operation> operations;
    private final Fixtures fixtures;
    private final long seed;

    FuzzCases(List<OpenApiContract.Operation> operations, Fixtures fixtures, long seed) {
        this.operations = operations;
        this.fixtures = fixtures;
        this.seed = seed;
    }

    Case generate(int index) {
        Random random = new Random(seed * 1_000_003L + index);
        OpenApiContract.Operation operation = operations.get(random.nextInt(operations.size()));
        String method = random.nextInt(10) < 9 ? operation.method() : pick(random, OTHER_METHODS);
        String target = mangle(path(operation, random), random) + query(operation, random);
        List<Map.Entry<String, String>> headers = RawHttp.headers();
        if (random.nextInt(4) > 0) {
            headers.add(Map.entry(random.nextBoolean() ? "Accept" : "accept", pick(random, ACCEPTS)));
        }
        String authorization = authorization(operation, random);
        if (authorization != null) {
            headers.add(Map.entry(random.nextInt(5) == 0 ? "AUTHORIZATION" : "Authorization", authorization));
        }
        if (random.nextInt(8) == 0) {
            headers.add(Map.entry("Origin", random.nextBoolean() ? "http://localhost:" + fixtures.port() : "https://evil.example"));
        }
        Body body = new Body(null, null, List.of());
        if (method.equals("POST") || random.nextInt(10) == 0) {
            String key = idempotencyKey(random);
            if (key != null) {
                headers.add(Map.entry(random.nextBoolean() ? "Idempotency-Key" : "idempotency-key", key));
            }
            body = body(operation, random);
            if (body.contentType() != null) {
                headers.add(Map.entry(random.nextInt(4) == 0 ? "content-type" : "Content-Type", body.contentType()));
            }
            if (random.nextInt(25) == 0) {
                headers.add(Map.entry("Content-Encoding", pick(random, List.of("gzip", "identity", "br", "GZIP"))));
            }
        }
        RawHttp.Request request = new RawHttp.Request(method, target, headers, body.bytes());
        String aim = aim(method, target);
        return new Case(index, aim, operation(aim), request, body.personal());
    }

    /** The operation the gateway routes the request to (by path, then method), or where it stops. */
    private String aim(String method, String target) {
        // the request line is read as bytes: a character outside ASCII is no URL character, as a bad escape is not
        boolean ascii = target.chars().allMatch(c -> c > 32 && c < 127);
        if (!ascii || !target.startsWith("/") || target.startsWith("//") || !OpenApiFuzzTest.parses(target)) {
            return GATEWAY;
        }
        String rawPath = URI.create(target).getRawPath();
        OpenApiContract.Operation samePath = null;
        for (OpenApiContract.Operation operation : operations) {
            if (matches(operation.path(), rawPath)) {
                if (operation.method().equals(method)) {
                    return operation.id();
                }
                samePath = samePath == null ? operation : samePath;
            }
        }
        return samePath == null ? NO_ROUTE : samePath.id() + "(other method)";
    }

    /** The operation a case's aim names (the drawn one's path may have been bent into another's). */
    OpenApiContract.Operation operation(String aim) {
        String id = aim.replace("(other method)", "");
        return operations.stream().filter(o -> o.id().equals(id)).findFirst().orElse(null);
    }

    static boolean matches(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean parameter = expected[i].startsWith("{");
            if (parameter ? actual[i].isEmpty() : !expected[i].equals(actual[i])) {
                return false;
            }
        }
        return true;
    }

    private String path(OpenApiContract.Operation operation, Random random) {
        String path = operation.path();
        for (JsonNode parameter : operation.parameters("path")) {
            String name = parameter.get("name").asText();
            path = path.replace("{" + name + "}", pathValue(name, parameter.path("schema"), random));
        }
        return path;
    }

    private String pathValue(String name, JsonNode schema, Random random) {
        int draw = random.nextInt(20);
        if (draw < 7) {
            return switch (name) {
                case "id" -> draw < 5 ? fixtures.submitted() : fixtures.approved();
                case "date" -> Samples.today().minusDays(draw % 3).toString();
                default -> encode(SchemaValues.valid(schema, random).asText());
            };
        }
        if (draw < 10) {
            return name.equals("id") ? ulid(random) : encode(SchemaValues.valid(schema, random).asText());
        }
        return pick(random, ODD_SEGMENTS);
    }

    private static String mangle(String path, Random random) {
        if (random.nextInt(8) > 0) {
            return path;
        }
        int slash = path.lastIndexOf('/');
        return switch (random.nextInt(9)) {
            case 0 -> "/" + path;
            case 1 -> path.substring(0, slash) + "/" + path.substring(slash);
            case 2 -> path + "/";
            case 3 -> path + "/extra";
            case 4 -> path.toUpperCase(java.util.Locale.ROOT);
            case 5 -> path + "%";
            case 6 -> path.substring(0, slash) + "/." + path.substring(slash);
            case 7 -> path + "#fragment";
            default -> path.replace("/", "%2F");
        };
    }

    private static String query(OpenApiContract.Operation operation, Random random) {
        List<String> pairs = new ArrayList<>();
        for (JsonNode parameter : operation.parameters("query")) {
            if (random.nextBoolean()) {
                String value = random.nextInt(3) == 0 ? pick(random, ODD_QUERY_VALUES) : encode(SchemaValues.valid(parameter.path("schema"), random).asText());
                pairs.add(parameter.get("name").asText() + "=" + value);
                if (random.nextInt(15) == 0) {
                    pairs.add(parameter.get("name").asText() + "=" + value);
                }
            }
        }
        if (random.nextInt(12) == 0) {
            pairs.add(pick(random, List.of("unknown=1", "&&=", "%zz=1", "a=%E4%B8", "=", "limit", "nextToken=%2F%2F")));
        }
        return pairs.isEmpty() ? (random.nextInt(30) == 0 ? "?" : "") : "?" + String.join("&", pairs);
    }

    private String authorization(OpenApiContract.Operation operation, Random random) {
        int draw = random.nextInt(operation.staff() ? 10 : 40);
        return switch (draw) {
            case 0, 1, 2, 3, 4 -> "Bearer " + fixtures.staffToken();
            case 5 -> "Bearer " + Tokens.mint("fuzz-citizen", List.of("citizen"), Duration.ofHours(1));
            case 6 -> "Bearer " + Tokens.mint(Tokens.secret(), "fuzz-staff", List.of("staff"), Instant.now().minusSeconds(60));
            case 7 -> pick(random, List.of("Bearer x.y.z", "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "Bearer", "bearer " + fixtures.staffToken(),
                    "Bearer " + Tokens.mint("another-secret", "fuzz-staff", List.of("staff"), Instant.now().plusSeconds(600)),
                    "Bearer " + fixtures.staffToken() + "x", "Bearer " + "A".repeat(5000)));
            default -> null;
        };
    }

    private static String idempotencyKey(Random random) {
        return switch (random.nextInt(14)) {
            case 0, 1, 2, 3, 4, 5 -> null;
            case 6, 7 -> "fuzz-" + Long.toHexString(random.nextLong());
            case 8 -> "\"fuzz-" + Long.toHexString(random.nextLong()) + "\"";
            case 9 -> "fuzz-reused-key";
            case 10 -> "";
            case 11 -> "k".repeat(256);
            case 12 -> "has space\tand tab";
            default -> "键-" + random.nextInt(1000);
        };
    }

    private Body body(OpenApiContract.Operation operation, Random random) {
        int draw = random.nextInt(20);
        if (draw < 2) {
            return new Body(random.nextBoolean() ? pick(random, CONTENT_TYPES) : null, random.nextBoolean() ? null : new byte[0], List.of());
        }
        if (draw < 4) {
            return new Body(pick(random, CONTENT_TYPES), malformed(random), List.of());
        }
        boolean fromSamples = random.nextInt(3) > 0;
        JsonNode valid = fromSamples ? sample(operation, random) : null;
        if (valid == null) {
            JsonNode schema = operation.requestBodies().getOrDefault("application/json", N.objectNode());
            valid = SchemaValues.valid(schema, random);
            fromSamples = false;
        }
        List<String> personal = new ArrayList<>();
        collectPersonal(valid, "", fromSamples, personal);
        JsonNode sent = draw < 9 ? valid : JsonMutations.mutate(valid, random);
        boolean form = random.nextInt(3) == 0;
        String contentType = random.nextInt(6) == 0 ? pick(random, CONTENT_TYPES)
                : form ? "application/x-www-form-urlencoded" : "application/json";
        byte[] bytes = (form ? formOf(sent) : Samples.write(sent)).getBytes(StandardCharsets.UTF_8);
        return new Body(contentType, bytes, personal);
    }

    /** A valid body of the operation, made with this case's random numbers, or null for an operation the samples do not know. */
    private JsonNode sample(OpenApiContract.Operation operation, Random random) {
        return switch (operation.id()) {
            case "createRegistration" -> Samples.registration().put("idNumber", Samples.idNumber(random)).put("phone", Samples.phone(random));
            case "createDonation" -> random.nextBoolean() ? Samples.donation() : Samples.materials();
            case "applyForReopening" -> {
                ObjectNode body = Samples.reopening();
                ((ObjectNode) body.get("enterprise")).put("creditCode", Samples.creditCode(random));
                ((ObjectNode) body.get("contact")).put("phone", Samples.phone(random));
                yield body;
            }
            case "decideReopening" -> random.nextBoolean() ? Samples.decision().put("expectedVersion", 1 + random.nextInt(3))
                    : Samples.object("{\"decision\": \"REJECT\", \"reason\": \"材料不全\"}").put("expectedVersion", 1 + random.nextInt(3));
            case "markReopened" -> Samples.reopened().put("expectedVersion", 1 + random.nextInt(3));
            case "compileReport" -> N.objectNode();
            default -> null;
        };
    }

    /** ID numbers and phones anywhere; names of the person, donor or contact (from the samples, where they are real names). */
    private static void collectPersonal(JsonNode node, String parent, boolean names, List<String> personal) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String value = field.getValue().isTextual() ? field.getValue().asText() : "";
            boolean number = (field.getKey().equals("idNumber") || field.getKey().equals("phone")) && value.length() >= 8;
            boolean name = names && field.getKey().equals("name") && PERSONAL_NAME_PARENTS.contains(parent) && value.length() >= 2;
            if (number || name) {
                personal.add(value);
            }
            collectPersonal(field.getValue(), field.getKey(), names, personal);
        }
    }

    private static byte[] malformed(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "{".getBytes(StandardCharsets.UTF_8);
            case 1 -> "[]".getBytes(StandardCharsets.UTF_8);
            case 2 -> "null".getBytes(StandardCharsets.UTF_8);
            case 3 -> "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8);
            case 4 -> new byte[] {'{', '"', 'n', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'};
            case 5 -> ("\uFEFF" + "{}").getBytes(StandardCharsets.UTF_8);
            case 6 -> "a=%zz&b&=&&==".getBytes(StandardCharsets.UTF_8);
            case 7 -> "name=%E4%B8&consent=on".getBytes(StandardCharsets.UTF_8);
            case 8 -> "[".repeat(5000).getBytes(StandardCharsets.UTF_8);
            case 9 -> "{\"amount\": 1e999999999}".getBytes(StandardCharsets.UTF_8);
            case 10 -> "你好，世界".getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] bytes = new byte[random.nextInt(300)];
                random.nextBytes(bytes);
                yield bytes;
            }
        };
    }

    /** The form encoding of a JSON object as openapi.yaml describes it: dotted names for members, repeated keys for arrays, {@code a.0.b} in arrays of objects. */
    static String formOf(JsonNode body) {
        List<String> pairs = new ArrayList<>();
        flatten("", body, pairs);
        return String.join("&", pairs);
    }

    private static void flatten(String name, JsonNode node, List<String> pairs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> flatten(name.isEmpty() ? f.getKey() : name + "." + f.getKey(), f.getValue(), pairs));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i).isContainerNode() ? name + "." + i : name, node.get(i), pairs);
            }
        } else if (!name.isEmpty()) {
            pairs.add(encode(name) + "=" + encode(node.isNull() ? "" : node.asText()));
        }
    }

    private static String ulid(Random random) {
        StringBuilder id = new StringBuilder("01");
        while (id.length() < 26) {
            id.append(ULID_CHARS.charAt(random.nextInt(ULID_CHARS.length())));
        }
        return id.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T> T pick(Random random, List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
