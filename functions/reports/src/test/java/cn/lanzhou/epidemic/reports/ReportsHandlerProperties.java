package cn.lanzhou.epidemic.reports;

import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.reportfiles.ReportFiles;
import cn.lanzhou.epidemic.common.testing.Answers;
import cn.lanzhou.epidemic.common.testing.Fuzz;
import cn.lanzhou.epidemic.common.testing.HttpCase;
import cn.lanzhou.epidemic.common.testing.InMemoryIdempotencyStore;
import cn.lanzhou.epidemic.reportfiles.InMemoryReportStore;
import cn.lanzhou.epidemic.common.time.AppClock;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The three staff report routes with generated dates, queries, claims, bodies and headers, through
 * the handler with an in-memory bucket holding one compiled day. A compilation starts only on a 202,
 * for a day from REPORT_START_DATE to today (Asia/Shanghai). Tries: {@code jqwik.tries.default}.
 */
class ReportsHandlerProperties {
    /** 2020-02-14 01:00 in Lanzhou: still 2020-02-13 in UTC. */
    private static final Instant NOW = Instant.parse("2020-02-13T17:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2020, 2, 14);
    private static final LocalDate START = LocalDate.of(2020, 1, 1);

    @Property
    void anyRequestIsAnsweredAsTheContractSaysAndOnlyA202StartsACompilation(@ForAll("requests") HttpCase request) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        AppClock appClock = new AppClock(clock, ZoneId.of("Asia/Shanghai"));
        InMemoryReportStore store = new InMemoryReportStore(clock);
        LocalDate compiled = LocalDate.of(2020, 2, 13);
        store.put(ReportFiles.key(compiled, ReportFiles.JSON), "{\"generatedAt\":\"2020-02-14T00:10:00Z\"}".getBytes(StandardCharsets.UTF_8),
                ReportFiles.JSON.contentType(), Map.of("generated-at", "2020-02-14T00:10:00Z"));
        int written = store.writes().size();
        List<LocalDate> triggered = new ArrayList<>();
        ReportsHandler handler = new ReportsHandler(store, triggered::add, new Idempotency(new InMemoryIdempotencyStore(), appClock),
                appClock, Duration.ofSeconds(900), START);
        APIGatewayV2HTTPResponse response = handler.handleRequest(request.event(), null);
        Statistics.label("route").collect(request.routeKey(), response.getStatusCode());
        Answers.check(request, response, List.of());
        if (store.writes().size() != written) {
            throw new AssertionError("the reports routes never write to the bucket");
        }
        if (response.getStatusCode() == 202) {
            LocalDate date = LocalDate.parse(request.pathParameters().get("date"));
            if (triggered.size() != 1 || !triggered.get(0).equals(date) || date.isBefore(START) || date.isAfter(TODAY)) {
                throw new AssertionError("a 202 compiles exactly its day, from the start date to today: " + triggered);
            }
        } else if (!triggered.isEmpty()) {
            throw new AssertionError(response.getStatusCode() + " but a compilation was started");
        }
    }

    @Provide
    Arbitrary<HttpCase> requests() {
        Arbitrary<String> dates = Fuzz.pathSegments(Arbitraries.oneOf(
                Arbitraries.of("2020-02-13", "2020-02-14", "2020-02-15", "2020-01-01", "2019-12-31", "0000-01-01", "0266-01-01",
                        "9999-12-31", "2020-02-30", "2020-13-01", "20200213", "2020-2-13", "+2020-02-13", "-0001-01-01", "2020-02-13T00:00"),
                Arbitraries.integers().between(-400, 400).map(days -> TODAY.plusDays(days).toString())));
        Arbitrary<HttpCase> compile = dates.flatMap(date -> {
            HttpCase base = HttpCase.of("POST /reports/{date}", "/reports/{date}").path("date", date);
            return Arbitraries.oneOf(Fuzz.posts(base, Json.object()), Fuzz.gets(base).map(c -> c.header("content-type", null)),
                    Fuzz.gets(base));
        });
        Arbitrary<HttpCase> files = dates.flatMap(date -> Fuzz.gets(HttpCase.of("GET /reports/{date}", "/reports/{date}").path("date", date)));
        Arbitrary<HttpCase> list = Combinators.combine(Fuzz.gets(HttpCase.of("GET /reports", "/reports")),
                Fuzz.pagingQuery(List.of(), List.of())).as(HttpCase::query);
        return Combinators.combine(Arbitraries.oneOf(compile, files, list),
                        Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just(Map.of("sub", "staff-1", "cognito:groups", "[staff]"))),
                                net.jqwik.api.Tuple.of(1, Fuzz.claims())))
                .as(HttpCase::claims);
    }
}
