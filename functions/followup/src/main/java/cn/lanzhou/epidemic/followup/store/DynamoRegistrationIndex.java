package cn.lanzhou.epidemic.followup.store;

import static cn.lanzhou.epidemic.common.store.Table.*;
import static cn.lanzhou.epidemic.common.store.Table.RegistrationItem.*;
import static cn.lanzhou.epidemic.common.store.Attrs.s;
import static cn.lanzhou.epidemic.common.store.Attrs.str;

import cn.lanzhou.epidemic.common.store.Attrs;
import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.followup.domain.Page;
import cn.lanzhou.epidemic.followup.domain.Person;
import cn.lanzhou.epidemic.followup.domain.RegistrationRecord;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Registrations as the registration function writes them ({@code REG#{localDate}#{shard}} / {@code {id}},
 * {@link cn.lanzhou.epidemic.common.store.Table.RegistrationItem}), read by id and through the tracing indexes.
 */
public record DynamoRegistrationIndex(Dynamo dynamo, String table, ZoneId zone)
        implements cn.lanzhou.epidemic.followup.domain.RegistrationIndex {
    /** How far {@code occurredAt} may lie from the time in the id (openapi.yaml: 30 days back, 5 minutes ahead). */
    static final Duration MAX_BACK = Duration.ofDays(30);
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    /**
     * The id carries the time the registration was received; its day partition is that of
     * {@code occurredAt}, nearly always the same local date (one GetItem). A back-dated one is found
     * with one BatchGetItem of the other possible days (≤ 31 keys). No index is needed for this rare read.
     */
    @Override
    public Optional<RegistrationRecord> byId(String id) {
        Instant received = Instant.ofEpochMilli(new BigInteger(crockfordToHex(id), 16).shiftRight(80).longValue());
        LocalDate likely = received.atZone(zone).toLocalDate();
        Optional<Map<String, AttributeValue>> found = dynamo.get(table, itemKey(likely, id));
        if (found.isPresent()) {
            return found.map(DynamoRegistrationIndex::fromItem);
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        LocalDate last = received.plus(MAX_AHEAD).atZone(zone).toLocalDate();
        for (LocalDate d = received.minus(MAX_BACK).atZone(zone).toLocalDate(); !d.isAfter(last); d = d.plusDays(1)) {
            if (!d.equals(likely)) {
                keys.add(itemKey(d, id));
            }
        }
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
        for (int round = 0; round < 5 && !request.isEmpty(); round++) {
            Map<String, KeysAndAttributes> asked = request;
            var response = dynamo.call(() -> dynamo.client().batchGetItem(BatchGetItemRequest.builder().requestItems(asked).build()));
            List<Map<String, AttributeValue>> items = response.responses().getOrDefault(table, List.of());
            if (!items.isEmpty()) {
                return Optional.of(fromItem(items.get(0)));
            }
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (!request.isEmpty()) {
                Dynamo.backOff(round);
            }
        }
        if (!request.isEmpty()) {
            // keys left unread: "no such registration" would be a guess, so the caller answers 503
            throw new BackendUnavailable(new IllegalStateException("registration keys left unprocessed after retries"));
        }
        return Optional.empty();
    }

    private static Map<String, AttributeValue> itemKey(LocalDate date, String id) {
        return Map.of(PK, s(RegistrationItem.pk(date, shard(id))), SK, s(id));
    }

    private static String crockfordToHex(String id) {
        BigInteger value = BigInteger.ZERO;
        for (char c : id.toCharArray()) {
            value = value.shiftLeft(5).add(BigInteger.valueOf(cn.lanzhou.epidemic.common.model.Ids.CROCKFORD.indexOf(c)));
        }
        return value.toString(16);
    }

    @Override
    public List<RegistrationRecord> ofPerson(List<String> personKeys, int max) {
        Map<String, Map<String, AttributeValue>> byKey = new LinkedHashMap<>();
        for (String personKey : personKeys) {
            Map<String, AttributeValue> start = null;
            int read = 0;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamo.call(() -> dynamo.client().query(QueryRequest.builder()
                        .tableName(table)
                        .indexName(BY_PERSON_INDEX)
                        .keyConditionExpression("#h = :h")
                        .expressionAttributeNames(Map.of("#h", ID_HASH))
                        .expressionAttributeValues(Map.of(":h", s(personKey)))
                        .scanIndexForward(false)
                        .limit(max)
                        .exclusiveStartKey(from)
                        .build()));
                page.items().forEach(item -> byKey.put(str(item, OCCURRED_KEY), item));
                read += page.count();
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null && read < max);
        }
        return byKey.entrySet().stream()
                .sorted(Map.Entry.<String, Map<String, AttributeValue>>comparingByKey(Comparator.reverseOrder()))
                .limit(max)
                .map(e -> fromItem(e.getValue()))
                .toList();
    }

    @Override
    public Page<RegistrationRecord> atSite(String siteType, String siteCode, LocalDate date, int limit, Optional<String> after) {
        String partition = siteDay(siteType, siteCode, date);
        Map<String, AttributeValue> start = after.map(a -> {
            String id = a.substring(a.indexOf('#') + 1);
            return Map.of(SITE_DAY, s(partition), OCCURRED_KEY, s(a),
                    PK, s(RegistrationItem.pk(date, shard(id))), SK, s(id));
        }).orElse(null);
        Dynamo.Slice slice = dynamo.page(QueryRequest.builder()
                .tableName(table)
                .indexName(BY_SITE_DAY_INDEX)
                .keyConditionExpression("#p = :p")
                .expressionAttributeNames(Map.of("#p", SITE_DAY))
                .expressionAttributeValues(Map.of(":p", s(partition)))
                .build(), start, limit);
        List<Map<String, AttributeValue>> taken = slice.items();
        Optional<String> next = slice.more() && !taken.isEmpty()
                ? Optional.of(str(taken.get(taken.size() - 1), OCCURRED_KEY)) : Optional.empty();
        return new Page<>(taken.stream().map(DynamoRegistrationIndex::fromItem).toList(), next);
    }

    static RegistrationRecord fromItem(Map<String, AttributeValue> item) {
        return new RegistrationRecord(str(item, ID), Instant.parse(str(item, OCCURRED_AT)),
                LocalDate.parse(str(item, LOCAL_DATE)), str(item, DISTRICT), str(item, SITE_TYPE),
                str(item, SITE_CODE), str(item, RISK_LEVEL), Attrs.flag(item, FEVER), Attrs.optStr(item, VEHICLE_PLATE),
                new Person(str(item, ID_HASH), str(item, NAME), str(item, ID_TYPE),
                        str(item, ID_NUMBER_MASKED), str(item, PHONE_MASKED)));
    }
}
