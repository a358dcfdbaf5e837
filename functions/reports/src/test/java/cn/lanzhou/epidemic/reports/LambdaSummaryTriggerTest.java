package cn.lanzhou.epidemic.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.lanzhou.epidemic.common.aws.Clients;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/** The summary's asynchronous Invoke through the SDK's LambdaClient, against a stand-in for Lambda's Invoke API. */
class LambdaSummaryTriggerTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private volatile int status = 202;
    private HttpServer server;
    private LambdaClient lambda;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().getRawPath());
            seen.add(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"));
            seen.add(Json.parse(exchange.getRequestBody().readAllBytes()).get("date").asText());
            byte[] body = status == 202 ? new byte[0]
                    : "{\"Type\":\"User\",\"message\":\"refused\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            if (status != 202) {
                exchange.getResponseHeaders().add("X-Amzn-ErrorType", status == 403 ? "AccessDeniedException" : "ServiceException");
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        // region and credentials from this module's test environment (pom.xml), as in Lambda
        lambda = Clients.configure(LambdaClient.builder())
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .build();
    }

    @AfterEach
    void stop() {
        lambda.close();
        server.stop(0);
    }

    @Test
    void anAsynchronousInvocationCarriesTheDate() {
        new LambdaSummaryTrigger(lambda, "SummaryFunction").compile(LocalDate.parse("2020-02-13"));

        assertEquals(List.of("/2015-03-31/functions/SummaryFunction/invocations", "Event", "2020-02-13"), seen);
    }

    @Test
    void lambdaFailingAfterTheRetriesIsUnavailable() {
        status = 503;
        var trigger = new LambdaSummaryTrigger(lambda, "SummaryFunction");

        assertThrows(BackendUnavailable.class, () -> trigger.compile(LocalDate.parse("2020-02-14")));
    }

    @Test
    void aRefusalIsAConfigurationFaultAndPropagates() {
        status = 403;
        var trigger = new LambdaSummaryTrigger(lambda, "SummaryFunction");

        assertThrows(LambdaException.class, () -> trigger.compile(LocalDate.parse("2020-02-14")));
    }
}
