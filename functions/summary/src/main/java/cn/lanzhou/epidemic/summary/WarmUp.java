package cn.lanzhou.epidemic.summary;

import cn.lanzhou.epidemic.common.aws.LeanS3Client;
import cn.lanzhou.epidemic.common.model.District;
import cn.lanzhou.epidemic.common.runtime.ClientWarmUp;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the summary does at its first compilation that needs no data and no network: what every
 * function's first call needs ({@link ClientWarmUp}), a signed S3 request, the aggregate's codec,
 * and the three report files rendered from an empty sample. Run on a second thread at init
 * ({@code Priming.warmUp}), it loads those classes while the compilation waits on DynamoDB.
 */
final class WarmUp implements Runnable {
    @Override
    public void run() {
        new ClientWarmUp().run();
        LeanS3Client.warmUp();
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
        DailyReport.TrendDay trend = new DailyReport.TrendDay(day, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0);
        return new DailyReport(day, ZoneId.of("Asia/Shanghai"), Instant.EPOCH, List.of(row), row, List.of(trend));
    }
}
