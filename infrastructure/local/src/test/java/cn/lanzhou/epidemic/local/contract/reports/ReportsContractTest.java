package cn.lanzhou.epidemic.local.contract.reports;

import static cn.lanzhou.epidemic.local.contract.reports.ReportDownloads.district;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import cn.lanzhou.epidemic.local.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The staff report routes over HTTP against the local stack: POST /reports/{date}, wait for the set,
 * download every file through its presigned link and check the figures to the unit and the fen.
 * The day's items are written in the agreed key design (see {@link AgreedItems}).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReportsContractTest {
    private static final ZoneId LANZHOU = ZoneId.of("Asia/Shanghai");
    private static final LocalDate D = LocalDate.parse("2020-02-13");

    private ReportDownloads staff;
    private JsonNode baseline;
    private JsonNode listing;
    private JsonNode summary;

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(LANZHOU).toInstant();
    }

    @BeforeAll
    void compileADayOfKnownData(LocalStack stack, Api api) {
        staff = new ReportDownloads(api, stack.staffToken());
        try (AgreedItems items = new AgreedItems(stack)) {
            LocalDate dMinus1 = D.minusDays(1);
            LocalDate dMinus2 = D.minusDays(2);
            items.registration(dMinus1, at("2020-02-12T23:59:59"), "chengguan", "LOW", false, null)
                    .registration(D, at("2020-02-13T00:00:00"), "chengguan", "LOW", false, "甘A12345")
                    .registration(D, at("2020-02-13T10:00:00"), "chengguan", "MEDIUM", false, "甘AD12345")
                    .registration(D, at("2020-02-13T23:59:59"), "chengguan", "HIGH", true, "甘A12345")
                    .registration(D.plusDays(1), at("2020-02-14T00:00:00"), "chengguan", "LOW", false, null)
                    .funds(D, "anning", "202241.00")
                    .funds(D, "anning", "0.01")
                    .materials(D, "anning", "MASK", "1000", "2.50", "PROTECTIVE_SUIT", "10", "150.00")
                    .application("qilihe", true, "REOPENED", dMinus2, dMinus1, D)
                    .application("qilihe", true, "SUBMITTED", D, null, null)
                    .application("qilihe", false, "REJECTED", dMinus1, D, null)
                    .strayPointer(D, "qilihe");
        }
        baseline = ReportDownloads.summary(staff.compile(D.minusDays(3).toString()));
        listing = staff.compile(D.toString());
        summary = ReportDownloads.summary(listing);
    }

    private long base(String code, String group, String figure) {
        return district(baseline, code).path(group).path(figure).asLong();
    }

    @Test
    void theDayIsListedWithItsThreeFilesAndLinksValidFor900Seconds() {
        assertEquals(D.toString(), listing.path("date").asText());
        List<String> names = new java.util.ArrayList<>();
        listing.path("files").forEach(f -> names.add(f.path("name").asText()));
        assertEquals(List.of("summary.json", "summary.csv", "report.html"), names);
        for (JsonNode file : listing.path("files")) {
            Instant expires = Instant.parse(file.path("expiresAt").asText());
            assertTrue(expires.isAfter(Instant.now().plusSeconds(800)) && expires.isBefore(Instant.now().plusSeconds(901)),
                    file.toString());
            HttpResponse<byte[]> download = ReportDownloads.download(file.path("url").asText());
            assertEquals(200, download.statusCode(), file.path("name").asText());
            assertEquals(file.path("bytes").asLong(), download.body().length, file.path("name").asText());
        }
        assertEquals(listing.path("generatedAt").asText(), summary.path("generatedAt").asText());
    }

    @Test
    void theFiguresMatchTheDataToTheUnitAndTheFen() {
        assertEquals(D.toString(), summary.path("date").asText());
        assertEquals("Asia/Shanghai", summary.path("timezone").asText());
        List<String> codes = new java.util.ArrayList<>();
        summary.path("districts").forEach(d -> codes.add(d.path("code").asText()));
        assertEquals(List.of("chengguan", "qilihe", "xigu", "anning", "honggu", "yongdeng", "gaolan", "yuzhong",
                "lanzhou-new-area"), codes);

        JsonNode chengguan = district(summary, "chengguan").path("registrations");
        assertEquals(3, chengguan.path("count").asLong(), "00:00:00 and 23:59:59 of the day, not the days around it");
        assertEquals(base("chengguan", "registrations", "cumulative") + 4, chengguan.path("cumulative").asLong());
        assertEquals(1, chengguan.path("fever").asLong());
        assertEquals(1, chengguan.path("highRisk").asLong());
        assertEquals(1, chengguan.path("mediumRisk").asLong());
        assertEquals(1, chengguan.path("lowRisk").asLong());
        assertEquals(2, chengguan.path("vehicles").asLong());

        JsonNode anning = district(summary, "anning").path("donations");
        assertEquals(3, anning.path("count").asLong());
        assertEquals("202241.01", anning.path("funds").asText());
        assertEquals(new BigDecimal(district(baseline, "anning").path("donations").path("fundsCumulative").asText())
                .add(new BigDecimal("202241.01")).toPlainString(), anning.path("fundsCumulative").asText());
        assertEquals("4000.00", anning.path("materialsValue").asText());
        assertEquals(1000, anning.path("items").path("MASK").asLong());
        assertEquals(10, anning.path("items").path("PROTECTIVE_SUIT").asLong());

        JsonNode qilihe = district(summary, "qilihe").path("reopenings");
        assertEquals(1, qilihe.path("submitted").asLong());
        assertEquals(0, qilihe.path("approved").asLong());
        assertEquals(1, qilihe.path("rejected").asLong());
        assertEquals(1, qilihe.path("reopened").asLong());
        assertEquals(base("qilihe", "reopenings", "pending") + 1, qilihe.path("pending").asLong());
        assertEquals(78, qilihe.path("aboveSizeEnterprises").asLong());
        long reopened = base("qilihe", "reopenings", "aboveSizeReopenedCumulative") + 1;
        assertEquals(reopened, qilihe.path("aboveSizeReopenedCumulative").asLong());
        assertEquals(BigDecimal.valueOf(reopened).divide(BigDecimal.valueOf(78), 4, RoundingMode.HALF_UP),
                qilihe.path("reopeningRate").decimalValue());

        assertTrue(district(summary, "gaolan").path("zeroReport").asBoolean());
        assertFalse(district(summary, "qilihe").path("zeroReport").asBoolean());
        assertEquals(2, summary.path("totals").path("registrations").path("vehicles").asLong());
    }

    @Test
    void theCsvAndThePageAreWhatTheContractSays() {
        byte[] csv = ReportDownloads.download(ReportDownloads.file(listing, "summary.csv").path("url").asText()).body();
        assertEquals(0xEF, csv[0] & 0xff);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertEquals(1 + 9 + 1, text.split("\r\n").length);
        assertTrue(text.contains(",城关区,否,3,"));

        String html = new String(ReportDownloads.download(ReportDownloads.file(listing, "report.html").path("url").asText())
                .body(), StandardCharsets.UTF_8);
        assertTrue(html.contains("截至2020年2月13日24时"));
        assertFalse(Pattern.compile("(?i)(src|href)\\s*=\\s*[\"']?\\s*(https?:|//)").matcher(html).find());
        assertFalse(html.contains("<link") || html.contains("@import") || html.contains("url("));
    }

    @Test
    void aTamperedLinkIsRefused() {
        String url = ReportDownloads.file(listing, "summary.csv").path("url").asText();
        var signature = Pattern.compile("(X-Amz-Signature=[0-9a-f]*)([0-9a-f])").matcher(url);
        assertTrue(signature.find(), url);
        String flipped = signature.group(2).equals("0") ? "1" : "0";
        String tampered = url.substring(0, signature.start(2)) + flipped + url.substring(signature.end(2));
        assertEquals(403, ReportDownloads.download(tampered).statusCode());
        String otherFile = url.replace("summary.csv", "report.html");
        assertEquals(403, ReportDownloads.download(otherFile).statusCode(), "a link is for its own file only");
    }

    /** Last: it replaces the files the other tests read through the listing compiled before them. */
    @Test
    @Order(Integer.MAX_VALUE)
    void compilingAgainWithNoNewDataGivesTheSameFiguresAndANewGeneratedAt() {
        JsonNode again = staff.compile(D.toString());
        assertNotEquals(listing.path("generatedAt").asText(), again.path("generatedAt").asText());
        var first = summary.deepCopy();
        var second = ReportDownloads.summary(again).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) first).remove("generatedAt");
        ((com.fasterxml.jackson.databind.node.ObjectNode) second).remove("generatedAt");
        assertEquals(first, second);
    }

    @Test
    void theListNamesTheDayNewestFirst(LocalStack stack, Api api) {
        Api.Response response = api.get("/reports?limit=100", stack.staffToken());
        assertEquals(200, response.status());
        List<String> all = new java.util.ArrayList<>();
        response.json().path("dates").forEach(d -> all.add(d.asText()));
        assertTrue(all.contains("2020-02-13") && all.contains("2020-02-10"), all.toString());
        assertTrue(all.indexOf("2020-02-13") < all.indexOf("2020-02-10"));
    }

    @Test
    void aDayNotCompiledIs404AndTomorrowCannotBeCompiled(LocalStack stack, Api api) {
        assertEquals(404, api.get("/reports/2019-06-01", stack.staffToken()).status());
        String tomorrow = LocalDate.now(LANZHOU).plusDays(1).toString();
        assertEquals(422, staff.post(tomorrow).status());
        assertEquals(400, staff.post("2020-02-30").status());
    }

    @Test
    void withoutATokenItIs401AndWithoutTheStaffGroupItIs403(Api api) {
        String resident = Tokens.mint("resident-1", List.of("residents"), Duration.ofMinutes(10));
        for (String path : List.of("/reports", "/reports/2020-02-13")) {
            assertEquals(401, api.get(path).status(), path);
            assertEquals(403, api.get(path, resident).status(), path);
        }
        assertEquals(401, api.send(api.request("/reports/2020-02-13").POST(HttpRequest.BodyPublishers.noBody())).status());
        assertEquals(403, api.send(api.request("/reports/2020-02-13").header("Authorization", "Bearer " + resident)
                .POST(HttpRequest.BodyPublishers.noBody())).status());
    }
}
