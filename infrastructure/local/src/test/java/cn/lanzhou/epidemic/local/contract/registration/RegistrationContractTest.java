package cn.lanzhou.epidemic.local.contract.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.testing.Events;
import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalNames;
import cn.lanzhou.epidemic.local.LocalResources;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import cn.lanzhou.epidemic.local.contract.DistrictDayItems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** POST /registrations over HTTP against the local stack (API Gateway emulation + dynalite), as openapi.yaml states it. */
@ExtendWith(LocalStackExtension.class)
class RegistrationContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The local stack hands every function its environment as system properties. */
    private static final String TABLE = LocalNames.TABLE;
    private static final String ID_NUMBER = "11010519491231002X";
    private static final String PHONE = "13800138000";

    private static ObjectNode valid() {
        ObjectNode body = JSON.createObjectNode();
        body.put("name", "张伟");
        body.put("idNumber", ID_NUMBER);
        body.put("phone", PHONE);
        body.put("district", "chengguan");
        body.putObject("site").put("type", "COMMUNITY").put("code", "DONGGANG-3");
        body.put("consent", true);
        return body;
    }

    private static ObjectNode valid(Consumer<ObjectNode> change) {
        ObjectNode body = valid();
        change.accept(body);
        return body;
    }

    private static Api.Response post(Api api, JsonNode body) {
        return api.postJson("/registrations", body.toString());
    }

    private static Api.Response post(Api api, JsonNode body, String key) {
        return api.send(api.request("/registrations").header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A form body with repeated keys allowed: pairs name, value, name, value ... */
    private static Api.Response postForm(Api api, String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs[i], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return api.send(api.request("/registrations").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private static List<String> errors(Api.Response response) {
        List<String> out = new ArrayList<>();
        response.json().path("errors").forEach(e -> out.add(e.path("field").asText() + "=" + e.path("code").asText()));
        return out;
    }

    private static void assertRejected(Api.Response response, String fieldAndCode) {
        assertEquals(400, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertTrue(errors(response).contains(fieldAndCode), () -> fieldAndCode + " not in " + errors(response));
        assertFalse(response.body().contains(ID_NUMBER.substring(0, 17)));
    }

    /** A local-time instant in Lanzhou, as an offset date-time string. */
    private static String inShanghai(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(SHANGHAI).toOffsetDateTime());
    }

    // ---- success

    @Test
    void aJsonRegistrationIsAnswered201WithTheFieldsOfTheContractAndMasks(Api api) {
        Api.Response response = post(api, valid(b -> b.put("phone", "+86 138-0013-8000")));
        assertEquals(201, response.status(), response.body());
        JsonNode body = response.json();
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("id", "receivedAt", "occurredAt", "localDate", "district", "riskLevel", "fever",
                "isolationUntil", "idNumberMasked", "phoneMasked"), names);
        assertEquals("1***************2X", body.path("idNumberMasked").asText());
        assertEquals("138****8000", body.path("phoneMasked").asText());
        assertEquals("LOW", body.path("riskLevel").asText());
        assertFalse(body.path("fever").asBoolean());
        assertTrue(body.path("isolationUntil").isNull());
        assertEquals(LocalDate.now(SHANGHAI).toString(), body.path("localDate").asText());
        assertEquals(body.path("receivedAt").asText(), body.path("occurredAt").asText());
        assertFalse(response.body().contains(ID_NUMBER) || response.body().contains(PHONE));
    }

    @Test
    void aFormRegistrationWithRepeatedKeysAndDottedNamesIsAccepted(Api api) {
        Api.Response response = postForm(api, "name", "李娜", "idNumber", "11010519491231002x", "phone", "138 0013 8000",
                "district", "qilihe", "site.type", "CHECKPOINT", "site.code", "G312", "temperatureCelsius", "37.5",
                "symptoms", "COUGH", "symptoms", "FATIGUE", "travelHistory", "西安", "travelHistory", "湖北武汉",
                "contactWithCases", "false", "vehiclePlate", "甘ad12345", "consent", "on");
        assertEquals(201, response.status(), response.body());
        JsonNode body = response.json();
        assertEquals("qilihe", body.path("district").asText());
        assertTrue(body.path("fever").asBoolean());
        assertEquals("HIGH", body.path("riskLevel").asText());
        assertEquals(LocalDate.now(SHANGHAI).plusDays(14).toString(), body.path("isolationUntil").asText());
        assertEquals("1***************2X", body.path("idNumberMasked").asText());
    }

    @Test
    void theSampleEventBodiesRegisterThroughHttp(Api api) {
        String body = Events.load("registration-post.json").getBody();
        Api.Response response = api.postJson("/registrations", body);
        assertEquals(201, response.status(), response.body());
    }

    // ---- every rule, JSON

    static Stream<Arguments> invalidJson() {
        return Stream.of(
                Arguments.of("name missing", (Consumer<ObjectNode>) b -> b.remove("name"), "name=required"),
                Arguments.of("name too long", (Consumer<ObjectNode>) b -> b.put("name", "阿".repeat(51)), "name=length"),
                Arguments.of("idType unknown", (Consumer<ObjectNode>) b -> b.put("idType", "DRIVER"), "idType=enum"),
                Arguments.of("idNumber missing", (Consumer<ObjectNode>) b -> b.remove("idNumber"), "idNumber=required"),
                Arguments.of("check character", (Consumer<ObjectNode>) b -> b.put("idNumber", "110105194912310021"), "idNumber=check-character"),
                Arguments.of("19000229", (Consumer<ObjectNode>) b -> b.put("idNumber", "620102190002290018"), "idNumber=birth-date"),
                Arguments.of("20230231", (Consumer<ObjectNode>) b -> b.put("idNumber", "620102202302310012"), "idNumber=birth-date"),
                Arguments.of("17 digits", (Consumer<ObjectNode>) b -> b.put("idNumber", "11010519491231002"), "idNumber=format"),
                Arguments.of("swapped digits", (Consumer<ObjectNode>) b -> b.put("idNumber", "11010519491231020X"), "idNumber=check-character"),
                Arguments.of("passport too long", (Consumer<ObjectNode>) b -> b.put("idType", "PASSPORT").put("idNumber", "E".repeat(31)), "idNumber=format"),
                Arguments.of("passport punctuation", (Consumer<ObjectNode>) b -> b.put("idType", "OTHER").put("idNumber", "E-1"), "idNumber=format"),
                Arguments.of("phone missing", (Consumer<ObjectNode>) b -> b.remove("phone"), "phone=required"),
                Arguments.of("phone landline", (Consumer<ObjectNode>) b -> b.put("phone", "0931-8888888"), "phone=format"),
                Arguments.of("phone 12x", (Consumer<ObjectNode>) b -> b.put("phone", "12800138000"), "phone=format"),
                Arguments.of("district unknown", (Consumer<ObjectNode>) b -> b.put("district", "wuhan"), "district=unknown-district"),
                Arguments.of("site missing", (Consumer<ObjectNode>) b -> b.remove("site"), "site=required"),
                Arguments.of("site type", (Consumer<ObjectNode>) b -> b.putObject("site").put("type", "AIRPORT").put("code", "A"), "site.type=enum"),
                Arguments.of("site code long", (Consumer<ObjectNode>) b -> b.putObject("site").put("type", "COMMUNITY").put("code", "c".repeat(65)), "site.code=length"),
                Arguments.of("occurredAt no offset", (Consumer<ObjectNode>) b -> b.put("occurredAt", "2020-02-13T10:00:00"), "occurredAt=date-time"),
                Arguments.of("occurredAt future", (Consumer<ObjectNode>) b -> b.put("occurredAt", inShanghai(Instant.now().plus(6, ChronoUnit.MINUTES))), "occurredAt=future"),
                Arguments.of("occurredAt old", (Consumer<ObjectNode>) b -> b.put("occurredAt", inShanghai(Instant.now().minus(31, ChronoUnit.DAYS))), "occurredAt=too-old"),
                Arguments.of("plate", (Consumer<ObjectNode>) b -> b.put("vehiclePlate", "港A12345"), "vehiclePlate=format"),
                Arguments.of("plate short", (Consumer<ObjectNode>) b -> b.put("vehiclePlate", "甘A1234"), "vehiclePlate=format"),
                Arguments.of("origin long", (Consumer<ObjectNode>) b -> b.put("origin", "西".repeat(101)), "origin=length"),
                Arguments.of("travel 21", (Consumer<ObjectNode>) b -> { var a = b.putArray("travelHistory"); for (int i = 0; i < 21; i++) { a.add("西安"); } }, "travelHistory=items"),
                Arguments.of("travel entry long", (Consumer<ObjectNode>) b -> b.putArray("travelHistory").add("西".repeat(101)), "travelHistory.0=length"),
                Arguments.of("contact not bool", (Consumer<ObjectNode>) b -> b.put("contactWithCases", "yes"), "contactWithCases=type"),
                Arguments.of("temperature low", (Consumer<ObjectNode>) b -> b.put("temperatureCelsius", new BigDecimal("33.9")), "temperatureCelsius=range"),
                Arguments.of("temperature high", (Consumer<ObjectNode>) b -> b.put("temperatureCelsius", new BigDecimal("43.1")), "temperatureCelsius=range"),
                Arguments.of("temperature precision", (Consumer<ObjectNode>) b -> b.put("temperatureCelsius", new BigDecimal("36.55")), "temperatureCelsius=precision"),
                Arguments.of("temperature at checkpoint", (Consumer<ObjectNode>) b -> b.putObject("site").put("type", "CHECKPOINT").put("code", "G"), "temperatureCelsius=required"),
                Arguments.of("temperature at observation", (Consumer<ObjectNode>) b -> b.putObject("site").put("type", "OBSERVATION").put("code", "G"), "temperatureCelsius=required"),
                Arguments.of("symptom unknown", (Consumer<ObjectNode>) b -> b.putArray("symptoms").add("SNEEZING"), "symptoms=enum"),
                Arguments.of("cohabitants not bool", (Consumer<ObjectNode>) b -> b.put("cohabitantsUnwell", 1), "cohabitantsUnwell=type"),
                Arguments.of("consent missing", (Consumer<ObjectNode>) b -> b.remove("consent"), "consent=required"),
                Arguments.of("consent false", (Consumer<ObjectNode>) b -> b.put("consent", false), "consent=consent"),
                Arguments.of("unknown field", (Consumer<ObjectNode>) b -> b.put("nickname", "x"), "nickname=unknown"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidJson")
    void everyRuleIsEnforcedForJson(String rule, Consumer<ObjectNode> change, String fieldAndCode, Api api) {
        assertRejected(post(api, valid(change)), fieldAndCode);
    }

    @Test
    void everyFieldErrorComesAtOnce(Api api) {
        Api.Response response = api.postJson("/registrations", "{}");
        assertEquals(400, response.status());
        assertEquals(Set.of("name=required", "idNumber=required", "phone=required", "district=required",
                "site=required", "consent=required"), new HashSet<>(errors(response)));
    }

    @Test
    void valuesAtTheEdgesOfTheRulesAreAccepted(Api api) {
        for (ObjectNode body : List.of(
                valid(b -> b.put("temperatureCelsius", new BigDecimal("34.0"))),
                valid(b -> b.put("temperatureCelsius", new BigDecimal("43.0")).putObject("site").put("type", "CHECKPOINT").put("code", "G")),
                valid(b -> b.put("idType", "PASSPORT").put("idNumber", "E".repeat(30))),
                valid(b -> b.put("idNumber", "620102200002290006")),
                valid(b -> b.put("vehiclePlate", "甘AD12345")),
                valid(b -> b.put("phone", "0086 13800138000")),
                valid(b -> b.put("occurredAt", inShanghai(Instant.now().plus(4, ChronoUnit.MINUTES)))),
                valid(b -> b.put("occurredAt", inShanghai(Instant.now().minus(29, ChronoUnit.DAYS)))))) {
            Api.Response response = post(api, body);
            assertEquals(201, response.status(), () -> body + " -> " + response.body());
        }
    }

    // ---- every rule, form

    @Test
    void everyRuleIsEnforcedForForms(Api api) {
        Api.Response response = postForm(api, "name", "", "idNumber", "110105194912310021", "phone", "123",
                "district", "nowhere", "site.type", "CHECKPOINT", "site.code", "G", "temperatureCelsius", "36.55",
                "symptoms", "SNEEZING", "contactWithCases", "maybe", "vehiclePlate", "AB12345", "origin", "西".repeat(101),
                "occurredAt", "2020-02-13 10:00", "consent", "off", "extra", "1");
        assertEquals(400, response.status(), response.body());
        List<String> errors = errors(response);
        for (String expected : List.of("name=required", "idNumber=check-character", "phone=format",
                "district=unknown-district", "temperatureCelsius=precision", "symptoms=enum", "contactWithCases=type",
                "vehiclePlate=format", "origin=length", "occurredAt=date-time", "consent=consent", "extra=unknown")) {
            assertTrue(errors.contains(expected), () -> expected + " not in " + errors);
        }
        Api.Response noTemperature = postForm(api, "name", "A", "idNumber", ID_NUMBER, "phone", PHONE, "district",
                "chengguan", "site.type", "OBSERVATION", "site.code", "O", "consent", "true");
        assertEquals(List.of("temperatureCelsius=required"), errors(noTemperature));
        Api.Response birth = postForm(api, "name", "A", "idNumber", "620102190002290018", "phone", PHONE, "district",
                "chengguan", "site.type", "COMMUNITY", "site.code", "C", "consent", "1");
        assertEquals(List.of("idNumber=birth-date"), errors(birth));
    }

    @Test
    void otherMediaTypesGet415AndBigBodies413(Api api) {
        Api.Response text = api.send(api.request("/registrations").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(valid().toString())));
        assertEquals(415, text.status());
        Api.Response big = post(api, valid(b -> b.put("origin", "x".repeat(70_000))));
        assertEquals(413, big.status());
    }

    // ---- derived fields and local dates

    @Test
    void riskLevelsFollowContactFeverTravelAndSymptoms(Api api) {
        assertEquals("HIGH", post(api, valid(b -> b.put("contactWithCases", true))).json().path("riskLevel").asText());
        JsonNode fever = post(api, valid(b -> b.put("temperatureCelsius", new BigDecimal("37.3")))).json();
        assertEquals("HIGH", fever.path("riskLevel").asText());
        assertTrue(fever.path("isolationUntil").isNull());
        assertEquals("HIGH", post(api, valid(b -> b.put("origin", "hubei province"))).json().path("riskLevel").asText());
        assertEquals("MEDIUM", post(api, valid(b -> b.putArray("symptoms").add("COUGH"))).json().path("riskLevel").asText());
        assertEquals("MEDIUM", post(api, valid(b -> b.putArray("travelHistory").add("西安"))).json().path("riskLevel").asText());
        assertEquals("LOW", post(api, valid(b -> b.put("temperatureCelsius", new BigDecimal("37.2")))).json().path("riskLevel").asText());
    }

    @Test
    void theLocalDateChangesAtMidnightInLanzhouNotInUtc(Api api, LocalStack stack) {
        LocalDate yesterday = LocalDate.now(SHANGHAI).minusDays(1);
        Instant midnight = yesterday.atStartOfDay(SHANGHAI).toInstant(); // 16:00Z the day before
        JsonNode before = post(api, valid(b -> b.put("occurredAt", midnight.minusSeconds(1).toString()))).json();
        JsonNode after = post(api, valid(b -> b.put("occurredAt", midnight.toString()).put("contactWithCases", true))).json();
        assertEquals(yesterday.minusDays(1).toString(), before.path("localDate").asText());
        assertEquals(yesterday.toString(), after.path("localDate").asText());
        assertEquals(yesterday.plusDays(14).toString(), after.path("isolationUntil").asText());
        assertEquals(midnight.toString(), after.path("occurredAt").asText());
        // late registrations mark their day for the report
        try (DynamoDbClient dynamo = LocalResources.dynamoDb(stack.dynamoDbEndpoint())) {
            for (LocalDate day : List.of(yesterday, yesterday.minusDays(1))) {
                var marker = dynamo.getItem(g -> g.tableName(TABLE).consistentRead(true)
                        .key(Map.of("pk", AttributeValue.fromS("CHANGED"), "sk", AttributeValue.fromS(day.toString()))));
                assertTrue(marker.hasItem() && !marker.item().isEmpty(), "no CHANGED marker for " + day);
            }
        }
    }

    // ---- Idempotency-Key

    @Test
    void aReplayReturnsTheStoredAnswerAndADifferentBodyIs422(Api api) {
        String key = UUID.randomUUID().toString();
        Api.Response first = post(api, valid(), key);
        Api.Response second = post(api, valid(), key);
        assertEquals(201, first.status(), first.body());
        assertEquals(201, second.status());
        assertEquals(first.json(), second.json());
        assertEquals("true", second.header("Idempotency-Replayed").orElse(""));
        assertFalse(first.header("Idempotency-Replayed").isPresent());
        assertEquals(422, post(api, valid(b -> b.put("name", "李娜")), key).status());
    }

    @Test
    void a400IsNotStoredSoTheCorrectedRequestWithTheSameKeyIsProcessed(Api api) {
        String key = UUID.randomUUID().toString();
        assertEquals(400, post(api, valid(b -> b.put("phone", "1")), key).status());
        Api.Response corrected = post(api, valid(), key);
        assertEquals(201, corrected.status(), corrected.body());
        assertFalse(corrected.header("Idempotency-Replayed").isPresent());
    }

    @Test
    void fiftyConcurrentRequestsWithOneKeyStoreExactlyOneRegistration(Api api, LocalStack stack) throws Exception {
        String key = UUID.randomUUID().toString();
        ObjectNode body = valid(b -> b.put("district", "anning"));
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post(api, body, key);
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                Api.Response response = f.get();
                statuses.add(response.status());
                if (response.status() == 201) {
                    ids.add(response.json().path("id").asText());
                }
            }
            assertEquals(List.of(201), statuses.stream().distinct().toList(), () -> "statuses " + statuses);
            assertEquals(1, ids.size());
            String id = ids.iterator().next();
            String localDate = post(api, body, key).json().path("localDate").asText();
            assertEquals(1, itemsWithId(stack, localDate, "anning", id).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theStoredItemHoldsHashesAndMasksButNotTheIdNumberOrPhone(Api api, LocalStack stack) {
        JsonNode receipt = post(api, valid(b -> b.put("district", "xigu").put("vehiclePlate", "甘a12345"))).json();
        List<Map<String, AttributeValue>> items = itemsWithId(stack, receipt.path("localDate").asText(), "xigu",
                receipt.path("id").asText());
        assertEquals(1, items.size());
        Map<String, AttributeValue> item = items.get(0);
        String all = item.toString();
        assertFalse(all.contains(ID_NUMBER.substring(0, 17)), all);
        assertFalse(all.contains(PHONE), all);
        // each hash carries the version of the key that made it (docs/registrations.md, key rotation)
        assertTrue(item.get("idHash").s().matches("v1:[0-9a-f]{64}"), item.get("idHash").s());
        assertTrue(item.get("phoneHash").s().matches("v1:[0-9a-f]{64}"), item.get("phoneHash").s());
        assertEquals("1***************2X", item.get("idNumberMasked").s());
        assertEquals("甘A12345", item.get("vehiclePlate").s());
        assertNotEquals(item.get("idHash").s(), item.get("phoneHash").s());
        // the same person registering again gets the same hash
        JsonNode again = post(api, valid(b -> b.put("district", "xigu").put("idNumber", "11010519491231002x"))).json();
        var second = itemsWithId(stack, again.path("localDate").asText(), "xigu", again.path("id").asText()).get(0);
        assertEquals(item.get("idHash").s(), second.get("idHash").s());
    }

    /** Every item of the day's shards whose sort key is the id and whose district is this one (Query by key; no Scan). */
    private static List<Map<String, AttributeValue>> itemsWithId(LocalStack stack, String localDate, String district, String id) {
        try (DynamoDbClient dynamo = LocalResources.dynamoDb(stack.dynamoDbEndpoint())) {
            List<Map<String, AttributeValue>> found = new ArrayList<>();
            for (int shard = 0; shard < DistrictDayItems.SHARDS; shard++) {
                String pk = "REG#" + localDate + "#" + shard;
                found.addAll(dynamo.query(q -> q.tableName(TABLE).consistentRead(true)
                        .keyConditionExpression("pk = :pk AND sk = :id")
                        .filterExpression("district = :d")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":id", AttributeValue.fromS(id),
                                ":d", AttributeValue.fromS(district))))
                        .items());
            }
            return found;
        }
    }
}
