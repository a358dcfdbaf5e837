package cn.lanzhou.epidemic.common.config;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
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
                .region(Clients.region())
                .credentialsProvider(Clients.credentials())
                .httpClientBuilder(Clients.http())
                .overrideConfiguration(Clients.overrides());
        endpoint().ifPresent(uri -> builder.endpointOverride(uri)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED));
        return builder.build();
    }

    static S3Presigner presigner() {
        var builder = S3Presigner.builder()
                .region(Clients.region())
                .credentialsProvider(Clients.credentials());
        endpoint().ifPresent(uri -> builder.endpointOverride(uri)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()));
        return builder.build();
    }
}
