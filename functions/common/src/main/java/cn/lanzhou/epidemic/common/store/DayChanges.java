package cn.lanzhou.epidemic.common.store;

import static cn.lanzhou.epidemic.common.store.Attrs.n;
import static cn.lanzhou.epidemic.common.store.Attrs.s;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Marks a past day changed late, for the report to recompile; written before the record, so a crash costs a recomputation, not a missed change. */
public record DayChanges(Dynamo dynamo, String table) {
    /** Marks {@code day} if it is before {@code today}; a write for the current day needs no mark. */
    public void markIfPast(LocalDate day, LocalDate today, Instant now) {
        if (!day.isBefore(today)) {
            return;
        }
        dynamo.call(() -> dynamo.client().putItem(PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(Table.PK, s(Table.ChangeItem.PK_VALUE), Table.SK, s(day.toString()),
                        Table.ChangeItem.CHANGED_AT, n(now.toEpochMilli())))
                .build()));
    }
}
