package cn.lanzhou.epidemic.common.idempotency;

import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.http.ApiHandler;
import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.ApiResponse;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.model.Ids;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.runtime.Priming;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.common.store.Table;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.common.validation.Errors;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code Idempotency-Key} for every POST (openapi.yaml): same key and body replay the stored answer, another
 * body is 422, a copy of one still running 409; a leased claim lets a retry redo a crashed {@link Attempt}
 * with its first record id and time, so it finds, rather than duplicates, what was written.
 */
public final class Idempotency {
    public static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(48);
    static final Duration LEASE = Duration.ofSeconds(25);
    static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(5);
    static final Duration POLL = Duration.ofMillis(50);

    private final IdempotencyStore store;
    private final AppClock clock;
    private final Function<byte[], String> digest;

    public Idempotency(IdempotencyStore store, AppClock clock) {
        this(store, clock, Ids::sha256Hex);
    }

    private Idempotency(IdempotencyStore store, AppClock clock, Function<byte[], String> digest) {
        this.store = store;
        this.clock = clock;
        this.digest = digest;
    }

    /**
     * The same, with request bodies fingerprinted by a keyed digest: a route whose body holds an ID
     * number or a phone stores no plain hash of it, which a short number space would let anyone reverse.
     */
    public Idempotency fingerprintedWith(Function<byte[], String> keyedDigest) {
        return new Idempotency(store, clock, keyedDigest);
    }

    /** The records in {@code IDEMPOTENCY_TABLE_NAME}, primed before the SnapStart snapshot by a read of {@value Table#PRIMING_PK}. */
    public static Idempotency fromEnvironment(DynamoDbClient client, AppClock clock) {
        DynamoIdempotencyStore store = new DynamoIdempotencyStore(new Dynamo(client), Env.required("IDEMPOTENCY_TABLE_NAME"));
        Priming.register("idempotency", () -> store.find(Table.PRIMING_PK, clock.now()));
        return new Idempotency(store, clock);
    }

    /** Reads and checks the header (1–255 printable ASCII characters, optionally as a quoted structured-field string). */
    public static Optional<String> key(ApiRequest request) {
        Optional<String> header = request.header(HEADER);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String key = header.get().strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        boolean printable = !key.isEmpty() && key.length() <= 255 && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e);
        if (!printable) {
            Errors errors = new Errors();
            errors.add(HEADER, "invalid", "幂等键应为 1–255 个可打印 ASCII 字符 / The Idempotency-Key must be 1–255 printable ASCII characters");
            errors.throwIfAny();
        }
        return Optional.of(key);
    }

    /** A POST that creates a record: {@code create} runs at most once per key and answers 201; {@code command} is validated before, as a 400 is never stored. */
    public <C> ApiResponse create(ApiRequest request, C command, BiFunction<C, Attempt, ObjectNode> create) {
        return execute(request, attempt -> ApiResponse.created(create.apply(command, attempt)));
    }

    /** Runs {@code action} at most once per key, after validation: its {@link Problem}s are stored outcomes; a 5xx or an exception frees the key for a retry. */
    public ApiResponse execute(ApiRequest request, Function<Attempt, ApiResponse> action) {
        Optional<String> key = key(request);
        Instant now = clock.now();
        if (key.isEmpty()) {
            return action.apply(new Attempt(Ids.random(now), now, false));
        }
        String recordKey = Ids.sha256Hex((request.routeKey() + "\n" + key.get()).getBytes(StandardCharsets.UTF_8));
        String fingerprint = fingerprint(request);
        if (store.claim(recordKey, fingerprint, now, now.plus(LEASE), now.plus(RETENTION))) {
            return run(request, recordKey, new Attempt(Ids.derived(now, recordKey), now, true), action);
        }
        Instant deadline = now.plus(WAIT_FOR_FIRST);
        while (true) {
            Optional<IdempotencyStore.KeyRecord> found = store.find(recordKey, clock.now());
            if (found.isEmpty()) {
                // the first attempt failed and released the key: this copy is now the first
                Instant retryNow = clock.now();
                if (store.claim(recordKey, fingerprint, retryNow, retryNow.plus(LEASE), retryNow.plus(RETENTION))) {
                    return run(request, recordKey, new Attempt(Ids.derived(retryNow, recordKey), retryNow, true), action);
                }
                continue;
            }
            IdempotencyStore.KeyRecord record = found.get();
            if (!record.fingerprint().equals(fingerprint)) {
                throw Problem.unprocessable("idempotency-key-reused",
                        "此幂等键已用于内容不同的请求 / This Idempotency-Key was used for a different request body");
            }
            if (record.completed()) {
                return ApiResponse.json(record.status(), Json.parseTrusted(record.body()))
                        .withHeader("Idempotency-Replayed", "true");
            }
            Instant current = clock.now();
            if (record.leaseUntil().isBefore(current)
                    && store.takeOver(recordKey, record.leaseUntil(), current.plus(LEASE))) {
                Attempt original = new Attempt(Ids.derived(record.startedAt(), recordKey), record.startedAt(), true);
                return run(request, recordKey, original, action);
            }
            if (current.isAfter(deadline)) {
                throw Problem.conflict("idempotency-in-progress",
                        "相同幂等键的请求仍在处理中，请稍后重试 / A request with this Idempotency-Key is still in progress; retry shortly")
                        .withHeader("Retry-After", "1");
            }
            sleep();
        }
    }

    private ApiResponse run(ApiRequest request, String recordKey, Attempt attempt, Function<Attempt, ApiResponse> action) {
        ApiResponse response;
        try {
            response = action.apply(attempt);
        } catch (Problem problem) {
            if (problem.status() >= 500 || problem.status() == 400) {
                releaseQuietly(recordKey);
                throw problem;
            }
            response = ApiHandler.fromProblem(problem, null);
        } catch (RuntimeException e) {
            releaseQuietly(recordKey);
            throw e;
        }
        if (response.status() >= 500) {
            releaseQuietly(recordKey);
            return response;
        }
        store.complete(recordKey, response.status(), Json.write(response.body()));
        return response;
    }

    private void releaseQuietly(String recordKey) {
        try {
            store.release(recordKey);
        } catch (RuntimeException e) {
            // the lease runs out instead, and a later retry takes the key over
        }
    }

    /** The same request, byte for byte: method, path and body. */
    String fingerprint(ApiRequest request) {
        byte[] head = (request.method() + " " + request.event().getRawPath() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = request.bodyBytes();
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        return digest.apply(all);
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
