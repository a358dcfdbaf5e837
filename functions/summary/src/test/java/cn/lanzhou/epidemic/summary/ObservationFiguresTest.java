package cn.lanzhou.epidemic.summary;

import static cn.lanzhou.epidemic.summary.ReportFixture.district;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.reportfiles.ReportFiles;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The daily report's medical observation figures, dated by start, release and check dates. */
class ObservationFiguresTest {
    private static final LocalDate D1 = LocalDate.parse("2020-02-11");
    private static final LocalDate D2 = LocalDate.parse("2020-02-12");

    private final ReportFixture f = new ReportFixture();

    @Test
    void startsChecksReleasesAndMissedSlotsCountOnTheirDaysAndActiveCarriesOn() {
        f.now("2020-02-11T08:00:00");
        f.records.observe("obs1", "chengguan", D1);
        f.records.observe("obs2", "chengguan", D1);
        f.records.observe("obs3", "anning", D1);
        f.records.check("obs1", D1, "AM", false);
        f.records.check("obs1", D1, "PM", true);
        f.records.check("obs2", D1, "AM", false);
        f.records.release("obs3", "TRANSFERRED", D1);
        JsonNode day1 = f.compile("2020-02-11", "2020-02-12T00:10:00");

        JsonNode chengguan = district(day1, "chengguan").path("observations");
        assertEquals(2, chengguan.path("active").asInt());
        assertEquals(2, chengguan.path("started").asInt());
        assertEquals(1, chengguan.path("feverChecks").asInt());
        assertEquals(1, chengguan.path("missedChecks").asInt(), "obs2's PM, judged at the end of the day");
        JsonNode anning = district(day1, "anning").path("observations");
        assertEquals(0, anning.path("active").asInt());
        assertEquals(1, anning.path("transferred").asInt());
        assertEquals(0, anning.path("missedChecks").asInt(), "released that day: not active at its end");
        assertEquals(2, day1.path("totals").path("observations").path("active").asInt());
        assertEquals(1, day1.path("totals").path("observations").path("missedChecks").asInt());

        // the next day: obs1 checked in the morning only, compiled at 15:00 — PM not yet due, obs2 missed AM
        f.now("2020-02-12T09:00:00");
        f.records.check("obs1", D2, "AM", false);
        f.now("2020-02-12T15:00:00");
        JsonNode day2 = f.compile("2020-02-12", "2020-02-12T15:00:00");
        JsonNode second = district(day2, "chengguan").path("observations");
        assertEquals(2, second.path("active").asInt());
        assertEquals(0, second.path("started").asInt());
        assertEquals(1, second.path("missedChecks").asInt());
        assertFalse(district(day2, "chengguan").path("zeroReport").asBoolean(), "a check is an observation event");
    }

    @Test
    void aDistrictWithOnlyAnObservationStartIsNotAZeroReportAndTheFilesShowTheFigures() {
        f.now("2020-02-11T08:00:00");
        f.records.observe("obs1", "gaolan", D1);
        JsonNode day = f.compile("2020-02-11", "2020-02-12T00:10:00");

        assertFalse(district(day, "gaolan").path("zeroReport").asBoolean());
        assertTrue(district(day, "anning").path("zeroReport").asBoolean());
        String csv = f.file("2020-02-11", ReportFiles.CSV);
        String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.endsWith("观察中,新增观察,解除观察,转院,提前结束,发热次数,漏检次数"), header);
        String gaolan = csv.lines().filter(l -> l.contains(",gaolan,")).findFirst().orElseThrow();
        assertTrue(gaolan.endsWith(",1,1,0,0,0,0,2"), gaolan);
        String html = f.file("2020-02-11", ReportFiles.HTML);
        assertTrue(html.contains("<h2>医学观察</h2>"));
        assertTrue(html.contains("近14日观察中人数"));
    }
}
