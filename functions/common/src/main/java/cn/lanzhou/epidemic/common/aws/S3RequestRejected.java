package cn.lanzhou.epidemic.common.aws;

/**
 * S3 answered an error: its HTTP status and S3 error code ({@code AccessDenied},
 * {@code NoSuchBucket}, {@code SlowDown}...; empty when the answer had no body, as for HEAD). The
 * message carries only these and S3's request id, never a key or the content.
 */
public final class S3RequestRejected extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;

    public S3RequestRejected(String operation, int status, String code, String requestId) {
        super(operation + " answered " + status + (code.isEmpty() ? "" : " " + code)
                + (requestId == null ? "" : " (request id " + requestId + ")"));
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
