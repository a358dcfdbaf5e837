package cn.lanzhou.epidemic.local.contract.reports;

import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.summary.SummaryHandler;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Not a test (surefire does not pick it up): compiles one day of 20,000 submissions against the
 * local stack's dynalite, once with no history and once after 200,000 submissions of history
 * (20 earlier days, each compiled as the nightly schedule would), and prints both times.
 * The day before each measured day has an aggregate in both cases, as in a running system.
 *
 * <pre>
 * mvn -B -q -pl infrastructure/local -am package -DskipTests
 * cd infrastructure/local &amp;&amp; java -cp target/test-classes:target/classes:$(cat target/classpath.txt) \
 *     cn.lanzhou.epidemic.local.contract.reports.DynaliteSummaryBenchmark [daySubmissions] [historySubmissions]
 * </pre>
 */
public final class DynaliteSummaryBenchmark {
    private static final ZoneId LANZHOU = ZoneId.of("Asia/Shanghai");
    private static final String[] DISTRICTS = {"chengguan", "qilihe", "xigu", "anning", "honggu", "yongdeng", "gaolan",
            "yuzhong", "lanzhou-new-area"};
    private static final int HISTORY_DAYS = 20;

    private DynaliteSummaryBenchmark() {
    }

    /** The two compilation times (the better of two runs each) and how long building the history took. */
    public record Result(long day20kMs, long day20kWith200kHistoryMs, long historySeconds) {
    }

    public static void main(String[] args) throws Exception {
        int day = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int history = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        try (LocalStack stack = LocalStack.start(LocalStack.Options.inMemory())) {
            Result r = measure(stack, day, history);
            System.out.printf("one day of %,d submissions against dynalite: no history %,d ms; %,d submissions of history "
                    + "%,d ms; ratio %.2f (history written and compiled in %,d s)%n", day, r.day20kMs(), history,
                    r.day20kWith200kHistoryMs(), (double) r.day20kWith200kHistoryMs() / Math.max(1, r.day20kMs()),
                    r.historySeconds());
        }
    }

    /** Measures against the given stack's dynalite (its functions' environment must be in place). */
    public static Result measure(LocalStack stack, int day, int history) throws Exception {
        SummaryHandler summary = new SummaryHandler();
        LocalDate alone = LocalDate.parse("2022-05-10");
        LocalDate withHistory = LocalDate.parse("2023-05-10");

        write(stack, alone, day);
        compile(summary, alone.minusDays(1));
        long first = compile(summary, alone);

        long start = System.nanoTime();
        for (int i = HISTORY_DAYS; i >= 1; i--) {
            write(stack, withHistory.minusDays(i), history / HISTORY_DAYS);
        }
        write(stack, withHistory, day);
        for (int i = HISTORY_DAYS; i >= 1; i--) {
            compile(summary, withHistory.minusDays(i));
        }
        long historySeconds = (System.nanoTime() - start) / 1_000_000_000L;
        long second = compile(summary, withHistory);

        long again = compile(summary, alone);
        long secondAgain = compile(summary, withHistory);
        return new Result(Math.min(first, again), Math.min(second, secondAgain), historySeconds);
    }

    private static long compile(SummaryHandler summary, LocalDate date) {
        long start = System.nanoTime();
        summary.handleRequest(Map.of("date", date.toString()), null);
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** 79 % registrations, 20 % donations, 1 % reopening applications, over every district, written by 4 threads. */
    public static void write(LocalStack stack, LocalDate date, int submissions) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                try (AgreedItems items = new AgreedItems(stack)) {
                    Instant at = date.atTime(10, 0).atZone(LANZHOU).toInstant();
                    for (int i = thread; i < submissions; i += 4) {
                        String district = DISTRICTS[i % DISTRICTS.length];
                        if (i % 5 == 4) {
                            items.funds(date, district, "100.01");
                        } else if (i % 100 == 0) {
                            items.application(district, i % 200 == 0, "SUBMITTED", date, null, null);
                        } else {
                            items.registration(date, at, district, i % 10 == 0 ? "HIGH" : "LOW", i % 17 == 0,
                                    i % 3 == 0 ? "甘A" + (10_000 + i % 3_000) : null);
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
    }
}
