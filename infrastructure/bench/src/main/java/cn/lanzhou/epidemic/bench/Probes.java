package cn.lanzhou.epidemic.bench;

import cn.lanzhou.epidemic.common.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one table of what each function of template.yaml gets as its first request in the benchmark,
 * keyed by the function's logical id: the bench measures every function of the template that has a
 * probe here, and names those that have none. Every call makes a fresh event (new ID numbers, new
 * credit codes), so that every measured POST really writes.
 */
final class Probes {
    /** A function's first request: the event as the runtime hands it over, and whether an answer counts as success. */
    record Probe(Supplier<ObjectNode> event, String method, String path, Supplier<String> body) {
        boolean http() {
            return method != null;
        }

        byte[] freshEvent() {
            return Json.writeBytes(event.get());
        }

        /** An HTTP API answer succeeds with a status below 300; a direct invocation by answering at all. */
        boolean succeeded(String answer) {
            if (!http()) {
                return true;
            }
            try {
                return Json.parseTrusted(answer).path("statusCode").asInt(500) < 300;
            } catch (RuntimeException e) {
                return false;
            }
        }
    }

    private static final Map<String, Probe> BY_FUNCTION = Map.of(
            "DistrictsFunction", http("GET", "/districts", null, false),
            "RegistrationFunction", http("POST", "/registrations", Submissions::registration, false),
            "DonationFunction", http("POST", "/donations", Submissions::donation, false),
            "ReopeningFunction", http("POST", "/reopenings", Submissions::reopening, false),
            "ReportsFunction", http("GET", "/reports", null, true),
            "FollowUpFunction", http("GET", "/observations", null, true),
            // the scheduled compilation of today's report (the day the POST probes wrote to)
            "SummaryFunction", new Probe(() -> Json.object().put("date", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString()), null, null, null));

    private Probes() {
    }

    static Optional<Probe> of(String functionId) {
        return Optional.ofNullable(BY_FUNCTION.get(functionId));
    }

    /** The payload a direct invocation of the summary for {@code date} gets. */
    static byte[] summaryOf(LocalDate date) {
        return Json.writeBytes(Json.object().put("date", date.toString()));
    }

    /** An API Gateway HTTP API (payload 2.0) event, as the local gateway and API Gateway send it. */
    private static Probe http(String method, String path, Supplier<String> body, boolean staff) {
        return new Probe(() -> {
            String routeKey = method + " " + path;
            ObjectNode event = Json.object().put("version", "2.0").put("routeKey", routeKey).put("rawPath", path).put("rawQueryString", "");
            event.putObject("headers").put("content-type", "application/json").put("accept", "application/json")
                    .put("host", "localhost").put("x-forwarded-proto", "https");
            ObjectNode context = event.putObject("requestContext").put("accountId", "000000000000").put("apiId", "local")
                    .put("domainName", "localhost").put("requestId", "bench-" + System.nanoTime()).put("routeKey", routeKey)
                    .put("stage", "$default").put("timeEpoch", System.currentTimeMillis());
            context.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1")
                    .put("sourceIp", "127.0.0.1").put("userAgent", "bench");
            if (staff) {
                context.putObject("authorizer").putObject("jwt").putObject("claims").put("sub", "bench").put("cognito:groups", "[staff]");
            }
            if (body != null) {
                event.put("body", body.get());
            }
            event.put("isBase64Encoded", false);
            return event;
        }, method, path, body);
    }
}
