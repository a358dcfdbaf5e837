package cn.lanzhou.epidemic.local.contract.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import cn.lanzhou.epidemic.local.contract.reports.ReportDownloads;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What staff do at an observation site through the API is what the daily report counts: starts on
 * their start date, checks and releases on theirs, the slots missed by an observation ACTIVE at the
 * end of a day, and the active count carried from day to day.
 */
@ExtendWith(LocalStackExtension.class)
class ObservationReportContractTest {

    @Test
    void observationsAreCountedOnTheirDatesInTheDistrictAndTheTotals(LocalStack stack, Api api) {
        ReportDownloads staff = new ReportDownloads(api, stack.staffToken());
        LocalDate today = FollowUpContractTest.today();
        LocalDate yesterday = today.minusDays(1);
        JsonNode yesterdayBefore = ReportDownloads.summary(staff.compile(yesterday.toString()));
        JsonNode todayBefore = ReportDownloads.summary(staff.compile(today.toString()));

        String since = FollowUpContractTest.created(api, FollowUpContractTest.idNumber(), yesterday);
        String fresh = FollowUpContractTest.created(api, FollowUpContractTest.idNumber(), today);
        assertEquals(201, FollowUpContractTest.check(api, fresh, today, "AM", "38.0").status());
        assertEquals(201, FollowUpContractTest.check(api, since, today, "AM", "36.5").status());
        assertEquals(200, FollowUpContractTest.release(api, fresh, "TRANSFERRED", "转定点医院", 1).status());

        JsonNode yesterdayAfter = ReportDownloads.summary(staff.compile(yesterday.toString()));
        JsonNode todayAfter = ReportDownloads.summary(staff.compile(today.toString()));

        Delta before = new Delta(yesterdayBefore, yesterdayAfter);
        assertEquals(1, before.of("chengguan", "started"), "the back-dated start counts on its start date");
        assertEquals(1, before.of("chengguan", "active"));
        assertEquals(2, before.of("chengguan", "missedChecks"), "no check on its first day: AM and PM missed");
        assertEquals(2, before.ofTotal("missedChecks"));
        Delta day = new Delta(todayBefore, todayAfter);
        assertEquals(1, day.of("chengguan", "started"));
        assertEquals(1, day.of("chengguan", "transferred"));
        assertEquals(1, day.of("chengguan", "feverChecks"), "38.0 °C");
        assertEquals(1, day.of("chengguan", "active"), "the one carried from yesterday; the transferred one is not");
        assertEquals(1, day.ofTotal("active"));
    }

    private record Delta(JsonNode before, JsonNode after) {
        long of(String district, String figure) {
            return observations(ReportDownloads.district(after, district)).path(figure).asLong()
                    - observations(ReportDownloads.district(before, district)).path(figure).asLong();
        }

        long ofTotal(String figure) {
            return observations(after.path("totals")).path(figure).asLong() - observations(before.path("totals")).path(figure).asLong();
        }

        private static JsonNode observations(JsonNode figures) {
            return figures.path("observations");
        }
    }
}
