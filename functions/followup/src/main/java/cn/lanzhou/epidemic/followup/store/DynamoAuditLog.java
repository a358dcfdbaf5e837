package cn.lanzhou.epidemic.followup.store;

import cn.lanzhou.epidemic.common.time.UtcMillis;
import static cn.lanzhou.epidemic.common.store.Table.*;
import static cn.lanzhou.epidemic.common.store.Table.AuditItem.*;
import static cn.lanzhou.epidemic.common.store.Table.ObservationItem.PERSON_KEY;
import static cn.lanzhou.epidemic.common.store.Attrs.optStr;
import static cn.lanzhou.epidemic.common.store.Attrs.s;
import static cn.lanzhou.epidemic.common.store.Attrs.str;

import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.followup.domain.AuditEntry;
import cn.lanzhou.epidemic.followup.domain.AuditLog;
import cn.lanzhou.epidemic.followup.domain.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/** The tracing audit: {@code pk = AUDIT#{localDate}}, {@code sk = {at}#{id}}; never an identity number. */
public record DynamoAuditLog(Dynamo dynamo, String table) implements AuditLog {
    @Override
    public void record(AuditEntry e, LocalDate localDate) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(AuditItem.pk(localDate)));
        item.put(SK, s(UtcMillis.format(e.at()) + "#" + e.id()));
        item.put(AT, s(UtcMillis.format(e.at())));
        item.put(ACTOR, s(e.actor()));
        item.put(ACTION, s(e.action().name()));
        e.personKey().ifPresent(v -> item.put(PERSON_KEY, s(v)));
        e.siteType().ifPresent(v -> item.put(SITE_TYPE, s(v)));
        e.siteCode().ifPresent(v -> item.put(SITE_CODE, s(v)));
        e.date().ifPresent(v -> item.put(DATE, s(v.toString())));
        item.put(PURPOSE, s(e.purpose()));
        dynamo.call(() -> dynamo.client().putItem(PutItemRequest.builder().tableName(table).item(item).build()));
    }

    @Override
    public Page<AuditEntry> of(LocalDate date, int limit, Optional<String> after) {
        String partition = AuditItem.pk(date);
        Map<String, AttributeValue> start = after.map(a -> Map.of(PK, s(partition), SK, s(a))).orElse(null);
        Dynamo.Slice slice = dynamo.page(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK))
                .expressionAttributeValues(Map.of(":pk", s(partition)))
                .scanIndexForward(false)
                .build(), start, limit);
        List<Map<String, AttributeValue>> taken = slice.items();
        Optional<String> next = slice.more() && !taken.isEmpty() ? Optional.of(str(taken.get(taken.size() - 1), SK)) : Optional.empty();
        return new Page<>(taken.stream().map(DynamoAuditLog::fromItem).toList(), next);
    }

    private static AuditEntry fromItem(Map<String, AttributeValue> item) {
        String sk = str(item, SK);
        return new AuditEntry(sk.substring(sk.indexOf('#') + 1), Instant.parse(str(item, AT)), str(item, ACTOR),
                AuditEntry.Action.valueOf(str(item, ACTION)), optStr(item, PERSON_KEY), optStr(item, SITE_TYPE),
                optStr(item, SITE_CODE), optStr(item, DATE).map(LocalDate::parse), str(item, PURPOSE));
    }
}
