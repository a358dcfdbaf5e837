package cn.lanzhou.epidemic.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A request a function makes to itself before the SnapStart snapshot ({@link ApiHandler#primingRequests()}):
 * never from outside, it carries the claims the authorizer would pass for a staff read.
 */
public record SampleRequest(String routeKey, String path, Map<String, String> pathParameters, Map<String, String> claims, String body) {
    /** A POST with an empty JSON object, which every form refuses (422): validation, problem and answer run, nothing is written. */
    public static SampleRequest invalidPost() {
        return new SampleRequest("POST /priming", "/priming", Map.of(), Map.of(), "{}");
    }

    public static SampleRequest get(String routeKey, String path, Map<String, String> pathParameters, Map<String, String> claims) {
        return new SampleRequest(routeKey, path, pathParameters, claims, null);
    }

    String method() {
        return routeKey.substring(0, routeKey.indexOf(' '));
    }

    /** The event as API Gateway's HTTP API sends it (payload 2.0), with the fields a handler reads. */
    byte[] eventJson() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (var g = GatewayJson.generator(out)) {
            g.writeStartObject();
            g.writeStringField("version", "2.0");
            g.writeStringField("routeKey", routeKey);
            g.writeStringField("rawPath", path);
            g.writeStringField("rawQueryString", "");
            g.writeObjectFieldStart("headers");
            g.writeStringField("accept", "application/json");
            g.writeStringField("content-type", "application/json");
            g.writeStringField("user-agent", "priming");
            g.writeEndObject();
            if (!pathParameters.isEmpty()) {
                GatewayJson.writeMap(g, "pathParameters", pathParameters);
            }
            g.writeObjectFieldStart("requestContext");
            g.writeStringField("requestId", "priming");
            g.writeStringField("routeKey", routeKey);
            g.writeStringField("stage", "$default");
            g.writeObjectFieldStart("http");
            g.writeStringField("method", method());
            g.writeStringField("path", path);
            g.writeStringField("protocol", "HTTP/1.1");
            g.writeEndObject();
            if (!claims.isEmpty()) {
                g.writeObjectFieldStart("authorizer");
                g.writeObjectFieldStart("jwt");
                GatewayJson.writeMap(g, "claims", claims);
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndObject();
            if (body != null) {
                g.writeStringField("body", body);
            }
            g.writeBooleanField("isBase64Encoded", false);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
