package cn.lanzhou.epidemic.followup.store;

import static cn.lanzhou.epidemic.common.store.Attrs.optStr;
import static cn.lanzhou.epidemic.common.store.Attrs.s;
import static cn.lanzhou.epidemic.common.store.Attrs.str;

import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.followup.domain.AuditEntry;
import cn.lanzhou.epidemic.followup.domain.AuditLog;
import cn.lanzhou.epidemic.followup.domain.Instants;
import cn.lanzhou.epidemic.followup.domain.Page;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** The tracing audit: {@code pk = AUDIT#{localDate}}, {@code sk = {at}#{id}}; never an identity number. */
public final class DynamoAuditLog implements AuditLog {
    private final Dynamo dynamo;
    private final String table;

    public DynamoAuditLog(Dynamo dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public void record(AuditEntry e, LocalDate localDate) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("AUDIT#" + localDate));
        item.put("sk", s(Instants.format(e.at()) + "#" + e.id()));
        item.put("at", s(Instants.format(e.at())));
        item.put("actor", s(e.actor()));
        item.put("action", s(e.action().name()));
        e.personKey().ifPresent(v -> item.put("personKey", s(v)));
        e.siteType().ifPresent(v -> item.put("siteType", s(v)));
        e.siteCode().ifPresent(v -> item.put("siteCode", s(v)));
        e.date().ifPresent(v -> item.put("date", s(v.toString())));
        item.put("purpose", s(e.purpose()));
        dynamo.call(() -> dynamo.client().putItem(PutItemRequest.builder().tableName(table).item(item).build()));
    }

    @Override
    public Page<AuditEntry> of(LocalDate date, int limit, Optional<String> after) {
        String partition = "AUDIT#" + date;
        Map<String, AttributeValue> start = after.map(a -> Map.of("pk", s(partition), "sk", s(a))).orElse(null);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.call(() -> dynamo.client().query(QueryRequest.builder()
                    .tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(partition)))
                    .scanIndexForward(false)
                    .limit(limit + 1)
                    .exclusiveStartKey(from)
                    .build()));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (items.size() <= limit && start != null);
        List<Map<String, AttributeValue>> taken = items.subList(0, Math.min(limit, items.size()));
        boolean more = items.size() > limit || start != null;
        Optional<String> next = more && !taken.isEmpty() ? Optional.of(str(taken.get(taken.size() - 1), "sk")) : Optional.empty();
        return new Page<>(taken.stream().map(DynamoAuditLog::fromItem).toList(), next);
    }

    private static AuditEntry fromItem(Map<String, AttributeValue> item) {
        String sk = str(item, "sk");
        return new AuditEntry(sk.substring(sk.indexOf('#') + 1), Instant.parse(str(item, "at")), str(item, "actor"),
                AuditEntry.Action.valueOf(str(item, "action")), optStr(item, "personKey"), optStr(item, "siteType"),
                optStr(item, "siteCode"), optStr(item, "date").map(LocalDate::parse), str(item, "purpose"));
    }
}
