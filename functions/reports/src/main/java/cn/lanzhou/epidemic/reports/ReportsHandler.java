package cn.lanzhou.epidemic.reports;

import cn.lanzhou.epidemic.common.auth.Staff;
import cn.lanzhou.epidemic.common.aws.Clients;
import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.http.ApiHandler;
import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.ApiResponse;
import cn.lanzhou.epidemic.common.http.QueryParameters;
import cn.lanzhou.epidemic.common.http.RequestBody;
import cn.lanzhou.epidemic.common.http.SampleRequest;
import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.reportfiles.ReportStore;
import cn.lanzhou.epidemic.reportfiles.S3ReportStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The staff report routes: {@code POST /reports/{date}} starts a compilation (202),
 * {@code GET /reports} lists the compiled days, newest first, and {@code GET /reports/{date}} hands
 * out short-lived links to the day's complete set of files. Every route is staff-only; the claims
 * are checked here as well as by the API Gateway authorizer.
 */
public final class ReportsHandler extends ApiHandler {
    /** The longest a download link may live (openapi.yaml). */
    static final Duration MAX_LINK_LIFETIME = Duration.ofSeconds(900);
    /** The first day a report can be compiled for, unless REPORT_START_DATE says otherwise (as for the summary). */
    static final LocalDate DEFAULT_START_DATE = LocalDate.of(2020, 1, 1);

    private final ReportStore store;
    private final SummaryTrigger trigger;
    private final Idempotency idempotency;
    private final AppClock clock;
    private final ReportLinks links;
    private final LocalDate startDate;
    private final Map<String, Function<ApiRequest, ApiResponse>> routes = Map.of(
            "POST /reports/{date}", this::compile,
            "GET /reports", this::list,
            "GET /reports/{date}", this::files);

    public ReportsHandler() {
        this(new S3ReportStore(Clients.s3(), Clients.s3Presigner(), Env.required("REPORTS_BUCKET")),
                LambdaSummaryTrigger.fromEnvironment(),
                Idempotency.fromEnvironment(Clients.dynamoDb(), AppClock.fromEnvironment()),
                AppClock.fromEnvironment(),
                linkLifetime(Env.get("PRESIGN_SECONDS", "900")));
    }

    ReportsHandler(ReportStore store, SummaryTrigger trigger, Idempotency idempotency, AppClock clock,
            Duration linkLifetime) {
        this(store, trigger, idempotency, clock, linkLifetime,
                LocalDate.parse(Env.get("REPORT_START_DATE", DEFAULT_START_DATE.toString()).strip()));
    }

    ReportsHandler(ReportStore store, SummaryTrigger trigger, Idempotency idempotency, AppClock clock,
            Duration linkLifetime, LocalDate startDate) {
        this.startDate = startDate;
        this.store = store;
        this.trigger = trigger;
        this.idempotency = idempotency;
        this.clock = clock;
        this.links = new ReportLinks(store, linkLifetime);
    }

    /** PRESIGN_SECONDS, never more than 900. */
    static Duration linkLifetime(String seconds) {
        long value = Long.parseLong(seconds.strip());
        if (value <= 0) {
            throw new IllegalStateException("PRESIGN_SECONDS must be positive");
        }
        return Duration.ofSeconds(Math.min(value, MAX_LINK_LIFETIME.getSeconds()));
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Staff.require(request);
        return super.handle(request);
    }

    /** The list of compiled days, a harmless read of the bucket, besides the refused POST. */
    @Override
    protected List<SampleRequest> primingRequests() {
        return List.of(SampleRequest.invalidPost(), SampleRequest.get("GET /reports", "/reports", Map.of(), Staff.claims("priming", Staff.GROUP)));
    }

    @Override
    protected Map<String, Function<ApiRequest, ApiResponse>> routes() {
        return routes;
    }

    private ApiResponse compile(ApiRequest request) {
        var fields = RequestBody.read(request, true);
        fields.finishAndThrow();
        LocalDate date = QueryParameters.date(request, "date");
        if (date.isAfter(clock.today())) {
            throw Problem.unprocessable("future-date",
                    "只能编制今天及以前的日报 / Only today or an earlier day can be compiled");
        }
        if (date.isBefore(startDate)) {
            // the summary reads nothing before its start date: such a report would be a page of zeros
            throw Problem.unprocessable("before-start-date",
                    "只能编制 " + startDate + " 及以后的日报 / Only " + startDate + " or a later day can be compiled")
                    .with("startDate", startDate.toString());
        }
        return idempotency.execute(request, attempt -> {
            trigger.compile(date);
            ObjectNode body = Json.object().put("date", date.toString()).put("status", "COMPILING");
            return ApiResponse.json(202, body);
        });
    }

    private ApiResponse list(ApiRequest request) {
        int limit = QueryParameters.limit(request);
        return ApiResponse.ok(ReportDates.page(store.compiledDates(), limit, QueryParameters.nextToken(request)));
    }

    private ApiResponse files(ApiRequest request) {
        return ApiResponse.ok(links.of(QueryParameters.date(request, "date")));
    }
}
