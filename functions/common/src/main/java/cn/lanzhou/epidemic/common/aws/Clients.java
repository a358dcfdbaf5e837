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

/** The AWS SDK clients, once per container; the timeouts make a request give up (503) inside API Gateway's limit. */
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

    /** Path-style addressing for a custom endpoint: S3Proxy and the other S3 look-alikes of a local stack answer only that. */
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
