package cn.lanzhou.epidemic.summary;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.model.District;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.reportfiles.ReportFiles;
import cn.lanzhou.epidemic.reportfiles.InMemoryReportStore;
import cn.lanzhou.epidemic.common.time.AppClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** A compiler wired to in-memory fakes, a clock the test moves, and a small district list. */
public final class ReportFixture {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Districts DISTRICTS = new Districts(List.of(
            new District("chengguan", "城关区", "Chengguan District", 32),
            new District("anning", "安宁区", "Anning District", 64),
            new District("xigu", "西固区", "Xigu District", 3),
            new District("gaolan", "皋兰县", "Gaolan County", 0)));

    public final MutableClock clock = new MutableClock(Instant.parse("2020-02-01T00:00:00Z"));
    public final InMemoryDayAggregates aggregates = new InMemoryDayAggregates();
    public final FakeDayRecords records = new FakeDayRecords(ZONE, clock, aggregates);
    public final InMemoryReportStore store = new InMemoryReportStore(clock);
    public final DailyReportCompiler compiler;

    ReportFixture() {
        this(DISTRICTS);
    }

    ReportFixture(Districts districts) {
        compiler = new DailyReportCompiler(districts, records, aggregates, store, new AppClock(clock, ZONE),
                LocalDate.parse("2020-01-01"), 7);
    }

    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    /** Moves the clock to a local time. */
    ReportFixture now(String localDateTime) {
        clock.set(at(localDateTime));
        return this;
    }

    /** Compiles {@code day} at the given local time and returns its summary.json. */
    JsonNode compile(String day, String atLocal) {
        now(atLocal);
        compiler.compile(LocalDate.parse(day));
        return summary(day);
    }

    JsonNode summary(String day) {
        return Json.parseTrusted(store.text(ReportFiles.key(LocalDate.parse(day), ReportFiles.JSON)));
    }

    String file(String day, ReportFiles.File file) {
        return store.text(ReportFiles.key(LocalDate.parse(day), file));
    }

    public static JsonNode district(JsonNode summary, String code) {
        for (JsonNode d : summary.path("districts")) {
            if (d.path("code").asText().equals(code)) {
                return d;
            }
        }
        throw new AssertionError("no district " + code);
    }
}
