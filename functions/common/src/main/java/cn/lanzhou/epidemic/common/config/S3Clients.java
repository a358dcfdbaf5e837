package cn.lanzhou.epidemic.common.config;

import java.net.URI;
import java.util.Optional;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * S3 clients from the environment. {@code S3_ENDPOINT} points them at the local S3-compatible
 * server with path-style addressing; only then are request checksums limited to the operations
 * that require them, because S3Proxy refuses the SDK's default trailing checksums. Against AWS the
 * SDK's defaults stay.
 */
final class S3Clients {
    private S3Clients() {
    }

    static Optional<URI> endpoint() {
        return Env.optional("S3_ENDPOINT").map(URI::create);
    }

    static S3Client client() {
        var builder = S3Client.builder()
                .region(Region.of(Clients.region()))
                .credentialsProvider(credentials())
                .httpClientBuilder(http())
                .overrideConfiguration(overrides());
        endpoint().ifPresent(uri -> builder.endpointOverride(uri)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    static S3Presigner presigner() {
        var builder = S3Presigner.builder()
                .region(Region.of(Clients.region()))
                .credentialsProvider(credentials());
        endpoint().ifPresent(uri -> builder.endpointOverride(uri)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }

    /** Lambda's credentials from the environment; the local stack's fixed ones from system properties. */
    private static AwsCredentialsProvider credentials() {
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("AWS_ACCESS_KEY_ID") != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    Env.required("AWS_ACCESS_KEY_ID"), Env.required("AWS_SECRET_ACCESS_KEY")));
        }
        return EnvironmentVariableCredentialsProvider.create();
    }

    private static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(Clients.CALL_TIMEOUT)
                .apiCallAttemptTimeout(Clients.ATTEMPT_TIMEOUT)
                .retryStrategy(RetryMode.STANDARD)
                .build();
    }

    private static UrlConnectionHttpClient.Builder http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(3));
    }
}
