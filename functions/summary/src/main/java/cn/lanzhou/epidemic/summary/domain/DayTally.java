package cn.lanzhou.epidemic.summary.domain;

import cn.lanzhou.epidemic.common.model.District;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts one local day's records as they stream by. It keeps counters and, for the distinct
 * vehicle count, the day's plates; never the records themselves. Records of a district outside
 * the reference list are not counted (the report is made per reference district).
 */
public final class DayTally {
    private final LocalDate day;
    private final LocalDateTime judgedAt;
    private final Map<String, DistrictDay> districts = new LinkedHashMap<>();
    private final Map<String, Set<String>> plates = new HashMap<>();
    private final Set<String> allPlates = new HashSet<>();

    /**
     * @param judgedAt the local time at which the day's slots are judged missed: the end of the day,
     *                 or the compilation's start for the current day
     */
    public DayTally(LocalDate day, List<District> reference, LocalDateTime judgedAt) {
        this.day = day;
        this.judgedAt = judgedAt;
        reference.forEach(d -> districts.put(d.code(), new DistrictDay()));
    }

    public void registration(DayRecords.Registration r) {
        DistrictDay d = districts.get(r.district());
        if (d == null) {
            return;
        }
        d.registrations++;
        if (r.fever()) {
            d.fever++;
        }
        String risk = r.riskLevel() == null ? "" : r.riskLevel();
        switch (risk) {
            case "HIGH" -> d.highRisk++;
            case "MEDIUM" -> d.mediumRisk++;
            default -> d.lowRisk++;
        }
        if (r.vehiclePlate() != null && !r.vehiclePlate().isBlank()) {
            String plate = r.vehiclePlate().strip().toUpperCase(java.util.Locale.ROOT);
            plates.computeIfAbsent(r.district(), k -> new HashSet<>()).add(plate);
            allPlates.add(plate);
        }
    }

    public void donation(DayRecords.Donation donation) {
        DistrictDay d = districts.get(donation.district());
        if (d == null) {
            return;
        }
        d.donations++;
        if ("FUNDS".equals(donation.kind())) {
            d.funds = d.funds.add(donation.value());
        } else {
            d.materialsValue = d.materialsValue.add(donation.value());
            for (DayRecords.Item item : donation.items()) {
                d.items.merge(item.category(), item.quantity(), Long::sum);
            }
        }
    }

    /** Counts what happened to the application on this day, from its own fields. */
    public void application(DayRecords.Application app) {
        DistrictDay d = districts.get(app.district());
        if (d == null) {
            return;
        }
        String status = app.status() == null ? "" : app.status();
        if (day.equals(app.submittedOn())) {
            d.submitted++;
        }
        if (day.equals(app.decidedOn())) {
            if (status.equals("APPROVED") || status.equals("REOPENED")) {
                d.approved++;
            } else if (status.equals("REJECTED")) {
                d.rejected++;
            }
        }
        if (day.equals(app.reopenedOn()) && status.equals("REOPENED")) {
            d.reopened++;
            if (app.aboveDesignatedSize()) {
                d.aboveSizeReopened++;
            }
        }
    }

    /**
     * Counts the observation's start, release and checks dated this day, and the day's slots it
     * missed if it was ACTIVE at the end of the day (or at {@code judgedAt}) and the day is in its
     * period: AM is missed after 12:00, PM after 20:00, without a check.
     */
    public void observation(DayRecords.Observation o) {
        DistrictDay d = districts.get(o.district());
        if (d == null) {
            return;
        }
        if (day.equals(o.startDate())) {
            d.observe(ObservationFigure.STARTED);
        }
        if (day.equals(o.releasedOn())) {
            switch (o.outcome() == null ? "" : o.outcome()) {
                case "COMPLETED" -> d.observe(ObservationFigure.COMPLETED);
                case "TRANSFERRED" -> d.observe(ObservationFigure.TRANSFERRED);
                case "ENDED_EARLY" -> d.observe(ObservationFigure.ENDED_EARLY);
                default -> { }
            }
        }
        Set<String> checked = new HashSet<>();
        for (DayRecords.Check check : o.checks()) {
            if (day.equals(check.localDate())) {
                checked.add(check.slot());
                d.observe(ObservationFigure.CHECKS);
                if (check.fever()) {
                    d.observe(ObservationFigure.FEVER_CHECKS);
                }
            }
        }
        boolean activeAtEnd = !o.startDate().isAfter(day) && (o.releasedOn() == null || o.releasedOn().isAfter(day));
        if (activeAtEnd && !day.isAfter(o.endDate())) {
            if (!checked.contains("AM") && judgedAt.isAfter(day.atTime(12, 0))) {
                d.observe(ObservationFigure.MISSED_CHECKS);
            }
            if (!checked.contains("PM") && judgedAt.isAfter(day.atTime(20, 0))) {
                d.observe(ObservationFigure.MISSED_CHECKS);
            }
        }
    }

    /** The day's figures per district, in reference order; the day's distinct plates over all districts. */
    public Map<String, DistrictDay> figures() {
        districts.forEach((code, d) -> d.vehicles = plates.getOrDefault(code, Set.of()).size());
        return districts;
    }

    public long vehicles() {
        return allPlates.size();
    }
}
