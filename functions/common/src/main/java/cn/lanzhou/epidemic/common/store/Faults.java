package cn.lanzhou.epidemic.common.store;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Which AWS failures a later retry may cure, after the SDK's own retries: throttling, a 5xx, a
 * timeout ({@code ApiCallTimeoutException}, {@code ApiCallAttemptTimeoutException}) or a connection
 * that failed ({@link SdkClientException}). They become {@link BackendUnavailable} (503 with
 * Retry-After). Anything else is a bug or a refusal, and propagates as it is. The DynamoDB adapters
 * ({@link Dynamo}) and the S3 one apply this rule.
 */
public final class Faults {
    private static final Set<String> THROTTLING = Set.of(
            "ProvisionedThroughputExceededException", "RequestLimitExceeded", "ThrottlingException",
            "Throttling", "SlowDown", "TooManyRequestsException");

    private Faults() {
    }

    public static RuntimeException translate(SdkException e) {
        if (e instanceof AwsServiceException service) {
            boolean transientFault = service.isThrottlingException() || service.statusCode() >= 500
                    || (service.awsErrorDetails() != null && THROTTLING.contains(service.awsErrorDetails().errorCode()));
            return transientFault ? new BackendUnavailable(e) : e;
        }
        // the SDK's timeouts are SdkClientExceptions too
        return e instanceof SdkClientException ? new BackendUnavailable(e) : e;
    }
}
