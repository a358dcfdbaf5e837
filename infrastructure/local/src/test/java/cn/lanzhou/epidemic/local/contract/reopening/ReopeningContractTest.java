package cn.lanzhou.epidemic.local.contract.reopening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.reopening.domain.CreditCode;
import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import cn.lanzhou.epidemic.local.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The reopening routes over HTTP against the local stack (API Gateway emulation with the JWT
 * authorizer, the function, dynalite): the workflow with staff tokens, one open application per
 * enterprise, versions, transitions, a 20-way race and the authorization matrix.
 */
@ExtendWith(LocalStackExtension.class)
class ReopeningContractTest {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String STAFF_SUB = "staff-chengguan-07";
    private static final String STAFF = Tokens.mint(STAFF_SUB, List.of("staff"), Duration.ofHours(1));
    private static final String CITIZEN = Tokens.mint("citizen-1", List.of("citizens"), Duration.ofHours(1));

    /** A fresh valid credit code: every test has its own enterprises on the shared stack. */
    static String creditCode() {
        StringBuilder first17 = new StringBuilder("91620100");
        while (first17.length() < 17) {
            first17.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return first17.toString() + CreditCode.checkCharacter(first17.toString());
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    static String application(String creditCode, String district) {
        return """
            {"enterprise": {"name": "兰州某机械制造有限公司", "creditCode": "%s", "industry": "机械制造",
                            "aboveDesignatedSize": true, "employees": 120},
             "district": "%s", "street": "东岗西路街道",
             "contact": {"name": "王经理", "phone": "138-1234-5678"},
             "plannedDate": "%s", "returningEmployees": 80, "employeesFromHubei": 2,
             "prevention": {"responsiblePerson": "李主任", "disinfectionsPerDay": 2,
                            "entrySteps": ["MASK", "TEMPERATURE", "HEALTH_FORM"],
                            "masksInStock": 2000, "thermometers": 0, "emergencyPlan": false},
             "difficulties": ["SUPPLIES", "LABOR"], "difficultyNote": "口罩采购困难"}
            """.formatted(creditCode, district, today().plusDays(3));
    }

    static String submit(Api api, String creditCode) {
        Api.Response response = api.postJson("/reopenings", application(creditCode, "chengguan"));
        assertEquals(201, response.status(), response.body());
        return response.json().get("id").asText();
    }

    static Api.Response decide(Api api, String id, String decision, long version, String token) {
        String reason = decision.equals("REJECT") ? ", \"reason\": \"防控方案不完整\"" : "";
        return api.postJson("/reopenings/" + id + "/decision",
                "{\"decision\": \"" + decision + "\"" + reason + ", \"expectedVersion\": " + version + "}", token);
    }

    static Api.Response reopened(Api api, String id, LocalDate on, long version, String token) {
        return api.postJson("/reopenings/" + id + "/reopened",
                "{\"reopenedOn\": \"" + on + "\", \"expectedVersion\": " + version + "}", token);
    }

    static JsonNode details(Api api, String id) {
        Api.Response response = api.get("/reopenings/" + id + "/details", STAFF);
        assertEquals(200, response.status(), response.body());
        return response.json();
    }

    static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theWholeWorkflowWithStaffTokens(Api api) {
        String code = creditCode();
        Api.Response created = api.postJson("/reopenings", application(code, "chengguan"));
        assertEquals(201, created.status(), created.body());
        JsonNode receipt = created.json();
        assertEquals(Set.of("id", "status", "version", "submittedAt", "readiness"), names(receipt));
        assertEquals("SUBMITTED", receipt.get("status").asText());
        assertEquals(1, receipt.get("version").asInt());
        assertFalse(receipt.get("readiness").get("ready").asBoolean());
        List<String> missing = new ArrayList<>();
        receipt.get("readiness").get("missing").forEach(m -> missing.add(m.asText()));
        assertEquals(List.of("DISINFECTION", "CONSENT", "PASS", "DISINFECTION_3_PER_DAY", "EMERGENCY_PLAN", "THERMOMETER"), missing);
        String id = receipt.get("id").asText();

        Api.Response status = api.get("/reopenings/" + id);
        assertEquals(200, status.status());
        assertEquals(Set.of("id", "enterprise", "district", "street", "status", "version", "submittedAt", "decidedAt",
                "reason", "reopenedOn"), names(status.json()));
        assertEquals(code, status.json().get("enterprise").get("creditCode").asText());
        assertFalse(status.body().contains("13812345678") || status.body().contains("王经理"), "no contact data in public");

        Api.Response approved = decide(api, id, "APPROVE", 1, STAFF);
        assertEquals(200, approved.status(), approved.body());
        assertEquals("APPROVED", approved.json().get("status").asText());
        assertEquals(2, approved.json().get("version").asInt());
        assertTrue(approved.json().get("decidedAt").isTextual());

        Api.Response done = reopened(api, id, today(), 2, STAFF);
        assertEquals(200, done.status(), done.body());
        assertEquals("REOPENED", done.json().get("status").asText());
        assertEquals(today().toString(), done.json().get("reopenedOn").asText());

        JsonNode all = details(api, id);
        assertEquals("13812345678", all.get("contact").get("phone").asText());
        assertEquals(120, all.get("enterprise").get("employees").asInt());
        JsonNode history = all.get("history");
        assertEquals(3, history.size());
        assertEquals(List.of("applicant", STAFF_SUB, STAFF_SUB),
                List.of(history.get(0).get("actor").asText(), history.get(1).get("actor").asText(), history.get(2).get("actor").asText()));
        assertEquals(List.of("SUBMITTED", "APPROVED", "REOPENED"),
                List.of(history.get(0).get("to").asText(), history.get(1).get("to").asText(), history.get(2).get("to").asText()));
        assertTrue(history.get(0).get("from").isNull());

        Api.Response listed = api.get("/reopenings?district=chengguan&status=REOPENED&limit=100", STAFF);
        assertEquals(200, listed.status(), listed.body());
        List<String> ids = new ArrayList<>();
        listed.json().get("items").forEach(item -> ids.add(item.get("id").asText()));
        assertTrue(ids.contains(id));
    }

    @Test
    void aFormPostedWithoutJavaScriptIsAccepted(Api api) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("enterprise.name", "兰州某食品有限公司");
        form.put("enterprise.creditCode", creditCode());
        form.put("enterprise.industry", "食品加工");
        form.put("enterprise.employees", "35");
        form.put("district", "xigu");
        form.put("street", "西柳沟街道");
        form.put("contact.name", "赵");
        form.put("contact.phone", "13912345678");
        form.put("plannedDate", today().toString());
        form.put("returningEmployees", "30");
        form.put("employeesFromHubei", "0");
        form.put("prevention.responsiblePerson", "钱");
        form.put("prevention.disinfectionsPerDay", "3");
        form.put("prevention.entrySteps", "MASK");
        form.put("prevention.masksInStock", "100");
        form.put("prevention.thermometers", "1");
        form.put("prevention.emergencyPlan", "on");
        Api.Response response = api.postForm("/reopenings", form);
        assertEquals(201, response.status(), response.body());
    }

    @Test
    void aBrowserWithoutJavaScriptGetsTheReceiptAsAChinesePage(Api api) {
        // a browser without JavaScript posts the form encoded: only such a post gets a page (openapi.yaml)
        String form = "enterprise.name=%E5%85%B0%E5%B7%9E%E6%9F%90%E5%85%AC%E5%8F%B8&enterprise.creditCode=" + creditCode()
                + "&enterprise.industry=%E9%A3%9F%E5%93%81&enterprise.employees=35&district=gaolan"
                + "&street=%E8%A1%97%E9%81%93&contact.name=%E8%B5%B5&contact.phone=13912345678&plannedDate=" + today()
                + "&returningEmployees=30&employeesFromHubei=0&prevention.responsiblePerson=%E9%92%B1"
                + "&prevention.disinfectionsPerDay=3&prevention.masksInStock=100&prevention.thermometers=1";
        Api.Response page = api.send(api.request("/reopenings").header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertEquals(201, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("复工复产申请已提交"), page.body());
    }

    @Test
    void aJsonPostIsAnsweredJsonWhateverItsAcceptSays(Api api) {
        Api.Response json = api.send(api.request("/reopenings").header("Content-Type", "application/json")
                .header("Accept", "text/html,application/xhtml+xml;q=0.9")
                .POST(HttpRequest.BodyPublishers.ofString(application(creditCode(), "gaolan"))));
        assertEquals(201, json.status(), json.body());
        assertTrue(json.contentType().startsWith("application/json"), json.contentType());
    }

    @Test
    void otherContentTypesAreUnsupported(Api api) {
        Api.Response response = api.send(api.request("/reopenings").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(application(creditCode(), "gaolan"))));
        assertEquals(415, response.status());
    }

    @Test
    void invalidApplicationsGetEveryFieldError(Api api) {
        String body = application("91110000600037341K", "beijing").replace("138-1234-5678", "12345");
        Api.Response response = api.postJson("/reopenings", body);
        assertEquals(400, response.status());
        assertTrue(response.contentType().startsWith("application/problem+json"));
        Set<String> fields = new HashSet<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("enterprise.creditCode", "district", "contact.phone"), fields);
        assertFalse(response.body().contains("12345\""), "the phone is not echoed");
    }

