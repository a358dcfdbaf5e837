package cn.lanzhou.epidemic.local.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * More than 2,000 hostile requests over HTTP against every POST route of the local stack: not one
 * answer ≥ 500, every answer a 4xx problem+json with type, title, status and detail, and not one item
 * written to the data table.
 */
@ExtendWith(LocalStackExtension.class)
class BadInputCorpusTest {
    private static final JsonNodeFactory N = JsonNodeFactory.withExactBigDecimals(true);

    record Target(String path, String handlerClass, boolean staff, Supplier<ObjectNode> valid,
            Map<String, List<JsonNode>> bounds, List<String> required) {
    }

    @Test
    void hostileRequestsAreAllRefusedWith4xxProblemsAndWriteNothing(Api api, LocalStack stack) throws Exception {
        String token = stack.staffToken();
        Api.Response created = api.postJson("/reopenings", Samples.write(Samples.reopening()));
        assertEquals(201, created.status(), created.body());
        List<Target> targets = targets(created.json().get("id").asText());
        for (Target target : targets) {
            if (!target.staff()) {
                // the corpus only means something if the body it mutates is accepted as it is
                Api.Response valid = api.postJson(target.path(), Samples.write(target.valid().get()));
                assertEquals(201, valid.status(), "the valid body of POST " + target.path() + ": " + valid.body());
            }
        }
        try (Store store = new Store(stack.dynamoDbEndpoint())) {
            int itemsBefore = store.count();
            Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger sent = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> pending = new ArrayList<>();
            for (Target target : targets) {
                assertTrue(deployed(target.handlerClass()), "POST " + target.path() + ": its function " + target.handlerClass() + " is missing");
                for (HostileCorpus.Hostile hostile : HostileCorpus.forRoute(target.valid(), target.bounds(), target.required())) {
                    if (target.path().startsWith("/reports/") && carriesNoField(hostile)) {
                        continue; // an empty body, {} or a form of only separators is what POST /reports/{date} expects
                    }
                    pending.add(pool.submit(() -> {
                        Api.Response response = send(api, target, hostile, token);
                        sent.incrementAndGet();
                        statuses.computeIfAbsent(target.path().replaceAll("/[0-9A-Z]{26}/", "/{id}/") + " " + response.status(),
                                k -> new AtomicInteger()).incrementAndGet();
                        String problem = check(response);
                        if (problem != null) {
                            failures.add("POST " + target.path() + " [" + hostile.name() + "]: " + problem);
                        }
                    }));
                }
            }
            for (Future<?> f : pending) {
                f.get();
            }
            pool.shutdown();
            int itemsAfter = store.count();

            System.out.println("[corpus] " + sent.get() + " hostile requests; statuses by route: " + new TreeMap<>(statuses));
            failures.stream().limit(40).forEach(f -> System.out.println("[corpus] FAILED " + f));
            assertTrue(sent.get() >= 2000, "only " + sent.get() + " requests");
            assertEquals(List.of(), failures.stream().limit(40).toList(), failures.size() + " requests answered wrongly");
            assertEquals(itemsBefore, itemsAfter, "items written by refused requests");
        }
    }

    /** Null when the answer is a proper 4xx problem, else what is wrong with it. */
    static String check(Api.Response response) {
        if (response.status() >= 500) {
            return "status " + response.status() + " " + HostileCorpus.abbreviate(response.body());
        }
        if (response.status() < 400) {
            return "accepted with " + response.status() + " " + HostileCorpus.abbreviate(response.body());
        }
        if (!response.contentType().startsWith("application/problem+json")) {
            return "content type " + response.contentType();
        }
        try {
            JsonNode body = response.json();
            for (String member : List.of("type", "title", "status", "detail")) {
                if (!body.hasNonNull(member)) {
                    return "no " + member + " in " + HostileCorpus.abbreviate(response.body());
                }
            }
            if (body.get("status").asInt() != response.status()) {
                return "status member " + body.get("status") + " differs from " + response.status();
            }
        } catch (AssertionError e) {
            return "body is not JSON";
        }
        return null;
    }

