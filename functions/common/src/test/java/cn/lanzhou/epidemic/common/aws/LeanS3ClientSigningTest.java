package cn.lanzhou.epidemic.common.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.crypto.Sha256;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.utils.http.SdkHttpUtils;

/**
 * {@link LeanS3Client}'s signatures against the SDK's: a presigned GET equals the URL the SDK's
 * {@code S3Presigner} makes for the same instant, credentials, region, bucket and key, and a PUT
 * with metadata is signed as the SDK's SigV4 signer signs it with S3's settings.
 */
class LeanS3ClientSigningTest {
    /** Spaces, Chinese, '+', '~', '=' and '&' in one key: each must be encoded once, as S3 signs it. */
    private static final String KEY = "reports/daily/2020-02-13/兰州 日报+v1~final=&ok.json";
    private static final Duration FIFTEEN_MINUTES = Duration.ofSeconds(900);
    private static final Pattern AMZ_DATE = Pattern.compile("[?&]X-Amz-Date=(\\d{8}T\\d{6}Z)");
    private static final Instant NOW = Instant.parse("2020-02-13T16:00:00Z");

    private static SigV4.Credentials ours(AwsCredentials credentials) {
        return new SigV4.Credentials(credentials.accessKeyId(), credentials.secretAccessKey(),
                credentials instanceof AwsSessionCredentials session ? session.sessionToken() : null);
    }

    private static LeanS3Client client(Optional<URI> endpoint, String region, AwsCredentials credentials) {
        return new LeanS3Client(endpoint, region, () -> ours(credentials), 3, Duration.ofSeconds(8), Duration.ofSeconds(3));
    }

    /**
     * The SDK's presigner signs at the time it is called (it takes no clock); ours then signs at the
     * instant the SDK put in X-Amz-Date, and the two URLs must be the same but for the order of the
     * query parameters (ours are in canonical order, the signature last; the order means nothing to S3).
     */
    private static void assertPresignedAsTheSdk(Optional<URI> endpoint, String region, AwsCredentials credentials,
            String bucket, String key, Optional<String> versionId) {
        var builder = S3Presigner.builder().region(Region.of(region)).credentialsProvider(StaticCredentialsProvider.create(credentials));
        endpoint.ifPresent(uri -> builder.endpointOverride(uri)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        String expected;
        try (S3Presigner presigner = builder.build()) {
            expected = presigner.presignGetObject(r -> r.signatureDuration(FIFTEEN_MINUTES).getObjectRequest(g -> {
                g.bucket(bucket).key(key);
                versionId.ifPresent(g::versionId);
            })).url().toString();
        }
        Matcher date = AMZ_DATE.matcher(expected);
        assertTrue(date.find(), expected);
        Instant signedAt = LocalDateTime.parse(date.group(1), DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")).toInstant(ZoneOffset.UTC);

        LeanS3Client.PresignedGet presigned = client(endpoint, region, credentials).withClock(Clock.fixed(signedAt, ZoneOffset.UTC))
                .presignGet(bucket, key, versionId, FIFTEEN_MINUTES);
        assertEquals(inCanonicalOrder(expected), presigned.url());
        assertEquals(signedAt.plus(FIFTEEN_MINUTES), presigned.expiresAt());
    }

    /** The URL with its query parameters sorted as SigV4's canonical query sorts them, X-Amz-Signature last. */
    private static String inCanonicalOrder(String url) {
        int q = url.indexOf('?');
        List<String> parameters = new ArrayList<>(List.of(url.substring(q + 1).split("&")));
        String signature = parameters.stream().filter(p -> p.startsWith("X-Amz-Signature=")).findFirst().orElseThrow();
        parameters.remove(signature);
        parameters.sort(null);
        parameters.add(signature);
        return url.substring(0, q + 1) + String.join("&", parameters);
    }

    @Test
    void aPresignedGetIsTheUrlTheSdksPresignerMakes() {
        assertPresignedAsTheSdk(Optional.empty(), "cn-northwest-1", AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                "reports-bucket-1a2b3c", KEY, Optional.empty());
    }

    @Test
    void aPresignedGetWithASessionTokenAndAVersionIsTheUrlTheSdksPresignerMakes() {
        assertPresignedAsTheSdk(Optional.empty(), "cn-northwest-1", AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "token/with+chars=="),
                "reports-bucket-1a2b3c", KEY, Optional.of("3HL4kqtJlcpXroDTDmjVBH40Nrjfkd+/="));
    }

    @Test
    void outsideChinaTheGlobalDomainIsSignedAsTheSdkDoes() {
        // in us-east-1 the SDK uses the legacy global endpoint unless told otherwise; ours is always regional
        System.setProperty("aws.s3UseUsEast1RegionalEndpoint", "regional");
        try {
            assertPresignedAsTheSdk(Optional.empty(), "us-east-1", AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "token"),
                    "reports-bucket-1a2b3c", KEY, Optional.empty());
        } finally {
            System.clearProperty("aws.s3UseUsEast1RegionalEndpoint");
        }
        assertPresignedAsTheSdk(Optional.empty(), "eu-west-1", AwsBasicCredentials.create("AKIDEXAMPLE", "secret"),
                "reports-bucket-1a2b3c", KEY, Optional.of("v 2"));
    }

