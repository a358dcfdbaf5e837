package cn.lanzhou.epidemic.summary.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The compiled figures of one local day: a row per reference district, the total row and the recent trend. */
public record DailyReport(LocalDate date, ZoneId zone, Instant generatedAt, List<Row> rows, Row total, List<TrendDay> trend) {

    /** A district's (or the total's) day and cumulative figures. */
    public record Row(String code, String name, int aboveSizeEnterprises, DistrictDay day, Cumulative cumulative) {

        /** Above-size enterprises reopened up to the day over those in the district, half-up to 4 places; null without any. */
        public BigDecimal reopeningRate() {
            if (aboveSizeEnterprises == 0) {
                return null;
            }
            return BigDecimal.valueOf(cumulative.aboveSizeReopened())
                    .divide(BigDecimal.valueOf(aboveSizeEnterprises), 4, RoundingMode.HALF_UP);
        }
    }

    /** One day of the trend chart: that day's totals, from its aggregate (zero when it has none). */
    public record TrendDay(LocalDate date, long registrations, long fever, long donations, BigDecimal funds,
            BigDecimal materialsValue, long reopened, long activeObservations) {

        static TrendDay zero(LocalDate date) {
            return new TrendDay(date, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);
        }
    }
}
