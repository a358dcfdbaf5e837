package cn.lanzhou.epidemic.common.aws.dynamodb;

/** A conditional write whose condition did not hold: an answer, not a fault. */
public final class ConditionalCheckFailedException extends DynamoDbException {
    public ConditionalCheckFailedException(int statusCode, String message) {
        super(statusCode, "ConditionalCheckFailedException", message, null);
    }
}
