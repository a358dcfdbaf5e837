package cn.lanzhou.epidemic.local.contract.donation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** POST /donations over HTTP against the local stack: every rule of openapi.yaml, replays, exact money. */
@ExtendWith(LocalStackExtension.class)
class DonationContractTest {
    static final String RECEIPT = "DN-\\d{8}-[0-9A-HJKMNP-TV-Z]{6}";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    static ObjectNode funds() {
        return (ObjectNode) parse("""
                {"donor": {"name": "兰州某某商贸有限公司", "type": "ORGANIZATION", "phone": "+86 138-0931-1234"},
                 "district": "chengguan", "recipient": "城关区红十字会", "kind": "FUNDS", "amount": "2000.20"}""");
    }

    static ObjectNode materials() {
        return (ObjectNode) parse("""
                {"donor": {"name": "张三", "type": "INDIVIDUAL"}, "district": "qilihe", "kind": "MATERIALS",
                 "items": [{"category": "MASK", "name": "医用外科口罩", "quantity": 10000, "unit": "只", "unitValue": "0.85"},
                           {"category": "DISINFECTANT", "name": "84 消毒液", "quantity": 200, "unit": "瓶", "unitValue": 12.5}]}""");
    }

    static JsonNode parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String write(JsonNode node) {
        return node.toString();
    }

