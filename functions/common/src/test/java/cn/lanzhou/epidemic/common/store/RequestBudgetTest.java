package cn.lanzhou.epidemic.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import software.amazon.awssdk.services.dynamodb.model.LeanDynamoDbClient;
import cn.lanzhou.epidemic.common.aws.SigV4;
import cn.lanzhou.epidemic.common.json.Json;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A request's backend calls share one budget, so the timeouts of several calls do not add up past it. */
class RequestBudgetTest {

    @Test
    void callsToASilentBackendStopWhenTheRequestsBudgetIsSpentNotAtEachCallsOwnTimeout() throws Exception {
        HttpServer silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        silent.setExecutor(Executors.newCachedThreadPool());
        silent.createContext("/", exchange -> {
            try {
                Thread.sleep(20_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        silent.start();
        try {
            // each call alone may take 8 s; two of them in a 1.5 s budget must not take 16 s
            Dynamo dynamo = new Dynamo(new LeanDynamoDbClient(URI.create("http://127.0.0.1:" + silent.getAddress().getPort()),
                    "cn-northwest-1", () -> new SigV4.Credentials("AK", "SK", null), 3,
                    Duration.ofSeconds(8), Duration.ofSeconds(3)));
            Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("a"));
            long start = System.nanoTime();

            RequestBudget.within(Duration.ofMillis(1500), () -> {
                assertThrows(BackendUnavailable.class, () -> dynamo.get("T", key));
                assertThrows(BackendUnavailable.class, () -> dynamo.get("T", key));
                return null;
            });

            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 2500, "took " + millis + " ms");
        } finally {
            silent.stop(0);
        }
    }

    @Test
    void withoutABudgetACallKeepsItsOwnDeadline() {
        long callDeadline = System.nanoTime() + 1_000;
        assertEquals(callDeadline, RequestBudget.bound(callDeadline));
    }
}
