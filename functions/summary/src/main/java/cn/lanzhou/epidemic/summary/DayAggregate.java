package cn.lanzhou.epidemic.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the report keeps of one compiled local day ({@code pk = AGG}, {@code sk = {date}}): each
 * district's day figures and cumulative figures, the day's distinct vehicles over all districts,
 * and when the compilation that read them started. Aggregates only: nothing about a person.
 */
record DayAggregate(LocalDate date, Instant startedAt, long vehicles, Map<String, DistrictDay> days,
        Map<String, Cumulative> cumulative) {

    /** Writes in flight and clocks of different machines: a mark this close to a compilation may have been missed. */
    static final Duration GRACE = Duration.ofSeconds(60);

    /**
     * The day figures still hold: compiled after the day was over (no more same-day writes can land)
     * and no late-change mark for the day since that compilation began.
     */
    boolean dayFiguresCurrent(ZoneId zone, Map<LocalDate, Instant> changes) {
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        if (startedAt.isBefore(dayEnd.plus(GRACE))) {
            return false;
        }
        Instant mark = changes.get(date);
        return mark == null || !mark.isAfter(startedAt.minus(GRACE));
    }

    /** The cumulative figures still hold: the day figures hold and no earlier day changed since. */
    boolean cumulativeCurrent(ZoneId zone, Map<LocalDate, Instant> changes) {
        if (!dayFiguresCurrent(zone, changes)) {
            return false;
        }
        Instant threshold = startedAt.minus(GRACE);
        for (var change : changes.entrySet()) {
            if (!change.getKey().isAfter(date) && change.getValue().isAfter(threshold)) {
                return false;
            }
        }
        return true;
    }
}
