package cn.lanzhou.epidemic.local.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The HTTP fuzzer against openapi.yaml: for every documented operation, requests generated from a seed
 * ({@link FuzzCases}) — valid bodies, then mutated ones of every content type, odd headers, tokens,
 * path and query parameters of every shape — sent over a plain socket. Every answer: below 500, its
 * status documented for the operation, its Content-Type documented for that status, its body valid by
 * the documented schema, no submitted personal data in an error. Then the answered-4xx POSTs are sent
 * again in batches, and a batch of 4xx answers leaves the data table as it was.
 * <p>
 * {@code -Dfuzz.requests=N} (default 4000) and {@code -Dfuzz.seconds=S} (default 150) bound the run;
 * {@code -Dfuzz.seed=X} repeats one (the seed is printed at the start).
 */
@ExtendWith(LocalStackExtension.class)
class OpenApiFuzzTest {
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 4000);
    private static final int SECONDS = Integer.getInteger("fuzz.seconds", 150);
    private static final int REPLAYED_4XX = Integer.getInteger("fuzz.replayed", 300);
    private static final int BATCH = 50;

    /** One request and what it is aimed at; {@code personal} holds the personal data it carries. */
    record Outcome(FuzzCases.Case fuzzCase, RawHttp.Response response, String problem) {
    }

    @Test
    void everyAnswerToEveryGeneratedRequestIsDocumentedBelow500AndKeepsPersonalDataOut(Api api, LocalStack stack) throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("[fuzz] seed " + seed + " (repeat with -Dfuzz.seed=" + seed + "), at most " + REQUESTS + " requests, "
                + SECONDS + " s");
        OpenApiContract contract = OpenApiContract.read(LocalStack.findRepoRoot(Path.of("").toAbsolutePath()).resolve("openapi.yaml"));
        List<OpenApiContract.Operation> operations = contract.operations();
        FuzzCases cases = new FuzzCases(operations, FuzzCases.Fixtures.create(api, stack.staffToken()), seed);
        RawHttp http = new RawHttp(api.baseUrl());

        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        long started = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            workers.add(pool.submit(() -> {
                int index;
                while ((index = next.getAndIncrement()) < REQUESTS && System.nanoTime() < deadline) {
                    FuzzCases.Case fuzzCase = cases.generate(index);
                    outcomes.add(exchange(http, contract, fuzzCase));
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, AtomicInteger> statuses = new ConcurrentHashMap<>();
        outcomes.forEach(o -> statuses.computeIfAbsent(o.fuzzCase().aim() + " " + o.response().status(), k -> new AtomicInteger()).incrementAndGet());
        List<Outcome> failed = outcomes.stream().filter(o -> o.problem() != null).toList();
        System.out.printf("[fuzz] %d requests in %.1f s over %d operations; statuses: %s%n", outcomes.size(), seconds, operations.size(),
                new TreeMap<>(statuses));
        report(failed, api.baseUrl(), seed);

        List<Outcome> writesChecked = noWriteCheck(http, contract, stack, outcomes);

        assertTrue(outcomes.size() >= Math.min(REQUESTS, 1000), "only " + outcomes.size() + " requests in " + SECONDS + " s");
        assertEquals(List.of(), failed.stream().limit(20).map(o -> o.fuzzCase().index() + ": " + o.problem()).toList(),
                failed.size() + " answers break the contract (seed " + seed + ")");
        assertEquals(List.of(), writesChecked.stream().limit(20).map(o -> o.fuzzCase().index() + ": " + o.problem()).toList(),
                "refused requests that wrote (seed " + seed + ")");
    }

    static Outcome exchange(RawHttp http, OpenApiContract contract, FuzzCases.Case fuzzCase) {
        RawHttp.Response response;
        try {
            response = http.send(fuzzCase.request());
        } catch (IOException e) {
            return new Outcome(fuzzCase, new RawHttp.Response(0, Map.of(), new byte[0]), "no answer: " + e);
        }
        return new Outcome(fuzzCase, response, problem(contract, fuzzCase, response));
    }

    /** Null when the answer keeps the contract, else what is wrong. */
    static String problem(OpenApiContract contract, FuzzCases.Case fuzzCase, RawHttp.Response response) {
        if (response.status() >= 500) {
            return "status " + response.status() + ": " + abbreviate(response.text());
        }
        boolean head = fuzzCase.request().method().equals("HEAD");
        if (leadsToAPage(fuzzCase, response)) {
            return null;
        }
        String broken = switch (fuzzCase.aim()) {
            case FuzzCases.GATEWAY -> gatewayRefusal(contract, response, head);
            case FuzzCases.NO_ROUTE -> noRoute(contract, fuzzCase, response, head);
            default -> contract.check(fuzzCase.operation().id(), fuzzCase.operation().response(response.status()), response, head);
        };
        if (broken != null) {
            return broken;
        }
        if (response.status() >= 400) {
            String body = response.text();
            for (String value : fuzzCase.personal()) {
                if (body.contains(value)) {
                    return "the " + response.status() + " repeats submitted personal data (" + value.length() + " characters)";
                }
            }
        }
        return null;
    }

    /**
     * The local stack serves the web forms at {@code /} (in AWS another origin): a GET or HEAD whose dot
     * segments lead out of the API's paths (a path parameter {@code ..}, say) may get a page of the forms.
     */
    private static boolean leadsToAPage(FuzzCases.Case fuzzCase, RawHttp.Response response) {
        String method = fuzzCase.request().method();
        if (!(method.equals("GET") || method.equals("HEAD")) || response.status() != 200 || !parses(fuzzCase.request().target())) {
            return false;
        }
        URI target = URI.create(fuzzCase.request().target());
        return !target.normalize().getRawPath().equals(target.getRawPath())
                && String.valueOf(response.header("Content-Type")).startsWith("text/html");
    }

    /** A path no route serves: 404 (a page of the forms aside, {@link #leadsToAPage}). */
    private static String noRoute(OpenApiContract contract, FuzzCases.Case fuzzCase, RawHttp.Response response, boolean head) {
        return response.status() != 404 ? "status " + response.status() + " for a path no route serves"
                : contract.check("no-route", contract.componentResponse("NotFound"), response, head);
    }

    /** What API Gateway answers itself for a URL it cannot route: 400 or 404, {@code {"message"}}. */
    private static String gatewayRefusal(OpenApiContract contract, RawHttp.Response response, boolean head) {
        if (response.status() != 400 && response.status() != 404) {
            return "status " + response.status() + " for a URL API Gateway refuses";
        }
        return contract.check("gateway", contract.componentResponse("GatewayRefusal"), response, head);
    }

    /**
     * The POSTs that were answered 4xx, sent again in batches of {@value #BATCH}: the data table's item
     * count after a batch answered only 4xx is the count before it. Returns the batches that wrote.
     */
    private static List<Outcome> noWriteCheck(RawHttp http, OpenApiContract contract, LocalStack stack, List<Outcome> outcomes)
            throws InterruptedException {
        List<FuzzCases.Case> refused = outcomes.stream()
                .filter(o -> o.response().status() >= 400 && o.response().status() < 500 && o.fuzzCase().request().method().equals("POST"))
                .map(Outcome::fuzzCase)
                .limit(REPLAYED_4XX)
                .toList();
        List<Outcome> wrote = new ArrayList<>();
        int compared = 0;
        int skipped = 0;
        try (Store store = new Store(stack.dynamoDbEndpoint())) {
            settle(store);
            for (int from = 0; from < refused.size(); from += BATCH) {
                int before = store.count();
                List<Outcome> batch = new ArrayList<>();
                for (FuzzCases.Case fuzzCase : refused.subList(from, Math.min(refused.size(), from + BATCH))) {
                    batch.add(exchange(http, contract, fuzzCase));
                }
                int after = store.count();
                if (batch.stream().allMatch(o -> o.response().status() >= 400 && o.response().status() < 500)) {
                    compared += batch.size();
                    if (after != before) {
                        wrote.add(new Outcome(batch.getFirst().fuzzCase(), batch.getFirst().response(),
                                "a batch of " + batch.size() + " 4xx answers (cases " + batch.getFirst().fuzzCase().index() + "…) changed the item count "
                                        + before + " → " + after));
                    }
                } else {
                    skipped += batch.size();
                    settle(store);
                }
            }
        }
        System.out.println("[fuzz] write check: " + compared + " refused POSTs sent again in batches of " + BATCH
                + ", item count unchanged by each" + (skipped > 0 ? "; " + skipped + " not compared (a batch answered other than 4xx)" : ""));
        return wrote;
    }

    /** Waits until the data table's count stands still (an accepted compilation writes in the background). */
    private static void settle(Store store) throws InterruptedException {
        int last = -1;
        for (int i = 0; i < 20; i++) {
            int count = store.count();
            if (count == last) {
                return;
            }
            last = count;
            Thread.sleep(500);
        }
    }

    private static void report(List<Outcome> failed, URI base, long seed) {
        Map<String, List<Outcome>> byKind = new TreeMap<>();
        failed.forEach(o -> {
            String shape = o.problem().replaceAll("[0-9A-Z]{26}|\\d+", "#");
            byKind.computeIfAbsent(o.fuzzCase().aim() + " " + o.response().status() + " " + shape.substring(0, Math.min(80, shape.length())),
                    k -> new ArrayList<>()).add(o);
        });
        byKind.forEach((kind, list) -> {
            Outcome first = list.getFirst();
            System.out.println("[fuzz] FAILED x" + list.size() + " " + kind + "\n[fuzz]   case " + first.fuzzCase().index() + " (seed " + seed + "): "
                    + first.problem() + "\n[fuzz]   " + first.fuzzCase().request().curl(base)
                    + "\n[fuzz]   answered " + first.response().status() + " " + first.response().header("Content-Type") + " "
                    + abbreviate(first.response().text()));
        });
    }

    static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    static boolean parses(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
