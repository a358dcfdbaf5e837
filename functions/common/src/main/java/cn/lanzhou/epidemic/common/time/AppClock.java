package cn.lanzhou.epidemic.common.time;

import cn.lanzhou.epidemic.common.config.Env;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The one clock: every "now" and every local date of the system comes from here. */
public final class AppClock {
    private final Clock clock;
    private final ZoneId zone;

    public AppClock(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /** The system clock in {@code REPORT_TIMEZONE} (default Asia/Shanghai). */
    public static AppClock fromEnvironment() {
        return new AppClock(Clock.systemUTC(), zoneFromEnvironment());
    }

    public static ZoneId zoneFromEnvironment() {
        return ZoneId.of(Env.get("REPORT_TIMEZONE", "Asia/Shanghai"));
    }

    public Instant now() {
        return clock.instant();
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return localDate(now());
    }

    public LocalDate localDate(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
