package cn.lanzhou.epidemic.common.aws.dynamodb;

/**
 * The DynamoDB item operations the functions use, with request and response types shaped like the
 * SDK's. There is no Scan: a function reads by key or by Query, never the whole table.
 * Failures are {@link DynamoDbException}s; a failed condition is {@link ConditionalCheckFailedException}.
 * An operation a test double leaves out throws {@link UnsupportedOperationException}.
 */
public interface DynamoDb {
    default PutItemResponse putItem(PutItemRequest request) {
        throw new UnsupportedOperationException("putItem");
    }

    default GetItemResponse getItem(GetItemRequest request) {
        throw new UnsupportedOperationException("getItem");
    }

    default UpdateItemResponse updateItem(UpdateItemRequest request) {
        throw new UnsupportedOperationException("updateItem");
    }

    default DeleteItemResponse deleteItem(DeleteItemRequest request) {
        throw new UnsupportedOperationException("deleteItem");
    }

    default QueryResponse query(QueryRequest request) {
        throw new UnsupportedOperationException("query");
    }

    default BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        throw new UnsupportedOperationException("batchGetItem");
    }

    default BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        throw new UnsupportedOperationException("batchWriteItem");
    }
}
