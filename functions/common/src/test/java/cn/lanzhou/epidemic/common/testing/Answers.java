package cn.lanzhou.epidemic.common.testing;

import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.json.Json;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every answer of every route must be, by openapi.yaml: never a 5xx for what a
 * client sent; JSON for a success; a 4xx an RFC 9457 problem ({@code application/problem+json}
 * with {@code type}, {@code title}, {@code status}, {@code detail}, and for a 400 one {@code errors}
 * entry or more, each {@code field}, {@code code}, {@code message}); a page only for a form posted by
 * a browser that prefers HTML; and no submitted personal data in an error.
 */
public final class Answers {
    private Answers() {
    }

    /**
     * Checks {@code response} to {@code request}; {@code personal} are the submitted values that must
     * not appear in an error (ID numbers, phones, names).
     */
    public static void check(HttpCase request, APIGatewayV2HTTPResponse response, Collection<String> personal) {
        int status = response.getStatusCode();
        String body = response.getBody() == null ? "" : response.getBody();
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (response.getHeaders() != null) {
            headers.putAll(response.getHeaders());
        }
        String contentType = headers.getOrDefault("Content-Type", "");
        require(status >= 200 && status < 500, "status " + status + " must be below 500: " + body);
        boolean page = new ApiRequest(request.event()).prefersHtml();
        if (page) {
            require(request.method().equals("POST"), "a page only for a POST");
            require(contentType.startsWith("text/html"), "a form post preferring HTML gets a page, not " + contentType);
        } else if (status < 300) {
            require(contentType.startsWith("application/json"), "a success is JSON, not " + contentType);
            require(Json.parseTrusted(body).isObject(), "a success is a JSON object");
        } else {
            require(contentType.equals("application/problem+json"), status + " is application/problem+json, not " + contentType);
            JsonNode problem = Json.parseTrusted(body);
            require(problem.path("type").isTextual() && problem.path("type").asText().startsWith("/problems/"), "type: " + body);
            require(problem.path("title").isTextual() && problem.path("title").asText().contains("/ "), "title: " + body);
            require(problem.path("detail").isTextual() && !problem.path("detail").asText().isEmpty(), "detail: " + body);
            require(problem.path("status").isInt() && problem.path("status").asInt() == status, "status member: " + body);
            if (status == 400) {
                JsonNode errors = problem.path("errors");
                require(errors.isArray() && errors.size() > 0, "a 400 lists its errors: " + body);
                for (JsonNode e : errors) {
                    require(e.path("field").isTextual() && e.path("code").isTextual() && e.path("message").isTextual()
                            && e.path("message").asText().contains("/ "), "errors entry (Chinese, then English after a slash): " + e);
                }
            }
            if (status == 401) {
                require(headers.containsKey("WWW-Authenticate"), "401 names its scheme");
            }
            if (status == 405) {
                require(headers.containsKey("Allow"), "405 carries Allow");
            }
        }
        if (status >= 400) {
            for (String value : personal) {
                if (value != null && value.strip().length() >= 4) {
                    require(!body.contains(value.strip()), "personal data echoed in an error: " + body);
                    require(!body.toLowerCase(Locale.ROOT).contains(value.strip().toLowerCase(Locale.ROOT)),
                            "personal data echoed in an error (case aside): " + body);
                }
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
