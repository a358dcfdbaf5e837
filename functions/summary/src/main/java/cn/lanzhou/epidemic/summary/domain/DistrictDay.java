package cn.lanzhou.epidemic.summary.domain;

import java.math.BigDecimal;
import java.util.Map;

/** One district's figures for one local day: counts and sums only, the way they are reported. */
public final class DistrictDay {
    public long registrations;
    public long fever;
    public long highRisk;
    public long mediumRisk;
    public long lowRisk;
    public long vehicles;
    public long donations;
    public BigDecimal funds = BigDecimal.ZERO;
    public BigDecimal materialsValue = BigDecimal.ZERO;
    public final Map<String, Long> items = Categories.zeroes();
    public long submitted;
    public long approved;
    public long rejected;
    public long reopened;
    public long aboveSizeReopened;
    public long observationsStarted;
    public long observationsCompleted;
    public long observationsTransferred;
    public long observationsEndedEarly;
    public long observationChecks;
    public long feverChecks;
    public long missedChecks;

    /** No registration, donation, reopening or observation event (a start, check or release) that day: a zero report (零报告). */
    public boolean zeroReport() {
        return registrations == 0 && donations == 0 && submitted == 0 && approved == 0 && rejected == 0
                && reopened == 0 && observationsStarted == 0 && observationsReleased() == 0 && observationChecks == 0;
    }

    public long observationsReleased() {
        return observationsCompleted + observationsTransferred + observationsEndedEarly;
    }

    public void addItems(Map<String, Long> more) {
        more.forEach((category, quantity) -> items.merge(category, quantity, Long::sum));
    }

    /** Adds another district's figures (for the totals); {@code vehicles} is set by the caller (distinct plates). */
    public void add(DistrictDay other) {
        registrations += other.registrations;
        fever += other.fever;
        highRisk += other.highRisk;
        mediumRisk += other.mediumRisk;
        lowRisk += other.lowRisk;
        donations += other.donations;
        funds = funds.add(other.funds);
        materialsValue = materialsValue.add(other.materialsValue);
        addItems(other.items);
        submitted += other.submitted;
        approved += other.approved;
        rejected += other.rejected;
        reopened += other.reopened;
        aboveSizeReopened += other.aboveSizeReopened;
        observationsStarted += other.observationsStarted;
        observationsCompleted += other.observationsCompleted;
        observationsTransferred += other.observationsTransferred;
        observationsEndedEarly += other.observationsEndedEarly;
        observationChecks += other.observationChecks;
        feverChecks += other.feverChecks;
        missedChecks += other.missedChecks;
    }
}
