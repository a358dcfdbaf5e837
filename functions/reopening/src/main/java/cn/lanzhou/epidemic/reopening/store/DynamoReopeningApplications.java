package cn.lanzhou.epidemic.reopening.store;

import cn.lanzhou.epidemic.common.time.UtcMillis;
import static cn.lanzhou.epidemic.common.store.Table.*;
import static cn.lanzhou.epidemic.common.store.Table.ApplicationItem.*;
import static cn.lanzhou.epidemic.common.store.Attrs.bool;
import static cn.lanzhou.epidemic.common.store.Attrs.flag;
import static cn.lanzhou.epidemic.common.store.Attrs.key;
import static cn.lanzhou.epidemic.common.store.Attrs.list;
import static cn.lanzhou.epidemic.common.store.Attrs.n;
import static cn.lanzhou.epidemic.common.store.Attrs.num;
import static cn.lanzhou.epidemic.common.store.Attrs.s;
import static cn.lanzhou.epidemic.common.store.Attrs.str;
import static cn.lanzhou.epidemic.common.store.Attrs.strings;

import cn.lanzhou.epidemic.common.store.DayChanges;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.common.store.DynamoLocks;
import cn.lanzhou.epidemic.common.store.Locks;
import cn.lanzhou.epidemic.common.store.Table;
import cn.lanzhou.epidemic.reopening.domain.Readiness;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.Contact;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.Difficulty;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.Enterprise;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.EntryStep;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.HistoryEntry;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication.Prevention;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplications;
import cn.lanzhou.epidemic.reopening.domain.Status;
import cn.lanzhou.epidemic.reopening.domain.Transition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Applications, their enterprises' locks and the report's pointers to a day's events, in the one
 * table ({@link Table.ApplicationItem}, docs/reopenings.md).
 */
public record DynamoReopeningApplications(Dynamo dynamo, String table) implements ReopeningApplications {
    @Override
    public Optional<ReopeningApplication> find(String id) {
        return dynamo.get(table, key(ApplicationItem.pk(id), SK_VALUE)).map(DynamoReopeningApplications::fromItem);
    }

    @Override
    public boolean create(ReopeningApplication application) {
        return dynamo.putIfAbsent(table, toItem(application));
    }

    @Override
    public Optional<ReopeningApplication> apply(Transition t) {
        HistoryEntry entry = t.entry();
        Map<String, String> names = new HashMap<>(Map.of("#status", STATUS, "#version", VERSION, "#history", HISTORY));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(
                ":to", s(entry.to().name()), ":from", s(entry.from().name()),
                ":expected", n(t.expectedVersion()), ":one", n(1),
                ":entry", AttributeValue.fromL(List.of(historyItem(entry)))));
        StringBuilder set = new StringBuilder("SET #status = :to, #version = #version + :one, "
                + "#history = list_append(#history, :entry)");
        if (entry.to() == Status.REOPENED) {
            names.put("#reopenedOn", REOPENED_ON);
            values.put(":on", s(t.eventDate().toString()));
            set.append(", #reopenedOn = :on");
        } else {
            names.put("#decidedAt", DECIDED_AT);
            names.put("#decidedOn", DECIDED_ON);
            values.put(":at", s(UtcMillis.format(entry.at())));
            values.put(":on", s(t.eventDate().toString()));
            set.append(", #decidedAt = :at, #decidedOn = :on");
            if (entry.reason() != null) {
                names.put("#reason", REASON);
                values.put(":reason", s(entry.reason()));
                set.append(", #reason = :reason");
            }
        }
        try {
            var response = dynamo.call(() -> dynamo.client().updateItem(UpdateItemRequest.builder()
                    .tableName(table)
                    .key(key(ApplicationItem.pk(t.applicationId()), SK_VALUE))
                    .updateExpression(set.toString())
                    .conditionExpression("#version = :expected AND #status = :from")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .build()));
            return Optional.of(fromItem(response.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    @Override
    public Locks locks() {
        return new DynamoLocks(dynamo, table, ApplicationItem::lockPk, LOCK_SK, APP_ID);
    }

    @Override
    public void announce(LocalDate date, String district, String applicationId, LocalDate today, Instant now) {
        dayChanges().markIfPast(date, today, now);
        dynamo.call(() -> dynamo.client().putItem(PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(PK, s(eventsPk(date)), SK, s(eventSk(district, applicationId)),
                        APP_ID, s(applicationId), DISTRICT, s(district)))
                .build()));
    }

    @Override
    public Slice slice(String district, Optional<Status> status, int limit, String after) {
        Map<String, AttributeValue> start = after.isEmpty() ? null : Map.of(
                GSI1PK, s(listPk(district)), GSI1SK, s(after),
                PK, s(ApplicationItem.pk(after.substring(after.indexOf('#') + 1))), SK, s(SK_VALUE));
        Map<String, String> names = new HashMap<>(Map.of("#pk", GSI1PK));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(listPk(district))));
        status.ifPresent(st -> {
            names.put("#status", STATUS);
            values.put(":status", s(st.name()));
        });
        Dynamo.Slice slice = dynamo.page(QueryRequest.builder()
                .tableName(table)
                .indexName(GSI1)
                .keyConditionExpression("#pk = :pk")
                .filterExpression(status.isPresent() ? "#status = :status" : null)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .build(), start, limit);
        return new Slice(slice.items().stream().map(DynamoReopeningApplications::fromItem).toList(), slice.more());
    }

    // ---- mapping

