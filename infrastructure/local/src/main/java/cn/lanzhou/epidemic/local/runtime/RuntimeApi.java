package cn.lanzhou.epidemic.local.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda's Runtime API for one container, on loopback: the runtime interface client in the child asks
 * {@code /invocation/next} (held open until there is an invocation) and posts the answer back. One
 * invocation at a time, as Lambda's sandbox does.
 */
final class RuntimeApi implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";
    private static final Pattern RESULT = Pattern.compile(PREFIX + "invocation/([^/]+)/(response|error)");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final SynchronousQueue<Invocation> handOver = new SynchronousQueue<>();
    private volatile Invocation current;
    private volatile Outcome.Failure initError;

    RuntimeApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext(PREFIX, this::handle);
        // virtual threads: /next is held open for as long as the container is idle
        server.setExecutor(threads);
        server.start();
    }

    /** The value of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Hands the invocation to the runtime's waiting {@code /next}; false when the runtime did not ask in time. */
    boolean offer(Invocation invocation, long timeoutMillis) throws InterruptedException {
        current = invocation;
        if (handOver.offer(invocation, timeoutMillis, TimeUnit.MILLISECONDS)) {
            return true;
        }
        current = null;
        return false;
    }

    /** The {@code /init/error} the runtime posted, if any. */
    Outcome.Failure initError() {
        return initError;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Matcher result = RESULT.matcher(path);
            if ("GET".equals(method) && path.equals(PREFIX + "invocation/next")) {
                next(exchange);
            } else if ("POST".equals(method) && result.matches()) {
                complete(exchange, result.group(1), "error".equals(result.group(2)));
            } else if ("GET".equals(method) && path.equals(PREFIX + "restore/next")) {
                // SnapStart: the snapshot would be taken here; this container is "restored" at once
                send(exchange, 200, "");
            } else if ("POST".equals(method) && (path.equals(PREFIX + "init/error") || path.equals(PREFIX + "restore/error"))) {
                initError = failure(exchange);
                Invocation waiting = current;
                if (waiting != null) {
                    waiting.outcome.complete(initError);
                }
                send(exchange, 202, "{}");
            } else {
                send(exchange, 404, "{\"errorType\":\"InvalidRequest\",\"errorMessage\":\"no such route\"}");
            }
        }
    }

    private void next(HttpExchange exchange) throws IOException {
        Invocation invocation;
        try {
            invocation = handOver.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long deadline = System.currentTimeMillis() + invocation.timeoutMillis;
        invocation.handedOut.complete(deadline);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId);
        headers.set("Lambda-Runtime-Deadline-Ms", Long.toString(deadline));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", invocation.functionArn);
        headers.set("Lambda-Runtime-Trace-Id", invocation.traceId);
        exchange.sendResponseHeaders(200, invocation.payload.length == 0 ? -1 : invocation.payload.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(invocation.payload);
        }
    }

    private void complete(HttpExchange exchange, String requestId, boolean error) throws IOException {
        Invocation invocation = current;
        if (invocation == null || !invocation.requestId.equals(requestId)) {
            send(exchange, 400, "{\"errorType\":\"InvalidRequestID\",\"errorMessage\":\"unknown request id\"}");
            return;
        }
        Outcome outcome = error ? failure(exchange) : new Outcome.Answer(exchange.getRequestBody().readAllBytes());
        current = null;
        invocation.outcome.complete(outcome);
        send(exchange, 202, "{\"status\":\"OK\"}");
    }

    private static Outcome.Failure failure(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        return new Outcome.Failure(type == null ? "Unhandled" : type, body);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow(); // ends a /next still waiting
    }
}
