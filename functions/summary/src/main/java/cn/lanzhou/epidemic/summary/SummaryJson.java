package cn.lanzhou.epidemic.summary;

import cn.lanzhou.epidemic.common.json.PlainJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * summary.json exactly as API.md "Reports" lays it out; money as strings with two fraction digits.
 * Written with {@link PlainJson}: nothing on the summary's path loads Jackson.
 */
final class SummaryJson {
    private SummaryJson() {
    }

    static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static Map<String, Object> tree(DailyReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("date", report.date().toString());
        root.put("timezone", report.zone().getId());
        root.put("generatedAt", timestamp(report.generatedAt()));
        List<Object> districts = new ArrayList<>();
        for (DailyReport.Row row : report.rows()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("code", row.code());
            d.put("name", row.name());
            d.put("zeroReport", row.day().zeroReport());
            figures(d, row);
            districts.add(d);
        }
        root.put("districts", districts);
        Map<String, Object> totals = new LinkedHashMap<>();
        figures(totals, report.total());
        root.put("totals", totals);
        return root;
    }

    static byte[] render(DailyReport report) {
        return PlainJson.writeBytes(tree(report));
    }

    private static void figures(Map<String, Object> target, DailyReport.Row row) {
        DistrictDay day = row.day();
        Cumulative cumulative = row.cumulative();
        Map<String, Object> registrations = new LinkedHashMap<>();
        registrations.put("count", day.registrations);
        registrations.put("cumulative", cumulative.registrations());
        registrations.put("fever", day.fever);
        registrations.put("highRisk", day.highRisk);
        registrations.put("mediumRisk", day.mediumRisk);
        registrations.put("lowRisk", day.lowRisk);
        registrations.put("vehicles", day.vehicles);
        target.put("registrations", registrations);
        Map<String, Object> donations = new LinkedHashMap<>();
        donations.put("count", day.donations);
        donations.put("funds", PlainJson.money(day.funds));
        donations.put("fundsCumulative", PlainJson.money(cumulative.funds()));
        donations.put("materialsValue", PlainJson.money(day.materialsValue));
        donations.put("materialsValueCumulative", PlainJson.money(cumulative.materialsValue()));
        donations.put("items", new LinkedHashMap<String, Object>(day.items));
        target.put("donations", donations);
        Map<String, Object> reopenings = new LinkedHashMap<>();
        reopenings.put("submitted", day.submitted);
        reopenings.put("approved", day.approved);
        reopenings.put("rejected", day.rejected);
        reopenings.put("reopened", day.reopened);
        reopenings.put("pending", cumulative.pending());
        reopenings.put("aboveSizeEnterprises", row.aboveSizeEnterprises());
        reopenings.put("aboveSizeReopenedCumulative", cumulative.aboveSizeReopened());
        reopenings.put("reopeningRate", row.reopeningRate());
        target.put("reopenings", reopenings);
    }
}
