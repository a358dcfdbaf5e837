package cn.lanzhou.epidemic.summary;

import cn.lanzhou.epidemic.summary.domain.DayRecords;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The table as the writers fill it, in memory: records filed under their local date (registrations
 * by the local date of occurredAt), applications with a pointer for every event date, and — like
 * the writers — a late-change mark before a record of a day that is already over. Synchronized:
 * the compiler reads the three kinds side by side.
 */
public final class FakeDayRecords implements DayRecords {
    private final ZoneId zone;
    private final MutableClock clock;
    private final InMemoryDayAggregates marks;
    private final Map<LocalDate, List<Registration>> registrations = new HashMap<>();
    private final Map<LocalDate, List<Donation>> donations = new HashMap<>();
    private final Map<LocalDate, Set<String>> pointers = new HashMap<>();
    private final Map<String, Application> applications = new LinkedHashMap<>();
    /** How many times each day's records were read. */
    public final Map<LocalDate, Integer> reads = new HashMap<>();

    FakeDayRecords(ZoneId zone, MutableClock clock, InMemoryDayAggregates marks) {
        this.zone = zone;
        this.clock = clock;
        this.marks = marks;
    }

    private void markIfPast(LocalDate day) {
        if (day.isBefore(clock.instant().atZone(zone).toLocalDate())) {
            marks.mark(day, clock.instant());
        }
    }

    void register(Instant occurredAt, String district, String risk, boolean fever, String plate) {
        LocalDate day = occurredAt.atZone(zone).toLocalDate();
        markIfPast(day);
        registrations.computeIfAbsent(day, d -> new ArrayList<>()).add(new Registration(district, risk, fever, plate));
    }

    void funds(LocalDate donatedOn, String district, String amount) {
        markIfPast(donatedOn);
        donations.computeIfAbsent(donatedOn, d -> new ArrayList<>())
                .add(new Donation(district, "FUNDS", new BigDecimal(amount), List.of()));
    }

    void materials(LocalDate donatedOn, String district, String value, Item... items) {
        markIfPast(donatedOn);
        donations.computeIfAbsent(donatedOn, d -> new ArrayList<>())
                .add(new Donation(district, "MATERIALS", new BigDecimal(value), List.of(items)));
    }

    void submit(String id, String district, boolean aboveSize, LocalDate on) {
        pointer(on, id);
        applications.put(id, new Application(id, district, "SUBMITTED", on, null, null, aboveSize));
    }

    void decide(String id, String status, LocalDate on) {
        pointer(on, id);
        Application a = applications.get(id);
        applications.put(id, new Application(id, a.district(), status, a.submittedOn(), on, null, a.aboveDesignatedSize()));
    }

    void reopen(String id, LocalDate on) {
        pointer(on, id);
        Application a = applications.get(id);
        applications.put(id, new Application(id, a.district(), "REOPENED", a.submittedOn(), a.decidedOn(), on,
                a.aboveDesignatedSize()));
    }

    /** A pointer whose write then lost the version race: nothing changed on the application. */
    void strayPointer(String id, LocalDate on) {
        pointer(on, id);
    }

    private final Map<String, Observation> observations = new LinkedHashMap<>();
    private final Map<LocalDate, Set<String>> observationPointers = new HashMap<>();

    /** As the follow-up writes it: a pointer for every day of the period, and one for each check and the release. */
    void observe(String id, String district, LocalDate start) {
        observations.put(id, new Observation(id, district, start, start.plusDays(14), null, null, List.of()));
        markIfPast(start);
        for (LocalDate d = start; !d.isAfter(start.plusDays(14)); d = d.plusDays(1)) {
            observationPointers.computeIfAbsent(d, k -> new LinkedHashSet<>()).add(id);
        }
    }

    void check(String id, LocalDate on, String slot, boolean fever) {
        Observation o = observations.get(id);
        List<Check> checks = new ArrayList<>(o.checks());
        checks.add(new Check(on, slot, fever));
        observations.put(id, new Observation(id, o.district(), o.startDate(), o.endDate(), o.outcome(), o.releasedOn(), checks));
        markIfPast(on);
        observationPointers.computeIfAbsent(on, k -> new LinkedHashSet<>()).add(id);
    }

    void release(String id, String outcome, LocalDate on) {
        Observation o = observations.get(id);
        observations.put(id, new Observation(id, o.district(), o.startDate(), o.endDate(), outcome, on, o.checks()));
        markIfPast(on);
        observationPointers.computeIfAbsent(on, k -> new LinkedHashSet<>()).add(id);
    }

    @Override
    public synchronized void observations(LocalDate day, Consumer<Observation> sink) {
        observationPointers.getOrDefault(day, Set.of()).forEach(id -> sink.accept(observations.get(id)));
    }

    private void pointer(LocalDate on, String id) {
        markIfPast(on);
        pointers.computeIfAbsent(on, d -> new LinkedHashSet<>()).add(id);
    }

    @Override
    public synchronized void registrations(LocalDate day, Consumer<Registration> sink) {
        reads.merge(day, 1, Integer::sum);
        registrations.getOrDefault(day, List.of()).forEach(sink);
    }

    @Override
    public synchronized void donations(LocalDate day, Consumer<Donation> sink) {
        donations.getOrDefault(day, List.of()).forEach(sink);
    }

    @Override
    public synchronized void applications(LocalDate day, Consumer<Application> sink) {
        pointers.getOrDefault(day, Set.of()).forEach(id -> sink.accept(applications.get(id)));
    }
}
