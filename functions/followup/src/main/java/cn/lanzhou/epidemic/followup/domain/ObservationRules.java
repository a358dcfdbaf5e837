package cn.lanzhou.epidemic.followup.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The rules (openapi.yaml) of a check's date, of missed slots, of today's status and of a completed observation. */
public final class ObservationRules {
    /** Today's state of a slot, as the staff list shows it. */
    public enum TodayStatus { DONE, MISSING, DUE, FEVER }

    /** What stands in the way of COMPLETED: before the end date, or the day before's slots not both normal. */
    public record Blockers(boolean beforeEndDate, List<SlotRef> missing, List<SlotRef> fever) {
        public boolean none() {
            return !beforeEndDate && missing.isEmpty() && fever.isEmpty();
        }
    }

    private ObservationRules() {
    }

    /** A check may be recorded for a date within [startDate, endDate] and not after today. */
    public static boolean acceptsCheckOn(Observation o, LocalDate date, LocalDate today) {
        return !date.isBefore(o.startDate()) && !date.isAfter(o.endDate()) && !date.isAfter(today);
    }

    /** A slot without a check is missed when its date is past, or it is today and its deadline has passed. */
    public static boolean isMissed(Observation o, SlotRef slot, LocalDateTime now) {
        if (o.check(slot).isPresent()) {
            return false;
        }
        LocalDate today = now.toLocalDate();
        return slot.localDate().isBefore(today)
                || slot.localDate().equals(today) && now.toLocalTime().isAfter(slot.slot().deadline());
    }

    /**
     * The missed slots from the start date to today (or the end date, or the day before the release,
     * whichever comes first), oldest first.
     */
    public static List<SlotRef> missed(Observation o, LocalDateTime now) {
        LocalDate last = o.endDate();
        if (now.toLocalDate().isBefore(last)) {
            last = now.toLocalDate();
        }
        if (o.releasedOn().isPresent() && !o.releasedOn().get().isAfter(last)) {
            last = o.releasedOn().get().minusDays(1);
        }
        List<SlotRef> missed = new ArrayList<>();
        for (LocalDate d = o.startDate(); !d.isAfter(last); d = d.plusDays(1)) {
            for (Slot s : Slot.values()) {
                SlotRef slot = new SlotRef(d, s);
                if (isMissed(o, slot, now)) {
                    missed.add(slot);
                }
            }
        }
        return missed;
    }

    public static boolean anyFever(Observation o) {
        return o.checks().stream().anyMatch(Check::fever);
    }

    public static Map<Slot, TodayStatus> today(Observation o, LocalDateTime now) {
        Map<Slot, TodayStatus> today = new EnumMap<>(Slot.class);
        for (Slot s : Slot.values()) {
            SlotRef slot = new SlotRef(now.toLocalDate(), s);
            TodayStatus status = o.check(slot)
                    .map(c -> c.fever() ? TodayStatus.FEVER : TodayStatus.DONE)
                    .orElseGet(() -> isMissed(o, slot, now) ? TodayStatus.MISSING : TodayStatus.DUE);
            today.put(s, status);
        }
        return today;
    }

    /** COMPLETED needs the end date reached and both checks of the day before the release present and below 37.3. */
    public static Blockers toComplete(Observation o, LocalDate releaseDate) {
        LocalDate dayBefore = releaseDate.minusDays(1);
        List<SlotRef> missing = new ArrayList<>();
        List<SlotRef> fever = new ArrayList<>();
        for (Slot s : Slot.values()) {
            SlotRef slot = new SlotRef(dayBefore, s);
            o.check(slot).ifPresentOrElse(c -> {
                if (c.temperatureCelsius().compareTo(Check.FEVER_FROM) >= 0) {
                    fever.add(slot);
                }
            }, () -> missing.add(slot));
        }
        return new Blockers(releaseDate.isBefore(o.endDate()), List.copyOf(missing), List.copyOf(fever));
    }
}
