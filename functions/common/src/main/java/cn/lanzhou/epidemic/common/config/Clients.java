package cn.lanzhou.epidemic.common.config;

import cn.lanzhou.epidemic.common.aws.LeanDynamoDbClient;
import cn.lanzhou.epidemic.common.aws.LeanS3Client;
import cn.lanzhou.epidemic.common.aws.SigV4;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Builds the AWS clients once per container, from the environment. Timeouts and retries are set
 * so that a request gives up well inside API Gateway's 30-second limit and answers 503.
 * {@code DYNAMODB_ENDPOINT} / {@code S3_ENDPOINT} point the clients at the local stack.
 */
public final class Clients {
    /** Total time one backend call may take, retries included (the lean clients and the SDK's alike). */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

    private Clients() {
    }

    /** The region's name ({@code AWS_REGION}), for the clients of our own, which need no SDK region classes. */
    public static String regionName() {
        return Env.get("AWS_REGION", "cn-northwest-1");
    }

    /** The region for an SDK client builder. */
    public static Region region() {
        return Region.of(regionName());
    }

    /**
     * Lambda puts the role's credentials in the environment; the local stack hands fixed ones over as
     * system properties. Naming the provider spares the default chain's class loading at cold start.
     */
    public static AwsCredentialsProvider credentials() {
        if (System.getenv("AWS_ACCESS_KEY_ID") == null && System.getProperty("AWS_ACCESS_KEY_ID") != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    Env.required("AWS_ACCESS_KEY_ID"), Env.required("AWS_SECRET_ACCESS_KEY")));
        }
        return EnvironmentVariableCredentialsProvider.create();
    }

    public static ClientOverrideConfiguration overrides() {
        return ClientOverrideConfiguration.builder()
                .apiCallTimeout(CALL_TIMEOUT)
                .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                .retryStrategy(RetryMode.STANDARD)
                .build();
    }

    public static UrlConnectionHttpClient.Builder http() {
        return UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(2))
                .socketTimeout(Duration.ofSeconds(3));
    }

    /**
     * The DynamoDB client of a function: {@link LeanDynamoDbClient} (the SDK's interface and model,
     * without the SDK's client runtime, for a short cold start), or the SDK's own client when
     * {@code DYNAMODB_CLIENT=sdk} (to compare, or should a feature need it).
     */
    public static DynamoDbClient dynamoDb() {
        if (Env.get("DYNAMODB_CLIENT", "lean").equals("sdk")) {
            return sdkDynamoDb();
        }
        URI endpoint = Env.optional("DYNAMODB_ENDPOINT").map(URI::create)
                .orElseGet(() -> LeanDynamoDbClient.regionalEndpoint(regionName()));
        return new LeanDynamoDbClient(endpoint, regionName(), Clients::signingCredentials,
                3, CALL_TIMEOUT, ATTEMPT_TIMEOUT);
    }

    /** Read at every call, not cached: after a SnapStart restore the environment's credentials are the current ones. */
    public static SigV4.Credentials signingCredentials() {
        return new SigV4.Credentials(Env.required("AWS_ACCESS_KEY_ID"), Env.required("AWS_SECRET_ACCESS_KEY"),
                Env.optional("AWS_SESSION_TOKEN").orElse(null));
    }

    public static DynamoDbClient sdkDynamoDb() {
        var builder = DynamoDbClient.builder()
                .region(region())
                .credentialsProvider(credentials())
                .httpClientBuilder(http())
                .overrideConfiguration(overrides());
        Env.optional("DYNAMODB_ENDPOINT").map(URI::create).ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /**
     * The S3 client of the report functions: {@link LeanS3Client} (our SigV4 over
     * {@link java.net.HttpURLConnection}, no SDK classes). {@code S3_ENDPOINT} points it, path
     * style, at the local S3Proxy.
     */
    public static LeanS3Client s3() {
        return new LeanS3Client(Env.optional("S3_ENDPOINT").map(URI::create), regionName(), Clients::signingCredentials,
                3, CALL_TIMEOUT, ATTEMPT_TIMEOUT);
    }
}
