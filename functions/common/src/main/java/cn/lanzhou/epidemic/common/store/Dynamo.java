package cn.lanzhou.epidemic.common.store;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import cn.lanzhou.epidemic.common.aws.dynamodb.AttributeValue;
import cn.lanzhou.epidemic.common.aws.dynamodb.ConditionalCheckFailedException;
import cn.lanzhou.epidemic.common.aws.dynamodb.DynamoDb;
import cn.lanzhou.epidemic.common.aws.dynamodb.DynamoDbException;
import cn.lanzhou.epidemic.common.aws.dynamodb.GetItemRequest;
import cn.lanzhou.epidemic.common.aws.dynamodb.PutItemRequest;

/**
 * The DynamoDB boundary: failures that a retry later may cure (throttling, 5xx, timeouts)
 * become {@link BackendUnavailable}; a failed condition stays {@link ConditionalCheckFailedException}
 * for the caller to interpret; anything else is a bug and propagates.
 */
public final class Dynamo {
    private final DynamoDb client;

    public Dynamo(DynamoDb client) {
        this.client = client;
    }

    public DynamoDb client() {
        return client;
    }

    public <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (DynamoDbException e) {
            throw Faults.translate(e);
        }
    }

    /** Puts the item unless one with its key exists; true when this call created it. */
    public boolean putIfAbsent(String table, Map<String, AttributeValue> item) {
        try {
            call(() -> client.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk)")
                    .build()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    public Optional<Map<String, AttributeValue>> get(String table, Map<String, AttributeValue> key) {
        var response = call(() -> client.getItem(GetItemRequest.builder()
                .tableName(table)
                .key(key)
                .consistentRead(true)
                .build()));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }
}
