package cn.lanzhou.epidemic.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.testing.Events;
import cn.lanzhou.epidemic.common.time.AppClock;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryHandlerTest {
    private final ReportFixture f = new ReportFixture();
    private final SummaryHandler handler = new SummaryHandler(f.compiler, new AppClock(f.clock, ReportFixture.ZONE));

    @Test
    void theScheduleCompilesThePreviousLocalDay() throws IOException {
        f.now("2020-02-14T00:10:00");
        Map<String, Object> result = handler.handleRequest(scheduleEvent(), null);
        assertEquals("2020-02-13", result.get("date"));
        assertEquals("COMPILED", result.get("status"));
        assertTrue(f.store.files().containsKey("reports/daily/2020-02-13/summary.json"));
    }

    @Test
    void anAsynchronousInvocationCompilesTheDayItNames() {
        f.now("2020-02-14T10:00:00");
        Map<String, Object> result = handler.handleRequest(Map.of("date", "2020-02-10"), null);
        assertEquals("2020-02-10", result.get("date"));
        assertTrue(f.store.files().containsKey("reports/daily/2020-02-10/summary.json"));
    }

    @Test
    void aMalformedDateFailsTheInvocation() {
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of("date", "2020-02-30"), null));
    }

    /** The sample event under events/, as EventBridge Scheduler sends it. */
    private static Map<String, Object> scheduleEvent() {
        return Events.map("schedule.json");
    }
}
