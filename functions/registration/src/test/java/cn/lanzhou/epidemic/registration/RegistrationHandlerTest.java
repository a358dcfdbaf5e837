package cn.lanzhou.epidemic.registration;

import cn.lanzhou.epidemic.person.PersonalData;
import cn.lanzhou.epidemic.common.testing.Requests;
import static cn.lanzhou.epidemic.registration.Fixture.body;
import static cn.lanzhou.epidemic.registration.Fixture.valid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.testing.Events;
import cn.lanzhou.epidemic.person.IdType;
import cn.lanzhou.epidemic.registration.domain.Registration;
import cn.lanzhou.epidemic.registration.store.DynamoRegistrations;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RegistrationHandlerTest {

    @Test
    void aRegistrationIsAnswered201WithExactlyTheFieldsOfTheContract() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00.123456Z");
        APIGatewayV2HTTPResponse response = fixture.post(valid().put("phone", "+86 138-0013-8000"));
        assertEquals(201, response.getStatusCode(), response::getBody);
        JsonNode body = body(response);
        List<String> names = new ArrayList<>();
        body.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("id", "receivedAt", "occurredAt", "localDate", "district", "riskLevel", "fever",
                "isolationUntil", "idNumberMasked", "phoneMasked"), names);
        assertEquals(26, body.path("id").asText().length());
        assertEquals("2020-02-14T04:00:00.123Z", body.path("receivedAt").asText());
        assertEquals("2020-02-14T04:00:00.123Z", body.path("occurredAt").asText(), "occurredAt defaults to the time received");
        assertEquals("2020-02-14", body.path("localDate").asText());
        assertEquals("chengguan", body.path("district").asText());
        assertEquals("LOW", body.path("riskLevel").asText());
        assertFalse(body.path("fever").asBoolean());
        assertTrue(body.path("isolationUntil").isNull());
        assertEquals("1***************2X", body.path("idNumberMasked").asText());
        assertEquals("138****8000", body.path("phoneMasked").asText());
        assertEquals(1, fixture.registrations.byId.size());
    }

    @Test
    void theLocalDateIsTheDateInLanzhouNotInUtc() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        assertEquals("2020-02-13", body(fixture.post(valid().put("occurredAt", "2020-02-13T15:59:59Z"))).path("localDate").asText());
        assertEquals("2020-02-14", body(fixture.post(valid().put("occurredAt", "2020-02-13T16:00:00Z"))).path("localDate").asText());
        assertEquals("2020-02-14", body(fixture.post(valid().put("occurredAt", "2020-02-14T00:00:00+08:00"))).path("localDate").asText());
        JsonNode late = body(fixture.post(valid().put("occurredAt", "2020-02-13T23:59:59+08:00")));
        assertEquals("2020-02-13", late.path("localDate").asText());
        assertEquals("2020-02-13T15:59:59Z", late.path("occurredAt").asText());
    }

    @Test
    void withoutOccurredAtTheLocalDateFollowsTheTimeReceivedAcrossMidnight() {
        assertEquals("2020-02-13", body(Fixture.at("2020-02-13T15:59:59Z").post(valid())).path("localDate").asText());
        assertEquals("2020-02-14", body(Fixture.at("2020-02-13T16:00:00Z").post(valid())).path("localDate").asText());
    }

    @Test
    void contactWithCasesIsHighRiskWith14DaysOfIsolationFromTheLocalDate() {
        JsonNode body = body(Fixture.at("2020-02-14T04:00:00Z")
                .post(valid().put("contactWithCases", true).put("occurredAt", "2020-02-13T16:30:00Z")));
        assertEquals("HIGH", body.path("riskLevel").asText());
        assertEquals("2020-02-28", body.path("isolationUntil").asText());
    }

    @Test
    void feverAloneIsHighRiskWithoutIsolation() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        JsonNode hot = body(fixture.post(valid().put("temperatureCelsius", 37.3)));
        assertTrue(hot.path("fever").asBoolean());
        assertEquals("HIGH", hot.path("riskLevel").asText());
        assertTrue(hot.path("isolationUntil").isNull());
        JsonNode declared = body(fixture.post(valid().put("temperatureCelsius", 36.0).set("symptoms", Json.array().add("FEVER"))));
        assertTrue(declared.path("fever").asBoolean());
        assertEquals("HIGH", declared.path("riskLevel").asText());
        JsonNode normal = body(fixture.post(valid().put("temperatureCelsius", 37.2)));
        assertFalse(normal.path("fever").asBoolean());
        assertEquals("LOW", normal.path("riskLevel").asText());
    }

    @Test
    void arrivingFromOrThroughHubeiIsHighRiskWithIsolation() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        JsonNode origin = body(fixture.post(valid().put("origin", "湖北省武汉市")));
        assertEquals("HIGH", origin.path("riskLevel").asText());
        assertEquals("2020-02-28", origin.path("isolationUntil").asText());
        ObjectNode travel = valid();
        travel.putArray("travelHistory").add("西安").add("Wuhan, HUBEI");
        assertEquals("HIGH", body(fixture.post(travel)).path("riskLevel").asText());
    }

    @Test
    void symptomsOrAnyTravelAreMediumRiskAndNothingIsLow() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        ObjectNode cough = valid();
        cough.putArray("symptoms").add("COUGH");
        assertEquals("MEDIUM", body(fixture.post(cough)).path("riskLevel").asText());
        ObjectNode travel = valid();
        travel.putArray("travelHistory").add("西安");
        assertEquals("MEDIUM", body(fixture.post(travel)).path("riskLevel").asText());
        assertEquals("LOW", body(fixture.post(valid().put("origin", "西安"))).path("riskLevel").asText());
    }

    @Test
    void whatIsStoredHoldsHashesAndMasksButNeitherTheIdNumberNorThePhone() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        fixture.post(valid().put("vehiclePlate", "甘ad12345"));
        Registration stored = fixture.registrations.byId.values().iterator().next();
        assertEquals("张伟", stored.name());
        assertEquals(new PersonalData(Fixture.KEY).idHash(IdType.RESIDENT_ID, "11010519491231002X"), stored.idHash());
        assertEquals(new PersonalData(Fixture.KEY).phoneHash("13800138000"), stored.phoneHash());
        assertEquals("甘AD12345", stored.vehiclePlate().orElseThrow());
        String everything = DynamoRegistrations.toItem(stored).toString();
        assertFalse(everything.contains("11010519491231002"));
        assertFalse(everything.contains("13800138000"));
    }

    // ---- Idempotency-Key

    @Test
    void aReplayReturnsTheSameBodyAndWritesNothing() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        APIGatewayV2HTTPResponse first = fixture.post(Fixture.json(valid(), "form-1"));
        APIGatewayV2HTTPResponse second = fixture.post(Fixture.json(valid(), "form-1"));
        assertEquals(201, first.getStatusCode());
        assertEquals(201, second.getStatusCode());
        assertEquals(body(first), body(second));
        assertEquals("true", second.getHeaders().get("Idempotency-Replayed"));
        assertNull(first.getHeaders().get("Idempotency-Replayed"));
        assertEquals(1, fixture.registrations.writes.get());
    }

    @Test
    void theSameKeyWithADifferentBodyIs422() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        fixture.post(Fixture.json(valid(), "form-2"));
        APIGatewayV2HTTPResponse other = fixture.post(Fixture.json(valid().put("name", "李娜"), "form-2"));
        assertEquals(422, other.getStatusCode());
        assertEquals(1, fixture.registrations.byId.size());
    }

    @Test
    void a400IsNotStoredSoTheCorrectedFormGoesThroughWithTheSameKey() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        assertEquals(400, fixture.post(Fixture.json(valid().put("phone", "123"), "form-3")).getStatusCode());
        assertEquals(0, fixture.keys.size());
        APIGatewayV2HTTPResponse corrected = fixture.post(Fixture.json(valid(), "form-3"));
        assertEquals(201, corrected.getStatusCode());
        assertNull(corrected.getHeaders().get("Idempotency-Replayed"));
    }

    @Test
    void aRunAfterACrashFindsTheStoredRecordAndAnswersWithIt() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        JsonNode first = body(fixture.post(Fixture.json(valid(), "form-4")));
        Registration stored = fixture.registrations.byId.get(first.path("id").asText());
        // the same item built again, as a re-run with the first attempt's id and time would build it
        Registration again = fixture.registrations.addIfAbsent(stored);
        assertEquals(stored, again);
        assertEquals(first, RegistrationHandler.receipt(again));
    }

    @Test
    void fiftyConcurrentRequestsWithOneKeyMakeOneRegistrationAndAllGetItsId() throws Exception {
        Fixture fixture = Fixture.live();
        int copies = 50;
        ExecutorService pool = Executors.newFixedThreadPool(copies);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                Callable<APIGatewayV2HTTPResponse> call = () -> {
                    start.await();
                    return fixture.post(Fixture.json(valid(), "double-click"));
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<APIGatewayV2HTTPResponse> f : futures) {
                APIGatewayV2HTTPResponse response = f.get();
                assertEquals(201, response.getStatusCode(), response::getBody);
                ids.add(body(response).path("id").asText());
            }
            assertEquals(1, ids.size());
            assertEquals(1, fixture.registrations.byId.size());
            assertEquals(1, fixture.registrations.writes.get());
            assertTrue(fixture.registrations.byId.containsKey(ids.iterator().next()));
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- sample events and logs

    @Test
    void theSampleEventsAreAcceptedAsLambdaWouldDeliverThem() {
        Fixture fixture = Fixture.live();
        APIGatewayV2HTTPEvent json = Events.load("registration-post.json");
        assertFalse(json.getIsBase64Encoded());
        APIGatewayV2HTTPResponse created = fixture.post(json);
        assertEquals(201, created.getStatusCode(), created::getBody);
        assertEquals("MEDIUM", body(created).path("riskLevel").asText(), "the sample travelled, not to Hubei");

        APIGatewayV2HTTPEvent form = Events.load("registration-post-form.json");
        assertTrue(form.getIsBase64Encoded());
        APIGatewayV2HTTPResponse fromForm = fixture.post(form);
        assertEquals(201, fromForm.getStatusCode(), fromForm::getBody);
        assertEquals("HIGH", body(fromForm).path("riskLevel").asText());
        assertTrue(body(fromForm).path("fever").asBoolean());
    }

    @Test
    void noLogLineCarriesANameAnIdNumberOrAPhone() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            fixture.post(valid());
            fixture.post(Fixture.json(valid().put("name", "王秀英").put("idNumber", "440308199901010012")
                    .put("phone", "13912345678"), "k1"));
            fixture.post(Fixture.json(valid().put("name", "王秀英").put("idNumber", "440308199901010012")
                    .put("phone", "13912345678"), "k1"));
            fixture.post(valid().put("name", "赵敏").put("idNumber", "440308199901010013").put("phone", "13712345678"));
            fixture.post(valid().put("idNumber", "510107197506150244").put("phone", "1371234567").put("district", "x"));
            fixture.post(Fixture.form("name=%E9%92%B1%E5%BC%BA&idNumber=620102198002291236&phone=15012345678&consent=on"));
            fixture.post(Fixture.json(valid().put("vehiclePlate", "甘A54321"), "k1")); // 422
        } finally {
            System.setOut(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.lines().count() >= 7, log);
        for (String secret : List.of("张伟", "王秀英", "赵敏", "钱强", "11010519491231002", "440308199901010012",
                "440308199901010013", "510107197506150244", "620102198002291236", "13800138000", "13912345678",
                "13712345678", "1371234567", "15012345678", "甘A54321")) {
            assertFalse(log.contains(secret), () -> "the log shows personal data: " + secret);
        }
        for (Iterator<String> lines = log.lines().iterator(); lines.hasNext(); ) {
            JsonNode line = Json.parseTrusted(lines.next());
            assertTrue(line.has("requestId"), line::toString);
        }
    }

    // ---- found by RegistrationHandlerProperties, and the classes of answers fixed with it

    @Test
    void aJsonTextPostedAsAFormIsAnUnknownFieldWhoseNameIsNotRepeated() {
        // jqwik's shrunk counterexample: the whole JSON text became one form name, echoed as the error's field
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        String json = Json.write(valid());
        APIGatewayV2HTTPResponse response = fixture.post(Requests.route("POST /registrations", "/registrations")
                .header("content-type", "application/x-www-form-urlencoded").build());
        assertEquals(400, response.getStatusCode());
        APIGatewayV2HTTPEvent event = Requests.route("POST /registrations", "/registrations").json(json).build();
        event.getHeaders().put("content-type", "application/x-www-form-urlencoded");
        APIGatewayV2HTTPResponse answer = fixture.post(event);
        assertEquals(400, answer.getStatusCode());
        assertTrue(Fixture.errors(answer).contains("=unknown"), answer::getBody);
        for (String secret : List.of("张伟", "11010519491231002X", "13800138000")) {
            assertFalse(answer.getBody().contains(secret), answer::getBody);
        }
        assertTrue(fixture.registrations.byId.isEmpty());
    }

    @Test
    void anExponentNoNumberCanHoldIsAMalformedBodyNotA500() {
        // jqwik's shrunk counterexample: BigDecimal refuses the exponent with a NumberFormatException
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        APIGatewayV2HTTPResponse response = fixture.post(Requests.route("POST /registrations", "/registrations")
                .json("{\"name\":[{\"\":1e9999999990}],\"idNumber\":\"11010519491231002X\",\"phone\":\"13800138000\","
                        + "\"district\":\"chengguan\",\"site\":{\"type\":\"COMMUNITY\",\"code\":\"DONGGANG-3\"},\"consent\":true}")
                .build());
        assertEquals(400, response.getStatusCode(), response::getBody);
        assertEquals("/problems/malformed-body", body(response).path("type").asText());
        assertEquals(List.of("=malformed"), Fixture.errors(response));
    }

    @Test
    void everyMalformedBodyListsOneErrorOnTheWholeBody() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        for (String text : List.of("", "{", "[]", "null", "{\"a\":1,\"a\":2}", "[".repeat(100) + "]".repeat(100))) {
            APIGatewayV2HTTPResponse response = fixture.post(Requests.route("POST /registrations", "/registrations").json(text).build());
            assertEquals(400, response.getStatusCode(), text);
            assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
            JsonNode problem = body(response);
            assertEquals("/problems/malformed-body", problem.path("type").asText(), text);
            assertEquals(1, problem.path("errors").size(), text);
            JsonNode error = problem.path("errors").get(0);
            assertEquals("", error.path("field").asText());
            assertEquals("malformed", error.path("code").asText());
            assertEquals(problem.path("detail").asText(), error.path("message").asText());
        }
        APIGatewayV2HTTPResponse badForm = fixture.post(Fixture.form("name=%E5%BC"));
        assertEquals(List.of("=malformed"), Fixture.errors(badForm));
        assertEquals(0, fixture.keys.size());
    }

    @Test
    void aNullForAnOptionalFieldIsAWrongTypeAndNothingIsStored() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        APIGatewayV2HTTPResponse response = fixture.post(valid().putNull("occurredAt").putNull("vehiclePlate"));
        assertEquals(400, response.getStatusCode());
        assertEquals(List.of("occurredAt=type", "vehiclePlate=type"), Fixture.errors(response));
        assertTrue(fixture.registrations.byId.isEmpty());
    }

    @Test
    void aSymptomGivenTwiceIsRefusedAsTheSchemaSaysUniqueItems() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        ObjectNode twice = valid();
        twice.putArray("symptoms").add("COUGH").add("FEVER").add("COUGH");
        APIGatewayV2HTTPResponse response = fixture.post(twice);
        assertEquals(400, response.getStatusCode());
        assertEquals(List.of("symptoms=duplicate"), Fixture.errors(response));
        assertEquals(List.of("symptoms=duplicate"), Fixture.errors(fixture.post(Fixture.form(
                "name=%E5%BC%A0%E4%BC%9F&idNumber=11010519491231002X&phone=13800138000&district=chengguan"
                        + "&site.type=COMMUNITY&site.code=A&consent=on&symptoms=COUGH&symptoms=COUGH"))));
    }

    @Test
    void onlyAFormPostThatPrefersHtmlGetsAPageAndAJsonPostGetsJson() {
        Fixture fixture = Fixture.at("2020-02-14T04:00:00Z");
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        APIGatewayV2HTTPResponse json = fixture.post(Requests.route("POST /registrations", "/registrations")
                .json(Json.write(valid())).header("Accept", browser).build());
        assertEquals(201, json.getStatusCode());
        assertTrue(json.getHeaders().get("Content-Type").startsWith("application/json"));
        APIGatewayV2HTTPResponse badJson = fixture.post(Requests.route("POST /registrations", "/registrations")
                .json("{").header("Accept", browser).build());
        assertEquals("application/problem+json", badJson.getHeaders().get("Content-Type"));
        APIGatewayV2HTTPResponse form = fixture.post(Requests.route("POST /registrations", "/registrations")
                .form("name=%E5%BC%A0%E4%BC%9F&idNumber=11010519491231002X&phone=13800138000&district=chengguan"
                        + "&site.type=COMMUNITY&site.code=A&consent=on").header("Accept", browser).build());
        assertEquals(201, form.getStatusCode());
        assertTrue(form.getHeaders().get("Content-Type").startsWith("text/html"), form.getHeaders()::toString);
        APIGatewayV2HTTPResponse wrongType = fixture.post(Requests.route("POST /registrations", "/registrations")
                .header("content-type", "text/plain").header("Accept", browser).build());
        assertEquals(415, wrongType.getStatusCode());
        assertEquals("application/problem+json", wrongType.getHeaders().get("Content-Type"), "not a form post: no page");
    }
}
