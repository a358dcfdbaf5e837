package cn.lanzhou.epidemic.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.reportfiles.ReportFiles;
import cn.lanzhou.epidemic.common.testing.Events;
import cn.lanzhou.epidemic.common.testing.InMemoryIdempotencyStore;
import cn.lanzhou.epidemic.reportfiles.InMemoryReportStore;
import cn.lanzhou.epidemic.common.testing.Requests;
import cn.lanzhou.epidemic.common.time.AppClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReportsHandlerTest {
    /** 2020-02-14 10:00 in Lanzhou. */
    private static final Instant NOW = Instant.parse("2020-02-14T02:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final InMemoryReportStore store = new InMemoryReportStore(clock);
    private final List<LocalDate> triggered = new ArrayList<>();
    private final AppClock appClock = new AppClock(clock, ZoneId.of("Asia/Shanghai"));
    private final ReportsHandler handler = new ReportsHandler(store, triggered::add,
            new Idempotency(new InMemoryIdempotencyStore(), appClock), appClock, Duration.ofSeconds(900));

    private APIGatewayV2HTTPResponse call(Requests request) {
        return handler.handleRequest(request.build(), null);
    }

    private static JsonNode body(APIGatewayV2HTTPResponse response) {
        return Json.parseTrusted(response.getBody());
    }

    private static Requests post(String date) {
        return Requests.route("POST /reports/{date}", "/reports/" + date).path("date", date);
    }

    private static Requests get(String date) {
        return Requests.route("GET /reports/{date}", "/reports/" + date).path("date", date);
    }

    private void compiled(String date, String generatedAt) {
        LocalDate day = LocalDate.parse(date);
        store.put(ReportFiles.key(day, ReportFiles.CSV), new byte[120], ReportFiles.CSV.contentType(), Map.of());
        store.put(ReportFiles.key(day, ReportFiles.HTML), new byte[4_000], ReportFiles.HTML.contentType(), Map.of());
        store.put(ReportFiles.key(day, ReportFiles.JSON), ("{\"generatedAt\":\"" + generatedAt + "\"}")
                .getBytes(StandardCharsets.UTF_8), ReportFiles.JSON.contentType(), Map.of(
                        "generated-at", generatedAt, "summary-csv-bytes", "120", "report-html-bytes", "4000"));
    }

    @ParameterizedTest(name = "{0} {1} without a token is 401")
    @CsvSource({"POST /reports/{date}, /reports/2020-02-13", "GET /reports, /reports", "GET /reports/{date}, /reports/2020-02-13"})
    void everyRouteAnswers401WithoutATokenAnd403WithoutTheStaffGroup(String route, String path) {
        var anonymous = call(Requests.route(route, path).path("date", "2020-02-13"));
        assertEquals(401, anonymous.getStatusCode());
        assertEquals("application/problem+json", anonymous.getHeaders().get("Content-Type"));
        var citizen = call(Requests.route(route, path).path("date", "2020-02-13")
                .claims(Map.of("sub", "someone", "cognito:groups", "[residents]")));
        assertEquals(403, citizen.getStatusCode());
        assertTrue(triggered.isEmpty());
    }

    @Test
    void postingADayStartsItsCompilationAndAnswers202() {
        var response = call(post("2020-02-13").staff("staff-1"));
        assertEquals(202, response.getStatusCode());
        assertEquals(Json.parseTrusted("{\"date\":\"2020-02-13\",\"status\":\"COMPILING\"}"), body(response));
        assertEquals(List.of(LocalDate.parse("2020-02-13")), triggered);
    }

    @Test
    void anEmptyJsonObjectIsAcceptedAndAnythingElseIsNot() {
        assertEquals(202, call(post("2020-02-14").staff("s").json("{}")).getStatusCode());
        var unknown = call(post("2020-02-14").staff("s").json("{\"force\":true}"));
        assertEquals(400, unknown.getStatusCode());
        assertEquals("force", body(unknown).path("errors").get(0).path("field").asText());
        assertEquals(415, call(post("2020-02-14").staff("s").header("content-type", "text/plain")).getStatusCode());
    }

    @Test
    void todayCanBeCompiledButNotTomorrow() {
        assertEquals(202, call(post("2020-02-14").staff("s")).getStatusCode());
        var tomorrow = call(post("2020-02-15").staff("s"));
        assertEquals(422, tomorrow.getStatusCode());
        assertEquals(List.of(LocalDate.parse("2020-02-14")), triggered);
    }

    @Test
    void aDateThatIsNotOnTheCalendarIs400() {
        for (String bad : List.of("2020-02-30", "2020-2-3", "yesterday", "2020-02-130")) {
            var response = call(post(bad).staff("s"));
            assertEquals(400, response.getStatusCode(), bad);
            assertEquals("date", body(response).path("errors").get(0).path("field").asText());
        }
        assertTrue(triggered.isEmpty());
    }

    @Test
    void theSameIdempotencyKeyReplaysTheAnswerWithoutCompilingAgain() {
        call(post("2020-02-13").staff("s").header("Idempotency-Key", "k-1"));
        var again = call(post("2020-02-13").staff("s").header("Idempotency-Key", "k-1"));
        assertEquals(202, again.getStatusCode());
        assertEquals("true", again.getHeaders().get("Idempotency-Replayed"));
        assertEquals(1, triggered.size());
    }

    @Test
    void theListIsNewestFirstAndPaginated() {
        for (int i = 1; i <= 25; i++) {
            compiled(LocalDate.parse("2020-01-01").plusDays(i).toString(), "2020-02-14T00:00:00Z");
        }
        store.put("reports/daily/2020-03-01/summary.csv", new byte[1], "text/csv", Map.of());

        JsonNode first = body(call(Requests.route("GET /reports", "/reports").staff("s")));
        assertEquals(20, first.path("dates").size());
        assertEquals("2020-01-26", first.path("dates").get(0).asText());
        assertEquals("2020-01-07", first.path("dates").get(19).asText());
        JsonNode second = body(call(Requests.route("GET /reports", "/reports").staff("s")
                .query("nextToken", first.path("nextToken").asText())));
        assertEquals(List.of("2020-01-06", "2020-01-05", "2020-01-04", "2020-01-03", "2020-01-02"),
                texts(second.path("dates")));
        assertFalse(second.has("nextToken"), "the last page has no token");

        JsonNode small = body(call(Requests.route("GET /reports", "/reports").staff("s").query("limit", "25")));
        assertEquals(25, small.path("dates").size());
        assertFalse(small.has("nextToken"));
    }

    @Test
    void aBadLimitOrTokenIs400() {
        for (String limit : List.of("0", "101", "ten")) {
            var response = call(Requests.route("GET /reports", "/reports").staff("s").query("limit", limit));
            assertEquals(400, response.getStatusCode(), limit);
            assertEquals("limit", body(response).path("errors").get(0).path("field").asText());
        }
        var token = call(Requests.route("GET /reports", "/reports").staff("s").query("nextToken", "!!"));
        assertEquals(400, token.getStatusCode());
    }

    @Test
    void aCompiledDayListsItsFilesWithLinksValidFor900Seconds() {
        compiled("2020-02-13", "2020-02-13T16:10:00.123Z");
        var response = call(get("2020-02-13").staff("s"));
        assertEquals(200, response.getStatusCode());
        JsonNode body = body(response);
        assertEquals("2020-02-13", body.path("date").asText());
        assertEquals("2020-02-13T16:10:00.123Z", body.path("generatedAt").asText());
        assertEquals(List.of("summary.json", "summary.csv", "report.html"), texts(body.path("files"), "name"));
        JsonNode csv = body.path("files").get(1);
        assertEquals("text/csv; charset=UTF-8", csv.path("contentType").asText());
        assertEquals(120, csv.path("bytes").asLong());
        assertEquals("https://reports.invalid/reports/daily/2020-02-13/summary.csv", csv.path("url").asText());
        assertEquals("2020-02-14T02:15:00Z", csv.path("expiresAt").asText());
        assertEquals(4000, body.path("files").get(2).path("bytes").asLong());
        assertEquals(store.files().get("reports/daily/2020-02-13/summary.json").content().length,
                body.path("files").get(0).path("bytes").asLong());
    }

    @Test
    void aDayNotCompiledIs404EvenWhenAFileOfAnUnfinishedSetExists() {
        store.put("reports/daily/2020-02-12/summary.csv", new byte[1], "text/csv", Map.of());
        assertEquals(404, call(get("2020-02-12").staff("s")).getStatusCode());
        assertEquals(404, call(get("2020-02-11").staff("s")).getStatusCode());
    }

    @Test
    void theSampleEventIsAnsweredLikeAnyOther() throws Exception {
        compiled("2020-02-13", "2020-02-13T16:10:00Z");
        APIGatewayV2HTTPEvent event = Events.load("reports-get.json");
        var response = handler.handleRequest(event, null);
        assertEquals(200, response.getStatusCode());
        assertEquals(3, body(response).path("files").size());
    }

    @Test
    void theLinkLifetimeNeverExceeds900Seconds() {
        assertEquals(Duration.ofSeconds(900), ReportsHandler.linkLifetime("3600"));
        assertEquals(Duration.ofSeconds(60), ReportsHandler.linkLifetime("60"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    // ---- report dates bounded by REPORT_START_DATE and today; JSON for a browser too

    @Test
    void aDayBeforeTheStartDateIsRefusedWith422AndNotCompiled() {
        for (String date : List.of("0000-01-01", "0266-01-01", "2019-12-31")) {
            var response = call(post(date).staff("s"));
            assertEquals(422, response.getStatusCode(), date);
            assertEquals("/problems/before-start-date", body(response).path("type").asText());
            assertEquals("2020-01-01", body(response).path("startDate").asText());
        }
        assertTrue(triggered.isEmpty());
        assertEquals(202, call(post("2020-01-01").staff("s")).getStatusCode());
        assertEquals(List.of(LocalDate.of(2020, 1, 1)), triggered);
    }

    @Test
    void theStartDateIsTheHandlersOwnSetting() {
        ReportsHandler later = new ReportsHandler(store, triggered::add, new Idempotency(new InMemoryIdempotencyStore(), appClock),
                appClock, Duration.ofSeconds(900), LocalDate.of(2020, 2, 1));
        assertEquals(422, later.handleRequest(post("2020-01-31").staff("s").build(), null).getStatusCode());
        assertEquals(202, later.handleRequest(post("2020-02-01").staff("s").build(), null).getStatusCode());
    }

    @Test
    void aBrowserGetsTheListAndTheFilesAsJson() {
        compiled("2020-02-13", "2020-02-14T00:10:00Z");
        String browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        var list = call(Requests.route("GET /reports", "/reports").header("Accept", browser).staff("s"));
        assertEquals(200, list.getStatusCode());
        assertTrue(list.getHeaders().get("Content-Type").startsWith("application/json"));
        var files = call(get("2020-02-13").header("Accept", browser).staff("s"));
        assertTrue(files.getHeaders().get("Content-Type").startsWith("application/json"));
        var missing = call(get("2020-02-12").header("Accept", browser).staff("s"));
        assertEquals(404, missing.getStatusCode());
        assertEquals("application/problem+json", missing.getHeaders().get("Content-Type"));
    }
}
