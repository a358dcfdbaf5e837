package cn.lanzhou.epidemic.local.runtime;

import java.util.concurrent.CompletableFuture;

/**
 * One request to a container: what {@code /next} hands out and what {@code /response} or {@code /error}
 * completes. The deadline is fixed when the runtime takes it, and the same instant goes into
 * {@code Lambda-Runtime-Deadline-Ms} and into the container's kill timer.
 */
final class Invocation {
    final String requestId;
    final byte[] payload;
    final long timeoutMillis;
    final String functionArn;
    final String traceId;
    /** Completed with the deadline (epoch milliseconds) when {@code /next} hands the invocation out. */
    final CompletableFuture<Long> handedOut = new CompletableFuture<>();
    final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

    Invocation(String requestId, byte[] payload, long timeoutMillis, String functionArn, String traceId) {
        this.requestId = requestId;
        this.payload = payload;
        this.timeoutMillis = timeoutMillis;
        this.functionArn = functionArn;
        this.traceId = traceId;
    }
}
