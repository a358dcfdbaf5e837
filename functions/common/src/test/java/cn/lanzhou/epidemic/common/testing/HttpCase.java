package cn.lanzhou.epidemic.common.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated request as API Gateway (HTTP API, payload 2.0) hands it to a function: the route
 * it matched, headers (lower-cased names, as API Gateway sends them), path and query parameters,
 * the JWT authorizer's claims (none on a public route) and the body, base64-encoded or not. A
 * value type, so that jqwik can print and shrink it.
 */
public record HttpCase(String routeKey, String rawPath, Map<String, String> headers,
        Map<String, String> pathParameters, Map<String, String> query, Map<String, String> claims,
        String body, boolean base64) {

    public HttpCase {
        headers = copy(headers);
        pathParameters = copy(pathParameters);
        query = copy(query);
        claims = copy(claims);
    }

    /** A request of {@code routeKey} ({@code "POST /registrations"}) with nothing else yet. */
    public static HttpCase of(String routeKey, String rawPath) {
        return new HttpCase(routeKey, rawPath, Map.of(), Map.of(), Map.of(), Map.of(), null, false);
    }

    public String method() {
        return routeKey.substring(0, routeKey.indexOf(' '));
    }

    /** With header {@code name} set to {@code value}, or removed when the value is null. */
    public HttpCase header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        if (value == null) {
            h.remove(name.toLowerCase(java.util.Locale.ROOT));
        } else {
            h.put(name.toLowerCase(java.util.Locale.ROOT), value);
        }
        return new HttpCase(routeKey, rawPath, h, pathParameters, query, claims, body, base64);
    }

    public HttpCase body(Body b) {
        return new HttpCase(routeKey, rawPath, headers, pathParameters, query, claims, b.text(), b.base64());
    }

    public HttpCase path(String name, String value) {
        Map<String, String> p = new LinkedHashMap<>(pathParameters);
        p.put(name, value);
        String path = rawPath.replace("{" + name + "}", value);
        return new HttpCase(routeKey, path, headers, p, query, claims, body, base64);
    }

    public HttpCase query(Map<String, String> q) {
        return new HttpCase(routeKey, rawPath, headers, pathParameters, q, claims, body, base64);
    }

    public HttpCase claims(Map<String, String> c) {
        return new HttpCase(routeKey, rawPath, headers, pathParameters, query, c, body, base64);
    }

    /** The event, built by {@link Requests}. */
    public APIGatewayV2HTTPEvent event() {
        Requests request = Requests.route(routeKey, rawPath).body(body, base64).claims(claims);
        headers.forEach(request::header);
        query.forEach(request::query);
        pathParameters.forEach(request::path);
        return request.build();
    }

    private static Map<String, String> copy(Map<String, String> m) {
        return m == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }

    /** A body as API Gateway passes it: text, or base64 of bytes (form posts, binary media). */
    public record Body(String text, boolean base64) {
        @Override
        public String toString() {
            String shown = text == null ? "null" : text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + ")" : text;
            return (base64 ? "base64:" : "") + shown;
        }
    }
}
