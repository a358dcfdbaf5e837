package cn.lanzhou.epidemic.local.contract.reports;

import cn.lanzhou.epidemic.local.LocalNames;
import cn.lanzhou.epidemic.common.store.Table;
import cn.lanzhou.epidemic.local.LocalResources;
import cn.lanzhou.epidemic.local.LocalStack;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes items into the local DynamoDB exactly as the key design of docs/reports.md has the writers store
 * them, so the report can be checked before (and independently of) the writer functions. Dates in
 * 2020 keep these items apart from what other contract tests post through the API (at most 365 days back).
 */
final class AgreedItems implements AutoCloseable {
    private final DynamoDbClient dynamoDb;
    private final String table;
    private final List<Map<String, AttributeValue>> pending = new ArrayList<>();
    private final java.util.Set<String> pointers = new java.util.HashSet<>();
    private int sequence;

    AgreedItems(LocalStack stack) {
        this.dynamoDb = LocalResources.dynamoDb(stack.dynamoDbEndpoint());
        this.table = LocalNames.TABLE;
    }

    private String id(String prefix) {
        return prefix + String.format("%06d", ++sequence) + Long.toString(System.nanoTime(), 36);
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(String v) {
        return AttributeValue.fromN(v);
    }

    private static int shard(String id) {
        return Table.shard(id);
    }

    /** A registration of {@code district} at {@code occurredAt}, filed under its local date. */
    AgreedItems registration(LocalDate localDate, Instant occurredAt, String district, String risk, boolean fever,
            String plate) {
        String id = id("R");
        return registration(localDate, occurredAt, district, risk, fever, plate, shard(id), id, "");
    }

    /** A registration in a chosen shard, padded (an {@code origin} of that many characters) to fill pages. */
    AgreedItems paddedRegistration(LocalDate localDate, Instant occurredAt, String district, int shard, int padding) {
        return registration(localDate, occurredAt, district, "LOW", false, null, shard, id("R"), "x".repeat(padding));
    }

    private AgreedItems registration(LocalDate localDate, Instant occurredAt, String district, String risk,
            boolean fever, String plate, int shard, String id, String origin) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(Table.RegistrationItem.pk(localDate, shard)));
        item.put("sk", s(id));
        item.put("id", s(id));
        item.put("occurredAt", s(occurredAt.toString()));
        item.put("localDate", s(localDate.toString()));
        item.put("district", s(district));
        item.put("riskLevel", s(risk));
        item.put("fever", AttributeValue.fromBool(fever));
        item.put("siteType", s("CHECKPOINT"));
        item.put("siteCode", s("HYT-01"));
        item.put("idNumberMasked", s("6***************1X"));
        item.put("phoneMasked", s("138****1234"));
        if (plate != null) {
            item.put("vehiclePlate", s(plate));
        }
        if (!origin.isEmpty()) {
            item.put("origin", s(origin));
        }
        pending.add(item);
        return flushIfFull();
    }

    AgreedItems funds(LocalDate donatedOn, String district, String amount) {
        String id = id("D");
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(Table.DonationItem.pk(donatedOn, shard(id))));
        item.put("sk", s(id));
        item.put("district", s(district));
        item.put("kind", s("FUNDS"));
        item.put("amount", n(amount));
        item.put("value", n(amount));
        item.put("donorType", s("ORGANIZATION"));
        pending.add(item);
        return flushIfFull();
    }

    /** Materials: {@code items} as category, quantity, unitValue triples. */
    AgreedItems materials(LocalDate donatedOn, String district, String... items) {
        String id = id("D");
        List<AttributeValue> list = new ArrayList<>();
        BigDecimal value = BigDecimal.ZERO;
        for (int i = 0; i < items.length; i += 3) {
            list.add(AttributeValue.fromM(Map.of("category", s(items[i]), "name", s("物资"), "quantity", n(items[i + 1]),
                    "unit", s("个"), "unitValue", n(items[i + 2]))));
            value = value.add(new BigDecimal(items[i + 1]).multiply(new BigDecimal(items[i + 2])));
        }
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s(Table.DonationItem.pk(donatedOn, shard(id))));
        item.put("sk", s(id));
        item.put("district", s(district));
        item.put("kind", s("MATERIALS"));
        item.put("items", AttributeValue.fromL(list));
        item.put("value", n(value.toPlainString()));
        pending.add(item);
        return flushIfFull();
    }

    /**
     * A reopening application in its current state, with a pointer for each of its event dates
     * ({@code decidedOn}/{@code reopenedOn} may be null).
     */
    AgreedItems application(String district, boolean aboveSize, String status, LocalDate submittedOn,
            LocalDate decidedOn, LocalDate reopenedOn) {
        String id = id("A");
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", s("APP#" + id));
        item.put("sk", s("APP"));
        item.put("id", s(id));
        item.put("status", s(status));
        item.put("version", n("1"));
        item.put("district", s(district));
        item.put("street", s("西站街道"));
        item.put("enterprise", AttributeValue.fromM(Map.of("name", s("兰州某制药有限公司"),
                "creditCode", s("91620100MA74XXXX0X"), "aboveDesignatedSize", AttributeValue.fromBool(aboveSize))));
        item.put("submittedOn", s(submittedOn.toString()));
        item.put("submittedAt", s(submittedOn + "T02:00:00Z"));
        pointer(submittedOn, district, id);
        if (decidedOn != null) {
            item.put("decidedOn", s(decidedOn.toString()));
            pointer(decidedOn, district, id);
        }
        if (reopenedOn != null) {
            item.put("reopenedOn", s(reopenedOn.toString()));
            pointer(reopenedOn, district, id);
        }
        pending.add(item);
        return flushIfFull();
    }

    /** A pointer whose write lost its version race: the application shows nothing on that day. */
    AgreedItems strayPointer(LocalDate day, String district) {
        String id = id("A");
        pending.add(Map.of("pk", s("APP#" + id), "sk", s("APP"), "status", s("SUBMITTED"), "district", s(district),
                "submittedOn", s(day.minusDays(1).toString()),
                "enterprise", AttributeValue.fromM(Map.of("aboveDesignatedSize", AttributeValue.fromBool(true)))));
        pointer(day, district, id);
        return flushIfFull();
    }

    private void pointer(LocalDate day, String district, String id) {
        if (!pointers.add(day + "#" + district + "#" + id)) {
            return;
        }
        pending.add(Map.of("pk", s("REOEV#" + day), "sk", s(district + "#" + id)));
    }

    /** What common's DayChanges writes before a late record. */
    AgreedItems changed(LocalDate day, Instant at) {
        flush();
        dynamoDb.putItem(b -> b.tableName(table).item(Map.of("pk", s("CHANGED"), "sk", s(day.toString()),
                "changedAt", n(Long.toString(at.toEpochMilli())))));
        return this;
    }

    private AgreedItems flushIfFull() {
        if (pending.size() >= 25) {
            flush();
        }
        return this;
    }

    AgreedItems flush() {
        while (!pending.isEmpty()) {
            List<Map<String, AttributeValue>> batch = new ArrayList<>(pending.subList(0, Math.min(25, pending.size())));
            pending.subList(0, batch.size()).clear();
            Map<String, List<WriteRequest>> request = Map.of(table, batch.stream()
                    .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
                    .toList());
            while (!request.isEmpty()) {
                var response = dynamoDb.batchWriteItem(BatchWriteItemRequest.builder().requestItems(request).build());
                request = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
        return this;
    }

    @Override
    public void close() {
        flush();
        dynamoDb.close();
    }
}
