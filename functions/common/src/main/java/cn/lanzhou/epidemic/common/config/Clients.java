package cn.lanzhou.epidemic.common.config;

import cn.lanzhou.epidemic.common.aws.Endpoints;
import cn.lanzhou.epidemic.common.aws.LeanS3Client;
import cn.lanzhou.epidemic.common.aws.SigV4;
import cn.lanzhou.epidemic.common.aws.dynamodb.DynamoDb;
import cn.lanzhou.epidemic.common.aws.dynamodb.LeanDynamoDbClient;
import java.net.URI;
import java.time.Duration;

/**
 * Builds the AWS clients once per container, from the environment: our own DynamoDB and S3 clients
 * over {@link java.net.HttpURLConnection} with our SigV4 signer (no AWS SDK in a function's jar).
 * Timeouts and retries are set so that a request gives up well inside API Gateway's 30-second limit
 * and answers 503. {@code DYNAMODB_ENDPOINT} / {@code S3_ENDPOINT} point the clients at the local stack.
 */
public final class Clients {
    /** Total time one backend call may take, retries included. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(8);
    public static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(3);

    private Clients() {
    }

    /** The region the function runs in ({@code AWS_REGION}, which Lambda sets). */
    public static String region() {
        return Env.get("AWS_REGION", "cn-northwest-1");
    }

    /** The DynamoDB client of a function, over the regional endpoint or {@code DYNAMODB_ENDPOINT}. */
    public static DynamoDb dynamoDb() {
        URI endpoint = Env.optional("DYNAMODB_ENDPOINT").map(URI::create)
                .orElseGet(() -> Endpoints.regional("dynamodb", region()));
        return new LeanDynamoDbClient(endpoint, region(), Clients::signingCredentials,
                3, CALL_TIMEOUT, ATTEMPT_TIMEOUT);
    }

    /**
     * The S3 client of the report functions. {@code S3_ENDPOINT} points it, path style, at the local
     * S3Proxy; otherwise it addresses the regional endpoint, virtual-hosted style.
     */
    public static LeanS3Client s3() {
        return new LeanS3Client(Env.optional("S3_ENDPOINT").map(URI::create), region(), Clients::signingCredentials,
                3, CALL_TIMEOUT, ATTEMPT_TIMEOUT);
    }

    /**
     * Lambda puts the role's credentials in the environment; the local stack hands fixed ones over as
     * system properties ({@link Env} reads both). Read at every call, not cached: after a SnapStart
     * restore the environment's credentials are the current ones.
     */
    public static SigV4.Credentials signingCredentials() {
        return new SigV4.Credentials(Env.required("AWS_ACCESS_KEY_ID"), Env.required("AWS_SECRET_ACCESS_KEY"),
                Env.optional("AWS_SESSION_TOKEN").orElse(null));
    }
}
