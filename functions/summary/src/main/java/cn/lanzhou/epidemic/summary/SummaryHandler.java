package cn.lanzhou.epidemic.summary;

import cn.lanzhou.epidemic.common.aws.Clients;
import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.reportfiles.S3ReportStore;
import cn.lanzhou.epidemic.common.runtime.Priming;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.summary.concurrent.Partitions;
import cn.lanzhou.epidemic.summary.domain.DailyReport;
import cn.lanzhou.epidemic.summary.render.SummaryJson;
import cn.lanzhou.epidemic.summary.store.DynamoDayAggregates;
import cn.lanzhou.epidemic.summary.store.DynamoDayRecords;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The summary function. The nightly schedule sends {@code {"source":"schedule"}} and the previous
 * local day is compiled; {@code POST /reports/{date}} invokes it asynchronously with
 * {@code {"date":"YYYY-MM-DD"}}. A failure is thrown, so the schedule's retry policy and
 * dead-letter queue (or the asynchronous invocation's retries) take over.
 */
public final class SummaryHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    private final DailyReportCompiler compiler;
    private final AppClock clock;

    public SummaryHandler() {
        this(fromEnvironment(), AppClock.fromEnvironment());
    }

    SummaryHandler(DailyReportCompiler compiler, AppClock clock) {
        this.compiler = compiler;
        this.clock = clock;
    }

    private static DailyReportCompiler fromEnvironment() {
        Districts districts = Districts.fromEnvironment();
        String table = Env.required("TABLE_NAME");
        Dynamo dynamo = Dynamo.primed(Clients.dynamoDb(), table);
        Priming.register("summary", new WarmUp());
        AppClock clock = AppClock.fromEnvironment();
        return new DailyReportCompiler(districts,
                new DynamoDayRecords(dynamo, table, clock.zone(),
                        new Partitions(Integer.parseInt(Env.get("REPORT_READ_THREADS", "1")))),
                new DynamoDayAggregates(dynamo, table),
                new S3ReportStore(Clients.s3(), Clients.s3Presigner(), Env.required("REPORTS_BUCKET")),
                clock,
                LocalDate.parse(Env.get("REPORT_START_DATE", "2020-01-01")),
                Integer.parseInt(Env.get("REPORT_LOOKBACK_DAYS", "7")));
    }

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        LocalDate date = dateOf(input);
        DailyReport report = compiler.compile(date);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("date", report.date().toString());
        result.put("status", "COMPILED");
        result.put("generatedAt", SummaryJson.timestamp(report.generatedAt()));
        return result;
    }

    /** {@code date} when given; otherwise (the schedule) the local day before today. */
    LocalDate dateOf(Map<String, Object> input) {
        Object date = input == null ? null : input.get("date");
        if (date == null) {
            return clock.today().minusDays(1);
        }
        try {
            return LocalDate.parse(date.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("date must be YYYY-MM-DD", e);
        }
    }
}
