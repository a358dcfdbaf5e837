package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

@ExtendWith(LocalStackExtension.class)
class PersistenceAndS3Test {
    private static final Map<String, AttributeValue> KEY = Map.of(
            "pk", AttributeValue.fromS("test#persistence"), "sk", AttributeValue.fromS("1"));

    @Test
    void dataWrittenBeforeARestartIsReadAfterItAndNoDynaliteOutlivesTheStack(@TempDir Path data) throws Exception {
        long pid;
        try (LocalStack first = LocalStack.start(LocalStack.Options.persistent(data))) {
            pid = first.dynamoDbPid();
            try (DynamoDbClient dynamoDb = LocalResources.dynamoDb(first.dynamoDbEndpoint());
                    S3Client s3 = LocalResources.s3(first.s3Endpoint())) {
                dynamoDb.putItem(b -> b.tableName("DataTable").item(Map.of(
                        "pk", KEY.get("pk"), "sk", KEY.get("sk"), "value", AttributeValue.fromS("kept"))));
                s3.putObject(b -> b.bucket("reports-bucket").key("reports/daily/2020-02-13/summary.json"),
                        RequestBody.fromString("{\"date\":\"2020-02-13\"}"));
            }
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "dynalite still runs after close()");

        try (LocalStack second = LocalStack.start(LocalStack.Options.persistent(data));
                DynamoDbClient dynamoDb = LocalResources.dynamoDb(second.dynamoDbEndpoint());
                S3Client s3 = LocalResources.s3(second.s3Endpoint())) {
            assertEquals("kept", dynamoDb.getItem(b -> b.tableName("DataTable").key(KEY)).item().get("value").s());
            assertEquals("{\"date\":\"2020-02-13\"}",
                    s3.getObjectAsBytes(b -> b.bucket("reports-bucket").key("reports/daily/2020-02-13/summary.json")).asUtf8String());
        }
    }

    @Test
    void aPresignedUrlDownloadsTheObjectAndATamperedSignatureIsRefused(LocalStack stack) throws Exception {
        try (S3Client s3 = LocalResources.s3(stack.s3Endpoint());
                S3Presigner presigner = S3Presigner.builder()
                        .endpointOverride(stack.s3Endpoint())
                        .region(software.amazon.awssdk.regions.Region.of(LocalStack.REGION))
                        .credentialsProvider(LocalResources.credentials())
                        .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder().pathStyleAccessEnabled(true).build())
                        .build()) {
            s3.putObject(b -> b.bucket("reports-bucket").key("reports/daily/2020-02-14/report.html"), RequestBody.fromString("<p>报告</p>"));
            URI url = presigner.presignGetObject(b -> b.signatureDuration(Duration.ofSeconds(900))
                    .getObjectRequest(g -> g.bucket("reports-bucket").key("reports/daily/2020-02-14/report.html"))).url().toURI();
            String signature = url.getRawQuery().replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
            URI tampered = URI.create(url.toString().replace(signature, signature.substring(0, 63) + (signature.endsWith("0") ? "1" : "0")));

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> download = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(200, download.statusCode());
            assertEquals("<p>报告</p>", download.body());
            assertEquals(403, refused.statusCode());
            assertTrue(stack.s3Endpoint().getPort() > 0);
        }
    }
}
