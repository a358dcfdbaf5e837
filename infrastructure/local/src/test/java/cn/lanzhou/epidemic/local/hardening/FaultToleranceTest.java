package cn.lanzhou.epidemic.local.hardening;

import cn.lanzhou.epidemic.local.LocalNames;
import static cn.lanzhou.epidemic.local.hardening.FaultProxy.Fault.RESET;
import static cn.lanzhou.epidemic.local.hardening.FaultProxy.Fault.SERVER_ERROR;
import static cn.lanzhou.epidemic.local.hardening.FaultProxy.Fault.THROTTLE;
import static cn.lanzhou.epidemic.local.hardening.FaultProxy.Fault.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DynamoDB failing under the functions (a {@link FaultProxy} between them and dynalite): transient
 * faults are retried away, lasting ones answer 503 with Retry-After well inside API Gateway's 30 s,
 * nothing unacknowledged is left behind, and a retry with the same Idempotency-Key stores exactly one record.
 */
@Tag("faults")
class FaultToleranceTest {
    /** The brief's bound: 503 within 10 s, a third of API Gateway's 30-second integration limit. */
    static final long MAX_503_MILLIS = 10_000;

    private static FaultProxy dynamoDbProxy;
    private static LocalStack stack;
    private static Api api;
    private static Store store;

    record Route(String path, Supplier<JsonNode> body) {
        @Override
        public String toString() {
            return "POST " + path;
        }
    }

    static final List<Route> ROUTES = List.of(
            new Route("/registrations", Samples::registration),
            new Route("/donations", Samples::donation),
            new Route("/reopenings", Samples::reopening));

