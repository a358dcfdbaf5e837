package cn.lanzhou.epidemic.common.store;

import static cn.lanzhou.epidemic.common.store.Attrs.n;
import static cn.lanzhou.epidemic.common.store.Attrs.s;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * Lock items (one open application per enterprise, one active observation per person): taken by a
 * conditional put, so two writers never both hold one; a holder that died is taken over only by
 * naming it, and released only by itself. {@code holder} is the attribute naming who holds it.
 */
public record Locks(Dynamo dynamo, String table, String holder) {

    public record Held(String holder, Instant lockedAt) {
    }

    public Optional<Held> held(String pk, String sk) {
        return dynamo.get(table, Attrs.key(pk, sk))
                .map(item -> new Held(Attrs.str(item, holder), Instant.ofEpochMilli(Attrs.num(item, Table.LOCKED_AT))));
    }

    /** True when this call took the lock. */
    public boolean take(String pk, String sk, String by, Instant at) {
        return dynamo.putIfAbsent(table, item(pk, sk, by, at));
    }

    /** True when the lock still named {@code stale} and now names {@code by}. */
    public boolean takeOver(String pk, String sk, String stale, String by, Instant at) {
        try {
            dynamo.call(() -> dynamo.client().putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(item(pk, sk, by, at))
                    .conditionExpression("#holder = :stale")
                    .expressionAttributeNames(Map.of("#holder", holder))
                    .expressionAttributeValues(Map.of(":stale", s(stale)))
                    .build()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Frees the lock if {@code by} still holds it; a lock released or taken over already is left alone. */
    public void release(String pk, String sk, String by) {
        try {
            dynamo.call(() -> dynamo.client().deleteItem(DeleteItemRequest.builder()
                    .tableName(table)
                    .key(Attrs.key(pk, sk))
                    .conditionExpression("#holder = :by")
                    .expressionAttributeNames(Map.of("#holder", holder))
                    .expressionAttributeValues(Map.of(":by", s(by)))
                    .build()));
        } catch (ConditionalCheckFailedException e) {
            // released or taken over already: nothing to do
        }
    }

    private Map<String, AttributeValue> item(String pk, String sk, String by, Instant at) {
        return Map.of(Table.PK, s(pk), Table.SK, s(sk), holder, s(by), Table.LOCKED_AT, n(at.toEpochMilli()));
    }
}
