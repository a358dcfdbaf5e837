package cn.lanzhou.epidemic.common.store;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Which SDK failures a later retry may cure — throttling, a 5xx, a timeout or a connection that
 * failed — and so become {@link BackendUnavailable} (503 with Retry-After) at the DynamoDB boundary
 * ({@link Dynamo}). Anything else is a bug or a refusal, and propagates as it is. The S3 side,
 * {@link cn.lanzhou.epidemic.common.aws.LeanS3Client}, applies the same rule without SDK classes.
 */
public final class Faults {
    private Faults() {
    }

    public static RuntimeException translate(SdkException e) {
        boolean transientFault = e instanceof SdkClientException
                || e instanceof AwsServiceException service
                        && (service.isThrottlingException() || service.statusCode() >= 500)
                || e.retryable();
        return transientFault ? new BackendUnavailable(e) : e;
    }
}
