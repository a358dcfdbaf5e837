package cn.lanzhou.epidemic.summary.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * One local day's records, streamed one at a time by Query of that day's keys (never a Scan):
 * the caller keeps counters, not records, so memory does not grow with the day's volume.
 */
public interface DayRecords {

    void registrations(LocalDate day, Consumer<Registration> sink);

    void donations(LocalDate day, Consumer<Donation> sink);

    /** Each application that a pointer of {@code day} names, once; what happened that day is read from it. */
    void applications(LocalDate day, Consumer<Application> sink);

    /** Each observation that a pointer of {@code day} names, once. */
    void observations(LocalDate day, Consumer<Observation> sink);

    /** The report's view of a registration: no name, ID number or phone. */
    record Registration(String district, String riskLevel, boolean fever, String vehiclePlate) {
    }

    /** {@code value}: the amount of funds, or the materials' total value. */
    record Donation(String district, String kind, BigDecimal value, List<Item> items) {
    }

    record Item(String category, long quantity) {
    }

    /**
     * An observation a pointer of the day names (each day of its period, and the day of each check
     * and of its release): the dates it is counted by, its checks, never the person.
     */
    record Observation(String id, String district, LocalDate startDate, LocalDate endDate, String outcome,
            LocalDate releasedOn, List<Check> checks) {
    }

    /** {@code slot}: AM or PM; {@code fever}: 37.3 °C or more, or the symptom FEVER. */
    record Check(LocalDate localDate, String slot, boolean fever) {
    }

    record Application(String id, String district, String status, LocalDate submittedOn, LocalDate decidedOn,
            LocalDate reopenedOn, boolean aboveDesignatedSize) {
    }
}
