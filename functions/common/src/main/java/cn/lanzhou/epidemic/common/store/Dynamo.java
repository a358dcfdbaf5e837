package cn.lanzhou.epidemic.common.store;

import cn.lanzhou.epidemic.common.runtime.Priming;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/** The DynamoDB boundary: retryable failures become {@link BackendUnavailable}, a failed condition stays {@link ConditionalCheckFailedException}, anything else propagates. */
public final class Dynamo {
    private final DynamoDbClient client;

    public Dynamo(DynamoDbClient client) {
        this.client = client;
    }

    /** Primed with a GetItem of {@link Table#PRIMING_PK}, so the snapshot holds the SDK's call path; the table's key must be {@code pk}, {@code sk}. */
    public static Dynamo primed(DynamoDbClient client, String table) {
        Dynamo dynamo = new Dynamo(client);
        Priming.register("dynamodb", () -> dynamo.get(table, Attrs.key(Table.PRIMING_PK, Table.PRIMING_PK)));
        return dynamo;
    }

    public DynamoDbClient client() {
        return client;
    }

    public <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (ProvisionedThroughputExceededException | RequestLimitExceededException e) {
            throw new BackendUnavailable(e);
        } catch (SdkException e) {
            throw Faults.translate(e);
        }
    }

    /** Puts the item unless one with its key exists; true when this call created it. */
    public boolean putIfAbsent(String table, Map<String, AttributeValue> item) {
        try {
            call(() -> client.putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", Table.PK))
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
