package cn.lanzhou.epidemic.common.http;

import cn.lanzhou.epidemic.common.model.Ids;
import cn.lanzhou.epidemic.common.problem.Problem;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An API Gateway HTTP API (payload 2.0) request, with the few things every handler asks of it. */
public final class ApiRequest {
    /** Largest body accepted, after base64 decoding. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    private final APIGatewayV2HTTPEvent event;
    private final Map<String, String> headers;

    public ApiRequest(APIGatewayV2HTTPEvent event) {
        this.event = event;
        this.headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) {
            headers.putAll(event.getHeaders());
        }
    }

    public APIGatewayV2HTTPEvent event() {
        return event;
    }

    public String method() {
        var ctx = event.getRequestContext();
        if (ctx != null && ctx.getHttp() != null && ctx.getHttp().getMethod() != null) {
            return ctx.getHttp().getMethod().toUpperCase(Locale.ROOT);
        }
        String routeKey = routeKey();
        return routeKey.contains(" ") ? routeKey.substring(0, routeKey.indexOf(' ')) : "GET";
    }

    /** The route as template.yaml names it, e.g. {@code POST /reopenings/{id}/decision}. */
    public String routeKey() {
        return event.getRouteKey() == null ? "" : event.getRouteKey();
    }

    public String requestId() {
        var ctx = event.getRequestContext();
        return ctx != null && ctx.getRequestId() != null ? ctx.getRequestId() : Ids.random(Instant.now());
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public Optional<String> pathParameter(String name) {
        return Optional.ofNullable(event.getPathParameters()).map(p -> p.get(name));
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(event.getQueryStringParameters()).map(q -> q.get(name)).filter(v -> !v.isEmpty());
    }

    /** Claims the JWT authorizer passed on, or an empty map on a public route. */
    public Map<String, String> claims() {
        var ctx = event.getRequestContext();
        if (ctx == null || ctx.getAuthorizer() == null || ctx.getAuthorizer().getJwt() == null
                || ctx.getAuthorizer().getJwt().getClaims() == null) {
            return Map.of();
        }
        return ctx.getAuthorizer().getJwt().getClaims();
    }

    /** The media type of the body, lower-cased, without parameters; empty when absent. */
    public String mediaType() {
        String value = header("content-type").orElse("");
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    public Optional<String> charset() {
        for (String part : header("content-type").orElse("").split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return Optional.of(p.substring(8).replace("\"", "").trim());
            }
        }
        return Optional.empty();
    }

    /** A form POST whose {@code Accept} prefers {@code text/html}: a browser without JavaScript, which wants a page; everything else is answered JSON. */
    public boolean prefersHtml() {
        return method().equals("POST") && mediaType().equals("application/x-www-form-urlencoded")
                && MediaTypes.prefersHtml(header("accept").orElse(""));
    }

    /** The raw body bytes (base64 decoded when API Gateway encoded them). */
    public byte[] bodyBytes() {
        String body = event.getBody();
        if (body == null) {
            return new byte[0];
        }
        if (event.getIsBase64Encoded()) {
            try {
                return Base64.getMimeDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw Problem.malformed("请求体的 base64 编码无效 / The body is not valid base64");
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The body as strictly decoded UTF-8 text. */
    public String bodyText() {
        byte[] bytes = bodyBytes();
        if (bytes.length > MAX_BODY_BYTES) {
            throw Problem.of(413, "too-large", "请求体过大 / Body too large",
                    "请求体不得超过 64 KiB / The body must not exceed 64 KiB");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Problem.malformed("请求体不是有效的 UTF-8 文本 / The body is not valid UTF-8");
        }
    }
}