    @BeforeAll
    static void startAStackWhoseFunctionsReachDynamoDbThroughTheProxy() throws Exception {
        dynamoDbProxy = new FaultProxy();
        stack = LocalStack.start(LocalStack.Options.inMemory().functionEndpoints(dynamoDbProxy::inFrontOf, s3 -> s3));
        api = new Api(stack.baseUrl());
        store = new Store(stack.dynamoDbEndpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        if (store != null) {
            store.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (dynamoDbProxy != null) {
            dynamoDbProxy.close();
        }
    }

    @AfterEach
    void heal() {
        dynamoDbProxy.heal();
    }

    static Stream<Arguments> routesAndFaults() {
        List<Arguments> result = new ArrayList<>();
        for (Route route : ROUTES) {
            for (FaultProxy.Fault fault : FaultProxy.Fault.values()) {
                result.add(Arguments.of(route, fault));
            }
        }
        return result.stream();
    }

    static Stream<Arguments> routes() {
        return ROUTES.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("routesAndFaults")
    void transientFaultsAreRetriedAndTheSubmissionIsStoredOnce(Route route, FaultProxy.Fault fault) {
        // the lean client makes 3 attempts per call: 2 failures (1 silent attempt costs 3 s of its 8) are absorbed
        dynamoDbProxy.first(fault == TIMEOUT ? 1 : 2, FaultProxy.operation("PutItem"), fault);

        Api.Response response = post(route, Samples.write(route.body().get()), UUID.randomUUID().toString());

        assertEquals(201, response.status(), response.body());
        assertEquals(1, store.recordsWithId(response.json().get("id").asText()));
    }

    static Stream<Arguments> lastingFaults() {
        List<Arguments> result = new ArrayList<>();
        for (Route route : ROUTES) {
            for (FaultProxy.Fault fault : List.of(THROTTLE, SERVER_ERROR, TIMEOUT, RESET)) {
                result.add(Arguments.of(route, fault));
            }
        }
        return result.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("lastingFaults")
    void aLastingOutageAnswers503WithRetryAfterWithinTenSecondsAndWritesNothing(Route route, FaultProxy.Fault fault) {
        int recordsBefore = store.records().size();
        dynamoDbProxy.always(FaultProxy.anyRequest(), fault);

        long start = System.nanoTime();
        Api.Response response = post(route, Samples.write(route.body().get()), UUID.randomUUID().toString());
        long millis = (System.nanoTime() - start) / 1_000_000;
        dynamoDbProxy.heal();

        System.out.println("[faults] " + route + " under lasting " + fault + ": " + response.status() + " in " + millis + " ms");
        assertUnavailable(response);
        assertTrue(millis < MAX_503_MILLIS, "503 took " + millis + " ms");
        assertEquals(recordsBefore, store.records().size(), "a record without an acknowledged 201");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void anOutageAfterTheKeyWasClaimedLeavesNoRecordAndTheClientsRetryStoresExactlyOne(Route route) {
        int recordsBefore = store.records().size();
        String key = UUID.randomUUID().toString();
        String body = Samples.write(route.body().get());
        // a warm container (a request that fails validation touches no table): a cold one's priming
        // would be the one DynamoDB request let through, and its start would count in the 503's time
        assertEquals(400, post(route, "{}", UUID.randomUUID().toString()).status());
        // the claim in the idempotency table goes through; then DynamoDB stops answering
        dynamoDbProxy.add(FaultProxy.anyRequest(), TIMEOUT, 1, Integer.MAX_VALUE);

        long start = System.nanoTime();
        Api.Response during = post(route, body, key);
        long millis = (System.nanoTime() - start) / 1_000_000;
        dynamoDbProxy.heal();

        System.out.println("[faults] " + route + " outage after the claim: " + during.status() + " in " + millis + " ms");
        assertUnavailable(during);
        assertTrue(millis < MAX_503_MILLIS, "503 took " + millis + " ms");
        assertEquals(recordsBefore, store.records().size(), "a record without an acknowledged 201");

        // the dead attempt's claim is leased (25 s): until then the key answers 409 with Retry-After, as openapi.yaml says
        Api.Response retry = retryLikeAClient(route, body, key);
        assertEquals(201, retry.status(), retry.body());
        String id = retry.json().get("id").asText();
        assertEquals(1, store.recordsWithId(id));

        Api.Response replay = post(route, body, key);
        assertEquals(201, replay.status());
        assertEquals("true", replay.header("Idempotency-Replayed").orElse(""));
        assertEquals(id, replay.json().get("id").asText());
        assertEquals(recordsBefore + 1, store.records().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("routes")
    void writesFailingForGoodAfterTheClaimAnswer503AndTheRetryAfterTheOutageStoresExactlyOne(Route route) {
        int recordsBefore = store.records().size();
        String key = UUID.randomUUID().toString();
        String body = Samples.write(route.body().get());
        // every write to the data table is throttled: more failures than the client's retries absorb
        dynamoDbProxy.always(r -> r.operation().equals("PutItem") && r.bodyText().contains("\"TableName\":\"" + tableName() + "\""), THROTTLE);

        Api.Response during = post(route, body, key);
        dynamoDbProxy.heal();
        assertUnavailable(during);
        assertEquals(recordsBefore, store.records().size(), "a record without an acknowledged 201");

        Api.Response retry = post(route, body, key);
        assertEquals(201, retry.status(), retry.body());
        assertEquals(1, store.recordsWithId(retry.json().get("id").asText()));
        assertEquals(recordsBefore + 1, store.records().size());
    }

    /** A client that retries 409 and 503 after their Retry-After, for at most a minute. */
    private static Api.Response retryLikeAClient(Route route, String body, String key) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        int attempts = 0;
        while (true) {
            Api.Response response = post(route, body, key);
            attempts++;
            if (response.status() != 409 && response.status() != 503 || System.nanoTime() > deadline) {
                System.out.println("[faults] " + route + " client retry: " + response.status() + " after " + attempts + " attempt(s)");
                return response;
            }
            long seconds = Long.parseLong(response.header("Retry-After").orElse("1"));
            try {
                Thread.sleep(seconds * 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static String tableName() {
        return LocalNames.TABLE;
    }

    static void assertUnavailable(Api.Response response) {
        assertEquals(503, response.status(), response.body());
        assertTrue(response.header("Retry-After").isPresent(), "Retry-After");
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        JsonNode problem = response.json();
        assertEquals(503, problem.get("status").asInt());
        assertTrue(problem.hasNonNull("type") && problem.hasNonNull("title") && problem.hasNonNull("detail"));
    }

    private static Api.Response post(Route route, String body, String key) {
        HttpRequest.Builder request = api.request(route.path()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return api.send(request);
    }
}
