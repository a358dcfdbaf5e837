package cn.lanzhou.epidemic.reportfiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.aws.Clients;
import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The S3 adapter through the SDK's S3Client against a small S3 look-alike that answers path-style requests. */
class S3ReportStoreTest {
    private HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private volatile int failWith;
    private S3Client s3;
    private S3ReportStore store;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        s3 = Clients.configure(S3Client.builder())
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.CN_NORTHWEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AK", "SK")))
                .forcePathStyle(true)
                .build();
        store = new S3ReportStore(s3, Clients.s3Presigner(), "reports");
    }

    @AfterEach
    void stop() {
        s3.close();
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        exchange.getRequestBody().readAllBytes();
        if (failWith != 0) {
            reply(exchange, failWith, "<Error><Code>SlowDown</Code><Message>slow down</Message></Error>");
        } else if (method.equals("PUT")) {
            objects.put(path, new byte[0]);
            exchange.getResponseHeaders().add("x-amz-version-id", "v1");
            reply(exchange, 200, "");
        } else if (method.equals("GET") && (path.equals("/reports") || path.equals("/reports/"))) {
            StringBuilder xml = new StringBuilder("<ListBucketResult><IsTruncated>false</IsTruncated>");
            objects.keySet().forEach(k -> xml.append("<Contents><Key>").append(k.substring("/reports/".length()))
                    .append("</Key></Contents>"));
            reply(exchange, 200, xml.append("</ListBucketResult>").toString());
        } else if (!objects.containsKey(path)) {
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            } else {
                reply(exchange, 404, "<Error><Code>NoSuchKey</Code><Message>none</Message></Error>");
            }
        } else if (method.equals("HEAD")) {
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.getResponseHeaders().add("Content-Length", "3");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        } else {
            reply(exchange, 200, "a,b");
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Test
    void aWrittenFileIsFoundAndItsVersionReturned() {
        assertEquals(Optional.of("v1"), store.put("daily/2020-02-13/summary.csv", "a,b".getBytes(StandardCharsets.UTF_8),
                "text/csv", Map.of()));
        assertEquals(3, store.head("daily/2020-02-13/summary.csv").orElseThrow().bytes());
        assertEquals("a,b", new String(store.get("daily/2020-02-13/summary.csv").orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void aMissingFileIsEmptyForHeadAndGet() {
        assertTrue(store.head("daily/2020-02-13/summary.json").isEmpty());
        assertTrue(store.get("daily/2020-02-13/summary.json").isEmpty());
    }

    @Test
    void theCompiledDatesAreThoseWithASummaryJson() {
        objects.put("/reports/" + ReportFiles.PREFIX + "2020-02-13/summary.json", new byte[0]);
        objects.put("/reports/" + ReportFiles.PREFIX + "2020-02-12/summary.csv", new byte[0]);
        assertEquals(List.of(LocalDate.of(2020, 2, 13)), store.compiledDates());
    }

    @Test
    void aBucketThatKeepsFailingIsUnavailable() {
        failWith = 503;
        assertThrows(BackendUnavailable.class, () -> store.get("daily/2020-02-13/summary.json"));
    }

    @Test
    void thePresignerUsesTheConfiguredS3EndpointPathStyle() {
        // AWS_ENDPOINT_URL_S3 is http://127.0.0.1:9 in this module's test environment (pom.xml)
        try (S3Presigner presigner = Clients.s3Presigner()) {
            ReportStore.Link link = new S3ReportStore(s3, presigner, "reports")
                    .presignGet("daily/2020-02-13/summary.csv", Optional.of("v1"), Duration.ofMinutes(5));
            assertTrue(link.url().startsWith("http://127.0.0.1:9/reports/daily/2020-02-13/summary.csv?"), link.url());
            assertTrue(link.url().contains("versionId=v1"), link.url());
            assertTrue(link.url().contains("X-Amz-Expires=300"), link.url());
        }
    }
}
