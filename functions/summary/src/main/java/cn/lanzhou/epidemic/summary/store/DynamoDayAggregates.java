package cn.lanzhou.epidemic.summary.store;

import static cn.lanzhou.epidemic.common.store.Table.*;
import static cn.lanzhou.epidemic.common.store.Table.AggregateItem.*;
import static cn.lanzhou.epidemic.common.store.Table.ChangeItem.CHANGED_AT;

import cn.lanzhou.epidemic.common.store.Attrs;
import cn.lanzhou.epidemic.common.store.Dynamo;
import cn.lanzhou.epidemic.summary.domain.Cumulative;
import cn.lanzhou.epidemic.summary.domain.DailyReport;
import cn.lanzhou.epidemic.summary.domain.DayAggregate;
import cn.lanzhou.epidemic.summary.domain.DayAggregates;
import cn.lanzhou.epidemic.summary.domain.DistrictDay;
import cn.lanzhou.epidemic.summary.domain.ObservationFigure;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The per-day aggregates, one item per day: {@code pk = AGG}, {@code sk = {date}},
 * {@code startedAt} (epoch millis of the compilation's start), {@code compiledAt} (ISO, for
 * people), {@code vehicles} (the day's distinct plates, all districts), {@code districts}: a map
 * from district code to that district's day and cumulative figures, and {@code trend}: a list of
 * the city's totals of the last 14 days that have an aggregate (see {@link DayAggregate}), each a
 * map of {@code date}, {@code registrations}, {@code fever}, {@code donations}, {@code funds},
 * {@code materialsValue}, {@code reopened}: one small item a day.
 */
public record DynamoDayAggregates(Dynamo dynamo, String table) implements DayAggregates {
    private static final Map<ObservationFigure, String> OBSERVATION_NAMES = Map.of(ObservationFigure.STARTED, OBS_STARTED,
            ObservationFigure.COMPLETED, OBS_COMPLETED, ObservationFigure.TRANSFERRED, OBS_TRANSFERRED,
            ObservationFigure.ENDED_EARLY, OBS_ENDED_EARLY, ObservationFigure.CHECKS, OBS_CHECKS,
            ObservationFigure.FEVER_CHECKS, FEVER_CHECKS, ObservationFigure.MISSED_CHECKS, MISSED_CHECKS);
    /** A walk back usually stops at the first aggregate or two: small pages. */
    private static final int PAGE = 8;

    @Override
    public Optional<DayAggregate> get(LocalDate day) {
        return dynamo.get(table, Attrs.key(AggregateItem.PK_VALUE, day.toString())).map(DynamoDayAggregates::decode);
    }

    @Override
    public void put(DayAggregate aggregate) {
        dynamo.call(() -> dynamo.client().putItem(PutItemRequest.builder()
                .tableName(table)
                .item(encode(aggregate))
                .build()));
    }

    @Override
    public Iterator<DayAggregate> newestFirst(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return java.util.Collections.emptyIterator();
        }
        QueryRequest request = QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :from AND :to")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s(AggregateItem.PK_VALUE), ":from", Attrs.s(from.toString()),
                        ":to", Attrs.s(to.toString())))
                .scanIndexForward(false)
                .limit(PAGE)
                .consistentRead(true)
                .build();
        return new Iterator<>() {
            private Iterator<Map<String, AttributeValue>> page = java.util.Collections.emptyIterator();
            private Map<String, AttributeValue> start;
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && more) {
                    QueryRequest next = start == null ? request : request.toBuilder().exclusiveStartKey(start).build();
                    var response = dynamo.call(() -> dynamo.client().query(next));
                    page = response.items().iterator();
                    start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                            ? response.lastEvaluatedKey() : null;
                    more = start != null;
                }
                return page.hasNext();
            }

            @Override
            public DayAggregate next() {
                if (!hasNext()) {
                    throw new java.util.NoSuchElementException();
                }
                return decode(page.next());
            }
        };
    }

    @Override
    public Optional<LocalDate> earliest() {
        var response = dynamo.call(() -> dynamo.client().query(QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK))
                .expressionAttributeValues(Map.of(":pk", Attrs.s(AggregateItem.PK_VALUE)))
                .projectionExpression("#sk")
                .scanIndexForward(true)
                .limit(1)
                .consistentRead(true)
                .build()));
        return response.items().stream().findFirst().flatMap(item -> parseDate(Attrs.str(item, SK)));
    }

    @Override
    public Map<LocalDate, Instant> changes(LocalDate upTo) {
        Map<LocalDate, Instant> changes = new HashMap<>();
        Queries.forEach(dynamo, QueryRequest.builder()
                .tableName(table)
                .keyConditionExpression("#pk = :pk AND #sk <= :to")
                .expressionAttributeNames(Map.of("#pk", PK, "#sk", SK, "#c", CHANGED_AT))
                .expressionAttributeValues(Map.of(":pk", Attrs.s(ChangeItem.PK_VALUE), ":to", Attrs.s(upTo.toString())))
                .projectionExpression("#sk, #c")
                .consistentRead(true)
                .build(), item -> parseDate(Attrs.str(item, SK))
                        .ifPresent(day -> changes.put(day, Instant.ofEpochMilli(Attrs.num(item, CHANGED_AT)))));
        return changes;
    }

    private static Optional<LocalDate> parseDate(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static Map<String, AttributeValue> encode(DayAggregate aggregate) {
        Map<String, AttributeValue> districts = new LinkedHashMap<>();
        aggregate.days().forEach((code, day) -> {
            Cumulative c = aggregate.cumulative().getOrDefault(code, Cumulative.ZERO);
            Map<String, AttributeValue> items = new LinkedHashMap<>();
            day.items.forEach((category, quantity) -> items.put(category, Attrs.n(quantity)));
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            m.put(REGISTRATIONS, Attrs.n(day.registrations));
            m.put(FEVER, Attrs.n(day.fever));
            m.put(HIGH_RISK, Attrs.n(day.highRisk));
            m.put(MEDIUM_RISK, Attrs.n(day.mediumRisk));
            m.put(LOW_RISK, Attrs.n(day.lowRisk));
            m.put(VEHICLES, Attrs.n(day.vehicles));
            m.put(DONATIONS, Attrs.n(day.donations));
            m.put(FUNDS, Attrs.n(day.funds));
            m.put(MATERIALS_VALUE, Attrs.n(day.materialsValue));
            m.put(ITEMS, AttributeValue.fromM(items));
            m.put(SUBMITTED, Attrs.n(day.submitted));
            m.put(APPROVED, Attrs.n(day.approved));
            m.put(REJECTED, Attrs.n(day.rejected));
            m.put(REOPENED, Attrs.n(day.reopened));
            m.put(ABOVE_SIZE_REOPENED, Attrs.n(day.aboveSizeReopened));
            m.put(CUM_REGISTRATIONS, Attrs.n(c.registrations()));
            m.put(CUM_FUNDS, Attrs.n(c.funds()));
            m.put(CUM_MATERIALS_VALUE, Attrs.n(c.materialsValue()));
            m.put(CUM_SUBMITTED, Attrs.n(c.submitted()));
            m.put(CUM_APPROVED, Attrs.n(c.approved()));
            m.put(CUM_REJECTED, Attrs.n(c.rejected()));
            m.put(CUM_ABOVE_SIZE_REOPENED, Attrs.n(c.aboveSizeReopened()));
            OBSERVATION_NAMES.forEach((figure, name) -> m.put(name, Attrs.n(day.observed(figure))));
            m.put(CUM_OBS_STARTED, Attrs.n(c.observationsStarted()));
            m.put(CUM_OBS_RELEASED, Attrs.n(c.observationsReleased()));
            districts.put(code, AttributeValue.fromM(m));
        });
        Map<String, AttributeValue> item = new LinkedHashMap<>(Attrs.key(AggregateItem.PK_VALUE, aggregate.date().toString()));
        item.put(STARTED_AT, Attrs.n(aggregate.startedAt().toEpochMilli()));
        item.put(COMPILED_AT, Attrs.s(aggregate.startedAt().toString()));
        item.put(VEHICLES, Attrs.n(aggregate.vehicles()));
        item.put(DISTRICTS, AttributeValue.fromM(districts));
        List<AttributeValue> trend = new ArrayList<>();
        for (DailyReport.TrendDay day : aggregate.trend()) {
            Map<String, AttributeValue> m = new LinkedHashMap<>();
            m.put(DATE, Attrs.s(day.date().toString()));
            m.put(REGISTRATIONS, Attrs.n(day.registrations()));
            m.put(FEVER, Attrs.n(day.fever()));
            m.put(DONATIONS, Attrs.n(day.donations()));
            m.put(FUNDS, Attrs.n(day.funds()));
            m.put(MATERIALS_VALUE, Attrs.n(day.materialsValue()));
            m.put(REOPENED, Attrs.n(day.reopened()));
            m.put(ACTIVE_OBSERVATIONS, Attrs.n(day.activeObservations()));
            trend.add(AttributeValue.fromM(m));
        }
        item.put(TREND, AttributeValue.fromL(trend));
        return item;
    }

    public static DayAggregate decode(Map<String, AttributeValue> item) {
        Map<String, DistrictDay> days = new LinkedHashMap<>();
        Map<String, Cumulative> cumulative = new LinkedHashMap<>();
        AttributeValue all = item.get(DISTRICTS);
        if (all != null && all.hasM()) {
            all.m().forEach((code, value) -> {
                Map<String, AttributeValue> m = value.m();
                DistrictDay day = new DistrictDay();
                day.registrations = Attrs.num(m, REGISTRATIONS);
                day.fever = Attrs.num(m, FEVER);
                day.highRisk = Attrs.num(m, HIGH_RISK);
                day.mediumRisk = Attrs.num(m, MEDIUM_RISK);
                day.lowRisk = Attrs.num(m, LOW_RISK);
                day.vehicles = Attrs.num(m, VEHICLES);
                day.donations = Attrs.num(m, DONATIONS);
                day.funds = Attrs.decimal(m, FUNDS);
                day.materialsValue = Attrs.decimal(m, MATERIALS_VALUE);
                AttributeValue items = m.get(ITEMS);
                if (items != null && items.hasM()) {
                    items.m().forEach((category, quantity) -> day.items.put(category, Long.parseLong(quantity.n())));
                }
                day.submitted = Attrs.num(m, SUBMITTED);
                day.approved = Attrs.num(m, APPROVED);
                day.rejected = Attrs.num(m, REJECTED);
                day.reopened = Attrs.num(m, REOPENED);
                day.aboveSizeReopened = Attrs.num(m, ABOVE_SIZE_REOPENED);
                OBSERVATION_NAMES.forEach((figure, name) -> day.observations.put(figure, Attrs.num(m, name)));
                days.put(code, day);
                cumulative.put(code, new Cumulative(Attrs.num(m, CUM_REGISTRATIONS), Attrs.decimal(m, CUM_FUNDS),
                        Attrs.decimal(m, CUM_MATERIALS_VALUE), Attrs.num(m, CUM_SUBMITTED), Attrs.num(m, CUM_APPROVED),
                        Attrs.num(m, CUM_REJECTED), Attrs.num(m, CUM_ABOVE_SIZE_REOPENED), Attrs.num(m, CUM_OBS_STARTED),
                        Attrs.num(m, CUM_OBS_RELEASED)));
            });
        }
        List<DailyReport.TrendDay> trend = new ArrayList<>();
        AttributeValue kept = item.get(TREND);
        if (kept != null && kept.hasL()) {
            for (AttributeValue value : kept.l()) {
                Map<String, AttributeValue> m = value.m();
                trend.add(new DailyReport.TrendDay(LocalDate.parse(Attrs.str(m, DATE)), Attrs.num(m, REGISTRATIONS),
                        Attrs.num(m, FEVER), Attrs.num(m, DONATIONS), Attrs.decimal(m, FUNDS),
                        Attrs.decimal(m, MATERIALS_VALUE), Attrs.num(m, REOPENED), Attrs.num(m, ACTIVE_OBSERVATIONS)));
            }
        }
        return new DayAggregate(LocalDate.parse(Attrs.str(item, SK)), Instant.ofEpochMilli(Attrs.num(item, STARTED_AT)),
                Attrs.num(item, VEHICLES), days, cumulative, List.copyOf(trend));
    }
}
