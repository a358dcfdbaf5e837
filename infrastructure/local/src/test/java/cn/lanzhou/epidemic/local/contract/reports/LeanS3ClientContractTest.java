package cn.lanzhou.epidemic.local.contract.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.aws.LeanS3Client;
import cn.lanzhou.epidemic.common.aws.S3RequestRejected;
import cn.lanzhou.epidemic.common.aws.SigV4;
import cn.lanzhou.epidemic.common.report.ReportFiles;
import cn.lanzhou.epidemic.common.report.ReportStore;
import cn.lanzhou.epidemic.common.report.S3ReportStore;
import cn.lanzhou.epidemic.local.LocalResources;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The functions' S3 client against S3Proxy, which checks every signature: objects whose keys need
 * encoding (space, Chinese, {@code + ~ & < '}) are written, described, read, listed over several
 * pages and downloaded through presigned links, in a bucket of this test's own (so the report
 * bucket the other contract tests read stays as they left it).
 */
@ExtendWith(LocalStackExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeanS3ClientContractTest {
    private static final String BUCKET = "lean-s3-contract";
    private static final List<String> AWKWARD_KEYS = List.of(
            "objects/a plain key.txt",
            "objects/兰州 城关区.csv",
            "objects/plus+tilde~.json",
            "objects/amp&lt<gt>quote'.html",
            "objects/percent%20literal.txt",
            "objects/deep/er/path/x.txt",
            "objects/z-last.txt");

    private LeanS3Client s3;
    private S3Client sdk;

    @BeforeAll
    void createTheBucket(LocalStack stack) {
        s3 = new LeanS3Client(Optional.of(stack.s3Endpoint()), LocalStack.REGION,
                () -> new SigV4.Credentials(LocalStack.ACCESS_KEY_ID, LocalStack.SECRET_ACCESS_KEY, null),
                3, Duration.ofSeconds(8), Duration.ofSeconds(3));
        sdk = LocalResources.s3(stack.s3Endpoint());
        if (sdk.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(BUCKET))) {
            sdk.createBucket(b -> b.bucket(BUCKET));
        }
        for (String key : AWKWARD_KEYS) {
            s3.putObject(BUCKET, key, key.getBytes(StandardCharsets.UTF_8), "text/plain; charset=UTF-8", "no-store",
                    Map.of("origin", "lean-s3-contract"));
        }
    }

    @AfterAll
    void closeTheSdkClient() {
        sdk.close();
    }

    @Test
    void aListingOfSeveralPagesReturnsEveryKeyOnceInS3sOrder() {
        // S3Proxy really pages at this size: a page of 2 is truncated
        assertTrue(sdk.listObjectsV2(r -> r.bucket(BUCKET).prefix("objects/").maxKeys(2)).isTruncated());
        List<String> expected = new ArrayList<>();
        for (S3Object object : sdk.listObjectsV2Paginator(r -> r.bucket(BUCKET).prefix("objects/")).contents()) {
            expected.add(object.key());
        }
        List<String> sorted = new ArrayList<>(AWKWARD_KEYS);
        sorted.sort(null);
        assertEquals(sorted, expected.stream().sorted().toList(), "the SDK reads back what was written");

        assertEquals(expected, s3.withListPageSize(2).listKeys(BUCKET, "objects/"), "four pages of two");
        assertEquals(expected, s3.withListPageSize(3).listKeys(BUCKET, "objects/"), "three pages, the last one short");
        assertEquals(expected, s3.listKeys(BUCKET, "objects/"), "one page");
        assertEquals(List.of("objects/deep/er/path/x.txt"), s3.withListPageSize(1).listKeys(BUCKET, "objects/deep/"));
        assertEquals(List.of(), s3.withListPageSize(2).listKeys(BUCKET, "nothing-here/"));
    }

    @Test
    void objectsWithKeysThatNeedEncodingAreWrittenDescribedAndReadBack() {
        for (String key : AWKWARD_KEYS) {
            byte[] content = key.getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(content, s3.getObject(BUCKET, key).orElseThrow(), key);
            assertArrayEquals(content, sdk.getObjectAsBytes(r -> r.bucket(BUCKET).key(key)).asByteArray(), key);
            LeanS3Client.ObjectHead head = s3.headObject(BUCKET, key).orElseThrow();
            assertEquals(content.length, head.contentLength(), key);
            // S3Proxy's Jetty answers its own spelling of the type; the SDK reads the same
            assertEquals(sdk.headObject(r -> r.bucket(BUCKET).key(key)).contentType(), head.contentType(), key);
            assertTrue(head.contentType().startsWith("text/plain"), key);
            assertEquals("lean-s3-contract", head.metadata().get("origin"), key);
        }
        assertEquals(Optional.empty(), s3.getObject(BUCKET, "objects/missing.txt"));
        assertEquals(Optional.empty(), s3.headObject(BUCKET, "objects/missing.txt"));
    }

    @Test
    void presignedLinksToAwkwardKeysDownloadAndATamperedOneIsRefused() {
        for (String key : AWKWARD_KEYS) {
            String url = s3.presignGet(BUCKET, key, Optional.empty(), Duration.ofSeconds(900)).url();
            HttpResponse<byte[]> download = ReportDownloads.download(url);
            assertEquals(200, download.statusCode(), key);
            assertArrayEquals(key.getBytes(StandardCharsets.UTF_8), download.body(), key);
            String tampered = url.replace("X-Amz-Expires=900", "X-Amz-Expires=901");
            assertEquals(403, ReportDownloads.download(tampered).statusCode(), key);
        }
    }

    @Test
    void theReportStoreListsCompiledDaysAcrossPagesAndSkipsAnUnfinishedOne() {
        ReportStore store = new S3ReportStore(s3.withListPageSize(2), BUCKET);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            LocalDate day = LocalDate.parse("2020-02-0" + i);
            days.add(day);
            store.put(ReportFiles.key(day, ReportFiles.CSV), new byte[] {'x'}, ReportFiles.CSV.contentType(), Map.of());
            store.put(ReportFiles.key(day, ReportFiles.JSON), new byte[] {'{', '}'}, ReportFiles.JSON.contentType(),
                    Map.of(ReportFiles.META_GENERATED_AT, day + "T00:10:00+08:00"));
        }
        LocalDate unfinished = LocalDate.parse("2020-02-06");
        store.put(ReportFiles.key(unfinished, ReportFiles.CSV), new byte[] {'x'}, ReportFiles.CSV.contentType(), Map.of());

        assertEquals(days, store.compiledDates());
        ReportStore.StoredFile summary = store.head(ReportFiles.key(days.get(0), ReportFiles.JSON)).orElseThrow();
        assertEquals(2, summary.bytes());
        assertEquals("2020-02-01T00:10:00+08:00", summary.metadata().get(ReportFiles.META_GENERATED_AT));
        assertFalse(store.get(ReportFiles.key(unfinished, ReportFiles.JSON)).isPresent());
    }

    @Test
    void aMissingBucketIsARefusalNotAnEmptyListing() {
        S3RequestRejected e = assertThrows(S3RequestRejected.class, () -> s3.listKeys("no-such-bucket-here", "objects/"));
        assertEquals(404, e.status());
        assertEquals("NoSuchBucket", e.code());
    }
}
