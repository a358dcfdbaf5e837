package cn.lanzhou.epidemic.summary.store;

import static cn.lanzhou.epidemic.common.store.Table.*;
import static cn.lanzhou.epidemic.common.store.Table.ApplicationItem.*;
import static cn.lanzhou.epidemic.common.store.Table.DonationItem.*;
import static cn.lanzhou.epidemic.common.store.Table.RegistrationItem.*;

import cn.lanzhou.epidemic.common.store.Attrs;
import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.common.store.Table;
import cn.lanzhou.epidemic.common.store.Table.ObservationItem;
import cn.lanzhou.epidemic.summary.concurrent.Partitions;
import cn.lanzhou.epidemic.summary.domain.DayRecords;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads one local day by Query of its keys ({@link Table}): registrations and donations from the
 * day's shards (the district is an attribute of each item), reopening events from the day's pointers
 * and the applications they name (BatchGetItem). Items are handed on page by page and not kept. Only the attributes the report
 * counts are projected: no name, ID number or phone is read. The shards are read concurrently
 * ({@link Partitions}); the sink is called by one thread at a time.
 */
public record DynamoDayRecords(Dynamo dynamo, String table, ZoneId zone, Partitions partitions) implements DayRecords {
    private static final int BATCH = 100;

    @Override
    public void registrations(LocalDate day, Consumer<Registration> sink) {
        Map<String, String> names = Map.of("#d", DISTRICT, "#r", RISK_LEVEL, "#f", FEVER, "#v", VEHICLE_PLATE);
        List<Runnable> reads = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            String pk = RegistrationItem.pk(day, shard);
            reads.add(() -> query(pk, "#d, #r, #f, #v", names, item -> {
                Registration registration = new Registration(Attrs.str(item, DISTRICT), Attrs.str(item, RISK_LEVEL),
                        flag(item.get(FEVER)), Attrs.str(item, VEHICLE_PLATE));
                synchronized (sink) {
                    sink.accept(registration);
                }
            }));
        }
        partitions.runAll(reads);
    }

    @Override
    public void donations(LocalDate day, Consumer<Donation> sink) {
        Map<String, String> names = Map.of("#d", DISTRICT, "#k", KIND, "#a", AMOUNT, "#v", VALUE, "#i", ITEMS);
        List<Runnable> reads = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            String pk = DonationItem.pk(day, shard);
            reads.add(() -> query(pk, "#d, #k, #a, #v, #i", names, item -> {
                Donation donation = donation(Attrs.str(item, DISTRICT), item);
                synchronized (sink) {
                    sink.accept(donation);
                }
            }));
        }
        partitions.runAll(reads);
    }

    private static Donation donation(String district, Map<String, AttributeValue> item) {
        String kind = Attrs.str(item, KIND);
        List<Item> items = new ArrayList<>();
        BigDecimal itemsValue = BigDecimal.ZERO;
        AttributeValue list = item.get(ITEMS);
        if (list != null && list.hasL()) {
            for (AttributeValue entry : list.l()) {
                if (!entry.hasM()) {
                    continue;
                }
                Map<String, AttributeValue> m = entry.m();
                long quantity = Attrs.num(m, QUANTITY);
                items.add(new Item(Attrs.str(m, CATEGORY), quantity));
                itemsValue = itemsValue.add(Attrs.decimal(m, UNIT_VALUE).multiply(BigDecimal.valueOf(quantity)));
            }
        }
        BigDecimal value;
        if ("FUNDS".equals(kind)) {
            value = item.containsKey(AMOUNT) ? Attrs.decimal(item, AMOUNT) : Attrs.decimal(item, VALUE);
        } else {
            value = item.containsKey(VALUE) ? Attrs.decimal(item, VALUE) : itemsValue;
        }
        return new Donation(district, kind, value, items);
    }

    @Override
    public void applications(LocalDate day, Consumer<Application> sink) {
        pointed(eventsPk(day), ApplicationItem::pk, SK_VALUE, "#pk, #st, #d, #so, #do, #ro, #sa, #da, #e.#a",
                Map.of("#pk", PK, "#st", STATUS, "#d", DISTRICT, "#so", SUBMITTED_ON, "#do", DECIDED_ON,
                        "#ro", REOPENED_ON, "#sa", SUBMITTED_AT, "#da", DECIDED_AT, "#e", ENTERPRISE,
                        "#a", ABOVE_DESIGNATED_SIZE),
                item -> sink.accept(application(item)));
    }

    @Override
    public void observations(LocalDate day, Consumer<Observation> sink) {
        pointed(ObservationItem.eventsPk(day), ObservationItem::pk, ObservationItem.SK_VALUE, "#pk, #d, #s, #e, #o, #r, #c",
                Map.of("#pk", PK, "#d", DISTRICT, "#s", ObservationItem.START_DATE, "#e", ObservationItem.END_DATE,
                        "#o", ObservationItem.OUTCOME, "#r", ObservationItem.RELEASED_ON, "#c", ObservationItem.CHECKS),
                item -> sink.accept(observation(item)));
    }

    /** Each record a pointer of the partition {@code pointers} names, once, read by BatchGetItem, {@value #BATCH} at a time. */
    private void pointed(String pointers, Function<String, String> recordPk, String recordSk, String projection,
            Map<String, String> names, Consumer<Map<String, AttributeValue>> each) {
        Set<String> chunk = new LinkedHashSet<>();
        query(pointers, "#s", Map.of("#s", SK), pointer -> {
            chunk.add(eventRecord(Attrs.str(pointer, SK)));
            if (chunk.size() == BATCH) {
                fetch(chunk, recordPk, recordSk, projection, names, each);
                chunk.clear();
            }
        });
        if (!chunk.isEmpty()) {
            fetch(chunk, recordPk, recordSk, projection, names, each);
        }
    }

    private void fetch(Set<String> ids, Function<String, String> recordPk, String recordSk, String projection,
            Map<String, String> names, Consumer<Map<String, AttributeValue>> each) {
        List<Map<String, AttributeValue>> keys = ids.stream().map(id -> Attrs.key(recordPk.apply(id), recordSk)).toList();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder()
                .keys(keys)
                .consistentRead(true)
                .projectionExpression(projection)
                .expressionAttributeNames(names)
                .build());
        for (int attempt = 0; !request.isEmpty(); attempt++) {
            Map<String, KeysAndAttributes> pending = request;
            var response = dynamo.call(() -> dynamo.client().batchGetItem(BatchGetItemRequest.builder()
                    .requestItems(pending)
                    .build()));
            response.responses().getOrDefault(table, List.of()).forEach(each);
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (!request.isEmpty()) {
                if (attempt >= 8) {
                    throw new BackendUnavailable(new IllegalStateException("records left unprocessed after retries"));
                }
                Dynamo.backOff(attempt);
            }
        }
    }

    private static final BigDecimal FEVER_FROM = new BigDecimal("37.3");

    private static Observation observation(Map<String, AttributeValue> item) {
        List<Check> checks = new ArrayList<>();
        AttributeValue all = item.get(ObservationItem.CHECKS);
        if (all != null && all.hasM()) {
            all.m().forEach((slotKey, check) -> {
                int hash = slotKey.indexOf('#');
                Map<String, AttributeValue> m = check.hasM() ? check.m() : Map.of();
                boolean fever = Attrs.decimal(m, TEMPERATURE).compareTo(FEVER_FROM) >= 0 || Attrs.list(m, SYMPTOMS).contains("FEVER");
                checks.add(new Check(LocalDate.parse(slotKey.substring(0, hash)), slotKey.substring(hash + 1), fever));
            });
        }
        return new Observation(ObservationItem.id(Attrs.str(item, PK)), Attrs.str(item, DISTRICT),
                LocalDate.parse(Attrs.str(item, ObservationItem.START_DATE)), LocalDate.parse(Attrs.str(item, ObservationItem.END_DATE)),
                Attrs.str(item, ObservationItem.OUTCOME), Attrs.optStr(item, ObservationItem.RELEASED_ON).map(LocalDate::parse).orElse(null),
                checks);
    }

    private Application application(Map<String, AttributeValue> item) {
        String pk = Attrs.str(item, PK);
        AttributeValue enterprise = item.get(ENTERPRISE);
        boolean aboveSize = enterprise != null && enterprise.hasM() && flag(enterprise.m().get(ABOVE_DESIGNATED_SIZE));
        return new Application(ApplicationItem.id(pk), Attrs.str(item, DISTRICT),
                Attrs.str(item, STATUS), date(item, SUBMITTED_ON, SUBMITTED_AT), date(item, DECIDED_ON, DECIDED_AT),
                date(item, REOPENED_ON, null), aboveSize);
    }

    /** A local date attribute, or the local date of the instant attribute beside it. */
    private LocalDate date(Map<String, AttributeValue> item, String dateName, String instantName) {
        try {
            String date = Attrs.str(item, dateName);
            if (date != null) {
                return LocalDate.parse(date);
            }
            String at = instantName == null ? null : Attrs.str(item, instantName);
            if (at != null) {
                Instant instant = at.endsWith("Z") ? Instant.parse(at) : OffsetDateTime.parse(at).toInstant();
                return instant.atZone(zone).toLocalDate();
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        return null;
    }

    private static boolean flag(AttributeValue value) {
        if (value == null) {
            return false;
        }
        if (value.bool() != null) {
            return value.bool();
        }
        return "1".equals(value.n()) || "true".equalsIgnoreCase(value.s());
    }

    private void query(String pk, String projection, Map<String, String> names,
            Consumer<Map<String, AttributeValue>> each) {
        Map<String, String> allNames = new HashMap<>(names);
        allNames.put("#pk", PK);
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(allNames)
                .expressionAttributeValues(Map.of(":pk", Attrs.s(pk)))
                .projectionExpression(projection)
                .consistentRead(true)
                .build();
        Queries.forEach(dynamo, request, each);
    }
}
