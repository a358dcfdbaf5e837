package cn.lanzhou.epidemic.followup.store;

import cn.lanzhou.epidemic.common.time.UtcMillis;
import static cn.lanzhou.epidemic.common.store.Table.*;
import static cn.lanzhou.epidemic.common.store.Table.ObservationItem.*;
import static cn.lanzhou.epidemic.common.store.Attrs.key;
import static cn.lanzhou.epidemic.common.store.Attrs.n;
import static cn.lanzhou.epidemic.common.store.Attrs.s;
import static cn.lanzhou.epidemic.common.store.Attrs.str;

import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import cn.lanzhou.epidemic.common.store.DayChanges;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.common.store.DynamoLocks;
import cn.lanzhou.epidemic.common.store.Locks;
import cn.lanzhou.epidemic.followup.domain.Observation;
import cn.lanzhou.epidemic.followup.domain.Observations;
import cn.lanzhou.epidemic.followup.domain.Page;
import cn.lanzhou.epidemic.followup.domain.Release;
import cn.lanzhou.epidemic.followup.domain.Check;
import cn.lanzhou.epidemic.followup.domain.Status;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Observations in the data table (docs/followup.md):
 * <ul>
 * <li>observation: {@code pk = OBS#{id}}, {@code sk = OBS}, its checks inside (map {@code checks},
 *     one conditional write per slot); GSI1 {@code gsi1pk = OBS#{status}}, {@code gsi1sk = {createdAt}#{id}};</li>
 * <li>the person's lock: {@code pk = PERSON#{personKey}}, {@code sk = ACTIVE}, {@code obsId}, {@code lockedAt};</li>
 * <li>the person's observations: {@code pk = PERSON#{personKey}}, {@code sk = OBS#{id}};</li>
 * <li>report pointer: {@code pk = OBSEV#{date}}, {@code sk = {district}#{id}}.</li>
 * </ul>
 */
public record DynamoObservations(Dynamo dynamo, String table) implements Observations {
    @Override
    public Locks locks() {
        return new DynamoLocks(dynamo, table, ObservationItem::personPk, LOCK_SK, OBS_ID);
    }

    @Override
    public void announce(LocalDate date, String district, String observationId, LocalDate today, Instant now) {
        new DayChanges(dynamo, table).markIfPast(date, today, now);
        put(Map.of(PK, s(eventsPk(date)), SK, s(eventSk(district, observationId)), OBS_ID, s(observationId),
                DISTRICT, s(district)));
    }

    @Override
    public void announcePeriod(LocalDate from, LocalDate to, String district, String observationId, LocalDate today, Instant now) {
        // every past day of the period gains a pointer, so every one of them is compiled again (≤ 14 marks, back-dated starts only)
        DayChanges changes = new DayChanges(dynamo, table);
        for (LocalDate day = from; !day.isAfter(to) && day.isBefore(today); day = day.plusDays(1)) {
            changes.markIfPast(day, today, now);
        }
        List<WriteRequest> writes = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(Map.of(PK, s(eventsPk(day)),
                    SK, s(eventSk(district, observationId)), OBS_ID, s(observationId), DISTRICT, s(district))).build()).build());
        }
        // 15 pointers, one request (at most 25 items); what DynamoDB leaves unprocessed is sent again
        Map<String, List<WriteRequest>> pending = Map.of(table, writes);
        for (int attempt = 0; !pending.isEmpty(); attempt++) {
            if (attempt == 8) {
                throw new BackendUnavailable(new IllegalStateException("report pointers left unprocessed after retries"));
            }
            Map<String, List<WriteRequest>> asked = pending;
            var response = dynamo.call(() -> dynamo.client().batchWriteItem(BatchWriteItemRequest.builder().requestItems(asked).build()));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            if (!pending.isEmpty()) {
                Dynamo.backOff(attempt);
            }
        }
    }

    @Override
    public boolean create(Observation o) {
        // the person's pointer first: one without its observation points at nothing and is skipped
        put(Map.of(PK, s(personPk(o.person().personKey())), SK, s(withPrefix(o.id())), OBS_ID, s(o.id())));
        return dynamo.putIfAbsent(table, ObservationItems.toItem(o));
    }

    private void put(Map<String, AttributeValue> item) {
        dynamo.call(() -> dynamo.client().putItem(PutItemRequest.builder().tableName(table).item(item).build()));
    }

    @Override
    public Optional<Observation> find(String id) {
        return dynamo.get(table, key(ObservationItem.pk(id), SK_VALUE)).map(ObservationItems::fromItem);
    }

    @Override
    public List<Observation> ofPerson(String personKey) {
        QueryResponse response = dynamo.call(() -> dynamo.client().query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk AND begins_with(#sk, :obs)")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", s(personPk(personKey)), ":obs", s(withPrefix(""))))
                .scanIndexForward(false)
                .build()));
        List<Observation> found = new ArrayList<>();
        response.items().forEach(pointer -> find(str(pointer, OBS_ID)).ifPresent(found::add));
        return found;
    }

    @Override
    public CheckWrite addCheck(String id, Check check) {
        try {
            dynamo.call(() -> dynamo.client().updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key(ObservationItem.pk(id), SK_VALUE))
                    .updateExpression("SET #checks.#slot = :check")
                    .conditionExpression("#status = :active AND attribute_not_exists(#checks.#slot)")
                    .expressionAttributeNames(Map.of("#checks", CHECKS, "#slot", check.slot().key(),
                            "#status", STATUS))
                    .expressionAttributeValues(Map.of(":check", ObservationItems.checkItem(check),
                            ":active", s(Status.ACTIVE.name())))
                    .build()));
            return CheckWrite.ADDED;
        } catch (ConditionalCheckFailedException e) {
            boolean active = find(id).map(o -> o.status() == Status.ACTIVE).orElse(false);
            return active ? CheckWrite.SLOT_TAKEN : CheckWrite.NOT_ACTIVE;
        }
    }

    @Override
    public Optional<Observation> release(String id, long expectedVersion, Release r) {
        Map<String, String> names = new HashMap<>(Map.of("#status", STATUS,
                "#version", VERSION, "#gsi1pk", GSI1PK, "#outcome", OUTCOME,
                "#on", RELEASED_ON, "#at", RELEASED_AT,
                "#by", RELEASED_BY, "#attempt", RELEASE_ATTEMPT));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(r.outcome().status().name()),
                ":one", n(1), ":expected", n(expectedVersion), ":active", s(Status.ACTIVE.name()),
                ":gsi1pk", s(withPrefix(r.outcome().status().name())), ":outcome", s(r.outcome().name()),
                ":on", s(r.releasedOn().toString()), ":at", s(UtcMillis.format(r.releasedAt())),
                ":by", s(r.releasedBy()), ":attempt", s(r.attemptId())));
        String update = "SET #status = :to, #version = #version + :one, #gsi1pk = :gsi1pk, #outcome = :outcome, "
                + "#on = :on, #at = :at, #by = :by, #attempt = :attempt";
        if (r.reason() != null) {
            names.put("#reason", RELEASE_REASON);
            values.put(":reason", s(r.reason()));
            update += ", #reason = :reason";
        }
        String expression = update;
        try {
            var response = dynamo.call(() -> dynamo.client().updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key(ObservationItem.pk(id), SK_VALUE))
                    .updateExpression(expression)
                    .conditionExpression("#version = :expected AND #status = :active")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build()));
            return Optional.of(ObservationItems.fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public Page<Observation> list(Status status, Optional<String> district, Optional<String> siteCode, int limit,
            Optional<String> after) {
        String partition = withPrefix(status.name());
        Map<String, String> names = new HashMap<>(Map.of("#pk", GSI1PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(partition)));
        List<String> filters = new ArrayList<>();
        district.ifPresent(d -> {
            names.put("#district", DISTRICT);
            values.put(":district", s(d));
            filters.add("#district = :district");
        });
        siteCode.ifPresent(c -> {
            names.put("#siteCode", SITE_CODE);
            values.put(":siteCode", s(c));
            filters.add("#siteCode = :siteCode");
        });
        Map<String, AttributeValue> start = after.map(a -> Map.of(GSI1PK, s(partition), GSI1SK, s(a),
                PK, s(ObservationItem.pk(a.substring(a.indexOf('#') + 1))), SK, s(SK_VALUE))).orElse(null);
        Dynamo.Slice slice = dynamo.page(QueryRequest.builder()
                .tableName(table)
                .indexName(GSI1)
                .keyConditionExpression("#pk = :pk")
                .filterExpression(filters.isEmpty() ? null : String.join(" AND ", filters))
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .build(), start, limit);
        List<Map<String, AttributeValue>> taken = slice.items();
        Optional<String> next = slice.more() && !taken.isEmpty() ? Optional.of(str(taken.get(taken.size() - 1), GSI1SK)) : Optional.empty();
        return new Page<>(taken.stream().map(ObservationItems::fromItem).toList(), next);
    }
}
