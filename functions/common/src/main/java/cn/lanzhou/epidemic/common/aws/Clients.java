package cn.lanzhou.epidemic.common.aws;

import cn.lanzhou.epidemic.common.config.Env;
import java.time.Duration;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the AWS SDK clients, once per container (a handler's no-arg constructor). The SDK resolves
 * the region ({@code AWS_REGION}), the credentials (its default chain: Lambda's role, or the local
 * stack's container credentials endpoint), the endpoints ({@code AWS_ENDPOINT_URL_DYNAMODB},
 * {@code AWS_ENDPOINT_URL_S3}...) and the checksum policy ({@code AWS_REQUEST_CHECKSUM_CALCULATION})
 * from the environment; nothing of that is read or cached here. Each client gets the JDK's
 * HttpURLConnection as its HTTP client, the standard retry mode and timeouts that make a request
 * give up well inside API Gateway's 30 seconds and answer 503.
 */
public final class Clients {
    /** Total time one backend call may take, retries included. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);
    /** One HTTP client for every SDK client of the container; the SDK does not close a client it was given. */
    private static final SdkHttpClient HTTP = UrlConnectionHttpClient.builder().socketTimeout(ATTEMPT_TIMEOUT).build();

    private Clients() {
    }

    /** The region, retry, timeout and HTTP settings every client of a function shares; for tests too. */
    public static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> B configure(B builder) {
        return builder
                .httpClient(HTTP)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryMode.STANDARD)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .addExecutionInterceptor(new BudgetInterceptor(CALL_TIMEOUT))
                        .build());
    }

    public static DynamoDbClient dynamoDb() {
        return configure(DynamoDbClient.builder()).build();
    }

    /**
     * The reports bucket's client. S3Proxy and other S3 look-alikes of a local stack answer only path-style
     * addresses ({@code http://host:port/bucket/key}), AWS's regional endpoint virtual-hosted ones.
     */
    public static S3Client s3() {
        return configure(S3Client.builder()).forcePathStyle(customS3Endpoint()).build();
    }

    /** Links for downloads; the presigner resolves {@code AWS_ENDPOINT_URL_S3} as the client does. */
    public static S3Presigner s3Presigner() {
        return S3Presigner.builder()
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(customS3Endpoint()).build())
                .build();
    }

    private static boolean customS3Endpoint() {
        return Env.optional("AWS_ENDPOINT_URL_S3").or(() -> Env.optional("AWS_ENDPOINT_URL")).isPresent();
    }
}
