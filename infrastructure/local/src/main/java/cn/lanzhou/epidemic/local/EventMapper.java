package cn.lanzhou.epidemic.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Turns an HTTP request into the event API Gateway's HTTP API hands a function (payload format 2.0),
 * field by field as AWS fills it, so that a handler sees locally exactly what it sees in AWS.
 */
final class EventMapper {
    static final String API_ID = "local";
    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final List<String> TEXT_TYPES = List.of("application/json", "application/xml", "application/javascript");

    private EventMapper() {
    }

    static APIGatewayV2HTTPEvent toEvent(HttpRequest request, String routeKey, Map<String, String> pathParameters,
            Map<String, Object> claims, Instant now) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion("2.0");
        event.setRouteKey(routeKey);
        event.setRawPath(request.rawPath());
        event.setRawQueryString(request.rawQueryString() == null ? "" : request.rawQueryString());

        Map<String, String> headers = new LinkedHashMap<>();
        for (var header : request.headers().entrySet()) {
            headers.merge(header.getKey().toLowerCase(Locale.ROOT), String.join(",", header.getValue()), (a, b) -> a + "," + b);
        }
        // payload 2.0 moves the Cookie header into "cookies"
        String cookie = headers.remove("cookie");
        if (cookie != null) {
            event.setCookies(Arrays.stream(cookie.split(";")).map(String::strip).filter(c -> !c.isEmpty()).toList());
        }
        event.setHeaders(headers);
        event.setQueryStringParameters(queryParameters(request.rawQueryString()));
        event.setPathParameters(pathParameters.isEmpty() ? null : pathParameters);

        byte[] body = request.body();
        if (body != null && body.length > 0) {
            // text that is not valid UTF-8 is handed over base64-encoded, never decoded with replacement characters
            if (isText(headers.get("content-type")) && validUtf8(body)) {
                event.setBody(new String(body, StandardCharsets.UTF_8));
                event.setIsBase64Encoded(false);
            } else {
                event.setBody(Base64.getEncoder().encodeToString(body));
                event.setIsBase64Encoded(true);
            }
        }

        APIGatewayV2HTTPEvent.RequestContext context = new APIGatewayV2HTTPEvent.RequestContext();
        context.setAccountId(TemplateReader.ACCOUNT_ID);
        context.setApiId(API_ID);
        String host = headers.getOrDefault("host", "localhost");
        context.setDomainName(host);
        context.setDomainPrefix(host.split("[.:]")[0]);
        APIGatewayV2HTTPEvent.RequestContext.Http http = new APIGatewayV2HTTPEvent.RequestContext.Http();
        http.setMethod(request.method());
        http.setPath(request.rawPath());
        http.setProtocol(request.protocol());
        http.setSourceIp(request.sourceIp());
        http.setUserAgent(headers.get("user-agent"));
        context.setHttp(http);
        context.setRequestId(UUID.randomUUID().toString());
        context.setRouteKey(routeKey);
        context.setStage("$default");
        context.setTime(REQUEST_TIME.format(now));
        context.setTimeEpoch(now.toEpochMilli());
        if (claims != null) {
            APIGatewayV2HTTPEvent.RequestContext.Authorizer authorizer = new APIGatewayV2HTTPEvent.RequestContext.Authorizer();
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT jwt = new APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT();
            jwt.setClaims(flatten(claims));
            jwt.setScopes(claims.get("scope") instanceof String scope ? List.of(scope.split(" ")) : null);
            authorizer.setJwt(jwt);
            context.setAuthorizer(authorizer);
        }
        event.setRequestContext(context);
        return event;
    }

    /**
     * The event as the JSON API Gateway sends (payload format 2.0): the fields it always sends, and the
     * optional ones ({@code cookies}, {@code queryStringParameters}, {@code pathParameters}, {@code body},
     * the authorizer) only when there is something in them.
     */
    static byte[] toJson(APIGatewayV2HTTPEvent event) {
        ObjectNode json = LocalJson.MAPPER.createObjectNode()
                .put("version", event.getVersion())
                .put("routeKey", event.getRouteKey())
                .put("rawPath", event.getRawPath())
                .put("rawQueryString", event.getRawQueryString());
        if (event.getCookies() != null) {
            event.getCookies().forEach(json.putArray("cookies")::add);
        }
        json.set("headers", LocalJson.MAPPER.valueToTree(event.getHeaders()));
        if (event.getQueryStringParameters() != null) {
            json.set("queryStringParameters", LocalJson.MAPPER.valueToTree(event.getQueryStringParameters()));
        }
        APIGatewayV2HTTPEvent.RequestContext context = event.getRequestContext();
        ObjectNode requestContext = json.putObject("requestContext")
                .put("accountId", context.getAccountId())
                .put("apiId", context.getApiId());
        if (context.getAuthorizer() != null && context.getAuthorizer().getJwt() != null) {
            ObjectNode jwt = requestContext.putObject("authorizer").putObject("jwt");
            jwt.set("claims", LocalJson.MAPPER.valueToTree(context.getAuthorizer().getJwt().getClaims()));
            if (context.getAuthorizer().getJwt().getScopes() != null) {
                context.getAuthorizer().getJwt().getScopes().forEach(jwt.putArray("scopes")::add);
            }
        }
        requestContext.put("domainName", context.getDomainName()).put("domainPrefix", context.getDomainPrefix());
        APIGatewayV2HTTPEvent.RequestContext.Http http = context.getHttp();
        requestContext.putObject("http")
                .put("method", http.getMethod())
                .put("path", http.getPath())
                .put("protocol", http.getProtocol())
                .put("sourceIp", http.getSourceIp())
                .put("userAgent", http.getUserAgent());
        requestContext.put("requestId", context.getRequestId())
                .put("routeKey", context.getRouteKey())
                .put("stage", context.getStage())
                .put("time", context.getTime())
                .put("timeEpoch", context.getTimeEpoch());
        if (event.getPathParameters() != null) {
            json.set("pathParameters", LocalJson.MAPPER.valueToTree(event.getPathParameters()));
        }
        if (event.getBody() != null) {
            json.put("body", event.getBody());
        }
        json.put("isBase64Encoded", event.getIsBase64Encoded());
        try {
            return LocalJson.MAPPER.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the event cannot be written as JSON", e);
        }
    }

    /** API Gateway sends text bodies as they are and everything else, form posts included, base64-encoded. */
    static boolean isText(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return type.startsWith("text/") || TEXT_TYPES.contains(type);
    }

    /** Claims as API Gateway passes them: strings, numbers as text, arrays as {@code [a b]}. */
    static Map<String, String> flatten(Map<String, Object> claims) {
        Map<String, String> flat = new LinkedHashMap<>();
        claims.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                flat.put(name, "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]");
            } else if (value != null) {
                flat.put(name, String.valueOf(value));
            }
        });
        return flat;
    }

    /** Repeated parameters are joined with "," as API Gateway does; null when there is no query. */
    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters.isEmpty() ? null : parameters;
    }

    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    static List<String> splitPath(String path) {
        List<String> segments = new ArrayList<>(Arrays.asList(path.split("/", -1)));
        segments.remove(0);
        return segments;
    }

    private static boolean validUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
