package cn.lanzhou.epidemic.summary;

import static cn.lanzhou.epidemic.summary.ReportFixture.at;
import static cn.lanzhou.epidemic.summary.ReportFixture.district;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.reportfiles.ReportFiles;
import cn.lanzhou.epidemic.summary.domain.DailyReport;
import cn.lanzhou.epidemic.summary.domain.DayAggregate;
import cn.lanzhou.epidemic.summary.domain.DayRecords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DailyReportCompilerTest {
    private static final LocalDate D_MINUS_2 = LocalDate.parse("2020-02-11");
    private static final LocalDate D_MINUS_1 = LocalDate.parse("2020-02-12");
    private static final LocalDate D = LocalDate.parse("2020-02-13");

    private ReportFixture f;

    /** Three days of writes, each compiled at 00:10 the next morning, as the schedule does. */
    @BeforeEach
    void threeDaysOfData() {
        f = new ReportFixture();
        FakeDayRecords r = f.records;

        f.now("2020-02-11T10:00:00");
        r.submit("app1", "chengguan", true, D_MINUS_2);
        r.register(at("2020-02-11T09:00:00"), "chengguan", "LOW", false, null);
        f.compile("2020-02-11", "2020-02-12T00:10:00");

        f.now("2020-02-12T12:00:00");
        r.decide("app1", "APPROVED", D_MINUS_1);
        r.submit("app3", "chengguan", false, D_MINUS_1);
        r.submit("app5", "chengguan", false, D_MINUS_1);
        for (String id : List.of("app6", "app7", "app8")) {
            r.submit(id, "xigu", !id.equals("app8"), D_MINUS_1);
            r.decide(id, "APPROVED", D_MINUS_1);
        }
        f.now("2020-02-12T23:59:59");
        r.register(at("2020-02-12T23:59:59"), "chengguan", "MEDIUM", false, null);
        f.compile("2020-02-12", "2020-02-13T00:10:00");

        f.now("2020-02-13T08:00:00");
        r.register(at("2020-02-13T08:00:00"), "chengguan", "LOW", false, "甘A12345");
        r.register(at("2020-02-13T10:00:00"), "chengguan", "MEDIUM", false, "甘AD12345");
        r.register(at("2020-02-13T09:00:00"), "anning", "LOW", false, "甘A12345");
        r.register(at("2020-02-13T09:30:00"), "anning", "HIGH", true, null);
        r.funds(D, "anning", "202241.00");
        r.funds(D, "anning", "0.01");
        r.materials(D, "anning", "4000.00", new DayRecords.Item("MASK", 1000), new DayRecords.Item("PROTECTIVE_SUIT", 10));
        r.reopen("app1", D);
        r.submit("app2", "chengguan", true, D);
        r.decide("app3", "REJECTED", D);
        r.submit("app4", "chengguan", false, D);
        r.decide("app4", "APPROVED", D);
        r.strayPointer("app5", D);
        r.reopen("app6", D);
        r.reopen("app7", D);
        r.reopen("app8", D);
        f.now("2020-02-13T23:59:59");
        r.register(at("2020-02-13T23:59:59"), "chengguan", "HIGH", true, "甘A12345");
        f.now("2020-02-14T00:00:00");
        r.register(at("2020-02-14T00:00:00"), "chengguan", "LOW", false, null);
    }

    @Test
    void everyDistrictAppearsInReferenceOrderWithItsExactFigures() {
        JsonNode summary = f.compile("2020-02-13", "2020-02-14T00:10:00");

        assertEquals("2020-02-13", summary.path("date").asText());
        assertEquals("Asia/Shanghai", summary.path("timezone").asText());
        assertEquals("2020-02-13T16:10:00Z", summary.path("generatedAt").asText());
        assertEquals(List.of("chengguan", "anning", "xigu", "gaolan"),
                summary.path("districts").findValuesAsText("code").stream().filter(c -> !c.isEmpty()).toList());

        JsonNode chengguan = district(summary, "chengguan");
        assertEquals("城关区", chengguan.path("name").asText());
        assertFalse(chengguan.path("zeroReport").asBoolean());
        assertEquals(json("{\"count\":3,\"cumulative\":5,\"fever\":1,\"highRisk\":1,\"mediumRisk\":1,\"lowRisk\":1,"
                + "\"vehicles\":2}"), chengguan.path("registrations"));
        assertEquals(json("{\"submitted\":2,\"approved\":1,\"rejected\":1,\"reopened\":1,\"pending\":2,"
                + "\"aboveSizeEnterprises\":32,\"aboveSizeReopenedCumulative\":1,\"reopeningRate\":0.0313}"),
                chengguan.path("reopenings"));

        JsonNode anning = district(summary, "anning");
        assertEquals(json("{\"count\":2,\"cumulative\":2,\"fever\":1,\"highRisk\":1,\"mediumRisk\":0,\"lowRisk\":1,"
                + "\"vehicles\":1}"), anning.path("registrations"));
        assertEquals(json("{\"count\":3,\"funds\":\"202241.01\",\"fundsCumulative\":\"202241.01\","
                + "\"materialsValue\":\"4000.00\",\"materialsValueCumulative\":\"4000.00\",\"items\":{\"MASK\":1000,"
                + "\"PROTECTIVE_SUIT\":10,\"GOGGLES\":0,\"MEDICAL_GLOVES\":0,\"DISINFECTANT\":0,\"THERMOMETER\":0,"
                + "\"FOOD\":0,\"OTHER\":0}}"), anning.path("donations"));
        assertEquals("0.0000", anning.path("reopenings").path("reopeningRate").toString());

        JsonNode xigu = district(summary, "xigu");
        assertFalse(xigu.path("zeroReport").asBoolean(), "a reopening is an event of the day");
        assertEquals(json("{\"submitted\":0,\"approved\":0,\"rejected\":0,\"reopened\":3,\"pending\":0,"
                + "\"aboveSizeEnterprises\":3,\"aboveSizeReopenedCumulative\":2,\"reopeningRate\":0.6667}"),
                xigu.path("reopenings"));

        JsonNode totals = summary.path("totals");
        assertEquals(json("{\"count\":5,\"cumulative\":7,\"fever\":2,\"highRisk\":2,\"mediumRisk\":1,\"lowRisk\":2,"
                + "\"vehicles\":2}"), totals.path("registrations"), "a plate seen in two districts is one vehicle");
        assertEquals("202241.01", totals.path("donations").path("funds").asText());
        assertEquals(json("{\"submitted\":2,\"approved\":1,\"rejected\":1,\"reopened\":4,\"pending\":2,"
                + "\"aboveSizeEnterprises\":99,\"aboveSizeReopenedCumulative\":3,\"reopeningRate\":0.0303}"),
                totals.path("reopenings"));
    }

    @Test
    void aDistrictWithNothingIsAZeroReportWithANullRateWhenItHasNoAboveSizeEnterprise() {
        JsonNode gaolan = district(f.compile("2020-02-13", "2020-02-14T00:10:00"), "gaolan");

        assertTrue(gaolan.path("zeroReport").asBoolean());
        assertEquals(0, gaolan.path("registrations").path("count").asInt());
        assertEquals("0.00", gaolan.path("donations").path("funds").asText());
        assertEquals("0.00", gaolan.path("donations").path("materialsValueCumulative").asText());
        assertTrue(gaolan.path("reopenings").path("reopeningRate").isNull());
        assertTrue(gaolan.path("reopenings").has("reopeningRate"));
    }

    @Test
    void registrationsEitherSideOfLocalMidnightCountOnTheirOwnDays() {
        assertEquals(1, district(f.summary("2020-02-12"), "chengguan").path("registrations").path("count").asInt(),
                "23:59:59 on the 12th belongs to the 12th");
        assertEquals(3, district(f.compile("2020-02-13", "2020-02-14T00:10:00"), "chengguan")
                .path("registrations").path("count").asInt(), "23:59:59 on the 13th belongs to the 13th");
        JsonNode next = f.compile("2020-02-14", "2020-02-15T00:10:00");
        assertEquals(1, district(next, "chengguan").path("registrations").path("count").asInt(),
                "00:00:00 on the 14th belongs to the 14th");
        assertEquals(6, district(next, "chengguan").path("registrations").path("cumulative").asInt());
    }

    @Test
    void aLateRegistrationChangesItsDayAndEveryLaterCumulativeWithoutRereadingCleanDays() {
        f.compile("2020-02-13", "2020-02-14T00:10:00");
        f.now("2020-02-14T10:00:00");
        f.records.register(at("2020-02-12T15:00:00"), "chengguan", "LOW", false, null);

        JsonNode next = f.compile("2020-02-14", "2020-02-15T00:10:00");
        assertEquals(7, district(next, "chengguan").path("registrations").path("cumulative").asInt());
        assertEquals(2, f.records.reads.get(D_MINUS_1), "the changed day is read again");
        assertEquals(1, f.records.reads.get(D), "a day that did not change keeps its figures");
        assertEquals(1, f.records.reads.get(D_MINUS_2), "days before the change are not touched");

        JsonNode day = f.compile("2020-02-13", "2020-02-15T01:00:00");
        assertEquals(3, district(day, "chengguan").path("registrations").path("count").asInt());
        assertEquals(6, district(day, "chengguan").path("registrations").path("cumulative").asInt());
        JsonNode dayBefore = f.compile("2020-02-12", "2020-02-15T01:00:00");
        assertEquals(2, district(dayBefore, "chengguan").path("registrations").path("count").asInt());
        assertEquals(3, district(dayBefore, "chengguan").path("registrations").path("cumulative").asInt());
    }

    @Test
    void aDayCompiledBeforeItEndedIsCompiledAgainForTheNextDay() {
        f.compile("2020-02-13", "2020-02-13T12:00:00");
        JsonNode next = f.compile("2020-02-14", "2020-02-15T00:10:00");
        assertEquals(6, district(next, "chengguan").path("registrations").path("cumulative").asInt(),
                "registrations after noon on the 13th are counted");
    }

    @Test
    void aLateDonationDatedBackChangesTheFundsCumulative() {
        f.compile("2020-02-13", "2020-02-14T00:10:00");
        f.now("2020-02-14T09:00:00");
        f.records.funds(D_MINUS_2, "anning", "100.50");
        JsonNode next = f.compile("2020-02-14", "2020-02-15T00:10:00");
        assertEquals("202341.51", district(next, "anning").path("donations").path("fundsCumulative").asText());
        assertEquals("0.00", district(next, "anning").path("donations").path("funds").asText());
    }

    @Test
    void compilingTheSameDayAgainWithNoNewDataGivesTheSameFiguresAndKeys() {
        f.compile("2020-02-13", "2020-02-14T00:10:00");
        byte[] json = f.store.get(ReportFiles.key(D, ReportFiles.JSON)).orElseThrow();
        byte[] csv = f.store.get(ReportFiles.key(D, ReportFiles.CSV)).orElseThrow();
        byte[] html = f.store.get(ReportFiles.key(D, ReportFiles.HTML)).orElseThrow();
        var keys = f.store.files().keySet().stream().toList();

        f.compile("2020-02-13", "2020-02-14T00:10:00");
        assertArrayEquals(json, f.store.get(ReportFiles.key(D, ReportFiles.JSON)).orElseThrow());
        assertArrayEquals(csv, f.store.get(ReportFiles.key(D, ReportFiles.CSV)).orElseThrow());
        assertArrayEquals(html, f.store.get(ReportFiles.key(D, ReportFiles.HTML)).orElseThrow());

        ObjectNode later = (ObjectNode) f.compile("2020-02-13", "2020-02-16T08:00:00");
        ObjectNode first = (ObjectNode) Json.parseTrusted(new String(json, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("2020-02-16T00:00:00Z", later.remove("generatedAt").asText());
        first.remove("generatedAt");
        assertEquals(first, later);
        assertEquals(keys, f.store.files().keySet().stream().toList());
    }

    @Test
    void summaryJsonIsWrittenLastAndAnnouncesTheOtherFiles() {
        f.store.writes().clear();
        f.compile("2020-02-13", "2020-02-14T00:10:00");
        // the two companions are written side by side, in either order; summary.json after both
        List<String> writes = f.store.writes();
        assertEquals(3, writes.size());
        assertEquals(java.util.Set.of("reports/daily/2020-02-13/summary.csv", "reports/daily/2020-02-13/report.html"),
                java.util.Set.copyOf(writes.subList(0, 2)));
        assertEquals("reports/daily/2020-02-13/summary.json", writes.get(2));
        var meta = f.store.files().get("reports/daily/2020-02-13/summary.json").metadata();
        assertEquals("2020-02-13T16:10:00Z", meta.get("generated-at"));
        assertEquals(Integer.toString(f.store.files().get("reports/daily/2020-02-13/summary.csv").content().length),
                meta.get("summary-csv-bytes"));
        assertEquals(Integer.toString(f.store.files().get("reports/daily/2020-02-13/report.html").content().length),
                meta.get("report-html-bytes"));
    }

    @Test
    void theFirstCompilationEverReadsNoFurtherBackThanTheLookback() {
        ReportFixture fresh = new ReportFixture();
        JsonNode summary = fresh.compile("2020-03-01", "2020-03-02T00:10:00");
        assertTrue(district(summary, "chengguan").path("zeroReport").asBoolean());
        assertEquals(8, fresh.records.reads.size(), "the day and 7 days before it");
        fresh.compile("2020-03-02", "2020-03-03T00:10:00");
        assertEquals(9, fresh.records.reads.size(), "the next day reuses the aggregate of the day before");
    }

    @Test
    void aMarkLongAgoExtendsTheWalkBackToThatDay() {
        ReportFixture fresh = new ReportFixture();
        fresh.now("2020-03-01T09:00:00");
        fresh.records.funds(LocalDate.parse("2020-02-10"), "anning", "5.00");
        JsonNode summary = fresh.compile("2020-03-01", "2020-03-01T10:00:00");
        assertEquals("5.00", district(summary, "anning").path("donations").path("fundsCumulative").asText());
    }

    @Test
    void aLongGapOfDaysNeverCompiledCostsOnlyTheLookbackWindow() {
        ReportFixture fresh = new ReportFixture();
        fresh.now("2020-01-10T09:00:00");
        fresh.records.register(at("2020-01-10T08:00:00"), "xigu", "LOW", false, null);
        fresh.compile("2020-01-10", "2020-01-11T00:10:00");
        fresh.now("2020-04-01T09:00:00");
        fresh.records.funds(LocalDate.parse("2020-03-01"), "xigu", "9.99");
        fresh.records.reads.clear();

        JsonNode summary = fresh.compile("2020-06-01", "2020-06-01T12:00:00");
        JsonNode xigu = district(summary, "xigu");
        assertEquals(1, xigu.path("registrations").path("cumulative").asInt(), "January's aggregate is the base");
        assertEquals("9.99", xigu.path("donations").path("fundsCumulative").asText(), "the marked day is read");
        assertEquals(9, fresh.records.reads.size(), "the day, 7 days before it and the marked day: "
                + fresh.records.reads.keySet());
        assertTrue(fresh.records.reads.containsKey(LocalDate.parse("2020-03-01")));
    }

    @Test
    void aDayAfterTodayIsRefused() {
        f.now("2020-02-14T10:00:00");
        assertThrows(IllegalArgumentException.class, () -> f.compiler.compile(LocalDate.parse("2020-02-15")));
    }

    @Test
    void theTrendHoldsTheLastFourteenDaysFromTheAggregates() {
        f.compile("2020-02-13", "2020-02-14T00:10:00");
        DailyReport report = f.compiler.compile(D);
        assertEquals(14, report.trend().size());
        assertEquals(LocalDate.parse("2020-01-31"), report.trend().get(0).date());
        assertEquals(1, report.trend().get(11).registrations());
        assertEquals(1, report.trend().get(12).registrations());
        assertEquals(5, report.trend().get(13).registrations());
        assertEquals(0, report.trend().get(10).registrations(), "a day without an aggregate is at zero");
        assertEquals(2, report.trend().get(13).fever());
        assertEquals("206241.01", report.trend().get(13).funds().add(report.trend().get(13).materialsValue()).toPlainString());
    }

    @Test
    void theTrendIsCarriedFromTheDayBeforeAndALateChangeReachesIt() {
        f.compile("2020-02-13", "2020-02-14T00:10:00");
        f.now("2020-02-14T10:00:00");
        f.records.register(at("2020-02-11T15:00:00"), "xigu", "LOW", true, null);

        f.now("2020-02-15T00:10:00");
        DailyReport report = f.compiler.compile(LocalDate.parse("2020-02-14"));
        List<Long> registrations = report.trend().stream().map(DailyReport.TrendDay::registrations).toList();
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L, 2L, 1L, 5L, 1L), registrations,
                "the 11th now has its late registration");
        assertEquals(1, report.trend().get(10).fever());
        assertEquals(LocalDate.parse("2020-02-01"), report.trend().get(0).date());
    }

    @Test
    void anAggregateStoredWithoutItsTrendIsBroughtUpToDateFromItsOwnFigures() {
        f.compile("2020-02-13", "2020-02-14T00:10:00");
        f.aggregates.dropTrends();
        int reads = f.records.reads.values().stream().mapToInt(Integer::intValue).sum();

        f.now("2020-02-15T00:10:00");
        DailyReport report = f.compiler.compile(LocalDate.parse("2020-02-14"));
        assertEquals(List.of(1L, 1L, 5L, 1L), report.trend().subList(10, 14).stream()
                .map(DailyReport.TrendDay::registrations).toList());
        assertEquals(reads + 1, f.records.reads.values().stream().mapToInt(Integer::intValue).sum(),
                "only the new day is read: the stored days keep their own figures");

        int puts = f.aggregates.puts;
        f.now("2020-02-16T00:10:00");
        DailyReport next = f.compiler.compile(LocalDate.parse("2020-02-15"));
        assertEquals(puts + 1, f.aggregates.puts, "brought up to date once: the next day writes only its own");
        assertEquals(List.of(1L, 1L, 5L, 1L, 0L), next.trend().subList(9, 14).stream()
                .map(DailyReport.TrendDay::registrations).toList());
        assertEquals(6, district(f.summary("2020-02-14"), "chengguan").path("registrations").path("cumulative").asInt());
    }

    @Test
    void theTrendKeepsFourteenDaysAsTheDaysGoBy() {
        ReportFixture fresh = new ReportFixture();
        LocalDate first = LocalDate.parse("2020-03-01");
        for (int i = 0; i < 20; i++) {
            LocalDate day = first.plusDays(i);
            fresh.now(day + "T09:00:00");
            for (int n = 0; n <= i; n++) {
                fresh.records.register(at(day + "T08:00:00"), "xigu", "LOW", false, null);
            }
            fresh.now(day.plusDays(1) + "T00:10:00");
            fresh.compiler.compile(day);
        }
        DayAggregate last = fresh.aggregates.get(first.plusDays(19)).orElseThrow();
        assertEquals(14, last.trend().size(), "a day with an aggregate each, no older than the window");
        assertEquals(first.plusDays(6), last.trend().get(0).date());
        assertEquals(7, last.trend().get(0).registrations());
        assertEquals(20, last.trend().get(13).registrations());
    }

    @Test
    void aReportIsNotPublishedWhenItsAggregateCannotBeSaved() {
        f.store.writes().clear();
        f.aggregates.failPuts = true;
        f.now("2020-02-14T00:10:00");
        assertThrows(cn.lanzhou.epidemic.common.store.BackendUnavailable.class, () -> f.compiler.compile(D));
        assertFalse(f.store.writes().contains("reports/daily/2020-02-13/summary.json"),
                "summary.json names a set whose aggregate is stored: " + f.store.writes());
    }

    private static JsonNode json(String text) {
        return Json.parseTrusted(text);
    }
}
