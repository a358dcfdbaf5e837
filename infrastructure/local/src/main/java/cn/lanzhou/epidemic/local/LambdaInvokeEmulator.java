package cn.lanzhou.epidemic.local;

import cn.lanzhou.epidemic.local.runtime.FunctionInvoker;
import cn.lanzhou.epidemic.local.runtime.Outcome;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.util.Map;
import java.time.Clock;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) on a loopback port of
 * its own, for {@code AWS_ENDPOINT_URL_LAMBDA}: the public API port does not serve it, as API Gateway
 * does not. {@code Event} invocations answer 202 and run in the background, as in AWS; a request
 * must be signed with the key the credentials endpoint hands out.
 */
final class LambdaInvokeEmulator implements AutoCloseable {
    private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

    private volatile FunctionInvoker functions;
    private final ExecutorService background;
    private final SigV4Verifier verifier;
    private final HttpServer server;

    /** Binds the port (the containers need the address before they exist); {@link #start} serves it. */
    LambdaInvokeEmulator(ExecutorService background, String accessKeyId, String secretAccessKey) throws IOException {
        this.background = background;
        this.verifier = new SigV4Verifier(Map.of(accessKeyId, secretAccessKey), Clock.systemUTC());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(background);
    }

    void start(FunctionInvoker invoker) {
        this.functions = invoker;
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher matcher = INVOKE.matcher(exchange.getRequestURI().getRawPath());
            if (!"POST".equals(exchange.getRequestMethod()) || !matcher.matches()) {
                error(exchange, 404, "UnknownOperationException", "Unknown operation");
                return;
            }
            byte[] payload = exchange.getRequestBody().readAllBytes();
            if (!verifier.verify(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestHeaders(), payload)) {
                error(exchange, 403, "UnrecognizedClientException", "The security token included in the request is invalid.");
                return;
            }
            String name = functionName(EventMapper.decode(matcher.group(1)));
            if (!functions.exists(name)) {
                error(exchange, 404, "ResourceNotFoundException", "Function not found: " + name);
                return;
            }
            byte[] json = payload.length == 0 ? Responses.utf8("{}") : payload;
            String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
            exchange.getResponseHeaders().set("X-Amz-Executed-Version", "1");
            if ("DryRun".equals(type)) {
                Responses.sendBody(exchange, 204, new byte[0]);
            } else if ("Event".equals(type)) {
                background.execute(() -> invokeInBackground(name, json));
                Responses.sendBody(exchange, 202, new byte[0]);
            } else {
                requestResponse(exchange, name, json);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void invokeInBackground(String name, byte[] json) {
        try {
            if (functions.invoke(name, json) instanceof Outcome.Failure failure) {
                System.err.println("[local] asynchronous invocation of " + name + " failed: " + failure.errorJson());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            System.err.println("[local] asynchronous invocation of " + name + " failed: " + e);
        }
    }

    private void requestResponse(HttpExchange exchange, String name, byte[] json) throws IOException, InterruptedException {
        switch (functions.invoke(name, json)) {
            case Outcome.Answer answer -> Responses.send(exchange, 200, "application/json", answer.payload());
            case Outcome.Failure failure -> {
                // Lambda answers 200 and flags the function's failure in a header
                exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
                Responses.send(exchange, 200, "application/json", Responses.utf8(failure.errorJson()));
            }
        }
    }

    /** {@code Name}, {@code Name:alias} or a function ARN (with or without alias): locally each is the logical id. */
    static String functionName(String reference) {
        String name = reference;
        if (name.startsWith("arn:")) {
            String[] parts = name.split(":");
            name = parts.length > 6 ? parts[6] : parts[parts.length - 1];
        } else if (name.contains(":")) {
            name = name.substring(0, name.indexOf(':'));
        }
        return name;
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        exchange.getResponseHeaders().set("X-Amzn-ErrorType", type);
        ObjectNode body = LocalJson.MAPPER.createObjectNode().put("Type", "User").put("message", message);
        Responses.send(exchange, status, "application/json", LocalJson.MAPPER.writeValueAsBytes(body));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