    @Test
    void aSecondOpenApplicationIsAConflictUntilTheFirstIsRejected(Api api) {
        String code = creditCode();
        String first = submit(api, code);
        Api.Response duplicate = api.postJson("/reopenings", application(code, "chengguan"));
        assertEquals(409, duplicate.status(), duplicate.body());
        assertEquals(first, duplicate.json().get("existingId").asText());

        assertEquals(200, decide(api, first, "APPROVE", 1, STAFF).status());
        Api.Response whileApproved = api.postJson("/reopenings", application(code, "chengguan"));
        assertEquals(409, whileApproved.status());
        assertEquals(first, whileApproved.json().get("existingId").asText());
    }

    @Test
    void afterARejectionTheEnterpriseMayApplyAgain(Api api) {
        String code = creditCode();
        String first = submit(api, code);
        Api.Response rejected = decide(api, first, "REJECT", 1, STAFF);
        assertEquals(200, rejected.status(), rejected.body());
        assertEquals("防控方案不完整", rejected.json().get("reason").asText());
        String second = submit(api, code);
        assertNotEquals(first, second);
        assertEquals(409, api.postJson("/reopenings", application(code, "chengguan")).status());
    }

    @Test
    void theSameIdempotencyKeyReplaysTheReceipt(Api api) {
        String body = application(creditCode(), "anning");
        HttpRequest.Builder request = api.request("/reopenings").header("Content-Type", "application/json")
                .header("Idempotency-Key", "contract-" + RANDOM.nextLong()).POST(HttpRequest.BodyPublishers.ofString(body));
        Api.Response first = api.send(request);
        Api.Response again = api.send(request);
        assertEquals(201, first.status(), first.body());
        assertEquals(201, again.status());
        assertEquals("true", again.header("Idempotency-Replayed").orElse(""));
        assertEquals(first.json(), again.json());
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing(Api api) {
        String id = submit(api, creditCode());
        assertEquals(200, decide(api, id, "APPROVE", 1, STAFF).status());
        assertEquals(409, decide(api, id, "REJECT", 1, STAFF).status());
        assertEquals(409, reopened(api, id, today(), 1, STAFF).status());
        JsonNode after = details(api, id);
        assertEquals(2, after.get("version").asInt());
        assertEquals("APPROVED", after.get("status").asText());
        assertEquals(2, after.get("history").size());
    }

    @Test
    void anIllegalTransitionAtTheCurrentVersionIsUnprocessable(Api api) {
        String id = submit(api, creditCode());
        assertEquals(422, reopened(api, id, today(), 1, STAFF).status());
        assertEquals(200, decide(api, id, "REJECT", 1, STAFF).status());
        assertEquals(422, decide(api, id, "APPROVE", 2, STAFF).status());
        assertEquals(422, reopened(api, id, today(), 2, STAFF).status());
        assertEquals(2, details(api, id).get("version").asInt());
    }

    @Test
    void staffBodiesAreValidated(Api api) {
        String id = submit(api, creditCode());
        assertEquals(400, api.postJson("/reopenings/" + id + "/decision", "{\"decision\": \"REJECT\", \"expectedVersion\": 1}", STAFF).status());
        assertEquals(400, api.postJson("/reopenings/" + id + "/decision", "{\"decision\": \"APPROVE\"}", STAFF).status());
        assertEquals(200, decide(api, id, "APPROVE", 1, STAFF).status());
        assertEquals(400, reopened(api, id, today().plusDays(1), 2, STAFF).status());
        assertEquals(400, reopened(api, id, today().minusDays(1), 2, STAFF).status(), "before the submission date");
    }

    @Test
    void twentyConcurrentDecisionsOnOneVersionMakeOneTransitionAndNineteenConflicts(Api api) throws Exception {
        String id = submit(api, creditCode());
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String decision = i % 2 == 0 ? "APPROVE" : "REJECT";
            outcomes.add(pool.submit(() -> {
                start.await();
                return decide(api, id, decision, 1, STAFF).status();
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> outcome : outcomes) {
            statuses.add(outcome.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(19, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        JsonNode after = details(api, id);
        assertEquals(2, after.get("version").asInt());
        assertEquals(2, after.get("history").size());
    }

    @Test
    void theStaffListPagesNewestFirstWithAnOpaqueToken(Api api) {
        String district = "lanzhou-new-area";
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Response r = api.postJson("/reopenings", application(creditCode(), district));
            assertEquals(201, r.status(), r.body());
            mine.add(0, r.json().get("id").asText());
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        do {
            String path = "/reopenings?district=" + district + "&limit=2" + (token == null ? "" : "&nextToken=" + token);
            Api.Response page = api.get(path, STAFF);
            assertEquals(200, page.status(), page.body());
            assertTrue(page.json().get("items").size() <= 2);
            page.json().get("items").forEach(item -> seen.add(item.get("id").asText()));
            token = page.json().has("nextToken") ? page.json().get("nextToken").asText() : null;
        } while (token != null);
        assertEquals(mine, seen.subList(0, 3), "newest first");
        assertEquals(400, api.get("/reopenings?limit=101", STAFF).status());
        assertEquals(400, api.get("/reopenings?limit=0", STAFF).status());
        assertEquals(400, api.get("/reopenings?nextToken=garbage!", STAFF).status());
        assertEquals(200, api.get("/reopenings?status=SUBMITTED", STAFF).status());
    }

    @Test
    void unknownIdsAreNotFound(Api api) {
        assertEquals(404, api.get("/reopenings/01ARZ3NDEKTSV4RRFFQ69G5FAV").status());
        assertEquals(404, api.get("/reopenings/01ARZ3NDEKTSV4RRFFQ69G5FAV/details", STAFF).status());
        assertEquals(404, decide(api, "01ARZ3NDEKTSV4RRFFQ69G5FAV", "APPROVE", 1, STAFF).status());
    }

    /** Anonymous, a token without the staff group, a staff token × every route. */
    @Test
    void theAuthorizationMatrix(Api api) {
        String forDecision = submit(api, creditCode());
        String forReopening = submit(api, creditCode());
        assertEquals(200, decide(api, forReopening, "APPROVE", 1, STAFF).status());

        record Route(String name, java.util.function.Function<String, Api.Response> call, int staffStatus, boolean isPublic) {
        }
        List<Route> routes = List.of(
                new Route("POST /reopenings", token -> token == null
                        ? api.postJson("/reopenings", application(creditCode(), "honggu"))
                        : api.postJson("/reopenings", application(creditCode(), "honggu"), token), 201, true),
                new Route("GET /reopenings/{id}", token -> token == null
                        ? api.get("/reopenings/" + forDecision) : api.get("/reopenings/" + forDecision, token), 200, true),
                new Route("GET /reopenings", token -> token == null ? api.get("/reopenings") : api.get("/reopenings", token), 200, false),
                new Route("POST /reopenings/{id}/decision", token -> token == null
                        ? api.postJson("/reopenings/" + forDecision + "/decision", "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}")
                        : decide(api, forDecision, "APPROVE", 1, token), 200, false),
                new Route("POST /reopenings/{id}/reopened", token -> token == null
                        ? api.postJson("/reopenings/" + forReopening + "/reopened", "{\"reopenedOn\": \"" + today() + "\", \"expectedVersion\": 2}")
                        : reopened(api, forReopening, today(), 2, token), 200, false),
                new Route("GET /reopenings/{id}/details", token -> token == null
                        ? api.get("/reopenings/" + forDecision + "/details") : api.get("/reopenings/" + forDecision + "/details", token), 200, false));
        for (Route route : routes) {
            int anonymous = route.call().apply(null).status();
            int citizen = route.call().apply(CITIZEN).status();
            if (route.isPublic()) {
                assertEquals(route.staffStatus(), anonymous, route.name() + " anonymous");
                assertEquals(route.staffStatus(), citizen, route.name() + " non-staff token");
            } else {
                assertEquals(401, anonymous, route.name() + " anonymous");
                assertEquals(403, citizen, route.name() + " non-staff token");
            }
        }
        assertEquals(1, details(api, forDecision).get("version").asInt(), "nothing changed without staff rights");
        for (Route route : routes) {
            Api.Response response = route.call().apply(STAFF);
            assertEquals(route.staffStatus(), response.status(), route.name() + " staff: " + response.body());
        }
    }
}
