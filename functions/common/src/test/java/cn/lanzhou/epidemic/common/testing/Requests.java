package cn.lanzhou.epidemic.common.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** Builds API Gateway HTTP API (payload 2.0) events for handler unit tests, as API Gateway would. */
public final class Requests {
    private final String method;
    private final String routeKey;
    private final String rawPath;
    private final Map<String, String> headers = new HashMap<>();
    private final Map<String, String> pathParameters = new HashMap<>();
    private final Map<String, String> query = new HashMap<>();
    private final Map<String, String> claims = new HashMap<>();
    private String body;
    private boolean base64;

    private Requests(String method, String routeKey, String rawPath) {
        this.method = method;
        this.routeKey = routeKey;
        this.rawPath = rawPath;
    }

    /** {@code route("POST /registrations", "/registrations")}. */
    public static Requests route(String routeKey, String rawPath) {
        return new Requests(routeKey.substring(0, routeKey.indexOf(' ')), routeKey, rawPath);
    }

    public Requests json(String json) {
        headers.put("content-type", "application/json");
        body = json;
        base64 = false;
        return this;
    }

    /** A form body, base64-encoded as API Gateway hands it over. */
    public Requests form(String urlEncoded) {
        headers.put("content-type", "application/x-www-form-urlencoded");
        body = Base64.getEncoder().encodeToString(urlEncoded.getBytes(StandardCharsets.UTF_8));
        base64 = true;
        return this;
    }

    /** The body exactly as given: text, or base64 when {@code base64} (generated bodies, bytes that are not UTF-8). */
    public Requests body(String text, boolean base64) {
        this.body = text;
        this.base64 = base64;
        return this;
    }

    public Requests header(String name, String value) {
        headers.put(name.toLowerCase(), value);
        return this;
    }

    public Requests path(String name, String value) {
        pathParameters.put(name, value);
        return this;
    }

    public Requests query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public Requests staff(String sub) {
        claims.put("sub", sub);
        claims.put("cognito:groups", "[staff]");
        return this;
    }

    public Requests claims(Map<String, String> values) {
        claims.putAll(values);
        return this;
    }

    private static final java.util.concurrent.atomic.AtomicLong REQUESTS = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Letters only: tests assert that no submitted digits (phone, ID number) appear in a response,
     * and a numeric request id could contain them by chance.
     */
    private static String nextRequestId() {
        long n = REQUESTS.incrementAndGet();
        StringBuilder id = new StringBuilder("test-");
        do {
            id.append((char) ('a' + n % 26));
            n /= 26;
        } while (n > 0);
        return id.toString();
    }

    public APIGatewayV2HTTPEvent build() {
        var http = APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod(method).withPath(rawPath).build();
        var context = APIGatewayV2HTTPEvent.RequestContext.builder()
                .withHttp(http)
                .withRequestId(nextRequestId())
                .withRouteKey(routeKey)
                .build();
        if (!claims.isEmpty()) {
            var jwt = APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(claims).build();
            context.setAuthorizer(APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder().withJwt(jwt).build());
        }
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withHeaders(headers)
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withQueryStringParameters(query.isEmpty() ? null : query)
                .withBody(body)
                .withIsBase64Encoded(base64)
                .withRequestContext(context)
                .build();
    }
}
