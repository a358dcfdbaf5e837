package cn.lanzhou.epidemic.common.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Which AWS failures a later retry may cure, after the SDK's own retries: throttling, a 5xx, a
 * timeout ({@code ApiCallTimeoutException}, {@code ApiCallAttemptTimeoutException}) or a connection
 * that failed (an {@link SdkClientException} caused by an I/O error). They become {@link
 * BackendUnavailable} (503 with Retry-After). Anything else is a bug or a refusal and propagates as
 * it is (the generic 500): a client exception without an I/O cause, such as credentials that cannot
 * be loaded, is a misconfiguration that no retry by the caller cures. The DynamoDB adapters
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
        return e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException
                || (e instanceof SdkClientException && causedByIo(e)) ? new BackendUnavailable(e) : e;
    }

    private static boolean causedByIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) {
                return true;
            }
        }
        return false;
    }
}
