package cn.lanzhou.epidemic.local;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An EventBridge schedule expression: {@code cron(minutes hours day-of-month month day-of-week year)}
 * with AWS's six fields ({@code *}, {@code ?}, lists, ranges, steps, month and day names; day of
 * week 1 = Sunday), or {@code rate(5 minutes)}. {@code L}, {@code W} and {@code #} are not supported.
 */
public final class CronExpression {
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minutes?|hours?|days?)\\)");
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final Duration rate;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final BitSet years;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private CronExpression(Duration rate, String[] fields) {
        this.rate = rate;
        if (fields == null) {
            minutes = hours = daysOfMonth = months = daysOfWeek = years = null;
            anyDayOfMonth = anyDayOfWeek = true;
            return;
        }
        minutes = field(fields[0], 0, 59, List.of());
        hours = field(fields[1], 0, 23, List.of());
        daysOfMonth = field(fields[2], 1, 31, List.of());
        months = field(fields[3], 1, 12, MONTHS);
        daysOfWeek = field(fields[4], 1, 7, DAYS);
        years = field(fields[5], 1970, 2199, List.of());
        anyDayOfMonth = isAny(fields[2]);
        anyDayOfWeek = isAny(fields[4]);
    }

    public static CronExpression parse(String expression) {
        String text = expression.strip();
        Matcher rate = RATE.matcher(text);
        if (rate.matches()) {
            long amount = Long.parseLong(rate.group(1));
            ChronoUnit unit = rate.group(2).startsWith("minute") ? ChronoUnit.MINUTES
                    : rate.group(2).startsWith("hour") ? ChronoUnit.HOURS : ChronoUnit.DAYS;
            return new CronExpression(Duration.of(amount, unit), null);
        }
        Matcher cron = CRON.matcher(text);
        if (!cron.matches()) {
            throw new IllegalArgumentException("not a schedule expression: " + expression);
        }
        String[] fields = cron.group(1).strip().split("\\s+");
        if (fields.length != 6) {
            throw new IllegalArgumentException("AWS cron expressions have 6 fields: " + expression);
        }
        return new CronExpression(null, fields);
    }

    /** The first time strictly after {@code after} (in its zone) at which the schedule fires. */
    public ZonedDateTime next(ZonedDateTime after) {
        if (rate != null) {
            return after.plus(rate);
        }
        ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        // at most a few thousand steps: each mismatch jumps to the next year, month, day or hour
        for (int i = 0; i < 100_000; i++) {
            if (!years.get(t.getYear() - 1970)) {
                t = t.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS).plusYears(1);
            } else if (!months.get(t.getMonthValue())) {
                t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(t)) {
                t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t;
            }
        }
        throw new IllegalStateException("the schedule never fires");
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean dom = daysOfMonth.get(t.getDayOfMonth());
        // AWS numbers days of the week 1 (Sunday) to 7 (Saturday)
        boolean dow = daysOfWeek.get(t.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : t.getDayOfWeek().getValue() + 1);
        if (anyDayOfMonth) {
            return dow;
        }
        if (anyDayOfWeek) {
            return dom;
        }
        return dom && dow;
    }

    private static boolean isAny(String field) {
        return "?".equals(field) || "*".equals(field);
    }

    private static BitSet field(String field, int min, int max, List<String> names) {
        BitSet bits = new BitSet();
        for (String part : field.toUpperCase(Locale.ROOT).split(",")) {
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                step = Integer.parseInt(part.substring(slash + 1));
                part = part.substring(0, slash);
            }
            int from;
            int to;
            if (part.equals("*") || part.equals("?")) {
                from = min;
                to = max;
            } else if (part.contains("-")) {
                String[] range = part.split("-");
                from = value(range[0], min, names);
                to = value(range[1], min, names);
            } else {
                from = value(part, min, names);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to || step < 1) {
                throw new IllegalArgumentException("cron field out of range: " + field);
            }
            for (int v = from; v <= to; v += step) {
                bits.set(min == 1970 ? v - 1970 : v);
            }
        }
        return bits;
    }

    private static int value(String text, int min, List<String> names) {
        int index = names.indexOf(text);
        return index >= 0 ? index + 1 : Integer.parseInt(text);
    }
}
