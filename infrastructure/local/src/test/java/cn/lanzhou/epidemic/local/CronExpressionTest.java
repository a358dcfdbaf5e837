package cn.lanzhou.epidemic.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronExpressionTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static ZonedDateTime shanghai(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SHANGHAI);
    }

    @Test
    void theNightlyReportFiresAtTenPastMidnightShanghaiTime() {
        CronExpression nightly = CronExpression.parse("cron(10 0 * * ? *)");

        assertEquals(shanghai("2020-02-14T00:10"), nightly.next(shanghai("2020-02-13T15:30")));
        assertEquals(shanghai("2020-02-14T00:10"), nightly.next(shanghai("2020-02-14T00:09:59")));
        assertEquals(shanghai("2020-02-15T00:10"), nightly.next(shanghai("2020-02-14T00:10")));
    }

    @Test
    void theNextFireTimeIsComputedInTheSchedulesZoneFromAnyInstant() {
        // 16:05 UTC is 00:05 the next day in Shanghai: five minutes to go
        ZonedDateTime utc = ZonedDateTime.parse("2020-02-13T16:05:00Z");

        assertEquals(ZonedDateTime.parse("2020-02-13T16:10:00Z").toInstant(),
                CronExpression.parse("cron(10 0 * * ? *)").next(utc.withZoneSameInstant(SHANGHAI)).toInstant());
    }

    @Test
    void daysOfTheWeekCountFromSundayAsOneAndAcceptNames() {
        CronExpression weekdays = CronExpression.parse("cron(0 9 ? * MON-FRI *)");
        CronExpression mondays = CronExpression.parse("cron(0 9 ? * 2 *)");
        ZonedDateTime saturday = shanghai("2020-02-15T10:00");

        assertEquals(shanghai("2020-02-17T09:00"), weekdays.next(saturday));
        assertEquals(shanghai("2020-02-17T09:00"), mondays.next(saturday));
    }

    @Test
    void listsRangesStepsMonthsAndYearsAreUnderstood() {
        assertEquals(shanghai("2020-02-13T10:15"), CronExpression.parse("cron(0/15 8-17 * * ? *)").next(shanghai("2020-02-13T10:00")));
        assertEquals(shanghai("2020-03-01T06:00"), CronExpression.parse("cron(0 6,18 1 MAR ? 2020)").next(shanghai("2020-02-13T10:00")));
        assertEquals(shanghai("2021-01-01T00:00"), CronExpression.parse("cron(0 0 1 1 ? 2021-2022)").next(shanghai("2020-02-13T10:00")));
    }

    @Test
    void aRateFiresThatLongAfterTheLastTime() {
        assertEquals(shanghai("2020-02-13T10:05"), CronExpression.parse("rate(5 minutes)").next(shanghai("2020-02-13T10:00")));
        assertEquals(shanghai("2020-02-13T11:00"), CronExpression.parse("rate(1 hour)").next(shanghai("2020-02-13T10:00")));
        assertEquals(shanghai("2020-02-15T10:00"), CronExpression.parse("rate(2 days)").next(shanghai("2020-02-13T10:00")));
    }

    @Test
    void aCronWithFiveFieldsIsRefusedAsAwsRefusesIt() {
        assertThrows(IllegalArgumentException.class, () -> CronExpression.parse("cron(10 0 * * ?)"));
    }
}
