package cn.lanzhou.epidemic.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A function's JSON answer written back as API Gateway's HTTP API does for payload format 2.0: an
 * object with {@code statusCode} is a response (headers, multi-value headers, cookies, a body that
 * may be base64-encoded); any other JSON is the body of a 200 {@code application/json} answer.
 */
final class GatewayResponse {
    private GatewayResponse() {
    }

    static void write(HttpExchange exchange, byte[] answer) throws IOException {
        JsonNode response;
        try {
            response = LocalJson.MAPPER.readTree(answer);
        } catch (IOException e) {
            // API Gateway fails an integration whose answer is no JSON
            Responses.gatewayMessage(exchange, 500, "Internal Server Error");
            return;
        }
        if (response == null || !response.isObject() || !response.has("statusCode")) {
            Responses.send(exchange, 200, "application/json", answer);
            return;
        }
        Headers headers = exchange.getResponseHeaders();
        response.path("headers").properties().forEach(h -> headers.set(h.getKey(), h.getValue().asText()));
        response.path("multiValueHeaders").properties()
                .forEach(h -> h.getValue().forEach(value -> headers.add(h.getKey(), value.asText())));
        response.path("cookies").forEach(cookie -> headers.add("Set-Cookie", cookie.asText()));
        JsonNode body = response.path("body");
        String text = body.isMissingNode() || body.isNull() ? "" : body.asText();
        if (headers.getFirst("Content-Type") == null && !text.isEmpty()) {
            headers.set("Content-Type", "application/json");
        }
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        int status = response.path("statusCode").asInt(200);
        headers.remove("Content-Length");
        Responses.sendBody(exchange, status == 0 ? 200 : status, bytes);
    }
}
