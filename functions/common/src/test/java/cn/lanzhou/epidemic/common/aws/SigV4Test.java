package cn.lanzhou.epidemic.common.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.lanzhou.epidemic.common.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;

class SigV4Test {
    private static final Instant NOW = Instant.parse("2020-02-13T16:00:00Z");
    private static final byte[] BODY = "{\"TableName\":\"DataTable\",\"Key\":{\"pk\":{\"S\":\"兰州\"}}}".getBytes(StandardCharsets.UTF_8);

    private static String sdkAuthorization(AwsCredentialsIdentity identity) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(java.net.URI.create("https://dynamodb.cn-northwest-1.amazonaws.com.cn/"))
                .putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("X-Amz-Target", "DynamoDB_20120810.GetItem")
                .build();
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(BODY))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "dynamodb")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "cn-northwest-1")
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(NOW, ZoneOffset.UTC)));
        return signed.request().firstMatchingHeader("Authorization").orElseThrow();
    }

    /** The SDK's signer adds and signs x-amz-content-sha256; so does this side, to compare like with like. */
    private static String ourAuthorization(SigV4.Credentials credentials) {
        return SigV4.sign("dynamodb", "cn-northwest-1", credentials, NOW, "/", Map.of(
                "host", "dynamodb.cn-northwest-1.amazonaws.com.cn",
                "content-type", "application/x-amz-json-1.0",
                "x-amz-content-sha256", Sha256.hex(Sha256.hash(BODY)),
                "x-amz-target", "DynamoDB_20120810.GetItem"), BODY).get("Authorization");
    }

    @Test
    void theSignatureEqualsTheSdkSigners() {
        assertEquals(
                sdkAuthorization(AwsCredentialsIdentity.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
                ourAuthorization(new SigV4.Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null)));
    }

    @Test
    void aSessionTokenIsSignedAsTheSdkSignsIt() {
        assertEquals(
                sdkAuthorization(AwsSessionCredentialsIdentity.create("AKIDEXAMPLE", "secret", "token/with+chars")),
                ourAuthorization(new SigV4.Credentials("AKIDEXAMPLE", "secret", "token/with+chars")));
    }

    @Test
    void theDateIsWrittenInUtcAsXAmzDateWantsIt() {
        var pattern = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        for (String instant : List.of("2020-02-13T16:10:00Z", "2026-12-31T23:59:59.999Z", "2021-01-01T00:00:00Z",
                "2020-02-29T08:05:09Z")) {
            Instant at = Instant.parse(instant);
            assertEquals(pattern.format(at), SigV4.amzDate(at));
        }
    }

    @Test
    void headerValuesAreTrimmedAndTheirInnerWhiteSpaceFolded() {
        assertEquals("a b c", SigV4.trimAll("  a   b\t\tc \n"));
        assertEquals("", SigV4.trimAll("   "));
        assertEquals("application/x-amz-json-1.0", SigV4.trimAll("application/x-amz-json-1.0"));
        assertEquals("a\u3000b", SigV4.trimAll("a\u3000b"), "only ASCII white space is folded, as AWS does");
    }
}
