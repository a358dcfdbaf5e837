package cn.lanzhou.epidemic.summary;

import cn.lanzhou.epidemic.common.log.Log;
import cn.lanzhou.epidemic.common.model.District;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.reportfiles.ReportFiles;
import cn.lanzhou.epidemic.reportfiles.ReportStore;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.summary.concurrent.Background;
import cn.lanzhou.epidemic.summary.domain.Cumulative;
import cn.lanzhou.epidemic.summary.domain.DailyReport;
import cn.lanzhou.epidemic.summary.domain.DayAggregate;
import cn.lanzhou.epidemic.summary.domain.DayAggregates;
import cn.lanzhou.epidemic.summary.domain.DayRecords;
import cn.lanzhou.epidemic.summary.domain.DayTally;
import cn.lanzhou.epidemic.summary.domain.DistrictDay;
import cn.lanzhou.epidemic.summary.render.ReportHtml;
import cn.lanzhou.epidemic.summary.render.SummaryCsv;
import cn.lanzhou.epidemic.summary.render.SummaryJson;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Compiles one local day into summary.json, summary.csv and report.html.
 *
 * <p>Cumulative figures: cumulative(D) = cumulative(D−1) + day(D). The aggregate of an earlier day
 * is reused when it still holds (see {@link DayAggregate}); otherwise that day's figures are read
 * again from its records (or taken from its aggregate when only an earlier day changed) and every
 * day after it is brought up to date, back to the last aggregate that holds. A compilation
 * therefore reads the day's records, one aggregate and the late-change marks, plus the records of
 * the days that changed late: its cost follows the days that changed, not the length of the history.
 */
public final class DailyReportCompiler {
    private final Districts districts;
    private final DayRecords records;
    private final DayAggregates aggregates;
    private final ReportStore store;
    private final AppClock clock;
    private final LocalDate startDate;
    private final int lookbackDays;

    /**
     * @param startDate    no day before it is ever read (REPORT_START_DATE)
     * @param lookbackDays with no aggregate to start from, how many days before the earliest mark or
     *                     aggregate (and before the day) are read as well, for records that were
     *                     written on their own day but never compiled (REPORT_LOOKBACK_DAYS)
     */
    DailyReportCompiler(Districts districts, DayRecords records, DayAggregates aggregates, ReportStore store,
            AppClock clock, LocalDate startDate, int lookbackDays) {
        this.districts = districts;
        this.records = records;
        this.aggregates = aggregates;
        this.store = store;
        this.clock = clock;
        this.startDate = startDate;
        this.lookbackDays = lookbackDays;
    }

