package cn.lanzhou.epidemic.common.store;

import cn.lanzhou.epidemic.common.runtime.Priming;
import java.util.ArrayList;
import java.util.List;
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
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
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

    /** Waits before sending again what DynamoDB left unprocessed: 50 ms doubling per attempt, at most 1 s. */
    public static void backOff(int attempt) {
        try {
            Thread.sleep(Math.min(1_000L, 50L << Math.min(attempt, 5)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackendUnavailable(e);
        }
    }

    /** One page of a Query's items: at most {@code limit}, and whether there are more after them. */
    public record Slice(List<Map<String, AttributeValue>> items, boolean more) {
    }

    /**
     * Reads a page of {@code request}'s items after {@code start} (null: the first), asking for one
     * more than {@code limit}, so that "more?" needs no further query; pages a filter thinned are
     * followed until the page is full or the items end.
     */
    public Slice page(QueryRequest request, Map<String, AttributeValue> start, int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> from = start;
        do {
            QueryRequest next = request.toBuilder().limit(limit + 1).exclusiveStartKey(from).build();
            QueryResponse page = call(() -> client.query(next));
            items.addAll(page.items());
            from = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (items.size() <= limit && from != null);
        return new Slice(List.copyOf(items.subList(0, Math.min(limit, items.size()))), items.size() > limit || from != null);
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
