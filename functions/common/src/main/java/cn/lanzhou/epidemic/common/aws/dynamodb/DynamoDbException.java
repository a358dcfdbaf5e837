package cn.lanzhou.epidemic.common.aws.dynamodb;

/**
 * A DynamoDB call that failed: an error answer ({@link #statusCode()} and DynamoDB's error code), or
 * no answer at all (status 0: I/O failure or timeout). Messages carry codes and DynamoDB's own
 * message, never an item's values.
 */
public class DynamoDbException extends RuntimeException {
    private final int statusCode;
    private final String errorCode;

    public DynamoDbException(int statusCode, String errorCode, String message, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.errorCode = errorCode == null ? "" : errorCode;
    }

    /** The HTTP status of DynamoDB's answer, or 0 when none arrived. */
    public int statusCode() {
        return statusCode;
    }

    public String errorCode() {
        return errorCode;
    }

    public boolean isThrottlingException() {
        return statusCode == 429 || errorCode.equals("ProvisionedThroughputExceededException")
                || errorCode.equals("ThrottlingException") || errorCode.equals("RequestLimitExceeded");
    }

    /** Worth another attempt later: no answer, throttled, or a fault on DynamoDB's side. */
    public boolean isTransient() {
        return statusCode == 0 || statusCode >= 500 || isThrottlingException();
    }
}
