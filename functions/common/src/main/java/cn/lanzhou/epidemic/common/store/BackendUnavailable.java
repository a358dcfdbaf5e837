package cn.lanzhou.epidemic.common.store;

/**
 * DynamoDB or S3 was throttled, failing or out of reach after the client's retries. Answered with 503
 * and {@code Retry-After}; whatever the request meant to write was not acknowledged.
 */
public final class BackendUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailable(Throwable cause) {
        super(cause.getClass().getSimpleName(), cause);
    }
}
