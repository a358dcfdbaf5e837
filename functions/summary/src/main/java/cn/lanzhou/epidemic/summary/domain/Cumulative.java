package cn.lanzhou.epidemic.summary.domain;

import java.math.BigDecimal;

/** One district's running totals over every local date up to and including a day. */
public record Cumulative(long registrations, BigDecimal funds, BigDecimal materialsValue, long submitted, long approved,
        long rejected, long aboveSizeReopened, long observationsStarted, long observationsReleased) {

    public static final Cumulative ZERO = new Cumulative(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0, 0, 0, 0, 0);

    public Cumulative plus(DistrictDay day) {
        return new Cumulative(registrations + day.registrations, funds.add(day.funds),
                materialsValue.add(day.materialsValue), submitted + day.submitted, approved + day.approved,
                rejected + day.rejected, aboveSizeReopened + day.aboveSizeReopened,
                observationsStarted + day.observed(ObservationFigure.STARTED), observationsReleased + day.observationsReleased());
    }

    public Cumulative plus(Cumulative other) {
        return new Cumulative(registrations + other.registrations, funds.add(other.funds),
                materialsValue.add(other.materialsValue), submitted + other.submitted, approved + other.approved,
                rejected + other.rejected, aboveSizeReopened + other.aboveSizeReopened,
                observationsStarted + other.observationsStarted, observationsReleased + other.observationsReleased);
    }

    /** Observations ACTIVE at the end of the day: every start not yet released. */
    public long activeObservations() {
        return observationsStarted - observationsReleased;
    }

    /** Applications still SUBMITTED at the end of the day: every submission not yet decided. */
    public long pending() {
        return submitted - approved - rejected;
    }
}
