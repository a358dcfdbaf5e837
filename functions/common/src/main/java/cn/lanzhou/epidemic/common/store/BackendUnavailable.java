package cn.lanzhou.epidemic.common.store;

/** DynamoDB or S3 throttled, failing or out of reach after retries: answered 503 with {@code Retry-After}, nothing acknowledged. */
public final class BackendUnavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BackendUnavailable(Throwable cause) {
        super(cause.getClass().getSimpleName(), cause);
    }
}
