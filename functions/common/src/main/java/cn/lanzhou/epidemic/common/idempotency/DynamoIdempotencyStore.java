package cn.lanzhou.epidemic.common.idempotency;

import static cn.lanzhou.epidemic.common.store.Attrs.n;
import static cn.lanzhou.epidemic.common.store.Attrs.s;
import static cn.lanzhou.epidemic.common.store.Table.PK;
import static cn.lanzhou.epidemic.common.store.Table.STARTED_AT;
import static cn.lanzhou.epidemic.common.store.Table.STATUS;
import static cn.lanzhou.epidemic.common.store.Table.IdempotencyItem.BODY;
import static cn.lanzhou.epidemic.common.store.Table.IdempotencyItem.EXPIRES_AT;
import static cn.lanzhou.epidemic.common.store.Table.IdempotencyItem.FINGERPRINT;
import static cn.lanzhou.epidemic.common.store.Table.IdempotencyItem.LEASE_UNTIL;

import cn.lanzhou.epidemic.common.store.Attrs;
import cn.lanzhou.epidemic.common.store.Dynamo;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** One {@link cn.lanzhou.epidemic.common.store.Table.IdempotencyItem} per (route, key); an expired one counts as absent, as TTL deletes late (the local DynamoDB never). */
public record DynamoIdempotencyStore(Dynamo dynamo, String table) implements IdempotencyStore {
    @Override
    public boolean claim(String key, String fingerprint, Instant now, Instant leaseUntil, Instant expiresAt) {
        try {
            dynamo.call(() -> dynamo.client().putItem(PutItemRequest.builder()
                    .tableName(table)
                    .item(Map.of(
                            PK, s(key),
                            FINGERPRINT, s(fingerprint),
                            STARTED_AT, n(now.toEpochMilli()),
                            LEASE_UNTIL, n(leaseUntil.toEpochMilli()),
                            EXPIRES_AT, n(expiresAt.getEpochSecond())))
                    .conditionExpression("attribute_not_exists(#pk) OR #expires < :now")
                    .expressionAttributeNames(Map.of("#pk", PK, "#expires", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond())))
                    .build()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public Optional<KeyRecord> find(String key, Instant now) {
        return dynamo.get(table, Map.of(PK, s(key)))
                .filter(item -> Attrs.num(item, EXPIRES_AT) >= now.getEpochSecond())
                .map(DynamoIdempotencyStore::toRecord);
    }

    private static KeyRecord toRecord(Map<String, AttributeValue> item) {
        return new KeyRecord(
                Attrs.str(item, FINGERPRINT),
                Instant.ofEpochMilli(Attrs.num(item, STARTED_AT)),
                Instant.ofEpochMilli(Attrs.num(item, LEASE_UNTIL)),
                item.containsKey(STATUS) ? (int) Attrs.num(item, STATUS) : null,
                Attrs.str(item, BODY));
    }

    @Override
    public boolean takeOver(String key, Instant expiredLease, Instant newLease) {
        try {
            dynamo.call(() -> dynamo.client().updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(Map.of(PK, s(key)))
                    .updateExpression("SET #lease = :new")
                    .conditionExpression("#lease = :old AND attribute_not_exists(#status)")
                    .expressionAttributeNames(Map.of("#lease", LEASE_UNTIL, "#status", STATUS))
                    .expressionAttributeValues(Map.of(
                            ":new", n(newLease.toEpochMilli()),
                            ":old", n(expiredLease.toEpochMilli())))
                    .build()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void complete(String key, int status, String body) {
        dynamo.call(() -> dynamo.client().updateItem(UpdateItemRequest.builder()
                .tableName(table)
                .key(Map.of(PK, s(key)))
                .updateExpression("SET #status = :status, #body = :body")
                .expressionAttributeNames(Map.of("#status", STATUS, "#body", BODY))
                .expressionAttributeValues(Map.of(":status", n(status), ":body", s(body)))
                .build()));
    }

    @Override
    public void release(String key) {
        try {
            dynamo.call(() -> dynamo.client().deleteItem(DeleteItemRequest.builder()
                    .tableName(table)
                    .key(Map.of(PK, s(key)))
                    .conditionExpression("attribute_not_exists(#status)")
                    .expressionAttributeNames(Map.of("#status", STATUS))
                    .build()));
        } catch (ConditionalCheckFailedException e) {
            // already completed by another attempt: nothing to release
        }
    }
}
