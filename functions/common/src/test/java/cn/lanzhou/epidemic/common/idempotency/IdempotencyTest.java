package cn.lanzhou.epidemic.common.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.http.ApiRequest;
import cn.lanzhou.epidemic.common.http.ApiResponse;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.common.testing.InMemoryIdempotencyStore;
import cn.lanzhou.epidemic.common.testing.Requests;
import cn.lanzhou.epidemic.common.time.AppClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyTest {
    private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
    private final Idempotency idempotency = new Idempotency(store, new AppClock(Clock.systemUTC(), ZoneId.of("Asia/Shanghai")));
    private final AtomicInteger runs = new AtomicInteger();

    private static ApiRequest post(String key, String body) {
        var r = Requests.route("POST /things", "/things").json(body);
        if (key != null) {
            r.header("Idempotency-Key", key);
        }
        return new ApiRequest(r.build());
    }

    private ApiResponse create(Attempt attempt) {
        runs.incrementAndGet();
        return ApiResponse.created(Json.object().put("id", attempt.recordId()));
    }

    @Test
    void aRepeatedRequestIsReplayedWithoutRunningAgain() {
        ApiResponse first = idempotency.execute(post("k1", "{\"a\":1}"), this::create);
        ApiResponse second = idempotency.execute(post("k1", "{\"a\":1}"), this::create);
        assertEquals(1, runs.get());
        assertEquals(201, second.status());
        assertEquals(first.body(), second.body());
        assertEquals("true", second.headers().get("Idempotency-Replayed"));
        assertFalse(first.headers().containsKey("Idempotency-Replayed"));
    }

    @Test
    void aKeyedDigestFingerprintsTheBodyAndStillTellsAnotherBodyApart() {
        Idempotency keyed = idempotency.fingerprintedWith(bytes -> "keyed:" + bytes.length);
        ApiRequest first = post("k9", "{\"idNumber\":\"11010519491231002X\"}");
        keyed.execute(first, this::create);
        String recordKey = cn.lanzhou.epidemic.common.model.Ids.sha256Hex("POST /things\nk9".getBytes());
        String stored = store.find(recordKey, Instant.now()).orElseThrow().fingerprint();
        assertEquals(keyed.fingerprint(first), stored);
        assertTrue(stored.startsWith("keyed:"), "the keyed digest, not a plain hash: " + stored);
        Problem refused = assertThrows(Problem.class,
                () -> keyed.execute(post("k9", "{\"idNumber\":\"110105194912310021\"}x"), this::create));
        assertEquals(422, refused.status());
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        idempotency.execute(post("k2", "{\"a\":1}"), this::create);
        Problem p = assertThrows(Problem.class, () -> idempotency.execute(post("k2", "{\"a\":2}"), this::create));
        assertEquals(422, p.status());
    }

    @Test
    void withoutAKeyEveryRequestRuns() {
        idempotency.execute(post(null, "{}"), this::create);
        idempotency.execute(post(null, "{}"), this::create);
        assertEquals(2, runs.get());
        assertEquals(0, store.size());
    }

    @Test
    void aQuotedStructuredFieldKeyIsTheSameKey() {
        idempotency.execute(post("\"abc\"", "{}"), this::create);
        ApiResponse again = idempotency.execute(post("abc", "{}"), this::create);
        assertEquals(1, runs.get());
        assertEquals("true", again.headers().get("Idempotency-Replayed"));
    }

    @Test
    void invalidKeysAre400() {
        for (String bad : List.of("", "é", "a".repeat(256), "tab\there")) {
            Problem p = assertThrows(Problem.class, () -> idempotency.execute(post(bad, "{}"), this::create), bad);
            assertEquals(400, p.status());
            assertEquals("Idempotency-Key", p.errors().get(0).field());
        }
    }

    @Test
    void aFailedAttemptFreesTheKeyForARetry() {
        assertThrows(IllegalStateException.class, () -> idempotency.execute(post("k3", "{}"), a -> {
            throw new IllegalStateException("backend fell over");
        }));
        ApiResponse retry = idempotency.execute(post("k3", "{}"), this::create);
        assertEquals(201, retry.status());
        assertFalse(retry.headers().containsKey("Idempotency-Replayed"));
    }

    @Test
    void aConflictOutcomeIsStoredAndReplayed() {
        ApiResponse first = idempotency.execute(post("k4", "{}"), a -> {
            runs.incrementAndGet();
            throw Problem.conflict("open-application", "open").with("existingId", "X");
        });
        ApiResponse second = idempotency.execute(post("k4", "{}"), this::create);
        assertEquals(409, first.status());
        assertEquals(409, second.status());
        assertEquals("X", second.body().get("existingId").asText());
        assertEquals(1, runs.get());
    }

    @Test
    void theKeyDerivesTheRecordIdSoAReRunWritesTheSameItem() {
        Instant t = Instant.parse("2020-02-13T02:00:00Z");
        String key = "route\nkey";
        assertEquals(cn.lanzhou.epidemic.common.model.Ids.derived(t, key), cn.lanzhou.epidemic.common.model.Ids.derived(t, key));
    }

    @Test
    void fiftyConcurrentCopiesRunOnceAndAllGetTheSameAnswer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                ApiResponse r = idempotency.execute(post("same", "{\"x\":1}"), a -> {
                    runs.incrementAndGet();
                    sleep(100);
                    return ApiResponse.created(Json.object().put("id", a.recordId()));
                });
                ids.add(r.body().get("id").asText());
                return r.status();
            }));
        }
        start.countDown();
        for (Future<Integer> s : statuses) {
            assertEquals(201, s.get());
        }
        pool.shutdown();
        assertEquals(1, runs.get());
        assertEquals(1, ids.size());
    }

    @Test
    void aClaimWhoseLeaseRanOutIsTakenOverWithTheFirstAttemptsIdAndTime() {
        Instant t0 = Instant.parse("2020-02-13T02:00:00Z");
        var clock = new MutableClock(t0);
        var idem = new Idempotency(store, new AppClock(clock, ZoneId.of("Asia/Shanghai")));
        // the first attempt claims the key and dies without an outcome
        String recordKey = cn.lanzhou.epidemic.common.model.Ids.sha256Hex("POST /things\nk5".getBytes());
        assertTrue(store.claim(recordKey, idem.fingerprint(post("k5", "{}")), t0, t0.plus(Idempotency.LEASE), t0.plusSeconds(3600)));
        clock.now = t0.plus(Idempotency.LEASE).plusSeconds(1);
        List<Attempt> attempts = new ArrayList<>();
        ApiResponse r = idem.execute(post("k5", "{}"), a -> {
            attempts.add(a);
            return ApiResponse.created(Json.object().put("id", a.recordId()));
        });
        assertEquals(201, r.status());
        assertEquals(t0, attempts.get(0).receivedAt());
        assertEquals(cn.lanzhou.epidemic.common.model.Ids.derived(t0, recordKey), attempts.get(0).recordId());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
