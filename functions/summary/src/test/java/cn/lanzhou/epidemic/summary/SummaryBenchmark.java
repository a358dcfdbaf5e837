package cn.lanzhou.epidemic.summary;

import cn.lanzhou.epidemic.common.model.District;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.reportfiles.InMemoryReportStore;
import cn.lanzhou.epidemic.common.time.AppClock;
import cn.lanzhou.epidemic.summary.domain.DayRecords;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Not a timed test: prints how long compiling one day of 20,000 submissions takes with no history
 * and with 200,000 submissions of history (20 earlier days, each compiled the next night, as the
 * schedule does), and the heap the compilation holds at the end of the day's stream, for a day of
 * 20,000 and of 200,000. Records are generated while they stream, so the heap measured is the
 * compiler's, not the fake table's. Run: {@code mvn -pl functions/summary -am verify
 * -Dbenchmark.excludedGroups=none -Dgroups=benchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
public class SummaryBenchmark {
    private static final Districts DISTRICTS = Districts.fromEnvironment();
    private static final LocalDate DAY = LocalDate.parse("2020-02-13");
    private static final int DAY_VOLUME = 20_000;
    private static final int HISTORY_DAYS = 20;
    private static final int ROUNDS = 7;

    @Test
    void compileOneDayWithAndWithoutHistory() {
        time(setUp(0));
        time(setUp(HISTORY_DAYS * 10_000));
        long[] none = new long[ROUNDS];
        long[] history = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            none[round] = time(setUp(0));
            history[round] = time(setUp(HISTORY_DAYS * 10_000));
        }
        java.util.Arrays.sort(none);
        java.util.Arrays.sort(history);
        System.out.printf("compile one day of %,d submissions (median of %d, after a warm-up): no history %,d ms; "
                + "200,000 submissions of history %,d ms (%.2fx)%n", DAY_VOLUME, ROUNDS, none[ROUNDS / 2],
                history[ROUNDS / 2], (double) history[ROUNDS / 2] / Math.max(1, none[ROUNDS / 2]));
        System.out.printf("heap held at the end of the day's stream: day of 20,000: %,d KB; day of 200,000: %,d KB%n",
                heldHeap(20_000) / 1024, heldHeap(200_000) / 1024);
    }

    private record Setup(DailyReportCompiler compiler, MutableClock clock) {
    }

    private static Setup setUp(int history) {
        MutableClock clock = new MutableClock(ReportFixture.at("2020-01-01T00:00:00"));
        InMemoryDayAggregates aggregates = new InMemoryDayAggregates();
        Map<LocalDate, Integer> volume = new HashMap<>();
        volume.put(DAY, DAY_VOLUME);
        GeneratedDayRecords records = new GeneratedDayRecords(volume, null);
        DailyReportCompiler compiler = new DailyReportCompiler(DISTRICTS, records, aggregates,
                new InMemoryReportStore(clock), new AppClock(clock, ReportFixture.ZONE), LocalDate.parse("2020-01-01"), 7);
        if (history > 0) {
            for (int i = HISTORY_DAYS; i >= 1; i--) {
                LocalDate day = DAY.minusDays(i);
                volume.put(day, history / HISTORY_DAYS);
                clock.set(ReportFixture.at(day.plusDays(1) + "T00:10:00"));
                compiler.compile(day);
            }
        }
        clock.set(ReportFixture.at(DAY.plusDays(1) + "T00:10:00"));
        return new Setup(compiler, clock);
    }

    private static long time(Setup setup) {
        long start = System.nanoTime();
        setup.compiler().compile(DAY);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long heldHeap(int volume) {
        MutableClock clock = new MutableClock(ReportFixture.at("2020-02-14T00:10:00"));
        long[] held = new long[1];
        GeneratedDayRecords records = new GeneratedDayRecords(Map.of(DAY, volume), () -> held[0] = usedAfterGc());
        long before = usedAfterGc();
        new DailyReportCompiler(DISTRICTS, records, new InMemoryDayAggregates(), new InMemoryReportStore(clock),
                new AppClock(clock, ReportFixture.ZONE), LocalDate.parse("2020-02-13"), 0).compile(DAY);
        return Math.max(0, held[0] - before);
    }

    private static long usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** Registrations and donations generated as they stream (plates from a pool of 3,000), nothing stored. */
    private static final class GeneratedDayRecords implements DayRecords {
        private static final String[] RISKS = {"LOW", "LOW", "LOW", "LOW", "LOW", "LOW", "MEDIUM", "MEDIUM", "HIGH", "LOW"};
        private final Map<LocalDate, Integer> volume;
        private final Runnable atEndOfStream;

        GeneratedDayRecords(Map<LocalDate, Integer> volume, Runnable atEndOfStream) {
            this.volume = volume;
            this.atEndOfStream = atEndOfStream;
        }

        @Override
        public void registrations(LocalDate day, Consumer<Registration> sink) {
            int n = volume.getOrDefault(day, 0) * 8 / 10;
            List<District> all = DISTRICTS.all();
            for (int i = 0; i < n; i++) {
                String plate = i % 3 == 0 ? "甘A" + (10_000 + (i * 7919) % 3_000) : null;
                sink.accept(new Registration(all.get(i % all.size()).code(), RISKS[i % RISKS.length], i % 17 == 0, plate));
            }
            if (atEndOfStream != null) {
                atEndOfStream.run();
            }
        }

        @Override
        public void donations(LocalDate day, Consumer<Donation> sink) {
            int n = volume.getOrDefault(day, 0) * 2 / 10;
            List<District> all = DISTRICTS.all();
            for (int i = 0; i < n; i++) {
                if (i % 2 == 0) {
                    sink.accept(new Donation(all.get(i % all.size()).code(), "FUNDS", new BigDecimal("100.01"), List.of()));
                } else {
                    sink.accept(new Donation(all.get(i % all.size()).code(), "MATERIALS", new BigDecimal("250.00"),
                            List.of(new Item("MASK", 100))));
                }
            }
        }

        @Override
        public void applications(LocalDate day, Consumer<Application> sink) {
        }

        @Override
        public void observations(LocalDate day, Consumer<Observation> sink) {
        }
    }
}