    static Api.Response post(Api api, JsonNode body, String idempotencyKey) {
        HttpRequest.Builder request = api.request("/donations").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body)));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return api.send(request);
    }

    static JsonNode created(Api.Response response) {
        assertEquals(201, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        return response.json();
    }

    // ---- accepted

    @Test
    void fundsAreRecordedWithAReceiptAndTheExactValue(Api api) {
        JsonNode body = created(post(api, funds(), null));
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("id", "receiptNumber", "kind", "value", "localDate", "district"), Set.copyOf(names));
        assertTrue(body.get("receiptNumber").asText().matches(RECEIPT), body.toString());
        assertTrue(body.get("receiptNumber").asText().startsWith("DN-" + TODAY.toString().replace("-", "") + "-"));
        assertEquals("FUNDS", body.get("kind").asText());
        assertTrue(body.get("value").isTextual());
        assertEquals("2000.20", body.get("value").asText());
        assertEquals(TODAY.toString(), body.get("localDate").asText());
        assertEquals("chengguan", body.get("district").asText());
    }

    @Test
    void materialsAreValuedAsTheExactSumOfQuantityTimesUnitValue(Api api) {
        JsonNode body = created(post(api, materials(), null));
        assertEquals("11000.00", body.get("value").asText());
        assertEquals("MATERIALS", body.get("kind").asText());
    }

    @Test
    void amountsAreReadExactlyFromNumbersAndStrings(Api api) {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("1e2", "100.00");
        cases.put("\"12.5\"", "12.50");
        cases.put("100000000.00", "100000000.00");
        cases.put("0.01", "0.01");
        cases.put("\"0.30\"", "0.30");
        cases.forEach((raw, expected) -> {
            ObjectNode body = funds();
            body.set("amount", parse(raw));
            assertEquals(expected, created(post(api, body, null)).get("value").asText(), raw);
        });
    }

    @Test
    void pointOneAndPointTwoUnitValuesTotalPointThirty(Api api) {
        ObjectNode body = materials();
        ((ObjectNode) body.get("items").get(0)).put("quantity", 1).set("unitValue", parse("0.1"));
        ((ObjectNode) body.get("items").get(1)).put("quantity", 1).put("unitValue", "0.2");
        assertEquals("0.30", created(post(api, body, null)).get("value").asText());
    }

    @Test
    void anAnonymousDonorNeedsNoNameAndIsNeverReported(Api api) {
        ObjectNode body = funds();
        ((ObjectNode) body.get("donor")).remove("name");
        ((ObjectNode) body.get("donor")).put("anonymous", true);
        Api.Response response = post(api, body, null);
        created(response);
        assertFalse(response.body().contains("匿名"));
    }

    @Test
    void aDonationDatedBackCountsOnItsDateButTheReceiptCarriesTheDayReceived(Api api) {
        JsonNode body = created(post(api, funds().put("donatedOn", TODAY.minusDays(365).toString()), null));
        assertEquals(TODAY.minusDays(365).toString(), body.get("localDate").asText());
        assertTrue(body.get("receiptNumber").asText().startsWith("DN-" + TODAY.toString().replace("-", "") + "-"));
    }

    @Test
    void anHtmlFormPostIsAccepted(Api api) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("donor.name", "李四");
        form.put("donor.type", "INDIVIDUAL");
        form.put("donor.anonymous", "off");
        form.put("district", "xigu");
        form.put("kind", "MATERIALS");
        form.put("items.0.category", "MASK");
        form.put("items.0.name", "N95");
        form.put("items.0.quantity", "3");
        form.put("items.0.unit", "盒");
        form.put("items.0.unitValue", "0.1");
        form.put("donatedOn", "");
        JsonNode body = created(api.postForm("/donations", form));
        assertEquals("0.30", body.get("value").asText());
        assertEquals(TODAY.toString(), body.get("localDate").asText());
    }

    @Test
    void receiptNumbersAreUnique(Api api) {
        Set<String> receipts = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            assertTrue(receipts.add(created(post(api, funds(), null)).get("receiptNumber").asText()));
        }
    }

    @Test
    void manyDonationsTotalExactlyWhatWasSent(Api api) {
        Random random = new Random(13);
        long fen = 0;
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (int i = 0; i < 60; i++) {
            long amount = 1 + (long) (random.nextDouble() * 100_000_00L);
            fen += amount;
            String text = amount / 100 + "." + String.format("%02d", amount % 100);
            ObjectNode body = funds();
            body.set("amount", i % 2 == 0 ? parse(text) : parse("\"" + text + "\""));
            total = total.add(new java.math.BigDecimal(created(post(api, body, null)).get("value").asText()));
        }
        assertEquals(fen / 100 + "." + String.format("%02d", fen % 100), total.toPlainString());
    }

    // ---- rejected: one case per rule, each naming its field

    static Stream<Arguments> invalid() {
        List<Arguments> cases = new ArrayList<>();
        Consumer<ObjectNode> none = b -> { };
        add(cases, "donor missing", funds(), b -> b.remove("donor"), "donor");
        add(cases, "donor not an object", funds(), b -> b.put("donor", "x"), "donor");
        add(cases, "donor name missing", funds(), b -> donor(b).remove("name"), "donor.name");
        add(cases, "donor name too long", funds(), b -> donor(b).put("name", "名".repeat(101)), "donor.name");
        add(cases, "donor type missing", funds(), b -> donor(b).remove("type"), "donor.type");
        add(cases, "donor type unknown", funds(), b -> donor(b).put("type", "PERSON"), "donor.type");
        add(cases, "donor phone not mobile", funds(), b -> donor(b).put("phone", "12812345678"), "donor.phone");
        add(cases, "donor phone too short", funds(), b -> donor(b).put("phone", "1381234567"), "donor.phone");
        add(cases, "donor anonymous not boolean", funds(), b -> donor(b).put("anonymous", "yes"), "donor.anonymous");
        add(cases, "donor unknown field", funds(), b -> donor(b).put("idNumber", "x"), "donor.idNumber");
        add(cases, "district missing", funds(), b -> b.remove("district"), "district");
        add(cases, "district unknown", funds(), b -> b.put("district", "wuchang"), "district");
        add(cases, "recipient too long", funds(), b -> b.put("recipient", "会".repeat(101)), "recipient");
        add(cases, "kind missing", funds(), b -> b.remove("kind"), "kind");
        add(cases, "kind unknown", funds(), b -> b.put("kind", "SERVICES"), "kind");
        add(cases, "amount missing for funds", funds(), b -> b.remove("amount"), "amount");
        add(cases, "amount zero", funds(), b -> b.put("amount", 0), "amount");
        add(cases, "amount negative", funds(), b -> b.put("amount", "-5.00"), "amount");
        add(cases, "amount one fen over the maximum", funds(), b -> b.put("amount", "100000000.01"), "amount");
        add(cases, "amount with 3 fraction digits", funds(), b -> b.set("amount", parse("0.015")), "amount");
        add(cases, "amount NaN", funds(), b -> b.put("amount", "NaN"), "amount");
        add(cases, "amount Infinity", funds(), b -> b.put("amount", "Infinity"), "amount");
        add(cases, "amount boolean", funds(), b -> b.put("amount", true), "amount");
        add(cases, "items given for funds", funds(), b -> b.set("items", materials().get("items")), "items");
        add(cases, "amount given for materials", materials(), b -> b.put("amount", "10.00"), "amount");
        add(cases, "items missing for materials", materials(), b -> b.remove("items"), "items");
        add(cases, "items empty", materials(), b -> b.putArray("items"), "items");
        add(cases, "items 51", materials(), b -> {
            ArrayNode items = b.putArray("items");
            for (int i = 0; i < 51; i++) {
                items.add(materials().get("items").get(0));
            }
        }, "items");
        add(cases, "item category unknown", materials(), b -> item(b).put("category", "VACCINE"), "items.0.category");
        add(cases, "item name missing", materials(), b -> item(b).remove("name"), "items.0.name");
        add(cases, "item name too long", materials(), b -> item(b).put("name", "n".repeat(101)), "items.0.name");
        add(cases, "item quantity zero", materials(), b -> item(b).put("quantity", 0), "items.0.quantity");
        add(cases, "item quantity too large", materials(), b -> item(b).put("quantity", 10_000_001), "items.0.quantity");
        add(cases, "item quantity fractional", materials(), b -> item(b).set("quantity", parse("1.5")), "items.0.quantity");
        add(cases, "item unit missing", materials(), b -> item(b).remove("unit"), "items.0.unit");
        add(cases, "item unit too long", materials(), b -> item(b).put("unit", "u".repeat(11)), "items.0.unit");
        add(cases, "item unitValue missing", materials(), b -> item(b).remove("unitValue"), "items.0.unitValue");
        add(cases, "item unitValue negative", materials(), b -> item(b).put("unitValue", "-0.01"), "items.0.unitValue");
        add(cases, "item unitValue 3 fraction digits", materials(), b -> item(b).put("unitValue", "0.001"), "items.0.unitValue");
        add(cases, "donatedOn tomorrow", funds(), b -> b.put("donatedOn", TODAY.plusDays(1).toString()), "donatedOn");
        add(cases, "donatedOn 366 days back", funds(), b -> b.put("donatedOn", TODAY.minusDays(366).toString()), "donatedOn");
        add(cases, "donatedOn not a date", funds(), b -> b.put("donatedOn", "2020-02-30"), "donatedOn");
        add(cases, "note too long", funds(), b -> b.put("note", "注".repeat(501)), "note");
        add(cases, "unknown field", funds(), b -> b.put("currency", "CNY"), "currency");
        return cases.stream();
    }

    private static void add(List<Arguments> cases, String name, ObjectNode body, Consumer<ObjectNode> change, String field) {
        change.accept(body);
        cases.add(Arguments.of(name, body, field));
    }

    private static ObjectNode donor(ObjectNode body) {
        return (ObjectNode) body.get("donor");
    }

    private static ObjectNode item(ObjectNode body) {
        return (ObjectNode) body.get("items").get(0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void anInvalidFieldIs400NamingTheField(String name, ObjectNode body, String field, Api api) {
        Api.Response response = post(api, body, null);
        assertEquals(400, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        JsonNode problem = response.json();
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of(field), fields, response.body());
        assertFalse(response.body().contains("兰州某某商贸有限公司"), "no personal data in an error");
    }

    @Test
    void everyBadFieldIsReportedAtOnce(Api api) {
        Api.Response response = post(api, parse("""
                {"donor": {"type": "X", "phone": "1"}, "district": "nowhere", "kind": "FUNDS", "amount": "0.015",
                 "donatedOn": "tomorrow"}"""), null);
        assertEquals(400, response.status());
        Set<String> fields = new HashSet<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("donor.name", "donor.type", "donor.phone", "district", "amount", "donatedOn"), fields);
    }

    @Test
    void malformedJsonIs400AndAnotherContentTypeIs415(Api api) {
        assertEquals(400, api.send(api.request("/donations").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":"))).status());
        assertEquals(415, api.send(api.request("/donations").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(write(funds())))).status());
    }

    // ---- Idempotency-Key

    @Test
    void theSameKeyAndBodyReplaysTheFirstAnswer(Api api) {
        String key = UUID.randomUUID().toString();
        Api.Response first = post(api, funds(), key);
        Api.Response again = post(api, funds(), key);
        assertEquals(201, again.status());
        assertEquals(first.json(), again.json());
        assertEquals("true", again.header("Idempotency-Replayed").orElse(""));
        assertTrue(first.header("Idempotency-Replayed").isEmpty());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422(Api api) {
        String key = UUID.randomUUID().toString();
        created(post(api, funds(), key));
        Api.Response other = post(api, funds().put("amount", "1.00"), key);
        assertEquals(422, other.status(), other.body());
        assertTrue(other.contentType().startsWith("application/problem+json"));
    }

    @Test
    void aRejectedRequestIsNotStoredUnderItsKey(Api api) {
        String key = UUID.randomUUID().toString();
        assertEquals(400, post(api, funds().put("amount", "0"), key).status());
        // corrected, with the same key: processed, not 422
        Api.Response corrected = post(api, funds(), key);
        assertEquals(201, corrected.status(), corrected.body());
        assertTrue(corrected.header("Idempotency-Replayed").isEmpty());
    }
}