    private static Api.Response send(Api api, Target target, HostileCorpus.Hostile hostile, String token) {
        HttpRequest.Builder request = api.request(target.path()).POST(HttpRequest.BodyPublishers.ofByteArray(hostile.body()));
        if (hostile.contentType() != null) {
            request.header("Content-Type", hostile.contentType());
        }
        hostile.headers().forEach(request::header);
        if (target.staff()) {
            request.header("Authorization", "Bearer " + token);
        }
        return api.send(request);
    }

    static boolean deployed(String handlerClass) {
        try {
            Class.forName(handlerClass);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- openapi.yaml's rules, each just outside its bound

    static List<Target> targets(String id) {
        String today = Samples.today().toString();
        List<Target> targets = new ArrayList<>();
        targets.add(new Target("/registrations", "cn.lanzhou.epidemic.registration.RegistrationHandler", false, Samples::registration,
                bounds("name", s(""), s("x".repeat(51)),
                        "idType", s("resident_id"), s("DRIVING_LICENCE"),
                        "idNumber", s(Samples.idNumber().substring(0, 17)), s(wrongCheck(Samples.idNumber())),
                        s("620102199902301234".substring(0, 17) + Samples.idCheck("62010219990230123")), s(Samples.idNumber() + "1"),
                        "phone", s("1391234567"), s("12012345678"), s("139123456789"), s("+85 13912345678"),
                        "district", s("beijing"), s("CHENGGUAN"),
                        "site.type", s("AIRPORT"), "site.code", s(""), s("x".repeat(65)),
                        "occurredAt", s(Instant.now().plus(10, ChronoUnit.MINUTES).toString()),
                        s(Instant.now().minus(31, ChronoUnit.DAYS).toString()), s("2020-01-01T00:00:00"),
                        "vehiclePlate", s("甘A1234"), s("甘A1234567"), s("AA12345"),
                        "origin", s("x".repeat(101)),
                        "travelHistory", strings(21, "定西"), "travelHistory.0", s("x".repeat(101)),
                        "temperatureCelsius", num("33.9"), num("43.1"), num("36.55"),
                        "symptoms", N.arrayNode().add("SNEEZING"),
                        "consent", N.booleanNode(false)),
                List.of("name", "idNumber", "phone", "district", "site", "site.type", "site.code", "consent", "temperatureCelsius")));
        targets.add(new Target("/registrations", "cn.lanzhou.epidemic.registration.RegistrationHandler", false,
                BadInputCorpusTest::passportRegistration,
                bounds("idNumber", s(""), s("x".repeat(31)), s("AB-123456"),
                        "idType", s("passport"), "site.type", s("observation"),
                        "temperatureCelsius", num("43.05"), "contactWithCases", s("yes"),
                        "cohabitantsUnwell", num("1")),
                List.of("idNumber", "temperatureCelsius", "site.code")));
        targets.add(new Target("/donations", "cn.lanzhou.epidemic.donation.DonationHandler", false,
                BadInputCorpusTest::anonymousDonation,
                bounds("donor.phone", s("+86 1391234567"), s("0086139123456789"), s("23912345678"), "donor.anonymous", s("maybe"),
                        "amount", s("0.00"), s("100000000.001"), num("1e9"), "donatedOn", s("2020-1-1")),
                List.of("amount", "donor.type")));
        targets.add(new Target("/donations", "cn.lanzhou.epidemic.donation.DonationHandler", false, Samples::donation,
                bounds("donor.name", s(""), s("x".repeat(101)), "donor.type", s("COMPANY"), "donor.phone", s("12345"), s("1391234567"),
                        "district", s("nowhere"), "recipient", s("x".repeat(101)), "kind", s("GIFT"),
                        "amount", s("0"), s("-1"), s("100000000.01"), s("1.001"), num("0"), num("0.001"), s("１００"),
                        "donatedOn", s(Samples.today().plusDays(1).toString()), s(Samples.today().minusDays(366).toString()),
                        s("2020-02-30"), s(today + "T00:00:00+08:00"),
                        "note", s("x".repeat(501))),
                List.of("donor", "donor.type", "donor.name", "district", "kind", "amount")));
        targets.add(new Target("/donations", "cn.lanzhou.epidemic.donation.DonationHandler", false, Samples::materials,
                bounds("items", N.arrayNode(), manyItems(51), "items.0.category", s("GUNS"), "items.0.name", s("x".repeat(101)),
                        "items.0.quantity", num("0"), num("10000001"), num("1.5"), "items.0.unit", s(""), s("x".repeat(11)),
                        "items.0.unitValue", s("-0.01"), s("0.001")),
                List.of("items", "items.0.category", "items.0.name", "items.0.quantity", "items.0.unit")));
        targets.add(new Target("/reopenings", "cn.lanzhou.epidemic.reopening.ReopeningHandler", false, Samples::reopening,
                bounds("enterprise.name", s("x".repeat(101)), "enterprise.creditCode", s(wrongCredit(Samples.creditCode())),
                        s(Samples.creditCode().substring(0, 17)), s("91620100IOSZ00000X"),
                        "enterprise.industry", s("x".repeat(51)), "enterprise.employees", num("0"), num("1000001"),
                        "enterprise.aboveDesignatedSize", s("yes"),
                        "district", s("wuhan"), "street", s("x".repeat(51)), "contact.name", s("x".repeat(51)),
                        "contact.phone", s("12012345678"),
                        "plannedDate", s(Samples.today().minusDays(1).toString()), s(Samples.today().plusDays(91).toString()),
                        "returningEmployees", num("121"), num("-1"), "employeesFromHubei", num("121"), num("-1"),
                        "prevention.responsiblePerson", s("x".repeat(51)), "prevention.disinfectionsPerDay", num("25"), num("-1"),
                        "prevention.entrySteps", N.arrayNode().add("FACE_ID"), "prevention.masksInStock", num("-1"),
                        "prevention.thermometers", num("-1"), "difficulties", N.arrayNode().add("WAR"),
                        "difficultyNote", s("x".repeat(501))),
                List.of("enterprise", "enterprise.name", "enterprise.creditCode", "district", "street", "contact", "contact.phone",
                        "plannedDate", "returningEmployees", "employeesFromHubei", "prevention", "prevention.responsiblePerson")));
        targets.add(new Target("/reopenings", "cn.lanzhou.epidemic.reopening.ReopeningHandler", false,
                BadInputCorpusTest::smallEnterpriseReopening,
                bounds("enterprise.employees", num("2.5"), s("ten"), "returningEmployees", num("9"), "employeesFromHubei", num("9"),
                        "prevention.entrySteps", N.arrayNode().add("MASK").add("mask"), "prevention.emergencyPlan", s("no"),
                        "plannedDate", s(Samples.today().plusDays(3) + "T08:00:00+08:00")),
                // aboveDesignatedSize, entrySteps and emergencyPlan may be left out (openapi.yaml marks them neither required nor
                // defaulted; the function reads absence as false / none, which readiness then reports as missing)
                List.of("enterprise.employees", "prevention.disinfectionsPerDay")));
        targets.add(new Target("/reopenings/" + id + "/decision", "cn.lanzhou.epidemic.reopening.ReopeningHandler", true,
                Samples::decision,
                bounds("decision", s("MAYBE"), s("approve"), "expectedVersion", num("1.5"), s("1"), num("-1")),
                List.of("decision", "expectedVersion")));
        targets.add(new Target("/reopenings/" + id + "/decision", "cn.lanzhou.epidemic.reopening.ReopeningHandler", true,
                () -> Samples.object("{\"decision\": \"REJECT\", \"reason\": \"材料不全\", \"expectedVersion\": 1}"),
                bounds("reason", s("x".repeat(501)), s("")), List.of("reason")));
        targets.add(new Target("/reopenings/" + id + "/reopened", "cn.lanzhou.epidemic.reopening.ReopeningHandler", true,
                Samples::reopened,
                bounds("reopenedOn", s("2020-02-30"), s("20200101"), "expectedVersion", num("0.5"), s("2")),
                List.of("reopenedOn", "expectedVersion")));
        for (String date : List.of(today, "2020-13-01", "2020-02-30", "..%2F..%2Fetc", "9999-12-31", "2020-1-1")) {
            targets.add(new Target("/reports/" + date, "cn.lanzhou.epidemic.reports.ReportsHandler", true,
                    () -> Samples.object("{}"), bounds("date", s(today)), List.of()));
        }
        return targets;
    }

    /** A registration under another identity document at an observation site (other rules apply to idNumber). */
    private static ObjectNode passportRegistration() {
        ObjectNode body = Samples.registration().put("idType", "PASSPORT").put("idNumber", "E12345678");
        ((ObjectNode) body.get("site")).put("type", "OBSERVATION").put("code", "OBS-7");
        body.remove("vehiclePlate");
        return body.put("temperatureCelsius", 37.4).put("cohabitantsUnwell", true);
    }

    /** A small enterprise with a thin plan and no difficulties (not ready: readiness lists what is missing). */
    private static ObjectNode smallEnterpriseReopening() {
        ObjectNode body = Samples.reopening();
        ((ObjectNode) body.get("enterprise")).put("aboveDesignatedSize", false).put("employees", 8);
        ObjectNode prevention = (ObjectNode) body.get("prevention");
        prevention.put("disinfectionsPerDay", 1).put("thermometers", 0).put("emergencyPlan", false);
        prevention.putArray("entrySteps").add("MASK");
        body.remove("difficulties");
        body.remove("difficultyNote");
        return body.put("returningEmployees", 8).put("employeesFromHubei", 1);
    }

    /** Funds from an anonymous individual with a phone and a date. */
    private static ObjectNode anonymousDonation() {
        ObjectNode body = Samples.donation();
        ((ObjectNode) body.get("donor")).put("type", "INDIVIDUAL").put("anonymous", true).put("phone", Samples.phone()).remove("name");
        return body.put("amount", "500.00").put("donatedOn", Samples.today().minusDays(2).toString());
    }

    /**
     * A well-formed request that names no field (an empty body, {@code {}} as JSON, a form of only
     * separators): valid by contract for POST /reports/{date}, which takes an empty body or {@code {}}.
     */
    private static boolean carriesNoField(HostileCorpus.Hostile hostile) {
        String text = new String(hostile.body(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            return true;
        }
        if (!hostile.headers().isEmpty()) {
            return false;
        }
        return "application/json".equals(hostile.contentType()) && text.equals("{}")
                || "application/x-www-form-urlencoded".equals(hostile.contentType()) && text.chars().allMatch(c -> c == '&');
    }

    private static Map<String, List<JsonNode>> bounds(Object... pathsAndValues) {
        Map<String, List<JsonNode>> bounds = new LinkedHashMap<>();
        String path = null;
        for (Object o : pathsAndValues) {
            if (o instanceof String p) {
                path = p;
            } else {
                bounds.computeIfAbsent(path, k -> new ArrayList<>()).add((JsonNode) o);
            }
        }
        return bounds;
    }

    private static JsonNode s(String text) {
        return N.textNode(text);
    }

    private static JsonNode num(String number) {
        return N.numberNode(new java.math.BigDecimal(number));
    }

    private static JsonNode strings(int n, String value) {
        var array = N.arrayNode();
        for (int i = 0; i < n; i++) {
            array.add(value + i);
        }
        return array;
    }

    private static JsonNode manyItems(int n) {
        var array = N.arrayNode();
        for (int i = 0; i < n; i++) {
            array.add(Samples.materials().get("items").get(0));
        }
        return array;
    }

    private static String wrongCheck(String id) {
        char check = id.charAt(17);
        return id.substring(0, 17) + (check == '0' ? '1' : '0');
    }

    private static String wrongCredit(String code) {
        char check = code.charAt(17);
        return code.substring(0, 17) + (check == '0' ? '1' : '0');
    }
}
