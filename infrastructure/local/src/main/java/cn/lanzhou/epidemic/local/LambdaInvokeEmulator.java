package cn.lanzhou.epidemic.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}), so a function that
 * invokes another with the SDK's Lambda client (pointed at {@code LAMBDA_ENDPOINT}) reaches it
 * locally. {@code Event} invocations answer 202 and run in the background, as in AWS.
 */
final class LambdaInvokeEmulator {
    static final String PREFIX = "/2015-03-31/functions/";
    private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");

    private final Functions functions;
    private final ExecutorService background;

    LambdaInvokeEmulator(Functions functions, ExecutorService background) {
        this.functions = functions;
        this.background = background;
    }

    void handle(HttpExchange exchange) throws IOException {
        Matcher matcher = INVOKE.matcher(exchange.getRequestURI().getRawPath());
        if (!"POST".equals(exchange.getRequestMethod()) || !matcher.matches()) {
            error(exchange, 404, "UnknownOperationException", "Unknown operation");
            return;
        }
        String name = functionName(EventMapper.decode(matcher.group(1)));
        if (!functions.exists(name)) {
            error(exchange, 404, "ResourceNotFoundException", "Function not found: " + name);
            return;
        }
        String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String json = payload.isBlank() ? "{}" : payload;
        String type = exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type");
        exchange.getResponseHeaders().set("X-Amz-Executed-Version", "$LATEST");
        if ("DryRun".equals(type)) {
            Responses.sendBody(exchange, 204, new byte[0]);
        } else if ("Event".equals(type)) {
            background.execute(() -> {
                try {
                    functions.invokeWithJson(name, json);
                } catch (Exception | Error e) {
                    System.err.println("[local] asynchronous invocation of " + name + " failed: " + e);
                    e.printStackTrace();
                }
            });
            Responses.sendBody(exchange, 202, new byte[0]);
        } else {
            requestResponse(exchange, name, json);
        }
    }

    private void requestResponse(HttpExchange exchange, String name, String json) throws IOException {
        try {
            Object result = functions.invokeWithJson(name, json);
            Responses.send(exchange, 200, "application/json", LocalJson.MAPPER.writeValueAsBytes(result));
        } catch (RuntimeException | IOException | Error e) {
            // Lambda answers 200 and flags the function's failure in a header
            exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
            ObjectNode body = LocalJson.MAPPER.createObjectNode()
                    .put("errorMessage", String.valueOf(e.getMessage()))
                    .put("errorType", e.getClass().getName());
            Responses.send(exchange, 200, "application/json", LocalJson.MAPPER.writeValueAsBytes(body));
        }
    }

    /** {@code Name}, {@code Name:alias} or a function ARN: locally every one of them is the logical id. */
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
        ObjectNode body = LocalJson.MAPPER.createObjectNode().put("Type", "User").put("Message", message);
        Responses.send(exchange, status, "application/json", LocalJson.MAPPER.writeValueAsBytes(body));
    }
}
