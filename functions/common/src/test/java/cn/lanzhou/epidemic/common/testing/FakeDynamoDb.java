package cn.lanzhou.epidemic.common.testing;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The base of in-memory {@link DynamoDbClient}s for unit tests: a test overrides the operations it
 * uses; every other one throws the SDK interface's {@link UnsupportedOperationException}.
 */
public abstract class FakeDynamoDb implements DynamoDbClient {
    @Override
    public final String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }

    /** What DynamoDB answers to a write whose condition does not hold. */
    public static ConditionalCheckFailedException conditionFailed() {
        return ConditionalCheckFailedException.builder().statusCode(400).message("The conditional request failed").build();
    }
}
