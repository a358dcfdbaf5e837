package cn.lanzhou.epidemic.local.contract.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.aws.Clients;
import cn.lanzhou.epidemic.reportfiles.S3ReportStore;
import cn.lanzhou.epidemic.local.LocalResources;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The functions' S3 adapter on the SDK's S3Client and S3Presigner, configured as {@link Clients}
 * configures them, against S3Proxy, which checks every signature: files whose keys need encoding
 * are written, described, read and downloaded through presigned links, in a bucket of this test's
 * own. The endpoint, credentials and checksum policy are given explicitly here; the functions take
 * them from the environment the local stack sets ({@code AWS_ENDPOINT_URL_S3},
 * {@code AWS_REQUEST_CHECKSUM_CALCULATION=when_required}, ...).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3ReportStoreContractTest {
    private static final String BUCKET = "s3-store-contract";
    private static final List<String> AWKWARD_KEYS = List.of(
            "objects/a plain key.txt",
            "objects/兰州 城关区.csv",
            "objects/plus+tilde~.json",
            "objects/amp&lt<gt>quote'.html",
            "objects/percent%20literal.txt");

    private S3Client s3;
    private S3Presigner presigner;
    private S3ReportStore store;

    @BeforeAll
    void createTheBucket(LocalStack stack) {
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LocalStack.ACCESS_KEY_ID, LocalStack.SECRET_ACCESS_KEY));
        s3 = Clients.configure(S3Client.builder())
                .endpointOverride(stack.s3Endpoint())
                .region(Region.of(LocalStack.REGION))
                .credentialsProvider(credentials)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        presigner = S3Presigner.builder()
                .endpointOverride(stack.s3Endpoint())
                .region(Region.of(LocalStack.REGION))
                .credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
        try (S3Client admin = LocalResources.s3(stack.s3Endpoint())) {
            if (admin.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
                admin.createBucket(b -> b.bucket(BUCKET));
            }
        }
        store = new S3ReportStore(s3, presigner, BUCKET);
        for (String key : AWKWARD_KEYS) {
            store.put(key, key.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8", Map.of("origin", "contract"));
        }
    }

    @AfterAll
    void close() {
        s3.close();
        presigner.close();
    }

    @Test
    void writtenFilesAreDescribedAndReadBack() {
        for (String key : AWKWARD_KEYS) {
            byte[] content = key.getBytes(StandardCharsets.UTF_8);
            var head = store.head(key).orElseThrow();
            assertEquals(content.length, head.bytes(), key);
            assertEquals("contract", head.metadata().get("origin"), key);
            assertArrayEquals(content, store.get(key).orElseThrow(), key);
        }
    }

    @Test
    void aMissingFileIsEmpty() {
        assertTrue(store.head("objects/none.txt").isEmpty());
        assertTrue(store.get("objects/none.txt").isEmpty());
    }

    @Test
    void presignedLinksToAwkwardKeysDownload() {
        for (String key : AWKWARD_KEYS) {
            String url = store.presignGet(key, Optional.empty(), Duration.ofSeconds(900)).url();
            HttpResponse<byte[]> download = ReportDownloads.download(url);
            assertEquals(200, download.statusCode(), key);
            assertArrayEquals(key.getBytes(StandardCharsets.UTF_8), download.body(), key);
        }
    }
}
