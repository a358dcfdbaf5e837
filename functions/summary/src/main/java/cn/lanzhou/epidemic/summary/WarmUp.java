package cn.lanzhou.epidemic.summary;

import cn.lanzhou.epidemic.common.model.District;
import cn.lanzhou.epidemic.summary.domain.Cumulative;
import cn.lanzhou.epidemic.summary.domain.DailyReport;
import cn.lanzhou.epidemic.summary.domain.DayAggregate;
import cn.lanzhou.epidemic.summary.domain.DistrictDay;
import cn.lanzhou.epidemic.summary.render.ReportHtml;
import cn.lanzhou.epidemic.summary.render.SummaryCsv;
import cn.lanzhou.epidemic.summary.render.SummaryJson;
import cn.lanzhou.epidemic.summary.store.DynamoDayAggregates;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the summary does at its first compilation that needs no data and no network, for before the
 * SnapStart snapshot: the aggregate's codec and the three report files rendered from an empty
 * sample. Nothing is written; the DynamoDB client is primed by its own read.
 */
public final class WarmUp implements Runnable {
    @Override
    public void run() {
        DayAggregate aggregate = DayAggregate.after(Optional.empty(), LocalDate.of(2020, 2, 13), Instant.EPOCH, 0,
                Map.of(), List.of(new District("sample", "样例", "Sample", 1)));
        DynamoDayAggregates.decode(DynamoDayAggregates.encode(aggregate));
        DailyReport sample = sample();
        SummaryCsv.render(sample);
        ReportHtml.render(sample);
        SummaryJson.render(sample);
    }

    private static DailyReport sample() {
        LocalDate day = LocalDate.of(2020, 2, 13);
        DailyReport.Row row = new DailyReport.Row("sample", "样例", 1, new DistrictDay(), Cumulative.ZERO);
        DailyReport.TrendDay trend = new DailyReport.TrendDay(day, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
        return new DailyReport(day, ZoneId.of("Asia/Shanghai"), Instant.EPOCH, List.of(row), row, List.of(trend));
    }
}
