package cn.lanzhou.epidemic.local.contract.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.person.ResidentIdNumber;
import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import cn.lanzhou.epidemic.local.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The follow-up routes of openapi.yaml over HTTP against the local stack: observations
 * (one ACTIVE per person, checks, missed slots, the release rules, versions, the list), tracing (lookup,
 * a site's day), the audit, and the groups each route needs.
 */
@ExtendWith(LocalStackExtension.class)
class FollowUpContractTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String NURSE = Tokens.mint("nurse-07", List.of("staff"), Duration.ofHours(1));
    private static final String TRACER = Tokens.mint("tracer-01", List.of("staff", "tracer"), Duration.ofHours(1));
    private static final String ADMIN = Tokens.mint("admin-01", List.of("staff", "admin"), Duration.ofHours(1));
    private static final String CITIZEN = Tokens.mint("citizen-1", List.of("citizens"), Duration.ofHours(1));

    /** A fresh valid resident ID number: every test has its own persons on the shared stack. */
    static String idNumber() {
        String first17 = "620102" + "1985" + String.format("%02d%02d", 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28))
                + String.format("%03d", RANDOM.nextInt(1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static String phone() {
        return "139" + String.format("%08d", RANDOM.nextInt(100_000_000));
    }

    static String siteCode() {
        return "T-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36);
    }

    static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    static String person(String idNumber) {
        return "{\"name\": \"李四\", \"idType\": \"RESIDENT_ID\", \"idNumber\": \"" + idNumber + "\", \"phone\": \"" + phone() + "\"}";
    }

    static String observation(String personOrRegistration, String site, LocalDate start) {
        return "{" + personOrRegistration + ", \"district\": \"chengguan\", \"site\": {\"type\": \"OBSERVATION\", \"code\": \""
                + site + "\"}, \"reason\": \"CLOSE_CONTACT\", \"startDate\": \"" + start + "\"}";
    }

    static Api.Response create(Api api, String idNumber, String site, LocalDate start) {
        return api.postJson("/observations", observation("\"person\": " + person(idNumber), site, start), NURSE);
    }

    static String created(Api api, String idNumber, LocalDate start) {
        Api.Response response = create(api, idNumber, siteCode(), start);
        assertEquals(201, response.status(), response.body());
        return response.json().get("id").asText();
    }

    static Api.Response check(Api api, String id, LocalDate date, String slot, String temperature) {
        return api.postJson("/observations/" + id + "/checks",
                "{\"localDate\": \"" + date + "\", \"slot\": \"" + slot + "\", \"temperatureCelsius\": " + temperature + "}", NURSE);
    }

    static Api.Response release(Api api, String id, String outcome, String reason, long version) {
        String reasonMember = reason == null ? "" : ", \"reason\": \"" + reason + "\"";
        return api.postJson("/observations/" + id + "/release",
                "{\"outcome\": \"" + outcome + "\"" + reasonMember + ", \"expectedVersion\": " + version + "}", NURSE);
    }

    static List<String> slots(JsonNode array) {
        List<String> slots = new ArrayList<>();
        array.forEach(s -> slots.add(s.get("localDate").asText() + "#" + s.get("slot").asText()));
        return slots;
    }

    static void assertProblem(Api.Response response, int status) {
        assertEquals(status, response.status(), response.body());
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        JsonNode body = response.json();
        for (String member : List.of("type", "title", "status", "detail")) {
            assertTrue(body.has(member), member + " in " + response.body());
        }
    }

    static String register(Api api, String idNumber, String site, String occurredAt) {
        Api.Response response = api.postJson("/registrations", "{\"name\": \"王五\", \"idNumber\": \"" + idNumber
                + "\", \"phone\": \"" + phone() + "\", \"district\": \"qilihe\", \"site\": {\"type\": \"CHECKPOINT\", \"code\": \""
                + site + "\"}, \"temperatureCelsius\": 36.4, \"occurredAt\": \"" + occurredAt + "\", \"vehiclePlate\": \"甘A12345\", \"consent\": true}");
        assertEquals(201, response.status(), response.body());
        return response.json().get("id").asText();
    }

    @Test
    void anObservationIsCreatedForAPersonAndASecondOneWhileActiveIs409WithTheExistingId(Api api) {
        String idNumber = idNumber();
        Api.Response first = create(api, idNumber, siteCode(), today());

        assertEquals(201, first.status(), first.body());
        JsonNode body = first.json();
        assertEquals("ACTIVE", body.get("status").asText());
        assertEquals(1, body.get("version").asLong());
        assertEquals(today().toString(), body.get("startDate").asText());
        assertEquals(today().plusDays(14).toString(), body.get("endDate").asText());
        assertEquals("李四", body.get("name").asText());
        assertEquals(idNumber.charAt(0) + "***************" + idNumber.substring(16), body.get("idNumberMasked").asText());
        assertFalse(body.get("personKey").asText().contains(idNumber));
        assertFalse(first.body().contains(idNumber));

        Api.Response second = create(api, idNumber, siteCode(), today());
        assertProblem(second, 409);
        assertEquals(body.get("id").asText(), second.json().get("existingId").asText());
    }

    @Test
    void anObservationIsCreatedFromARegistrationWithTheSamePersonKey(Api api) {
        String idNumber = idNumber();
        String registrationId = register(api, idNumber, siteCode(), java.time.OffsetDateTime.now(SHANGHAI).minusDays(3).toString());

        Api.Response fromRegistration = api.postJson("/observations",
                observation("\"registrationId\": \"" + registrationId + "\"", siteCode(), today()), NURSE);
        assertEquals(201, fromRegistration.status(), fromRegistration.body());
        assertEquals("王五", fromRegistration.json().get("name").asText());

        Api.Response again = create(api, idNumber, siteCode(), today());
        assertProblem(again, 409);
        assertEquals(fromRegistration.json().get("id").asText(), again.json().get("existingId").asText());

        Api.Response unknown = api.postJson("/observations",
                observation("\"registrationId\": \"01ARZ3NDEKTSV4RRFFQ69G5FAV\"", siteCode(), today()), NURSE);
        assertProblem(unknown, 400);
        assertEquals("registrationId", unknown.json().get("errors").get(0).get("field").asText());

        Api.Response both = api.postJson("/observations", observation("\"registrationId\": \"" + registrationId
                + "\", \"person\": " + person(idNumber()), siteCode(), today()), NURSE);
        assertProblem(both, 400);
    }

    @Test
    void aPersonIsValidatedAsRegistrationsAreAndEveryBadFieldIsListed(Api api) {
        Api.Response response = api.postJson("/observations", "{\"person\": {\"name\": \"\", \"idNumber\": \"110105194912310021\", "
                + "\"phone\": \"12345\"}, \"district\": \"nowhere\", \"site\": {\"type\": \"HOSPITAL\", \"code\": \"x\"}, "
                + "\"reason\": \"CLOSE_CONTACT\", \"startDate\": \"" + today().minusDays(15) + "\"}", NURSE);

        assertProblem(response, 400);
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(java.util.Set.of("person.name", "person.idNumber", "person.phone", "district", "site.type", "startDate"),
                new java.util.HashSet<>(fields), response.body());
        assertFalse(response.body().contains("110105194912310021"));
    }

    @Test
    void checksAreOnePerSlotWithinThePeriodAndMissedSlotsAndFeverAreAlerted(Api api) {
        String id = created(api, idNumber(), today().minusDays(2));

        Api.Response first = check(api, id, today().minusDays(1), "AM", "36.5");
        assertEquals(201, first.status(), first.body());
        JsonNode view = first.json();
        assertEquals(1, view.get("version").asLong(), "a check does not change the version");
        assertEquals(1, view.get("checks").size());
        assertEquals("nurse-07", view.get("checks").get(0).get("recordedBy").asText());
        assertFalse(view.get("alerts").get("fever").asBoolean());
        List<String> missed = slots(view.get("alerts").get("missed"));
        assertTrue(missed.containsAll(List.of(today().minusDays(2) + "#AM", today().minusDays(2) + "#PM",
                today().minusDays(1) + "#PM")), missed.toString());
        assertFalse(missed.contains(today().minusDays(1) + "#AM"));
        boolean amPast = LocalTime.now(SHANGHAI).isAfter(LocalTime.NOON);
        assertEquals(amPast, missed.contains(today() + "#AM"));

        assertProblem(check(api, id, today().minusDays(1), "AM", "36.6"), 409);
        assertProblem(check(api, id, today().minusDays(3), "AM", "36.6"), 422);
        assertProblem(check(api, id, today().plusDays(1), "AM", "36.6"), 422);
        assertProblem(check(api, id, today(), "AM", "43.5"), 400);

        Api.Response fever = check(api, id, today().minusDays(1), "PM", "38.2");
        assertEquals(201, fever.status(), fever.body());
        assertTrue(fever.json().get("alerts").get("fever").asBoolean());
        assertEquals(List.of(today().minusDays(1) + "#AM", today().minusDays(1) + "#PM"),
                slots(fever.json().get("checks")));

        Api.Response got = api.get("/observations/" + id, NURSE);
        assertEquals(200, got.status(), got.body());
        assertEquals(2, got.json().get("checks").size());
        assertProblem(api.get("/observations/01ARZ3NDEKTSV4RRFFQ69G5FAV", NURSE), 404);
    }

    @Test
    void completedNeedsTheEndDateAndTheDayBeforesTwoNormalChecks(Api api) {
        String early = created(api, idNumber(), today());
        Api.Response tooEarly = release(api, early, "COMPLETED", null, 1);
        assertProblem(tooEarly, 422);

        String idNumber = idNumber();
        String id = created(api, idNumber, today().minusDays(14));
        LocalDate yesterday = today().minusDays(1);
        Api.Response none = release(api, id, "COMPLETED", null, 1);
        assertProblem(none, 422);
        assertEquals(List.of(yesterday + "#AM", yesterday + "#PM"), slots(none.json().get("missing")));
        assertEquals(List.of(), slots(none.json().get("fever")));

        assertEquals(201, check(api, id, yesterday, "AM", "36.5").status());
        assertEquals(201, check(api, id, yesterday, "PM", "37.3").status());
        Api.Response fever = release(api, id, "COMPLETED", null, 1);
        assertProblem(fever, 422);
        assertEquals(List.of(), slots(fever.json().get("missing")));
        assertEquals(List.of(yesterday + "#PM"), slots(fever.json().get("fever")));

        assertProblem(release(api, id, "ENDED_EARLY", null, 1), 400);
        assertProblem(release(api, id, "TRANSFERRED", "转定点医院", 7), 409);
        Api.Response transferred = release(api, id, "TRANSFERRED", "发热，转定点医院", 1);
        assertEquals(200, transferred.status(), transferred.body());
        assertEquals("TRANSFERRED", transferred.json().get("status").asText());
        assertEquals(2, transferred.json().get("version").asLong());
        assertEquals(today().toString(), transferred.json().get("releasedOn").asText());

        assertProblem(release(api, id, "ENDED_EARLY", "x", 1), 409);
        assertProblem(release(api, id, "ENDED_EARLY", "x", 2), 422);
        assertProblem(check(api, id, today(), "AM", "36.5"), 409);

        // released: the person may be put under observation again
        assertEquals(201, create(api, idNumber, siteCode(), today()).status());
    }

    @Test
    void anObservationWithNormalChecksTheDayBeforeItsEndIsCompleted(Api api) {
        String id = created(api, idNumber(), today().minusDays(14));
        assertEquals(201, check(api, id, today().minusDays(1), "AM", "36.5").status());
        assertEquals(201, check(api, id, today().minusDays(1), "PM", "36.9").status());

        Api.Response completed = release(api, id, "COMPLETED", null, 1);

        assertEquals(200, completed.status(), completed.body());
        assertEquals("COMPLETED", completed.json().get("status").asText());
        Api.Response listed = api.get("/observations?status=COMPLETED&limit=100", NURSE);
        assertEquals(200, listed.status(), listed.body());
    }

    @Test
    void theListIsNewestFirstWithTodaysStatusAndPages(Api api) {
        String site = siteCode();
        String older = create(api, idNumber(), site, today()).json().get("id").asText();
        String newer = create(api, idNumber(), site, today()).json().get("id").asText();
        check(api, newer, today(), "AM", "38.0");

        Api.Response all = api.get("/observations?siteCode=" + site, NURSE);
        assertEquals(200, all.status(), all.body());
        JsonNode items = all.json().get("items");
        assertEquals(2, items.size(), all.body());
        assertEquals(newer, items.get(0).get("id").asText());
        assertEquals(older, items.get(1).get("id").asText());
        assertEquals("FEVER", items.get(0).get("today").get("AM").asText());
        assertTrue(List.of("DUE", "MISSING").contains(items.get(1).get("today").get("PM").asText()));
        assertFalse(items.get(0).has("checks"));
        assertFalse(all.json().has("nextToken"));

        Api.Response page1 = api.get("/observations?district=chengguan&siteCode=" + site + "&limit=1", NURSE);
        assertEquals(1, page1.json().get("items").size());
        String token = page1.json().get("nextToken").asText();
        Api.Response page2 = api.get("/observations?district=chengguan&siteCode=" + site + "&limit=1&nextToken=" + token, NURSE);
        assertEquals(older, page2.json().get("items").get(0).get("id").asText(), page2.body());

        assertProblem(api.get("/observations?status=OPEN", NURSE), 400);
        assertProblem(api.get("/observations?limit=101", NURSE), 400);
        assertProblem(api.get("/observations?nextToken=garbage", NURSE), 400);
    }

    @Test
    void aRetriedCreationWithTheSameIdempotencyKeyIsReplayed(Api api) {
        String body = observation("\"person\": " + person(idNumber()), siteCode(), today());
        String key = "followup-" + RANDOM.nextLong();
        HttpRequest.Builder request = api.request("/observations").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + NURSE).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        Api.Response first = api.send(request);
        Api.Response replay = api.send(api.request("/observations").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + NURSE).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(201, first.status(), first.body());
        assertEquals(201, replay.status(), replay.body());
        assertEquals(first.json(), replay.json());
        assertEquals("true", replay.header("Idempotency-Replayed").orElse(""));
    }

    @Test
    void tracingFindsAPersonsRegistrationsAndASitesDayAndEveryAnsweredCallIsAudited(Api api) {
        String idNumber = idNumber();
        String site = siteCode();
        String earlier = register(api, idNumber, site, java.time.OffsetDateTime.now(SHANGHAI).minusMinutes(30).toString());
        String later = register(api, idNumber, site, java.time.OffsetDateTime.now(SHANGHAI).minusMinutes(10).toString());
        String other = register(api, idNumber(), site, java.time.OffsetDateTime.now(SHANGHAI).minusMinutes(20).toString());
        String observationId = created(api, idNumber, today());

        String lookupBody = "{\"idNumber\": \"" + idNumber + "\", \"purpose\": \"密接排查 contract\"}";
        assertProblem(api.postJson("/persons/lookup", lookupBody, NURSE), 403);
        Api.Response found = api.postJson("/persons/lookup", lookupBody, TRACER);
        assertEquals(200, found.status(), found.body());
        JsonNode body = found.json();
        assertFalse(found.body().contains(idNumber));
        List<String> registrations = new ArrayList<>();
        body.get("registrations").forEach(r -> registrations.add(r.get("id").asText()));
        assertEquals(List.of(later, earlier), registrations);
        assertEquals("甘A12345", body.get("registrations").get(0).get("vehiclePlate").asText());
        assertEquals(observationId, body.get("observations").get(0).get("id").asText());
        assertEquals(body.get("personKey").asText(), body.get("observations").get(0).get("personKey").asText());

        Api.Response nobody = api.postJson("/persons/lookup", "{\"idNumber\": \"" + idNumber() + "\", \"purpose\": \"排查\"}", TRACER);
        assertEquals(200, nobody.status(), nobody.body());
        assertEquals(0, nobody.json().get("registrations").size());
        assertProblem(api.postJson("/persons/lookup", "{\"idNumber\": \"110105194912310021\", \"purpose\": \"排查\"}", TRACER), 400);
        assertProblem(api.postJson("/persons/lookup", "{\"idNumber\": \"" + idNumber + "\"}", TRACER), 400);

        String purpose = URLEncoder.encode("发热病例同场所排查", StandardCharsets.UTF_8);
        String visitsPath = "/sites/CHECKPOINT/" + site + "/visits?date=" + today() + "&purpose=" + purpose;
        assertProblem(api.get(visitsPath, NURSE), 403);
        Api.Response visits = api.get(visitsPath, TRACER);
        assertEquals(200, visits.status(), visits.body());
        List<String> visitIds = new ArrayList<>();
        visits.json().get("items").forEach(v -> visitIds.add(v.get("registrationId").asText()));
        assertEquals(List.of(earlier, other, later), visitIds);
        assertEquals("王五", visits.json().get("items").get(0).get("name").asText());
        assertFalse(visits.body().contains(idNumber));
        Api.Response firstPage = api.get(visitsPath + "&limit=2", TRACER);
        Api.Response secondPage = api.get(visitsPath + "&limit=2&nextToken=" + firstPage.json().get("nextToken").asText(), TRACER);
        assertEquals(later, secondPage.json().get("items").get(0).get("registrationId").asText(), secondPage.body());
        assertProblem(api.get("/sites/CHECKPOINT/" + site + "/visits?date=" + today(), TRACER), 400);

        assertProblem(api.get("/audit?date=" + today(), TRACER), 403);
        assertProblem(api.get("/audit?date=" + today(), CITIZEN), 403);
        Api.Response audit = api.get("/audit?date=" + today() + "&limit=100", ADMIN);
        assertEquals(200, audit.status(), audit.body());
        assertFalse(audit.body().contains(idNumber));
        JsonNode entries = audit.json().get("items");
        boolean lookedUp = false;
        boolean visited = false;
        for (JsonNode e : entries) {
            if (e.get("action").asText().equals("LOOKUP") && e.get("personKey").asText().equals(body.get("personKey").asText())) {
                lookedUp = e.get("actor").asText().equals("tracer-01") && e.get("purpose").asText().equals("密接排查 contract");
            }
            if (e.get("action").asText().equals("VISITS") && e.get("site").get("code").asText().equals(site)) {
                visited = e.get("date").asText().equals(today().toString());
            }
        }
        assertTrue(lookedUp && visited, audit.body());
        assertTrue(entries.get(0).get("at").asText().compareTo(entries.get(entries.size() - 1).get("at").asText()) >= 0);
    }

    @Test
    void aPurposeHoldingAnIdNumberIsRefusedSoThatTheAuditNeverHoldsOne(Api api) {
        Api.Response response = api.postJson("/persons/lookup",
                "{\"idNumber\": \"" + idNumber() + "\", \"purpose\": \"排查 " + idNumber() + "\"}", TRACER);
        assertProblem(response, 400);
        assertEquals("purpose", response.json().get("errors").get(0).get("field").asText());
    }

    @Test
    void everyFollowUpRouteNeedsAStaffToken(Api api) {
        assertEquals(401, api.get("/observations").status(), "the JWT authorizer answers, as API Gateway does");
        assertProblem(api.get("/observations", CITIZEN), 403);
        assertNotEquals(403, api.get("/observations", NURSE).status());
    }
}
