package cn.lanzhou.epidemic.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import cn.lanzhou.epidemic.common.aws.SigV4;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class LambdaSummaryTriggerTest {
    private static final String ALIAS_ARN = "arn:aws-cn:lambda:cn-northwest-1:123456789012:function:SummaryFunction:live";
    private static final Instant NOW = Instant.parse("2020-02-13T16:10:00Z");

    @Test
    void theInvokeIsSignedAsTheSdksSignerSignsItWithThePathEncodedTwice() throws Exception {
        byte[] body = "{\"date\":\"2020-02-13\"}".getBytes(StandardCharsets.UTF_8);
        String once = LambdaSummaryTrigger.encode(ALIAS_ARN);
        URI uri = URI.create("https://lambda.cn-northwest-1.amazonaws.com.cn/2015-03-31/functions/" + once + "/invocations");
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsSessionCredentialsIdentity.create("AKID", "secret", "token"))
                .request(SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(uri)
                        .putHeader("Content-Type", "application/json")
                        .putHeader("X-Amz-Invocation-Type", "Event").build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "cn-northwest-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
        // the SDK's signer also signs x-amz-content-sha256; sign it here too, to compare like with like
        String ours = SigV4.sign("lambda", "cn-northwest-1", new SigV4.Credentials("AKID", "secret", "token"), NOW,
                "/2015-03-31/functions/" + LambdaSummaryTrigger.encode(once) + "/invocations",
                Map.of("host", "lambda.cn-northwest-1.amazonaws.com.cn", "content-type", "application/json",
                        "x-amz-invocation-type", "Event",
                        "x-amz-content-sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body))),
                body).get("Authorization");
        assertEquals(signed.request().firstMatchingHeader("Authorization").orElseThrow(), ours);
    }

    @Test
    void anAsynchronousInvocationCarriesTheDate() throws Exception {
        List<String> seen = new ArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI().getRawPath());
            seen.add(exchange.getRequestHeaders().getFirst("X-Amz-Invocation-Type"));
            seen.add(Json.parse(exchange.getRequestBody().readAllBytes()).get("date").asText());
            exchange.sendResponseHeaders(seen.get(2).equals("2020-02-14") ? 503 : 202, -1);
            exchange.close();
        });
        server.start();
        try {
            var trigger = new LambdaSummaryTrigger(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                    "us-east-1", () -> new SigV4.Credentials("a", "b", null), "SummaryFunction");
            trigger.compile(LocalDate.parse("2020-02-13"));
            assertEquals(List.of("/2015-03-31/functions/SummaryFunction/invocations", "Event", "2020-02-13"), seen);
            seen.clear();
            assertThrows(BackendUnavailable.class, () -> trigger.compile(LocalDate.parse("2020-02-14")));
        } finally {
            server.stop(0);
        }
    }
}
