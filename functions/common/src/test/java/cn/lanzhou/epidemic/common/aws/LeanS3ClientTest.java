package cn.lanzhou.epidemic.common.aws;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.crypto.Sha256;
import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import cn.lanzhou.epidemic.common.store.RequestBudget;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The requests {@link LeanS3Client} sends and how it takes S3's answers, against a scripted HTTP server. */
class LeanS3ClientTest {
    private record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
        static Reply ok(String body) {
            return new Reply(200, Map.of(), body, 0);
        }

        static Reply error(int status, String code) {
            return new Reply(status, Map.of("Content-Type", "application/xml"),
                    code.isEmpty() ? "" : "<Error><Code>" + code + "</Code><Message>m</Message></Error>", 0);
        }
    }

    private record Seen(String method, String rawPath, String rawQuery, Map<String, String> headers, byte[] body) {
    }

    private HttpServer server;
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final List<Seen> seen = new ArrayList<>();
    private LeanS3Client client;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            synchronized (seen) {
                seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(), headers, exchange.getRequestBody().readAllBytes()));
            }
            Reply reply;
            synchronized (replies) {
                reply = replies.isEmpty() ? Reply.ok("") : replies.poll();
            }
            if (reply.delayMillis() > 0) {
                try {
                    Thread.sleep(reply.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(reply.status(), head || bytes.length == 0 ? -1 : bytes.length);
            if (!head && bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        client = new LeanS3Client(Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort())), "cn-northwest-1",
                () -> new SigV4.Credentials("AK", "SK", "session"), 3, Duration.ofSeconds(5), Duration.ofMillis(500));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void reply(Reply... next) {
        synchronized (replies) {
            replies.addAll(List.of(next));
        }
    }

    @Test
    void aPutSendsTheContentTypeCacheControlAndMetadataSignedAndReturnsTheVersion() {
        reply(new Reply(200, Map.of("x-amz-version-id", "v-123"), "", 0));
        byte[] content = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        Optional<String> version = client.putObject("reports", "reports/daily/2020-02-13/summary 1.json", content,
                "application/json; charset=UTF-8", "no-store", Map.of("generated-at", "2020-02-14T00:10:00+08:00"));

        assertEquals(Optional.of("v-123"), version);
        Seen put = seen.get(0);
        assertEquals("PUT", put.method());
        assertEquals("/reports/reports/daily/2020-02-13/summary%201.json", put.rawPath());
        assertArrayEquals(content, put.body());
        assertEquals("application/json; charset=UTF-8", put.headers().get("Content-Type"));
        assertEquals("no-store", put.headers().get("Cache-Control"));
        assertEquals("2020-02-14T00:10:00+08:00", put.headers().get("x-amz-meta-generated-at"));
        assertEquals(Sha256.hex(Sha256.hash(content)), put.headers().get("x-amz-content-sha256"));
        assertEquals("session", put.headers().get("X-Amz-Security-Token"));
        String authorization = put.headers().get("Authorization");
        assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AK/"), authorization);
        assertTrue(authorization.contains("/cn-northwest-1/s3/aws4_request, SignedHeaders=cache-control;content-type;host;"
                + "x-amz-content-sha256;x-amz-date;x-amz-meta-generated-at;x-amz-security-token, Signature="), authorization);
    }

    @Test
    void aPutWithoutAVersionHeaderHasNoVersion() {
        assertEquals(Optional.empty(), client.putObject("reports", "k", new byte[0], "text/csv", "no-store", Map.of()));
    }

    @Test
    void metadataThatS3WouldNotKeepAsSentIsRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class,
                () -> client.putObject("reports", "k", new byte[0], "text/csv", "no-store", Map.of("Generated-At", "x")));
        assertThrows(IllegalArgumentException.class,
                () -> client.putObject("reports", "k", new byte[0], "text/csv", "no-store", Map.of("district", "城关区")));
        assertTrue(seen.isEmpty());
    }

    @Test
    void aHeadReturnsSizeTypeAndMetadataAnd404IsEmpty() {
        reply(new Reply(200, Map.of("Content-Type", "text/csv; charset=UTF-8", "Content-Length", "2048",
                "X-Amz-Meta-Summary-Csv-Bytes", "2048", "x-amz-meta-generated-at", "t"), "", 0), Reply.error(404, ""));
        LeanS3Client.ObjectHead head = client.headObject("reports", "reports/daily/2020-02-13/summary.json").orElseThrow();
        assertEquals(2048, head.contentLength());
        assertEquals("text/csv; charset=UTF-8", head.contentType());
        assertEquals(Map.of("summary-csv-bytes", "2048", "generated-at", "t"), head.metadata());
        assertEquals("HEAD", seen.get(0).method());
        assertEquals(Sha256.hex(Sha256.hash(new byte[0])), seen.get(0).headers().get("x-amz-content-sha256"));

        assertEquals(Optional.empty(), client.headObject("reports", "reports/daily/2020-02-14/summary.json"));
    }

    @Test
    void aGetReturnsTheBytesAndNoSuchKeyIsEmptyButNoSuchBucketIsAnError() {
        reply(Reply.ok("城关区,1"), Reply.error(404, "NoSuchKey"), Reply.error(404, "NoSuchBucket"));
        assertEquals("城关区,1", new String(client.getObject("reports", "a.csv").orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(Optional.empty(), client.getObject("reports", "missing.csv"));
        S3RequestRejected noBucket = assertThrows(S3RequestRejected.class, () -> client.getObject("nobucket", "a.csv"));
        assertEquals(404, noBucket.status());
        assertEquals("NoSuchBucket", noBucket.code());
    }

    @Test
    void aListingFollowsTheContinuationTokenPageByPage() {
        reply(Reply.ok("<ListBucketResult><IsTruncated>true</IsTruncated><Contents><Key>reports/daily/a b</Key></Contents>"
                        + "<NextContinuationToken>tok+/=</NextContinuationToken></ListBucketResult>"),
                Reply.ok("<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>reports/daily/c&amp;d</Key></Contents>"
                        + "</ListBucketResult>"));
        assertEquals(List.of("reports/daily/a b", "reports/daily/c&d"), client.withListPageSize(1).listKeys("reports", "reports/daily/"));
        assertEquals("/reports", seen.get(0).rawPath());
        assertEquals("list-type=2&max-keys=1&prefix=reports%2Fdaily%2F", seen.get(0).rawQuery());
        assertEquals("continuation-token=tok%2B%2F%3D&list-type=2&max-keys=1&prefix=reports%2Fdaily%2F", seen.get(1).rawQuery());
    }

    @Test
    void throttlingAndServerErrorsAreRetriedUntilS3Answers() {
        reply(Reply.error(503, "SlowDown"), Reply.error(500, "InternalError"), Reply.ok("x"));
        assertEquals("x", new String(client.getObject("reports", "k").orElseThrow(), StandardCharsets.UTF_8));
        assertEquals(3, seen.size());
    }

    @Test
    void whenEveryAttemptFailsTheBackendIsUnavailable() {
        reply(Reply.error(503, "SlowDown"), Reply.error(503, "SlowDown"), Reply.error(503, "SlowDown"), Reply.ok("too late"));
        BackendUnavailable e = assertThrows(BackendUnavailable.class, () -> client.headObject("reports", "k"));
        assertEquals(3, seen.size());
        assertInstanceOf(S3RequestRejected.class, e.getCause());
        assertEquals(503, ((S3RequestRejected) e.getCause()).status());
    }

    @Test
    void aRefusalIsNotRetriedAndCarriesStatusAndCodeButNotTheKey() {
        reply(Reply.error(403, "AccessDenied"));
        S3RequestRejected e = assertThrows(S3RequestRejected.class,
                () -> client.putObject("reports", "reports/daily/secret-name.json", new byte[0], "text/csv", "no-store", Map.of()));
        assertEquals(1, seen.size());
        assertEquals(403, e.status());
        assertEquals("AccessDenied", e.code());
        assertTrue(!e.getMessage().contains("secret-name"), e.getMessage());
    }

    @Test
    void aSilentServerTimesOutEachAttemptAndTheCallEndsWithinTheRequestsBudget() {
        reply(new Reply(200, Map.of(), "", 3_000), new Reply(200, Map.of(), "", 3_000), new Reply(200, Map.of(), "", 3_000));
        long start = System.nanoTime();
        BackendUnavailable e = assertThrows(BackendUnavailable.class,
                () -> RequestBudget.within(Duration.ofMillis(800), () -> client.getObject("reports", "k")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(SocketTimeoutException.class, e.getCause());
        assertTrue(millis < 1_500, "took " + millis + " ms");
    }
}
