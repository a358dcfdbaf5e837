package cn.lanzhou.epidemic.common.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** AWS failures a later retry may cure (throttling, 5xx, timeouts, I/O) become {@link BackendUnavailable}; the rest are bugs or misconfiguration. */
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
