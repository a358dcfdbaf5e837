package cn.lanzhou.epidemic.common.store;

import cn.lanzhou.epidemic.common.aws.dynamodb.DynamoDbException;

/**
 * Which DynamoDB failures a later retry may cure — throttling, a 5xx, a timeout or a connection
 * that failed — and so become {@link BackendUnavailable} (503 with Retry-After). Anything else is a
 * bug or a refusal, and propagates as it is. The S3 side ({@link cn.lanzhou.epidemic.common.aws.LeanS3Client})
 * applies the same rule to its own failures.
 */
public final class Faults {
    private Faults() {
    }

    public static RuntimeException translate(DynamoDbException e) {
        return e.isTransient() ? new BackendUnavailable(e) : e;
    }
}
