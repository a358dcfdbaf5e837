package cn.lanzhou.epidemic.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's HTTP API in front of the functions: routing, the JWT authorizer, CORS, the
 * payload 2.0 event and the response mapping. Paths that are no route fall through to the Lambda
 * Invoke API and the static web forms.
 */
final class ApiGatewayEmulator implements HttpHandler {
    /** Bodies past the API's own 64 KiB limit reach the function (it answers 413); this only protects the server. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final Routes routes;
    private final Functions functions;
    private final JwtVerifier jwt;
    private final Cors cors;
    private final LambdaInvokeEmulator lambda;
    private final StaticFiles web;
    private final Clock clock;

    ApiGatewayEmulator(Routes routes, Functions functions, JwtVerifier jwt, Cors cors,
            LambdaInvokeEmulator lambda, StaticFiles web, Clock clock) {
        this.routes = routes;
        this.functions = functions;
        this.jwt = jwt;
        this.cors = cors;
        this.lambda = lambda;
        this.web = web;
        this.clock = clock;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            dispatch(exchange);
        } catch (RuntimeException e) {
            System.err.println("[local] " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed: " + e);
            Responses.gatewayMessage(exchange, 500, "Internal Server Error");
        } finally {
            exchange.close();
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        Headers requestHeaders = exchange.getRequestHeaders();

        if (path.startsWith(LambdaInvokeEmulator.PREFIX)) {
            lambda.handle(exchange);
            return;
        }
        if (cors.isPreflight(method, requestHeaders)) {
            cors.preflight(requestHeaders, exchange.getResponseHeaders());
            Responses.sendBody(exchange, 204, new byte[0]);
            return;
        }
        cors.decorate(requestHeaders, exchange.getResponseHeaders());

        Optional<Routes.Match> match = routes.match(method, path);
        if (match.isEmpty()) {
            if (("GET".equals(method) || "HEAD".equals(method)) && web.serve(exchange, path)) {
                return;
            }
            List<String> allowed = routes.allowedMethods(path);
            if (allowed.isEmpty()) {
                Responses.problem(exchange, 404, "not-found", "未找到 / Not found",
                        "没有这个地址 / There is no such resource: " + path);
            } else {
                exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
                Responses.problem(exchange, 405, "method-not-allowed", "不支持该请求方法 / Method not allowed",
                        "此地址只支持 / This resource supports only: " + String.join(", ", allowed));
            }
            return;
        }

        Template.Route route = match.get().route();
        Map<String, Object> claims = null;
        if (route.protectedByJwt()) {
            // as API Gateway: without a valid token the function is never invoked
            Optional<Map<String, Object>> verified = jwt.verify(requestHeaders.getFirst("Authorization"));
            if (verified.isEmpty()) {
                Responses.gatewayMessage(exchange, 401, "Unauthorized");
                return;
            }
            claims = verified.get();
        }

        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            Responses.gatewayMessage(exchange, 413, "Request Entity Too Large");
            return;
        }
        HttpRequest request = new HttpRequest(method, path, exchange.getRequestURI().getRawQuery(),
                requestHeaders, body, exchange.getRemoteAddress().getAddress().getHostAddress(), exchange.getProtocol());
        APIGatewayV2HTTPEvent event = EventMapper.toEvent(request, route.routeKey(), match.get().pathParameters(), claims, clock.instant());

        Object result;
        try {
            result = functions.invoke(route.functionId(), event, event.getRequestContext().getRequestId());
        } catch (RuntimeException | Error e) {
            // the function failed: API Gateway hides the error behind a generic 500
            System.err.println("[local] " + route.functionId() + " failed on " + route.routeKey() + ":");
            e.printStackTrace();
            Responses.gatewayMessage(exchange, 500, "Internal Server Error");
            return;
        }
        writeResponse(exchange, result);
    }

    /** The function's answer as API Gateway writes it; anything but a response object is a 200 JSON body. */
    private static void writeResponse(HttpExchange exchange, Object result) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        if (!(result instanceof APIGatewayV2HTTPResponse response)) {
            byte[] json = result instanceof String s ? Responses.utf8(s) : LocalJson.MAPPER.writeValueAsBytes(result);
            Responses.send(exchange, 200, "application/json", json);
            return;
        }
        Map<String, String> single = response.getHeaders() == null ? Map.of() : response.getHeaders();
        single.forEach(headers::set);
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(v -> headers.add(name, v)));
        }
        if (response.getCookies() != null) {
            response.getCookies().forEach(cookie -> headers.add("Set-Cookie", cookie));
        }
        if (headers.getFirst("Content-Type") == null && response.getBody() != null) {
            headers.set("Content-Type", "application/json");
        }
        String body = response.getBody() == null ? "" : response.getBody();
        byte[] bytes = response.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
        int status = response.getStatusCode() == 0 ? 200 : response.getStatusCode();
        headers.remove("Content-Length");
        Responses.sendBody(exchange, status, bytes);
    }

    /** The body, or null when it exceeds {@link #MAX_BODY_BYTES}. */
    private static byte[] readBody(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > MAX_BODY_BYTES) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

}
