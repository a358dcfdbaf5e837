package cn.lanzhou.epidemic.summary.render;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.summary.domain.Cumulative;
import cn.lanzhou.epidemic.summary.domain.DailyReport;
import cn.lanzhou.epidemic.summary.domain.DistrictDay;
import cn.lanzhou.epidemic.summary.domain.ObservationFigure;
import java.util.List;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** summary.json exactly as openapi.yaml lays it out; money as strings with two fraction digits. */
public final class SummaryJson {
    /** The names of {@link ObservationFigure#REPORTED} in summary.json, in that order. */
    private static final List<String> OBSERVATION_FIELDS =
            List.of("started", "completed", "transferred", "endedEarly", "feverChecks", "missedChecks");

    private SummaryJson() {
    }

    public static String timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static ObjectNode tree(DailyReport report) {
        ObjectNode root = Json.object();
        root.put("date", report.date().toString());
        root.put("timezone", report.zone().getId());
        root.put("generatedAt", timestamp(report.generatedAt()));
        ArrayNode districts = root.putArray("districts");
        for (DailyReport.Row row : report.rows()) {
            ObjectNode d = districts.addObject();
            d.put("code", row.code());
            d.put("name", row.name());
            d.put("zeroReport", row.day().zeroReport());
            figures(d, row);
        }
        figures(root.putObject("totals"), report.total());
        return root;
    }

    public static byte[] render(DailyReport report) {
        return Json.writeBytes(tree(report));
    }

    private static void figures(ObjectNode target, DailyReport.Row row) {
        DistrictDay day = row.day();
        Cumulative cumulative = row.cumulative();
        target.putObject("registrations")
                .put("count", day.registrations)
                .put("cumulative", cumulative.registrations())
                .put("fever", day.fever)
                .put("highRisk", day.highRisk)
                .put("mediumRisk", day.mediumRisk)
                .put("lowRisk", day.lowRisk)
                .put("vehicles", day.vehicles);
        ObjectNode donations = target.putObject("donations")
                .put("count", day.donations)
                .put("funds", Json.money(day.funds))
                .put("fundsCumulative", Json.money(cumulative.funds()))
                .put("materialsValue", Json.money(day.materialsValue))
                .put("materialsValueCumulative", Json.money(cumulative.materialsValue()));
        ObjectNode items = donations.putObject("items");
        for (Map.Entry<String, Long> item : day.items.entrySet()) {
            items.put(item.getKey(), item.getValue());
        }
        target.putObject("reopenings")
                .put("submitted", day.submitted)
                .put("approved", day.approved)
                .put("rejected", day.rejected)
                .put("reopened", day.reopened)
                .put("pending", cumulative.pending())
                .put("aboveSizeEnterprises", row.aboveSizeEnterprises())
                .put("aboveSizeReopenedCumulative", cumulative.aboveSizeReopened())
                .put("reopeningRate", row.reopeningRate());
        ObjectNode observations = target.putObject("observations").put("active", cumulative.activeObservations());
        for (int i = 0; i < ObservationFigure.REPORTED.size(); i++) {
            observations.put(OBSERVATION_FIELDS.get(i), day.observed(ObservationFigure.REPORTED.get(i)));
        }
    }
}