    @Test
    void aBucketNameWithDotsIsAddressedPathStyleAsTheSdkDoes() {
        assertPresignedAsTheSdk(Optional.empty(), "cn-north-1", AwsBasicCredentials.create("AKIDEXAMPLE", "secret"),
                "reports.lanzhou.example", KEY, Optional.empty());
    }

    @Test
    void withAnEndpointOverrideTheLinkIsPathStyleAsTheSdksIs() {
        assertPresignedAsTheSdk(Optional.of(URI.create("http://127.0.0.1:4566")), "us-east-1",
                AwsBasicCredentials.create("local", "local-secret"), "reports-bucket", KEY, Optional.of("v1"));
    }

    @Test
    void aLinkLivesAtMostSevenDays() {
        LeanS3Client client = client(Optional.empty(), "cn-northwest-1", AwsBasicCredentials.create("AK", "SK"));
        assertThrows(IllegalArgumentException.class, () -> client.presignGet("b-b-b", KEY, Optional.empty(), Duration.ofDays(7).plusSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> client.presignGet("b-b-b", KEY, Optional.empty(), Duration.ZERO));
        assertTrue(client.presignGet("b-b-b", KEY, Optional.empty(), Duration.ofDays(7)).url().contains("X-Amz-Expires=604800&"));
    }

    private static String sdkPutAuthorization(AwsCredentialsIdentity identity, URI uri, Map<String, String> headers, byte[] body) {
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(uri);
        headers.forEach(request::putHeader);
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(request.build())
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "cn-northwest-1")
                // S3's settings: the path is signed as sent (encoded once, not normalised), the payload's hash in a header
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
        assertEquals(Sha256.hex(Sha256.hash(body)), signed.request().firstMatchingHeader("x-amz-content-sha256").orElseThrow());
        return signed.request().firstMatchingHeader("Authorization").orElseThrow();
    }

    private static void assertPutSignedAsTheSdk(AwsCredentials credentials, AwsCredentialsIdentity identity) {
        byte[] body = "{\"date\":\"2020-02-13\",\"城关区\":1}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("generated-at", "2020-02-14T00:10:00.123+08:00");
        metadata.put("summary-csv-bytes", "  1024  ");
        metadata.put("summary-csv-version", "3HL4kqtJlcpXroDTDmjVBH40Nrjfkd+/=");
        LeanS3Client client = client(Optional.empty(), "cn-northwest-1", credentials);
        LeanS3Client.Request put = client.putRequest("reports-bucket-1a2b3c", KEY, body, "application/json; charset=UTF-8", "no-store", metadata);

        assertEquals("https://reports-bucket-1a2b3c.s3.cn-northwest-1.amazonaws.com.cn/" + SdkHttpUtils.urlEncodeIgnoreSlashes(KEY),
                put.uri().toString(), "the key is encoded as the SDK's S3 marshaller encodes it");
        Map<String, String> sent = client.signedHeaders(put, NOW);
        assertEquals("no-store", sent.get("cache-control"));
        assertEquals("2020-02-14T00:10:00.123+08:00", sent.get("x-amz-meta-generated-at"));
        Map<String, String> sdkHeaders = new LinkedHashMap<>();
        sdkHeaders.put("Content-Type", "application/json; charset=UTF-8");
        sdkHeaders.put("Cache-Control", "no-store");
        metadata.forEach((name, value) -> sdkHeaders.put("x-amz-meta-" + name, value));
        assertEquals(sdkPutAuthorization(identity, put.uri(), sdkHeaders, body), sent.get("Authorization"));
    }

    @Test
    void aPutWithMetadataIsSignedAsTheSdksSignerSignsIt() {
        assertPutSignedAsTheSdk(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                AwsCredentialsIdentity.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    }

    @Test
    void aPutWithASessionTokenIsSignedAsTheSdksSignerSignsIt() {
        assertPutSignedAsTheSdk(AwsSessionCredentials.create("ASIAEXAMPLE", "secret", "token/with+chars=="),
                AwsSessionCredentialsIdentity.create("ASIAEXAMPLE", "secret", "token/with+chars=="));
    }
}
