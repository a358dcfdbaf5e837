package cn.lanzhou.epidemic.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.aws.Clients;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A request's backend calls share one budget, so the timeouts of several calls do not add up past
 * it: the SDK client built as the functions build it, against a server that never answers.
 */
class RequestBudgetTest {
    private static final Map<String, AttributeValue> KEY = Map.of("pk", AttributeValue.fromS("a"));

    private HttpServer silent;
    private final AtomicInteger requests = new AtomicInteger();
    private Dynamo dynamo;

    @BeforeEach
    void startASilentBackend() throws Exception {
        silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        silent.setExecutor(Executors.newCachedThreadPool());
        silent.createContext("/", exchange -> {
            requests.incrementAndGet();
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        dynamo = new Dynamo(Clients.configure(DynamoDbClient.builder())
                .endpointOverride(URI.create("http://127.0.0.1:" + silent.getAddress().getPort()))
                .region(Region.CN_NORTHWEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AK", "SK")))
                .build());
    }

    @AfterEach
    void stop() {
        silent.stop(0);
        dynamo.client().close();
    }

    @Test
    void callsToASilentBackendStopWhenTheRequestsBudgetIsSpentNotAtEachCallsOwnTimeout() {
        // each call alone may take 8 s; two of them in a 1.5 s budget must not take 16 s
        long start = System.nanoTime();

        RequestBudget.within(Duration.ofMillis(1500), () -> {
            assertThrows(BackendUnavailable.class, () -> dynamo.get("T", KEY));
            assertThrows(BackendUnavailable.class, () -> dynamo.get("T", KEY));
            return null;
        });

        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 2500, "took " + millis + " ms");
    }

    @Test
    void aCallAfterTheBudgetIsSpentIsNotSentAndAnswersUnavailable() {
        RequestBudget.within(Duration.ofMillis(1), () -> {
            sleep(5);
            assertThrows(BackendUnavailable.class, () -> dynamo.get("T", KEY));
            return null;
        });

        assertEquals(0, requests.get());
    }

    @Test
    void withoutABudgetNothingIsLeftToCount() {
        assertTrue(RequestBudget.remaining().isEmpty());
        RequestBudget.within(Duration.ofSeconds(1), () -> {
            assertTrue(RequestBudget.remaining().orElseThrow().compareTo(Duration.ofSeconds(1)) <= 0);
            return null;
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
