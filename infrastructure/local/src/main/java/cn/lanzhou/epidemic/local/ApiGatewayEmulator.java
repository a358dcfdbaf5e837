package cn.lanzhou.epidemic.local;

import cn.lanzhou.epidemic.local.runtime.FunctionInvoker;
import cn.lanzhou.epidemic.local.runtime.Outcome;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * API Gateway's HTTP API in front of the functions: routing, the JWT authorizer, CORS, the
 * payload 2.0 event (as JSON, to the function's container) and the response mapping. Paths that are
 * no route fall through to the static web forms.
 */
final class ApiGatewayEmulator implements HttpHandler {
    /** Bodies past the API's own 64 KiB limit reach the function (it answers 413); this only protects the server. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final Routes routes;
    private final FunctionInvoker functions;
    private final JwtVerifier jwt;
    private final Cors cors;
    private final StaticFiles web;
    private final Clock clock;

    ApiGatewayEmulator(Routes routes, FunctionInvoker functions, JwtVerifier jwt, Cors cors, StaticFiles web, Clock clock) {
        this.routes = routes;
        this.functions = functions;
        this.jwt = jwt;
        this.cors = cors;
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
        Headers requestHeaders = new Headers(exchange.getRequestHeaders());
        // behind the GatewayEdge the caller's address comes from the edge, and the header goes no further
        String edgeSourceIp = requestHeaders.getFirst(GatewayEdge.SOURCE_IP_HEADER);
        requestHeaders.remove(GatewayEdge.SOURCE_IP_HEADER);
        String sourceIp = edgeSourceIp != null ? edgeSourceIp : exchange.getRemoteAddress().getAddress().getHostAddress();

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
                requestHeaders, body, sourceIp, exchange.getProtocol());
        APIGatewayV2HTTPEvent event = EventMapper.toEvent(request, route.routeKey(), match.get().pathParameters(), claims, clock.instant());

        Outcome outcome;
        try {
            outcome = functions.invoke(route.functionId(), EventMapper.toJson(event));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Responses.gatewayMessage(exchange, 503, "Service Unavailable");
            return;
        }
        switch (outcome) {
            case Outcome.Answer answer -> GatewayResponse.write(exchange, answer.payload());
            case Outcome.Failure failure -> {
                // the function failed (an error, a crash, a timeout): API Gateway hides it behind a generic 500
                System.err.println("[local] " + route.functionId() + " failed on " + route.routeKey() + ": " + failure.errorType());
                Responses.gatewayMessage(exchange, 500, "Internal Server Error");
            }
        }
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
