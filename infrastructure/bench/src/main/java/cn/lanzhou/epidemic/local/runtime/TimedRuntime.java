package cn.lanzhou.epidemic.local.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One execution environment for the benchmark: a JVM running Lambda's runtime interface client
 * against the local stack's own {@link RuntimeApi}, so a measured request takes the managed
 * runtime's path (/invocation/next, the event as JSON, /response). It lives in the stack's runtime
 * package to reuse that Runtime API without widening the stack's public surface; unlike the stack's
 * {@link Container} it tells apart the time until the runtime asked for work and the request itself.
 */
public final class TimedRuntime implements AutoCloseable {
    private static final long LIMIT_MILLIS = 120_000;
    private final RuntimeApi api;
    private final Process process;
    private final long startedNanos;
    private final Deque<String> output = new ArrayDeque<>();
    private boolean closed;

    /** One invocation: when the runtime took it and when it answered, in nanoseconds since the process started. */
    public record Timing(long takenNanos, long answeredNanos, boolean ok, String answer) {
        public double requestMs() {
            return (answeredNanos - takenNanos) / 1e6;
        }

        public double sinceStartMs() {
            return answeredNanos / 1e6;
        }
    }

    private TimedRuntime(RuntimeApi api, Process process, long startedNanos) {
        this.api = api;
        this.process = process;
        this.startedNanos = startedNanos;
        pump(process.getInputStream());
    }

    /** Starts {@code command} (a java command line ending in the client's main class and the handler) with exactly {@code environment}. */
    public static TimedRuntime start(List<String> command, Map<String, String> environment, Path workingDirectory) throws IOException {
        RuntimeApi api = new RuntimeApi();
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(environment);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", api.address());
            long started = System.nanoTime();
            Process process = builder.start();
            process.getOutputStream().close();
            return new TimedRuntime(api, process, started);
        } catch (IOException | RuntimeException e) {
            api.close();
            throw e;
        }
    }

    /** Hands the payload to the runtime as soon as it asks, and waits for its answer. */
    public Timing invoke(byte[] payload) throws InterruptedException {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), payload, LIMIT_MILLIS,
                "arn:aws:lambda:us-east-1:000000000000:function:bench", "Root=1-00000000-000000000000000000000000;Sampled=0");
        long limit = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LIMIT_MILLIS);
        while (!api.offer(invocation, 20)) {
            Outcome.Failure initError = api.initError();
            if (initError != null || !process.isAlive() || System.nanoTime() > limit) {
                return new Timing(0, System.nanoTime() - startedNanos, false,
                        (initError != null ? initError.errorJson() : "the runtime did not ask for an invocation") + "\n" + output());
            }
        }
        long taken = System.nanoTime() - startedNanos;
        try {
            Outcome outcome = invocation.outcome.get(LIMIT_MILLIS, TimeUnit.MILLISECONDS);
            long answered = System.nanoTime() - startedNanos;
            return outcome instanceof Outcome.Answer answer
                    ? new Timing(taken, answered, true, answer.text())
                    : new Timing(taken, answered, false, ((Outcome.Failure) outcome).errorJson() + "\n" + output());
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return new Timing(taken, System.nanoTime() - startedNanos, false, e + "\n" + output());
        }
    }

    /** Waits until the JVM wrote a line containing {@code fragment}; false when it did not within the time or ended. */
    public boolean awaitOutput(String fragment, long timeoutMillis) throws InterruptedException {
        long limit = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < limit && process.isAlive()) {
            if (output().contains(fragment)) {
                return true;
            }
            Thread.sleep(10);
        }
        return output().contains(fragment);
    }

    public long pid() {
        return process.pid();
    }

    /** The last lines the JVM wrote (stdout and stderr). */
    public String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /**
     * Ends the JVM through its own exit path, so that shutdown runs (an AOT training run writes its
     * cache then): the Runtime API goes away and the runtime client exits on its failed /next
     * (it halts on SIGTERM without the JVM's exit path); SIGKILL if the JVM has not ended within
     * {@code graceSeconds}.
     */
    public void stop(int graceSeconds) throws InterruptedException {
        api.close();
        if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        close();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Processes.kill(process);
        api.close();
    }

    private void pump(InputStream stream) {
        Thread.ofVirtual().start(() -> {
            try (var reader = new java.io.BufferedReader(new java.io.InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (output) {
                        if (output.size() == 200) {
                            output.removeFirst();
                        }
                        output.addLast(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        });
    }
}
