package cn.lanzhou.epidemic.summary;

import java.math.BigDecimal;
import java.util.Map;

/** One district's figures for one local day: counts and sums only, the way they are reported. */
final class DistrictDay {
    long registrations;
    long fever;
    long highRisk;
    long mediumRisk;
    long lowRisk;
    long vehicles;
    long donations;
    BigDecimal funds = BigDecimal.ZERO;
    BigDecimal materialsValue = BigDecimal.ZERO;
    final Map<String, Long> items = Categories.zeroes();
    long submitted;
    long approved;
    long rejected;
    long reopened;
    long aboveSizeReopened;

    /** No registration, donation or reopening event that day: a zero report (零报告). */
    boolean zeroReport() {
        return registrations == 0 && donations == 0 && submitted == 0 && approved == 0 && rejected == 0
                && reopened == 0;
    }

    void addItems(Map<String, Long> more) {
        more.forEach((category, quantity) -> items.merge(category, quantity, Long::sum));
    }

    /** Adds another district's figures (for the totals); {@code vehicles} is set by the caller (distinct plates). */
    void add(DistrictDay other) {
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
    }
}
