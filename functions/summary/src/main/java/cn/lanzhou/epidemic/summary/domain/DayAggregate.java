package cn.lanzhou.epidemic.summary.domain;

import cn.lanzhou.epidemic.common.model.District;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the report keeps of one compiled local day ({@code pk = AGG}, {@code sk = {date}}): each
 * district's day figures and cumulative figures, the day's distinct vehicles over all districts,
 * the city's totals of the last {@link #TREND_DAYS} days for the trend chart, and when the
 * compilation that read them started. Aggregates only: nothing about a person.
 *
 * <p>The trend is carried from one aggregate to the next, like the cumulative figures, so a
 * report reads no aggregate but the previous day's: it holds the totals of the days of the window
 * that have an aggregate, oldest first, and always ends with the aggregate's own day.
 */
public record DayAggregate(LocalDate date, Instant startedAt, long vehicles, Map<String, DistrictDay> days,
        Map<String, Cumulative> cumulative, List<DailyReport.TrendDay> trend) {

    /** Writes in flight and clocks of different machines: a mark this close to a compilation may have been missed. */
    public static final Duration GRACE = Duration.ofSeconds(60);
    /** Days in the report's trend chart, the day itself included. */
    public static final int TREND_DAYS = 14;

    /**
     * The aggregate of {@code date} that follows {@code previous} (the latest aggregate before it
     * that holds, if any): cumulative figures and trend carried on from it, a figure for every
     * district of the reference list.
     */
    public static DayAggregate after(Optional<DayAggregate> previous, LocalDate date, Instant startedAt, long vehicles,
            Map<String, DistrictDay> days, List<District> districts) {
        Map<String, Cumulative> before = previous.isPresent() ? previous.get().cumulative() : Map.of();
        Map<String, DistrictDay> dayFigures = new LinkedHashMap<>();
        Map<String, Cumulative> cumulative = new LinkedHashMap<>();
        DistrictDay total = new DistrictDay();
        long active = 0;
        for (District district : districts) {
            DistrictDay figure = days.getOrDefault(district.code(), new DistrictDay());
            dayFigures.put(district.code(), figure);
            Cumulative upToDay = before.getOrDefault(district.code(), Cumulative.ZERO).plus(figure);
            cumulative.put(district.code(), upToDay);
            total.add(figure);
            active += upToDay.activeObservations();
        }
        List<DailyReport.TrendDay> trend = new ArrayList<>();
        LocalDate from = date.minusDays(TREND_DAYS - 1L);
        if (previous.isPresent()) {
            for (DailyReport.TrendDay day : previous.get().trend()) {
                if (!day.date().isBefore(from)) {
                    trend.add(day);
                }
            }
        }
        trend.add(new DailyReport.TrendDay(date, total.registrations, total.fever, total.donations, total.funds,
                total.materialsValue, total.reopened, active));
        return new DayAggregate(date, startedAt, vehicles, dayFigures, cumulative, List.copyOf(trend));
    }

    /**
     * The day figures still hold: compiled after the day was over (no more same-day writes can land)
     * and no late-change mark for the day since that compilation began.
     */
    public boolean dayFiguresCurrent(ZoneId zone, Map<LocalDate, Instant> changes) {
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        if (startedAt.isBefore(dayEnd.plus(GRACE))) {
            return false;
        }
        Instant mark = changes.get(date);
        return mark == null || !mark.isAfter(startedAt.minus(GRACE));
    }

    /**
     * The cumulative figures (and the trend) still hold: the day figures hold and no earlier day
     * changed since. An aggregate stored before aggregates kept their trend (its trend is empty)
     * never holds: it is brought up to date from its day figures.
     */
    public boolean cumulativeCurrent(ZoneId zone, Map<LocalDate, Instant> changes) {
        if (trend.isEmpty() || !dayFiguresCurrent(zone, changes)) {
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

    /** The trend chart's {@link #TREND_DAYS} days ending with this one, a day without an aggregate at zero. */
    public List<DailyReport.TrendDay> trendWindow() {
        List<DailyReport.TrendDay> window = new ArrayList<>(TREND_DAYS);
        int next = 0;
        for (LocalDate day = date.minusDays(TREND_DAYS - 1L); !day.isAfter(date); day = day.plusDays(1)) {
            while (next < trend.size() && trend.get(next).date().isBefore(day)) {
                next++;
            }
            window.add(next < trend.size() && trend.get(next).date().equals(day)
                    ? trend.get(next) : DailyReport.TrendDay.zero(day));
        }
        return window;
    }
}
