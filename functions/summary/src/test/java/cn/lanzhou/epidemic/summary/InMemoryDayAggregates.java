package cn.lanzhou.epidemic.summary;

import cn.lanzhou.epidemic.summary.domain.DayAggregate;
import cn.lanzhou.epidemic.summary.domain.DayAggregates;
import cn.lanzhou.epidemic.summary.store.DynamoDayAggregates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Aggregates and late-change marks in memory; every aggregate goes through the DynamoDB codec, as it would be stored. */
public final class InMemoryDayAggregates implements DayAggregates {
    private final TreeMap<LocalDate, Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> items =
            new TreeMap<>();
    private final TreeMap<LocalDate, Instant> marks = new TreeMap<>();
    int gets;
    int puts;
    /** When set, every put fails as DynamoDB being unavailable would. */
    volatile boolean failPuts;

    @Override
    public synchronized Optional<DayAggregate> get(LocalDate day) {
        gets++;
        return Optional.ofNullable(items.get(day)).map(DynamoDayAggregates::decode);
    }

    @Override
    public synchronized void put(DayAggregate aggregate) {
        if (failPuts) {
            throw new cn.lanzhou.epidemic.common.store.BackendUnavailable(new IllegalStateException("aggregate not saved"));
        }
        puts++;
        items.put(aggregate.date(), DynamoDayAggregates.encode(aggregate));
    }

    @Override
    public synchronized java.util.Iterator<DayAggregate> newestFirst(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return java.util.Collections.emptyIterator();
        }
        // a copy: the compiler saves an aggregate on another thread while it reads
        var view = new java.util.ArrayList<>(items.subMap(from, true, to, true).descendingMap().values()).iterator();
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return view.hasNext();
            }

            @Override
            public DayAggregate next() {
                synchronized (InMemoryDayAggregates.this) {
                    gets++;
                }
                return DynamoDayAggregates.decode(view.next());
            }
        };
    }

    @Override
    public synchronized Optional<LocalDate> earliest() {
        return items.isEmpty() ? Optional.empty() : Optional.of(items.firstKey());
    }

    @Override
    public synchronized Map<LocalDate, Instant> changes(LocalDate upTo) {
        return new HashMap<>(marks.headMap(upTo, true));
    }

    /** What common's DayChanges.markIfPast writes. */
    synchronized void mark(LocalDate day, Instant at) {
        marks.put(day, at);
    }

    /** Removes every aggregate's trend, as aggregates were stored before they kept one. */
    synchronized void dropTrends() {
        items.replaceAll((day, item) -> {
            var copy = new java.util.LinkedHashMap<>(item);
            copy.remove(cn.lanzhou.epidemic.common.store.Table.AggregateItem.TREND);
            return copy;
        });
    }

    synchronized boolean has(LocalDate day) {
        return items.containsKey(day);
    }
}
