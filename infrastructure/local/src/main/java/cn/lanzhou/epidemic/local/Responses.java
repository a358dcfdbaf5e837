package cn.lanzhou.epidemic.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Answers that the local gateway writes itself, shaped as API Gateway's or as the API's problems. */
final class Responses {
    private Responses() {
    }

    /** An RFC 9457 problem, Chinese then English, as every error of the API is. */
    static void problem(HttpExchange exchange, int status, String slug, String title, String detail) throws IOException {
        ObjectNode body = LocalJson.MAPPER.createObjectNode()
                .put("type", "/problems/" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        send(exchange, status, "application/problem+json", LocalJson.MAPPER.writeValueAsBytes(body));
    }

    /** API Gateway's own terse answers: {@code {"message":"Unauthorized"}} and the like. */
    static void gatewayMessage(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = LocalJson.MAPPER.createObjectNode().put("message", message);
        send(exchange, status, "application/json", LocalJson.MAPPER.writeValueAsBytes(body));
    }

    static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        sendBody(exchange, status, body);
    }

    static void sendBody(HttpExchange exchange, int status, byte[] body) throws IOException {
        boolean noBody = status == 204 || status == 304 || "HEAD".equals(exchange.getRequestMethod());
        if (noBody || body.length == 0) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
