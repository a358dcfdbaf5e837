package cn.lanzhou.epidemic.local.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One execution environment: a child JVM running the runtime interface client with the function's
 * jar, started with an empty environment plus exactly what Lambda would give it, and its own Runtime
 * API. One invocation at a time; past the deadline the process is killed, and a killed or exited
 * container serves no further invocation.
 */
final class Container implements AutoCloseable {
    /**
     * How long a runtime may take to ask for its first invocation. Init does not count against Timeout;
     * Lambda ends an on-demand init after 10 s, this allows a busy 2-core machine some slack.
     */
    static final long INIT_LIMIT_MILLIS = 60_000;
    /** Lambda lets a SnapStart function's init (priming included) run up to 15 minutes while the version is published. */
    static final long SNAP_START_INIT_LIMIT_MILLIS = 15 * 60_000;
    private static final DateTimeFormatter STREAM_DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ContainerSpec spec;
    private final RuntimeApi api;
    private final Process process;
    private final Credentials credentials;
    private final String token;
    private volatile Invocation current;

    private Container(ContainerSpec spec, RuntimeApi api, Process process, Credentials credentials, String token) {
        this.spec = spec;
        this.api = api;
        this.process = process;
        this.credentials = credentials;
        this.token = token;
        process.onExit().thenRun(this::exited);
    }

    static Container start(ContainerSpec spec, Credentials credentials, FunctionLogs logs) throws IOException {
        RuntimeApi api = new RuntimeApi();
        String token = credentials.issueToken();
        try {
            ProcessBuilder builder = new ProcessBuilder(spec.command()).directory(spec.taskRoot().toFile());
            Map<String, String> env = builder.environment();
            env.clear(); // nothing of the stack's own environment: a function sees what Lambda gives it, or fails
            env.putAll(spec.environment());
            env.put("AWS_LAMBDA_RUNTIME_API", api.address());
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", logStreamName());
            env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", credentials.endpoint());
            env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", token);
            Process process = builder.start();
            process.getOutputStream().close();
            logs.pump(spec.functionId(), process.getInputStream());
            logs.pump(spec.functionId(), process.getErrorStream());
            return new Container(spec, api, process, credentials, token);
        } catch (IOException | RuntimeException e) {
            api.close();
            credentials.revoke(token);
            throw e;
        }
    }

    /** As Lambda names a stream: the date, the version in brackets and an id of the environment. */
    private static String logStreamName() {
        return LocalDate.now(ZoneOffset.UTC).format(STREAM_DATE) + "/[1]"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()) + SEQUENCE.incrementAndGet();
    }

    boolean alive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Outcome invoke(byte[] payload) throws InterruptedException {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), payload, spec.timeout().toMillis(),
                spec.functionArn(), traceId());
        current = invocation;
        try {
            if (!handOver(invocation)) {
                return invocation.outcome.getNow(failure("Runtime.Unavailable", "the runtime did not ask for an invocation"));
            }
            long deadline = invocation.handedOut.join();
            try {
                return invocation.outcome.get(Math.max(0, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // the outcome first (the process's exit would otherwise report itself), then the process ends
                // before the answer goes out, as Lambda resets the sandbox before it reports the timeout
                invocation.outcome.complete(failure("Sandbox.Timedout",
                        "Task timed out after " + spec.timeout().toMillis() / 1000.0 + " seconds"));
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                return invocation.outcome.join();
            } catch (ExecutionException e) {
                return failure("Runtime.Unknown", String.valueOf(e.getCause()));
            }
        } finally {
            current = null;
        }
    }

    private long initLimitMillis() {
        return "snap-start".equals(spec.environment().get("AWS_LAMBDA_INITIALIZATION_TYPE"))
                ? SNAP_START_INIT_LIMIT_MILLIS : INIT_LIMIT_MILLIS;
    }

    /** Waits, while the process lives, for its runtime to take the invocation. */
    private boolean handOver(Invocation invocation) throws InterruptedException {
        long limit = System.currentTimeMillis() + initLimitMillis();
        while (System.currentTimeMillis() < limit && !invocation.outcome.isDone()) {
            if (api.offer(invocation, 100)) {
                return true;
            }
            if (!process.isAlive()) {
                exited();
                return false;
            }
        }
        process.destroyForcibly();
        return false;
    }

    /** The process ended: whatever it was doing fails as Lambda reports a runtime that exited. */
    private void exited() {
        Invocation invocation = current;
        if (invocation != null) {
            Outcome.Failure initError = api.initError();
            invocation.outcome.complete(initError != null ? initError : failure("Runtime.ExitError",
                    "Runtime exited with error: exit status " + process.exitValue()));
        }
    }

    private static Outcome.Failure failure(String type, String message) {
        return new Outcome.Failure(type, JsonNodeFactory.instance.objectNode().put("errorType", type).put("errorMessage", message).toString());
    }

    private static String traceId() {
        long seconds = System.currentTimeMillis() / 1000;
        HexFormat hex = HexFormat.of();
        return "Root=1-" + Long.toHexString(seconds) + "-" + hex.toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 8)
                + hex.toHexDigits(ThreadLocalRandom.current().nextLong()) + ";Parent=" + hex.toHexDigits(ThreadLocalRandom.current().nextLong())
                + ";Sampled=0";
    }

    @Override
    public void close() {
        Processes.kill(process);
        api.close();
        credentials.revoke(token);
    }
}
