package cn.lanzhou.epidemic.reopening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.testing.Requests;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ReopeningHandlerTest {
    private final InMemoryReopeningApplications store = new InMemoryReopeningApplications();
    private final ReopeningHandler handler = Fixtures.handler(store);

    private record Answer(int status, JsonNode body) {
    }

    private Answer call(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, null);
        return new Answer(response.getStatusCode(), Json.parseTrusted(response.getBody()));
    }

    private Answer submit(String json) {
        return call(Requests.route("POST /reopenings", "/reopenings").json(json).build());
    }

    private String submitted() {
        Answer answer = submit(Fixtures.body());
        assertEquals(201, answer.status(), answer.body().toString());
        return answer.body().get("id").asText();
    }

    private Answer decide(String id, String json) {
        return call(Requests.route("POST /reopenings/{id}/decision", "/reopenings/" + id + "/decision")
                .path("id", id).json(json).staff("staff-1").build());
    }

    private static Set<String> fields(JsonNode body) {
        Set<String> names = new HashSet<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> errorFields(JsonNode problem) {
        List<String> names = new ArrayList<>();
        problem.get("errors").forEach(e -> names.add(e.get("field").asText()));
        return names;
    }

    private static String mutate(UnaryOperator<String> change) {
        return change.apply(Fixtures.body());
    }

    // ---- POST /reopenings

    @Test
    void aValidApplicationIsCreatedWithItsReceipt() {
        Answer answer = submit(Fixtures.body());
        assertEquals(201, answer.status());
        assertEquals(Set.of("id", "status", "version", "submittedAt", "readiness"), fields(answer.body()));
        assertEquals("SUBMITTED", answer.body().get("status").asText());
        assertEquals(1, answer.body().get("version").asInt());
        assertEquals("2020-02-13T02:00:00.000Z", answer.body().get("submittedAt").asText());
        assertTrue(answer.body().get("readiness").get("ready").asBoolean());
        assertEquals(0, answer.body().get("readiness").get("missing").size());
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        String body = """
            {"enterprise": {"name": "", "creditCode": "91110000600037341M", "industry": "制造",
                            "aboveDesignatedSize": "yes", "employees": 10},
             "district": "beijing", "street": "%s",
             "contact": {"name": "王", "phone": "0931-8888888"},
             "plannedDate": "2020-05-30", "returningEmployees": 11, "employeesFromHubei": -1,
             "prevention": {"responsiblePerson": "李", "disinfectionsPerDay": 25, "entrySteps": ["MASK", "HUG"],
                            "masksInStock": 1.5, "thermometers": 0, "emergencyPlan": true},
             "difficulties": ["MONEY"], "difficultyNote": 5, "extra": true}
            """.formatted("街".repeat(51));
        Answer answer = submit(body);
        assertEquals(400, answer.status());
        assertEquals(Set.of("enterprise.name", "enterprise.creditCode", "enterprise.aboveDesignatedSize", "district",
                "street", "contact.phone", "plannedDate", "returningEmployees", "employeesFromHubei",
                "prevention.disinfectionsPerDay", "prevention.entrySteps", "prevention.masksInStock", "difficulties",
                "difficultyNote", "extra"), Set.copyOf(errorFields(answer.body())));
        assertFalse(answer.body().toString().contains("0931"), "no submitted value is echoed");
        assertTrue(store.applications.isEmpty());
    }

    @Test
    void requiredFieldsAreNamedWhenMissing() {
        Answer answer = submit("{}");
        assertEquals(400, answer.status());
        assertEquals(Set.of("enterprise", "district", "street", "contact", "plannedDate", "returningEmployees",
                "employeesFromHubei", "prevention"), Set.copyOf(errorFields(answer.body())));
    }

    @Test
    void plannedDateRunsFromTodayToNinetyDaysAhead() {
        assertEquals(201, submit(mutate(b -> b.replace("2020-02-17", "2020-02-13"))).status());
        store.locks.held.clear();
        assertEquals(201, submit(mutate(b -> b.replace("2020-02-17", "2020-05-13"))).status());
        store.locks.held.clear();
        assertEquals(List.of("plannedDate"), errorFields(submit(mutate(b -> b.replace("2020-02-17", "2020-02-12"))).body()));
        assertEquals(List.of("plannedDate"), errorFields(submit(mutate(b -> b.replace("2020-02-17", "2020-05-14"))).body()));
    }

    @Test
    void aCreditCodeWithOneCharacterChangedIsRejectedAndLowerCaseIsReadAsUpperCase() {
        assertEquals(List.of("enterprise.creditCode"),
                errorFields(submit(Fixtures.body("91110000600037341K")).body()));
        assertEquals(List.of("enterprise.creditCode"),
                errorFields(submit(Fixtures.body("9111000060003734IL")).body()));
        Answer lower = submit(Fixtures.body("91110000600037341l"));
        assertEquals(201, lower.status());
        assertTrue(store.locks.held.containsKey("91110000600037341L"));
    }

    @Test
    void aFormPostedWithoutJavaScriptIsReadLikeJson() {
        String form = String.join("&",
                "enterprise.name=" + enc("兰州某机械制造有限公司"), "enterprise.creditCode=91110000600037341L",
                "enterprise.industry=" + enc("机械制造"), "enterprise.aboveDesignatedSize=on", "enterprise.employees=120",
                "district=chengguan", "street=" + enc("东岗西路街道"), "contact.name=" + enc("王经理"),
                "contact.phone=" + enc("138 1234 5678"), "plannedDate=2020-02-17", "returningEmployees=80",
                "employeesFromHubei=0", "prevention.responsiblePerson=" + enc("李主任"),
                "prevention.disinfectionsPerDay=2", "prevention.entrySteps=MASK", "prevention.entrySteps=TEMPERATURE",
                "prevention.masksInStock=2000", "prevention.thermometers=0", "difficulties=LABOR", "difficultyNote=");
        Answer answer = call(Requests.route("POST /reopenings", "/reopenings").form(form).build());
        assertEquals(201, answer.status(), answer.body().toString());
        assertEquals(List.of("DISINFECTION", "HEALTH_FORM", "CONSENT", "PASS", "DISINFECTION_3_PER_DAY",
                "EMERGENCY_PLAN", "THERMOMETER"), strings(answer.body().get("readiness").get("missing")));
        ReopeningApplication stored = store.applications.values().iterator().next();
        assertTrue(stored.enterprise().aboveDesignatedSize());
        assertEquals("13812345678", stored.contact().phone());
        assertNull(stored.difficultyNote());
    }

    @Test
    void aFormWithBadValuesGetsFieldErrorsToo() {
        Answer answer = call(Requests.route("POST /reopenings", "/reopenings")
                .form("enterprise.employees=many&returningEmployees=x&prevention.emergencyPlan=maybe").build());
        assertEquals(400, answer.status());
        List<String> fields = errorFields(answer.body());
        assertTrue(fields.containsAll(List.of("enterprise.employees", "returningEmployees", "prevention.emergencyPlan")), fields.toString());
    }

    @Test
    void aSecondOpenApplicationGetsTheExistingIdAndAfterRejectionANewOneIsAccepted() {
        String first = submitted();
        Answer duplicate = submit(Fixtures.body());
        assertEquals(409, duplicate.status());
        assertEquals(first, duplicate.body().get("existingId").asText());
        assertEquals(200, decide(first, "{\"decision\": \"REJECT\", \"reason\": \"材料不全\", \"expectedVersion\": 1}").status());
        assertEquals(201, submit(Fixtures.body()).status());
    }

    @Test
    void theSameIdempotencyKeyReplaysTheReceiptWithoutASecondApplication() {
        var request = Requests.route("POST /reopenings", "/reopenings").json(Fixtures.body()).header("Idempotency-Key", "form-1");
        Answer first = call(request.build());
        APIGatewayV2HTTPResponse again = handler.handleRequest(request.build(), null);
        assertEquals(201, again.getStatusCode());
        assertEquals("true", again.getHeaders().get("Idempotency-Replayed"));
        assertEquals(first.body(), Json.parseTrusted(again.getBody()));
        assertEquals(1, store.applications.size());
    }

    // ---- views

    @Test
    void thePublicViewShowsNoContactData() {
        String id = submitted();
        Answer answer = call(Requests.route("GET /reopenings/{id}", "/reopenings/" + id).path("id", id).build());
        assertEquals(200, answer.status());
        assertEquals(Set.of("id", "enterprise", "district", "street", "status", "version", "submittedAt", "decidedAt",
                "reason", "reopenedOn"), fields(answer.body()));
        assertEquals(Set.of("name", "creditCode"), fields(answer.body().get("enterprise")));
        assertFalse(answer.body().toString().contains("13812345678"));
        assertFalse(answer.body().toString().contains("王经理"));
        assertTrue(answer.body().get("decidedAt").isNull());
    }

    @Test
    void anUnknownIdIsNotFound() {
        Answer answer = call(Requests.route("GET /reopenings/{id}", "/reopenings/x").path("id", "01ARZ3NDEKTSV4RRFFQ69G5FAV").build());
        assertEquals(404, answer.status());
        assertEquals("/problems/not-found", answer.body().get("type").asText());
    }

    @Test
    void detailsShowEverythingWithTheHistoryOldestFirst() {
        String id = submitted();
        decide(id, "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}");
        Answer answer = call(Requests.route("GET /reopenings/{id}/details", "/reopenings/" + id + "/details")
                .path("id", id).staff("staff-9").build());
        assertEquals(200, answer.status());
        JsonNode body = answer.body();
        assertTrue(fields(body).containsAll(List.of("contact", "prevention", "difficulties", "difficultyNote", "readiness", "history")));
        assertEquals("13812345678", body.get("contact").get("phone").asText());
        assertEquals(120, body.get("enterprise").get("employees").asInt());
        JsonNode history = body.get("history");
        assertEquals(2, history.size());
        assertEquals("applicant", history.get(0).get("actor").asText());
        assertTrue(history.get(0).get("from").isNull());
        assertEquals("staff-1", history.get(1).get("actor").asText());
        assertEquals("SUBMITTED", history.get(1).get("from").asText());
        assertEquals("APPROVED", history.get(1).get("to").asText());
        assertFalse(history.get(1).has("attemptId"));
    }

    // ---- staff transitions

    @Test
    void decisionsAnswerThePublicViewAndCheckVersionsAndTransitions() {
        String id = submitted();
        Answer approved = decide(id, "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}");
        assertEquals(200, approved.status());
        assertEquals("APPROVED", approved.body().get("status").asText());
        assertEquals(2, approved.body().get("version").asInt());
        assertEquals("2020-02-13T02:00:00.000Z", approved.body().get("decidedAt").asText());
        assertEquals(409, decide(id, "{\"decision\": \"REJECT\", \"reason\": \"晚了\", \"expectedVersion\": 1}").status());
        Answer illegal = decide(id, "{\"decision\": \"REJECT\", \"reason\": \"不行\", \"expectedVersion\": 2}");
        assertEquals(422, illegal.status());
        assertEquals(422, illegal.body().get("status").asInt());
        assertEquals("APPROVED", illegal.body().get("currentStatus").asText());
        Answer reopened = call(Requests.route("POST /reopenings/{id}/reopened", "/reopenings/" + id + "/reopened")
                .path("id", id).json("{\"reopenedOn\": \"2020-02-13\", \"expectedVersion\": 2}").staff("staff-2").build());
        assertEquals(200, reopened.status());
        assertEquals("REOPENED", reopened.body().get("status").asText());
        assertEquals("2020-02-13", reopened.body().get("reopenedOn").asText());
    }

    @Test
    void staffBodiesAreValidated() {
        String id = submitted();
        assertEquals(List.of("reason"), errorFields(decide(id, "{\"decision\": \"REJECT\", \"expectedVersion\": 1}").body()));
        assertEquals(List.of("expectedVersion"), errorFields(decide(id, "{\"decision\": \"APPROVE\"}").body()));
        assertEquals(List.of("decision"), errorFields(decide(id, "{\"decision\": \"MAYBE\", \"expectedVersion\": 1}").body()));
        assertEquals(List.of("reason"), errorFields(decide(id,
                "{\"decision\": \"REJECT\", \"reason\": \"" + "长".repeat(501) + "\", \"expectedVersion\": 1}").body()));
        Answer future = call(Requests.route("POST /reopenings/{id}/reopened", "/reopenings/" + id + "/reopened")
                .path("id", id).json("{\"reopenedOn\": \"2020-02-14\", \"expectedVersion\": 1}").staff("s").build());
        assertEquals(List.of("reopenedOn"), errorFields(future.body()));
        assertEquals(1, store.applications.get(id).version());
    }

    // ---- the staff list

    @Test
    void theListIsNewestFirstAcrossDistrictsAndPagesWithAnOpaqueToken() {
        List<String> ids = new ArrayList<>();
        String[] codes = {"91110000600037341L", "91350100M000100Y43", "911100007109288314", "916201002243330859", "000000000000000000"};
        String[] districts = {"chengguan", "xigu", "chengguan", "anning", "xigu"};
        for (int i = 0; i < codes.length; i++) {
            String body = Fixtures.body(codes[i]).replace("\"chengguan\"", "\"" + districts[i] + "\"");
            var event = Requests.route("POST /reopenings", "/reopenings").json(body).build();
            Answer answer = call(event);
            assertEquals(201, answer.status(), answer.body().toString());
            ids.add(answer.body().get("id").asText());
        }
        List<String> newestFirst = new ArrayList<>(ids);
        newestFirst.sort(java.util.Comparator.reverseOrder()); // same instant: ids break the tie, as in the index

        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            var request = Requests.route("GET /reopenings", "/reopenings").query("limit", "2").staff("s");
            if (token != null) {
                request.query("nextToken", token);
            }
            Answer page = call(request.build());
            assertEquals(200, page.status(), page.body().toString());
            page.body().get("items").forEach(item -> seen.add(item.get("id").asText()));
            token = page.body().has("nextToken") ? page.body().get("nextToken").asText() : null;
            pages++;
        } while (token != null);
        assertEquals(newestFirst, seen);
        assertEquals(3, pages);

        Answer xigu = call(Requests.route("GET /reopenings", "/reopenings").query("district", "xigu").staff("s").build());
        assertEquals(2, xigu.body().get("items").size());
        assertFalse(xigu.body().has("nextToken"));
    }

    @Test
    void theListFiltersByStatus() {
        String first = submitted();
        submit(Fixtures.body(Fixtures.OTHER_CREDIT_CODE));
        decide(first, "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}");
        Answer approved = call(Requests.route("GET /reopenings", "/reopenings").query("status", "APPROVED").staff("s").build());
        assertEquals(1, approved.body().get("items").size());
        assertEquals(first, approved.body().get("items").get(0).get("id").asText());
    }

    @Test
    void badListParametersAreRejected() {
        for (Map<String, String> query : List.of(Map.of("limit", "0"), Map.of("limit", "101"), Map.of("limit", "ten"),
                Map.of("status", "OPEN"), Map.of("district", "beijing"), Map.of("nextToken", "not-a-token!"),
                Map.of("nextToken", "eyJiZWlqaW5nIjoiIn0"))) {
            var request = Requests.route("GET /reopenings", "/reopenings").staff("s");
            query.forEach(request::query);
            assertEquals(400, call(request.build()).status(), query.toString());
        }
        assertEquals(200, call(Requests.route("GET /reopenings", "/reopenings").query("limit", "100").staff("s").build()).status());
    }

    // ---- authorization

    @Test
    void everyStaffRouteAnswers401WithoutClaims403WithoutTheStaffGroupAndServesStaff() {
        String id = submitted();
        List<Requests> routes = List.of(
                Requests.route("GET /reopenings", "/reopenings"),
                Requests.route("POST /reopenings/{id}/decision", "/reopenings/" + id + "/decision").path("id", id)
                        .json("{\"decision\": \"APPROVE\", \"expectedVersion\": 1}"),
                Requests.route("POST /reopenings/{id}/reopened", "/reopenings/" + id + "/reopened").path("id", id)
                        .json("{\"reopenedOn\": \"2020-02-13\", \"expectedVersion\": 2}"),
                Requests.route("GET /reopenings/{id}/details", "/reopenings/" + id + "/details").path("id", id));
        for (Requests route : routes) {
            assertEquals(401, call(route.build()).status());
            route.claims(Map.of("sub", "citizen-1", "cognito:groups", "[citizens]"));
            assertEquals(403, call(route.build()).status());
        }
        assertEquals(1, store.applications.get(id).version(), "nothing changed without staff rights");
        for (Requests route : routes) {
            route.staff("staff-1");
            Answer answer = call(route.build());
            assertEquals(200, answer.status(), answer.body().toString());
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    // ---- Accept: text/html on GET routes, duplicates in uniqueItems lists

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBrowserAskingForAnApplicationGetsItsDataAsJsonNotASubmissionReceipt() {
        String id = submitted();
        APIGatewayV2HTTPResponse response = handler.handleRequest(Requests.route("GET /reopenings/{id}", "/reopenings/" + id)
                .path("id", id).header("Accept", BROWSER).build(), null);
        assertEquals(200, response.getStatusCode());
        assertTrue(response.getHeaders().get("Content-Type").startsWith("application/json"));
        assertEquals(id, Json.parseTrusted(response.getBody()).get("id").asText());
        for (String route : List.of("GET /reopenings", "GET /reopenings/{id}/details")) {
            APIGatewayV2HTTPResponse staff = handler.handleRequest(Requests.route(route, route.substring(4).replace("{id}", id))
                    .path("id", id).header("Accept", BROWSER).staff("s").build(), null);
            assertEquals(200, staff.getStatusCode(), route);
            assertTrue(staff.getHeaders().get("Content-Type").startsWith("application/json"), route);
            assertFalse(staff.getBody().contains("提交成功"), route);
        }
    }

    @Test
    void errorsOfGetRoutesAndStaffPostsAreProblemJsonEvenForABrowser() {
        APIGatewayV2HTTPResponse missing = handler.handleRequest(Requests.route("GET /reopenings/{id}", "/reopenings/nope")
                .path("id", "nope").header("Accept", BROWSER).build(), null);
        assertEquals(404, missing.getStatusCode());
        assertEquals("application/problem+json", missing.getHeaders().get("Content-Type"));
        APIGatewayV2HTTPResponse decision = handler.handleRequest(Requests.route("POST /reopenings/{id}/decision", "/reopenings/x/decision")
                .path("id", "x").json("{}").header("Accept", BROWSER).staff("s").build(), null);
        assertEquals(400, decision.getStatusCode());
        assertEquals("application/problem+json", decision.getHeaders().get("Content-Type"));
    }

    @Test
    void anEntryStepOrDifficultyGivenTwiceIsRefusedAndNothingIsStored() {
        Answer steps = submit(Fixtures.body().replace("\"entrySteps\": [\"MASK\",", "\"entrySteps\": [\"MASK\", \"MASK\","));
        assertEquals(400, steps.status(), steps.body().toString());
        assertEquals(List.of("prevention.entrySteps"), errorFields(steps.body()));
        Answer difficulties = submit(Fixtures.body().replace("\"difficulties\": [\"SUPPLIES\"]", "\"difficulties\": [\"SUPPLIES\", \"SUPPLIES\"]"));
        assertEquals(List.of("difficulties"), errorFields(difficulties.body()));
        assertTrue(store.applications.isEmpty());
    }

    @Test
    void aNullForAnOptionalFieldIsAWrongType() {
        Answer answer = submit(Fixtures.body().replace("\"difficultyNote\": \"口罩采购困难\"", "\"difficultyNote\": null"));
        assertEquals(400, answer.status());
        assertEquals("type", answer.body().get("errors").get(0).get("code").asText());
        assertTrue(store.applications.isEmpty());
    }
}
