package cn.lanzhou.epidemic.reports;

import cn.lanzhou.epidemic.common.auth.Staff;
import cn.lanzhou.epidemic.common.config.Clients;
import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.http.ApiHandler;
import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.ApiResponse;
import cn.lanzhou.epidemic.common.http.FieldError;
import cn.lanzhou.epidemic.common.http.Problem;
import cn.lanzhou.epidemic.common.http.RequestBody;
import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.report.ReportFiles;
import cn.lanzhou.epidemic.common.report.ReportStore;
import cn.lanzhou.epidemic.common.report.S3ReportStore;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.common.validation.Messages;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The staff report routes: {@code POST /reports/{date}} starts a compilation (202),
 * {@code GET /reports} lists the compiled days, newest first, and {@code GET /reports/{date}} hands
 * out short-lived links to the day's complete set of files. Every route is staff-only; the claims
 * are checked here as well as by the API Gateway authorizer.
 */
public final class ReportsHandler extends ApiHandler {
    /** The longest a download link may live (API.md). */
    static final Duration MAX_LINK_LIFETIME = Duration.ofSeconds(900);
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;
    /** The first day a report can be compiled for, unless REPORT_START_DATE says otherwise (as for the summary). */
    static final LocalDate DEFAULT_START_DATE = LocalDate.of(2020, 1, 1);

    private final ReportStore store;
    private final SummaryTrigger trigger;
    private final Idempotency idempotency;
    private final AppClock clock;
    private final Duration linkLifetime;
    private final LocalDate startDate;

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
        this.linkLifetime = linkLifetime;
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
        return switch (request.routeKey()) {
            case "POST /reports/{date}" -> compile(request);
            case "GET /reports" -> list(request);
            case "GET /reports/{date}" -> files(request);
            default -> throw Problem.notFound("未找到该资源 / No such resource");
        };
    }

    private ApiResponse compile(ApiRequest request) {
        var fields = RequestBody.read(request, true);
        fields.finishAndThrow();
        LocalDate date = date(request);
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
        int limit = limit(request);
        Optional<LocalDate> before = request.query("nextToken").map(ReportsHandler::decodeToken);
        List<LocalDate> dates = store.compiledDates().stream()
                .filter(d -> before.isEmpty() || d.isBefore(before.get()))
                .sorted(Comparator.reverseOrder())
                .toList();
        ObjectNode body = Json.object();
        ArrayNode array = body.putArray("dates");
        dates.stream().limit(limit).forEach(d -> array.add(d.toString()));
        if (dates.size() > limit) {
            body.put("nextToken", encodeToken(dates.get(limit - 1)));
        }
        return ApiResponse.ok(body);
    }

    private ApiResponse files(ApiRequest request) {
        LocalDate date = date(request);
        String summaryKey = ReportFiles.key(date, ReportFiles.JSON);
        ReportStore.StoredFile summary = store.head(summaryKey)
                .orElseThrow(() -> Problem.notFound("该日日报尚未编制 / The report of that day has not been compiled"));
        String generatedAt = Optional.ofNullable(summary.metadata().get(ReportFiles.META_GENERATED_AT))
                .orElseGet(() -> generatedAtInside(summaryKey));
        ObjectNode body = Json.object().put("date", date.toString()).put("generatedAt", generatedAt);
        ArrayNode files = body.putArray("files");
        for (ReportFiles.File file : ReportFiles.ALL) {
            long bytes;
            Optional<String> version = Optional.empty();
            String key = ReportFiles.key(date, file);
            if (file == ReportFiles.JSON) {
                bytes = summary.bytes();
            } else {
                // the sizes and versions summary.json announced: the set it completes, not a newer file half-written
                version = Optional.ofNullable(summary.metadata().get(file.versionMeta()));
                String announced = summary.metadata().get(file.bytesMeta());
                if (announced != null) {
                    bytes = Long.parseLong(announced);
                } else {
                    Optional<ReportStore.StoredFile> stored = store.head(key);
                    if (stored.isEmpty()) {
                        continue;
                    }
                    bytes = stored.get().bytes();
                }
            }
            ReportStore.Link link = store.presignGet(key, version, linkLifetime);
            files.addObject()
                    .put("name", file.name())
                    .put("contentType", file.contentType())
                    .put("bytes", bytes)
                    .put("url", link.url())
                    .put("expiresAt", link.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        return ApiResponse.ok(body);
    }

    private String generatedAtInside(String summaryKey) {
        return store.get(summaryKey)
                .map(bytes -> Json.parseTrusted(new String(bytes, StandardCharsets.UTF_8)).path("generatedAt").asText())
                .orElse("");
    }

    /** The {@code {date}} path parameter: a real calendar date, YYYY-MM-DD. */
    private static LocalDate date(ApiRequest request) {
        String text = request.pathParameter("date").orElse("");
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // answered below
        }
        throw Problem.validation(new FieldError("date", "date", Messages.NOT_DATE));
    }

    private static int limit(ApiRequest request) {
        Optional<String> text = request.query("limit");
        if (text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.get());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problem.validation(new FieldError("limit", "range", Messages.range(1, MAX_LIMIT)));
    }

    /** The token names the last date of the page; it is opaque to clients. */
    static String encodeToken(LocalDate last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("before:" + last).getBytes(StandardCharsets.UTF_8));
    }

    private static LocalDate decodeToken(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith("before:")) {
                return LocalDate.parse(text.substring("before:".length()));
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            // answered below
        }
        throw Problem.validation(new FieldError("nextToken", "token",
                "翻页标记无效 / The page token is not valid"));
    }
}