    DailyReport compile(LocalDate date) {
        long started = System.nanoTime();
        Instant startedAt = clock.now().truncatedTo(ChronoUnit.MILLIS);
        if (date.isAfter(clock.localDate(startedAt))) {
            throw new IllegalArgumentException("a day after today cannot be compiled");
        }
        // the day's records are read while the history is brought up to date: neither needs the other
        Background<DayTally> today = Background.start("day-reader", () -> read(date));
        Optional<DayAggregate> previous;
        try {
            previous = previous(date, startedAt, aggregates.changes(date));
        } catch (RuntimeException e) {
            today.cancel();
            throw e;
        }
        DayTally tally = today.join();
        DayAggregate aggregate = DayAggregate.after(previous, date, startedAt, tally.vehicles(), tally.figures(),
                districts.all());
        // the aggregate, which carries the trend, is saved while the companion files are written;
        // summary.json only once both are done (see publish)
        Background<Void> saved = Background.run("aggregate-writer", () -> aggregates.put(aggregate));
        DailyReport report;
        try {
            report = report(aggregate);
            publish(report, saved);
        } catch (RuntimeException e) {
            // not cancelled: an interrupt does not stop a request in flight, and a write that outlived
            // the invocation could land in a later one
            awaitQuietly(saved, e);
            throw e;
        }
        Log.info(null, "daily report compiled", "date", date.toString(),
                "ms", (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    /**
     * The aggregate of the last day before {@code date} that may hold records, with its cumulative
     * figures and trend up to date, bringing stale aggregates up to date on the way; empty when no
     * day before it counts. Walks back over the days that matter only: every day of the lookback
     * window, days with an aggregate, days with a late-change mark. A day with none of these held
     * no record (see {@link #floor}) and costs nothing, so a long gap costs no more than a short one.
     */
    private Optional<DayAggregate> previous(LocalDate date, Instant startedAt, Map<LocalDate, Instant> changes) {
        LocalDate yesterday = date.minusDays(1);
        if (yesterday.isBefore(startDate)) {
            return Optional.empty();
        }
        Optional<DayAggregate> found = aggregates.get(yesterday);
        if (found.isPresent() && found.get().cumulativeCurrent(clock.zone(), changes)) {
            return found;
        }
        LocalDate floor = floor(date, changes);
        LocalDate readEveryDayFrom = date.minusDays(lookbackDays).isBefore(floor) ? floor : date.minusDays(lookbackDays);
        TreeSet<LocalDate> marked = new TreeSet<>(changes.keySet());
        Iterator<DayAggregate> older = aggregates.newestFirst(floor, yesterday.minusDays(1));
        DayAggregate nextOlder = older.hasNext() ? older.next() : null;

        List<LocalDate> stale = new ArrayList<>();
        Map<LocalDate, DayAggregate> dayFiguresHold = new HashMap<>();
        Optional<DayAggregate> base = Optional.empty();
        LocalDate day = yesterday;
        while (day != null && !day.isBefore(floor)) {
            if (found.isPresent()) {
                if (found.get().cumulativeCurrent(clock.zone(), changes)) {
                    base = found;
                    break;
                }
                if (found.get().dayFiguresCurrent(clock.zone(), changes)) {
                    dayFiguresHold.put(day, found.get());
                }
                stale.add(day);
            } else if (!day.isBefore(readEveryDayFrom) || marked.contains(day)) {
                stale.add(day);
            }
            LocalDate next = day.minusDays(1).isBefore(readEveryDayFrom) ? null : day.minusDays(1);
            LocalDate markedBefore = marked.lower(day);
            if (markedBefore != null && (next == null || markedBefore.isAfter(next))) {
                next = markedBefore;
            }
            if (nextOlder != null && (next == null || nextOlder.date().isAfter(next))) {
                next = nextOlder.date();
            }
            day = next;
            if (nextOlder != null && nextOlder.date().equals(day)) {
                found = Optional.of(nextOlder);
                nextOlder = older.hasNext() ? older.next() : null;
            } else {
                found = Optional.empty();
            }
        }
        Collections.reverse(stale);
        Optional<DayAggregate> latest = base;
        for (LocalDate staleDay : stale) {
            DayAggregate kept = dayFiguresHold.get(staleDay);
            DayAggregate refreshed;
            if (kept != null) {
                refreshed = DayAggregate.after(latest, staleDay, startedAt, kept.vehicles(), kept.days(), districts.all());
            } else {
                DayTally tally = read(staleDay);
                refreshed = DayAggregate.after(latest, staleDay, startedAt, tally.vehicles(), tally.figures(),
                        districts.all());
            }
            aggregates.put(refreshed);
            latest = Optional.of(refreshed);
        }
        if (!stale.isEmpty()) {
            Log.info(null, "days brought up to date", "from", stale.get(0).toString(), "days", stale.size());
        }
        return latest;
    }

    /**
     * The first day that may hold records when no aggregate holds: the earliest day any aggregate or
     * late-change mark knows of, or {@code lookbackDays} before the day, whichever is earlier; never
     * before the start date. A day with records was either compiled (it has an aggregate) or written
     * late (it has a mark), unless it was written on its own day and never compiled.
     */
    private LocalDate floor(LocalDate date, Map<LocalDate, Instant> changes) {
        LocalDate floor = date.minusDays(lookbackDays);
        for (LocalDate marked : changes.keySet()) {
            if (marked.isBefore(floor)) {
                floor = marked;
            }
        }
        Optional<LocalDate> earliest = aggregates.earliest();
        if (earliest.isPresent() && earliest.get().isBefore(floor)) {
            floor = earliest.get();
        }
        return floor.isBefore(startDate) ? startDate : floor;
    }

    /** The four kinds of record are read side by side; the tally takes one record at a time. */
    private DayTally read(LocalDate day) {
        LocalDateTime now = LocalDateTime.ofInstant(clock.now(), clock.zone());
        LocalDateTime dayEnd = day.plusDays(1).atStartOfDay();
        DayTally tally = new DayTally(day, districts.all(), now.isBefore(dayEnd) ? now : dayEnd);
        List<Background<Void>> readers = List.of(
                Background.run("donation-reader", () -> records.donations(day, oneAtATime(tally, tally::donation))),
                Background.run("application-reader", () -> records.applications(day, oneAtATime(tally, tally::application))),
                Background.run("observation-reader", () -> records.observations(day, oneAtATime(tally, tally::observation))));
        try {
            records.registrations(day, oneAtATime(tally, tally::registration));
        } catch (RuntimeException e) {
            readers.forEach(Background::cancel);
            throw e;
        }
        readers.forEach(Background::join);
        return tally;
    }

    /** {@code sink}, called by one thread at a time (those holding {@code lock}). */
    private static <T> Consumer<T> oneAtATime(Object lock, Consumer<T> sink) {
        return item -> {
            synchronized (lock) {
                sink.accept(item);
            }
        };
    }

    private DailyReport report(DayAggregate aggregate) {
        List<DailyReport.Row> rows = new ArrayList<>();
        DistrictDay totalDay = new DistrictDay();
        Cumulative totalCumulative = Cumulative.ZERO;
        int totalAboveSize = 0;
        for (District d : districts.all()) {
            DistrictDay day = aggregate.days().get(d.code());
            Cumulative cumulative = aggregate.cumulative().get(d.code());
            rows.add(new DailyReport.Row(d.code(), d.name(), d.aboveSizeEnterprises(), day, cumulative));
            totalDay.add(day);
            totalCumulative = totalCumulative.plus(cumulative);
            totalAboveSize += d.aboveSizeEnterprises();
        }
        // a vehicle seen in two districts is one vehicle in the city's total
        totalDay.vehicles = aggregate.vehicles();
        var total = new DailyReport.Row("total", "合计", totalAboveSize, totalDay, totalCumulative);
        return new DailyReport(aggregate.date(), clock.zone(), aggregate.startedAt(), rows, total,
                aggregate.trendWindow());
    }

    /** {@code work} finished, its own failure added to {@code failure} if it had one. */
    private static void awaitQuietly(Background<?> work, RuntimeException failure) {
        try {
            work.join();
        } catch (RuntimeException other) {
            if (other != failure) {
                failure.addSuppressed(other);
            }
        }
    }

    /**
     * The CSV and the page first, summary.json last: a set is visible once it is complete, and once
     * the day's aggregate ({@code saved}) is stored, so a visible report always has its aggregate.
     */
    private void publish(DailyReport report, Background<Void> saved) {
        String generatedAt = SummaryJson.timestamp(report.generatedAt());
        Map<String, String> metadata = Map.of(ReportFiles.META_GENERATED_AT, generatedAt);
        // the two companions are rendered and written side by side; summary.json, which names them, after both.
        // A list, not a map keyed by the File record: a record's first hashCode links its generated
        // method through invokedynamic, which a cold start pays for (BENCHMARKS.md)
        List<Background<Written>> companions = new ArrayList<>();
        for (ReportFiles.File file : ReportFiles.COMPANIONS) {
            companions.add(Background.start("report-writer", () -> {
                byte[] content = file == ReportFiles.CSV ? SummaryCsv.render(report) : ReportHtml.render(report);
                return new Written(content.length,
                        store.put(ReportFiles.key(report.date(), file), content, file.contentType(), metadata));
            }));
        }
        Map<String, String> announced = new LinkedHashMap<>();
        announced.put(ReportFiles.META_GENERATED_AT, generatedAt);
        for (int i = 0; i < companions.size(); i++) {
            ReportFiles.File file = ReportFiles.COMPANIONS.get(i);
            Written written = companions.get(i).join();
            written.version().ifPresent(v -> announced.put(file.versionMeta(), v));
            announced.put(file.bytesMeta(), Integer.toString(written.bytes()));
        }
        saved.join();
        store.put(ReportFiles.key(report.date(), ReportFiles.JSON), SummaryJson.render(report),
                ReportFiles.JSON.contentType(), announced);
    }

    private record Written(int bytes, Optional<String> version) {
    }
}
