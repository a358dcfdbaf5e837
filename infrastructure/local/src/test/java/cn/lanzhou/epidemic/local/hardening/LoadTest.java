package cn.lanzhou.epidemic.local.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.SampleData;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 32 concurrent clients over loopback for {@code -Dload.seconds} (default 20; 60 when run by hand),
 * on a stack of its own so the table holds only what they caused: registrations, donations and
 * reopening applications (fresh credit codes), about one request in ten re-sent with the same
 * Idempotency-Key and body. Then, read straight from DynamoDB: every 201 has exactly its record, no
 * record exists without a 201 (or a replay of one, same id), and not one answer was ≥ 500.
 * Nothing here asserts latency: the 2-core build machine is shared, and correctness is the point.
 */
@Tag("load")
class LoadTest {
    static final int CLIENTS = 32;

    /** One answer: route, status, the record id it acknowledged (201 only), whether it was a replay, latency. */
    record Outcome(String route, int status, String id, boolean replayed, long nanos) {
    }

    @Test
    void everyAcknowledgedSubmissionHasExactlyItsRecordAndNothingElseWasWritten() throws Exception {
        int seconds = Integer.getInteger("load.seconds", 20);
        try (LocalStack stack = LocalStack.start(LocalStack.Options.inMemory()); Store store = new Store(stack.dynamoDbEndpoint())) {
            Api api = new Api(stack.baseUrl());
            startTheContainers(api);
            List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
            List<String> wrongReplays = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger duplicates = new AtomicInteger();
            long deadline = System.nanoTime() + seconds * 1_000_000_000L;
            long start = System.nanoTime();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < deadline) {
                        int pick = random.nextInt(10);
                        String path = pick < 5 ? "/registrations" : pick < 8 ? "/donations" : "/reopenings";
                        ObjectNode body = pick < 5 ? registration(random) : pick < 8 ? donation(random) : reopening(random);
                        String json = Samples.write(body);
                        String key = UUID.randomUUID().toString();
                        Outcome first = post(api, path, json, key);
                        outcomes.add(first);
                        if (random.nextInt(10) == 0) {
                            duplicates.incrementAndGet();
                            Outcome again = post(api, path, json, key);
                            outcomes.add(again);
                            if (first.status() == 201 && !(again.status() == 201 && again.replayed() && first.id().equals(again.id()))) {
                                wrongReplays.add(path + ": first 201 " + first.id() + ", re-sent " + again);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
            clients.shutdown();
            double elapsed = (System.nanoTime() - start) / 1e9;

            List<Outcome> all = List.copyOf(outcomes);
            Map<String, Long> statuses = all.stream().collect(Collectors.groupingBy(o -> o.route() + " " + o.status()
                    + (o.replayed() ? " (replay)" : ""), TreeMap::new, Collectors.counting()));
            long[] latencies = all.stream().mapToLong(Outcome::nanos).sorted().toArray();
            System.out.printf("[load] %d clients, %.1f s: %d requests (%d re-sent with the same key), %.0f requests/s, p50 %.0f ms, p99 %.0f ms%n",
                    CLIENTS, elapsed, all.size(), duplicates.get(), all.size() / elapsed,
                    percentile(latencies, 0.50) / 1e6, percentile(latencies, 0.99) / 1e6);
            System.out.println("[load] statuses: " + statuses);

            Set<String> acknowledged = all.stream().filter(o -> o.status() == 201).map(Outcome::id).collect(Collectors.toSet());
            Map<String, Integer> recordsById = new HashMap<>();
            store.records().forEach(r -> recordsById.merge(Store.id(r), 1, Integer::sum));
            List<String> missing = acknowledged.stream().filter(id -> !recordsById.containsKey(id)).sorted().toList();
            List<String> unacknowledged = recordsById.keySet().stream().filter(id -> !acknowledged.contains(id)).sorted().toList();
            List<String> doubled = recordsById.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
            System.out.println("[load] " + acknowledged.size() + " acknowledged ids, " + recordsById.size() + " records in the table");

            assertTrue(all.size() > CLIENTS, "the load did not run: " + all.size() + " requests");
            assertEquals(0, all.stream().filter(o -> o.status() >= 500).count(), "answers ≥ 500: " + statuses);
            assertEquals(List.of(), wrongReplays.stream().limit(10).toList(), "re-sent requests not replayed");
            assertEquals(List.of(), missing.stream().limit(10).toList(), missing.size() + " acknowledged submissions without a record");
            assertEquals(List.of(), unacknowledged.stream().limit(10).toList(), unacknowledged.size() + " records without a 201");
            assertEquals(List.of(), doubled, "ids stored more than once");
        }
    }

    /**
     * As Lambda scales out before a peak: each route's containers started (JVM, init, SnapStart priming)
     * by requests that fail validation and write nothing, so the load measures serving, not a storm of
     * cold starts on two cores.
     */
    private static void startTheContainers(Api api) throws Exception {
        ExecutorService starters = Executors.newFixedThreadPool(12);
        List<Future<Api.Response>> started = new ArrayList<>();
        for (String path : List.of("/registrations", "/donations", "/reopenings")) {
            for (int i = 0; i < 4; i++) {
                // a cold start on a busy machine may take longer than a client's usual 30 s
                started.add(starters.submit(() -> api.send(api.request(path).timeout(java.time.Duration.ofSeconds(180))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")))));
            }
        }
        for (Future<Api.Response> answer : started) {
            assertEquals(400, answer.get().status());
        }
        starters.shutdown();
    }

    /**
     * One submission as a form's script sends it: a request that times out on the client's side has an
     * unknown outcome, so it is sent again with the same key (the replay then acknowledges it).
     */
    private static Outcome post(Api api, String path, String json, String key) {
        HttpRequest.Builder request = api.request(path).header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json));
        long start = System.nanoTime();
        Api.Response response = null;
        for (int attempt = 1; response == null || response.status() == 409 && attempt <= 5; attempt++) {
            try {
                if (response != null) {
                    Thread.sleep(500); // 409: the timed-out attempt is still being processed
                }
                response = api.send(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.io.UncheckedIOException e) {
                if (!(e.getCause() instanceof java.net.http.HttpTimeoutException) || attempt >= 3) {
                    throw e;
                }
            }
        }
        long nanos = System.nanoTime() - start;
        String id = response.status() == 201 ? response.json().get("id").asText() : null;
        return new Outcome(path, response.status(), id, "true".equals(response.header("Idempotency-Replayed").orElse("")), nanos);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static final List<String> DISTRICTS = List.of("chengguan", "qilihe", "xigu", "anning", "honggu", "yongdeng", "gaolan",
            "yuzhong", "lanzhou-new-area");

    private static ObjectNode registration(ThreadLocalRandom random) {
        ObjectNode body = Samples.registration();
        body.put("idNumber", SampleData.residentId(random)).put("phone", SampleData.mobile(random))
                .put("district", DISTRICTS.get(random.nextInt(DISTRICTS.size())));
        if (random.nextBoolean()) {
            body.remove("vehiclePlate");
        }
        return body;
    }

    private static ObjectNode donation(ThreadLocalRandom random) {
        ObjectNode body = random.nextBoolean() ? Samples.donation() : Samples.materials();
        return body.put("district", DISTRICTS.get(random.nextInt(DISTRICTS.size())));
    }

    private static ObjectNode reopening(ThreadLocalRandom random) {
        ObjectNode body = Samples.reopening();
        ((ObjectNode) body.get("enterprise")).put("creditCode", SampleData.creditCode(random));
        ((ObjectNode) body.get("contact")).put("phone", SampleData.mobile(random));
        return body.put("district", DISTRICTS.get(random.nextInt(DISTRICTS.size())));
    }
}
