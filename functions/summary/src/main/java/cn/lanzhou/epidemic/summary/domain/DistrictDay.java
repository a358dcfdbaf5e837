package cn.lanzhou.epidemic.summary.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
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
    public final Map<ObservationFigure, Long> observations = new EnumMap<>(ObservationFigure.class);

    /** No registration, donation, reopening or observation event (a start, check or release) that day: a zero report (零报告). */
    public boolean zeroReport() {
        return registrations == 0 && donations == 0 && submitted == 0 && approved == 0 && rejected == 0
                && reopened == 0 && observed(ObservationFigure.STARTED) == 0 && observationsReleased() == 0
                && observed(ObservationFigure.CHECKS) == 0;
    }

    public long observed(ObservationFigure figure) {
        return observations.getOrDefault(figure, 0L);
    }

    public void observe(ObservationFigure figure) {
        observations.merge(figure, 1L, Long::sum);
    }

    public long observationsReleased() {
        return observed(ObservationFigure.COMPLETED) + observed(ObservationFigure.TRANSFERRED) + observed(ObservationFigure.ENDED_EARLY);
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
        other.observations.forEach((figure, count) -> observations.merge(figure, count, Long::sum));
    }
}