    static Map<String, AttributeValue> toItem(ReopeningApplication a) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(PK, s(ApplicationItem.pk(a.id())));
        item.put(SK, s(SK_VALUE));
        item.put(GSI1PK, s(listPk(a.district())));
        item.put(GSI1SK, s(ReopeningApplications.position(a)));
        item.put(ID, s(a.id()));
        item.put(STATUS, s(a.status().name()));
        item.put(VERSION, n(a.version()));
        item.put(DISTRICT, s(a.district()));
        item.put(STREET, s(a.street()));
        Enterprise e = a.enterprise();
        item.put(ENTERPRISE, AttributeValue.fromM(Map.of(NAME, s(e.name()), CREDIT_CODE, s(e.creditCode()),
                INDUSTRY, s(e.industry()), ABOVE_DESIGNATED_SIZE, bool(e.aboveDesignatedSize()),
                EMPLOYEES, n(e.employees()))));
        item.put(CONTACT, AttributeValue.fromM(Map.of(NAME, s(a.contact().name()), PHONE, s(a.contact().phone()))));
        item.put(PLANNED_DATE, s(a.plannedDate().toString()));
        item.put(RETURNING, n(a.returningEmployees()));
        item.put(FROM_HUBEI, n(a.employeesFromHubei()));
        Prevention p = a.prevention();
        item.put(PREVENTION, AttributeValue.fromM(Map.of(RESPONSIBLE_PERSON, s(p.responsiblePerson()),
                DISINFECTIONS_PER_DAY, n(p.disinfectionsPerDay()),
                ENTRY_STEPS, strings(p.entrySteps().stream().sorted().map(Enum::name).toList()),
                MASKS_IN_STOCK, n(p.masksInStock()), THERMOMETERS, n(p.thermometers()),
                EMERGENCY_PLAN, bool(p.emergencyPlan()))));
        item.put(DIFFICULTIES, strings(a.difficulties().stream().sorted().map(Enum::name).toList()));
        if (a.difficultyNote() != null) {
            item.put(DIFFICULTY_NOTE, s(a.difficultyNote()));
        }
        item.put(READINESS, AttributeValue.fromM(Map.of(READY, bool(a.readiness().ready()),
                MISSING, strings(a.readiness().missing()))));
        item.put(SUBMITTED_AT, s(UtcMillis.format(a.submittedAt())));
        item.put(SUBMITTED_ON, s(a.submittedOn().toString()));
        putIfPresent(item, DECIDED_AT, UtcMillis.format(a.decidedAt()));
        putIfPresent(item, DECIDED_ON, a.decidedOn() == null ? null : a.decidedOn().toString());
        putIfPresent(item, REASON, a.reason());
        putIfPresent(item, REOPENED_ON, a.reopenedOn() == null ? null : a.reopenedOn().toString());
        item.put(HISTORY, AttributeValue.fromL(a.history().stream().map(DynamoReopeningApplications::historyItem).toList()));
        return item;
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static AttributeValue historyItem(HistoryEntry h) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        m.put(AT, s(UtcMillis.format(h.at())));
        m.put(ACTOR, s(h.actor()));
        if (h.from() != null) {
            m.put(FROM, s(h.from().name()));
        }
        m.put(TO, s(h.to().name()));
        if (h.reason() != null) {
            m.put(REASON, s(h.reason()));
        }
        if (h.attemptId() != null) {
            m.put(ATTEMPT_ID, s(h.attemptId()));
        }
        return AttributeValue.fromM(m);
    }

    static ReopeningApplication fromItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> e = item.get(ENTERPRISE).m();
        Map<String, AttributeValue> c = item.get(CONTACT).m();
        Map<String, AttributeValue> p = item.get(PREVENTION).m();
        Map<String, AttributeValue> r = item.get(READINESS).m();
        Prevention prevention = new Prevention(str(p, RESPONSIBLE_PERSON), (int) num(p, DISINFECTIONS_PER_DAY),
                enums(list(p, ENTRY_STEPS), EntryStep.class), num(p, MASKS_IN_STOCK), num(p, THERMOMETERS),
                flag(p, EMERGENCY_PLAN));
        List<HistoryEntry> history = item.get(HISTORY).l().stream().map(AttributeValue::m)
                .map(h -> new HistoryEntry(UtcMillis.parse(str(h, AT)), str(h, ACTOR), status(str(h, FROM)),
                        status(str(h, TO)), str(h, REASON), str(h, ATTEMPT_ID)))
                .toList();
        return new ReopeningApplication(str(item, ID),
                new Enterprise(str(e, NAME), str(e, CREDIT_CODE), str(e, INDUSTRY), flag(e, ABOVE_DESIGNATED_SIZE),
                        num(e, EMPLOYEES)),
                str(item, DISTRICT), str(item, STREET), new Contact(str(c, NAME), str(c, PHONE)),
                date(str(item, PLANNED_DATE)), num(item, RETURNING), num(item, FROM_HUBEI), prevention,
                enums(list(item, DIFFICULTIES), Difficulty.class), str(item, DIFFICULTY_NOTE),
                new Readiness(flag(r, READY), list(r, MISSING)),
                status(str(item, STATUS)), num(item, VERSION),
                UtcMillis.parse(str(item, SUBMITTED_AT)), date(str(item, SUBMITTED_ON)),
                UtcMillis.parse(str(item, DECIDED_AT)), date(str(item, DECIDED_ON)), str(item, REASON),
                date(str(item, REOPENED_ON)), history);
    }

    private static Status status(String name) {
        return name == null ? null : Status.valueOf(name);
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static <E extends Enum<E>> Set<E> enums(List<String> names, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        names.forEach(name -> set.add(Enum.valueOf(type, name)));
        return Set.copyOf(set);
    }

    private DayChanges dayChanges() {
        return new DayChanges(dynamo, table);
    }
}
