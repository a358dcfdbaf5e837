package cn.lanzhou.epidemic.summary.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/** The report's per-day aggregates and the writers' late-change marks that tell when one is stale. */
public interface DayAggregates {

    Optional<DayAggregate> get(LocalDate day);

    void put(DayAggregate aggregate);

    /** The aggregates of {@code from} … {@code to} that exist, newest first, fetched as they are consumed. */
    Iterator<DayAggregate> newestFirst(LocalDate from, LocalDate to);

    /** The date of the oldest aggregate, if any. */
    Optional<LocalDate> earliest();

    /** Late-change marks ({@code pk = CHANGED}) of days up to and including {@code upTo}: day → changedAt. */
    Map<LocalDate, Instant> changes(LocalDate upTo);
}
