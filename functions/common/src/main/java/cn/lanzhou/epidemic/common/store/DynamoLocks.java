package cn.lanzhou.epidemic.common.store;

import static cn.lanzhou.epidemic.common.store.Attrs.n;
import static cn.lanzhou.epidemic.common.store.Attrs.s;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** {@link Locks} as items of the data table: {@code pk} from the key, a fixed {@code sk}, {@code holder} naming who holds it. */
public record DynamoLocks(Dynamo dynamo, String table, Function<String, String> pk, String sk, String holder) implements Locks {

    @Override
    public Optional<Held> held(String key) {
        return dynamo.get(table, Attrs.key(pk.apply(key), sk))
                .map(item -> new Held(Attrs.str(item, holder), Instant.ofEpochMilli(Attrs.num(item, Table.LOCKED_AT))));
    }

    @Override
    public boolean take(String key, String by, Instant at) {
        return dynamo.putIfAbsent(table, item(key, by, at));
    }

    @Override
    public boolean takeOver(String key, String stale, String by, Instant at) {
        try {
            dynamo.call(() -> dynamo.client().putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(item(key, by, at))
                    .conditionExpression("#holder = :stale")
                    .expressionAttributeNames(Map.of("#holder", holder))
                    .expressionAttributeValues(Map.of(":stale", s(stale)))
                    .build()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void release(String key, String by) {
        try {
            dynamo.call(() -> dynamo.client().deleteItem(DeleteItemRequest.builder()
                    .tableName(table)
                    .key(Attrs.key(pk.apply(key), sk))
                    .conditionExpression("#holder = :by")
                    .expressionAttributeNames(Map.of("#holder", holder))
                    .expressionAttributeValues(Map.of(":by", s(by)))
                    .build()));
        } catch (ConditionalCheckFailedException e) {
            // released or taken over already: nothing to do
        }
    }

    private Map<String, AttributeValue> item(String key, String by, Instant at) {
        return Map.of(Table.PK, s(pk.apply(key)), Table.SK, s(sk), holder, s(by), Table.LOCKED_AT, n(at.toEpochMilli()));
    }
}
