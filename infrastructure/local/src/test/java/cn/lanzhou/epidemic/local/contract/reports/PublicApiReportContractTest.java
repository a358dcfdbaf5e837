package cn.lanzhou.epidemic.local.contract.reports;

import static cn.lanzhou.epidemic.local.contract.reports.ReportDownloads.district;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.lanzhou.epidemic.reopening.domain.CreditCode;
import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The black-box check, end to end: data posted through the public API (registrations,
 * donations, reopening applications and their decisions), then POST /reports/{date} and the
 * figures read through the presigned links. Other contract tests share the stack and today's
 * date, so each figure is checked as the difference between a compilation before and after.
 */
@ExtendWith(LocalStackExtension.class)
class PublicApiReportContractTest {
    private static final ZoneId LANZHOU = ZoneId.of("Asia/Shanghai");
    private static final String DISTRICT = "yuzhong";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void whatIsPostedThroughTheApiIsWhatTheReportCounts(LocalStack stack, Api api) {
        ReportDownloads staff = new ReportDownloads(api, stack.staffToken());
        String token = stack.staffToken();
        ZonedDateTime now = ZonedDateTime.now(LANZHOU);
        LocalDate today = now.toLocalDate();
        LocalDate yesterday = today.minusDays(1);
        JsonNode todayBefore = ReportDownloads.summary(staff.compile(today.toString()));
        JsonNode yesterdayBefore = ReportDownloads.summary(staff.compile(yesterday.toString()));

        String plate = "甘A" + (10_000 + RANDOM.nextInt(90_000));
        register(api, "{\"site\": {\"type\": \"COMMUNITY\", \"code\": \"XG-1\"}, \"vehiclePlate\": \"" + plate + "\"}");
        register(api, "{\"site\": {\"type\": \"COMMUNITY\", \"code\": \"XG-1\"}, \"contactWithCases\": true}");
        register(api, "{\"site\": {\"type\": \"CHECKPOINT\", \"code\": \"HYT-01\"}, \"temperatureCelsius\": 37.5, "
                + "\"vehiclePlate\": \"" + plate + "\"}");
        register(api, "{\"site\": {\"type\": \"COMMUNITY\", \"code\": \"XG-1\"}, \"occurredAt\": \""
                + yesterday.atTime(23, 59, 59).atZone(LANZHOU).toOffsetDateTime() + "\"}");
        donate(api, "\"kind\": \"FUNDS\", \"amount\": \"202241.00\"");
        donate(api, "\"kind\": \"FUNDS\", \"amount\": 0.01");
        donate(api, "\"kind\": \"MATERIALS\", \"items\": [{\"category\": \"MASK\", \"name\": \"医用口罩\", "
                + "\"quantity\": 1000, \"unit\": \"个\", \"unitValue\": \"2.50\"}]");
        donate(api, "\"kind\": \"FUNDS\", \"amount\": \"100.00\", \"donatedOn\": \"" + yesterday + "\"");
        String reopened = apply(api);
        decide(api, token, reopened, "{\"decision\": \"APPROVE\", \"expectedVersion\": 1}");
        assertEquals(200, api.postJson("/reopenings/" + reopened + "/reopened",
                "{\"reopenedOn\": \"" + today + "\", \"expectedVersion\": 2}", token).status());
        apply(api);
        decide(api, token, apply(api), "{\"decision\": \"REJECT\", \"reason\": \"防控方案不完整\", \"expectedVersion\": 1}");

        JsonNode yesterdayAfter = ReportDownloads.summary(staff.compile(yesterday.toString()));
        JsonNode todayAfter = ReportDownloads.summary(staff.compile(today.toString()));

        Delta day = new Delta(district(todayBefore, DISTRICT), district(todayAfter, DISTRICT));
        assertEquals(3, day.count("registrations", "count"));
        assertEquals(4, day.count("registrations", "cumulative"), "the late registration of yesterday included");
        assertEquals(1, day.count("registrations", "fever"));
        assertEquals(2, day.count("registrations", "highRisk"));
        assertEquals(1, day.count("registrations", "lowRisk"));
        assertEquals(1, day.count("registrations", "vehicles"), "one plate seen twice");
        assertEquals(3, day.count("donations", "count"));
        assertEquals(new BigDecimal("202241.01"), day.money("donations", "funds"));
        assertEquals(new BigDecimal("202341.01"), day.money("donations", "fundsCumulative"));
        assertEquals(new BigDecimal("2500.00"), day.money("donations", "materialsValue"));
        assertEquals(1000, district(todayAfter, DISTRICT).path("donations").path("items").path("MASK").asLong()
                - district(todayBefore, DISTRICT).path("donations").path("items").path("MASK").asLong());
        assertEquals(3, day.count("reopenings", "submitted"));
        assertEquals(1, day.count("reopenings", "approved"));
        assertEquals(1, day.count("reopenings", "rejected"));
        assertEquals(1, day.count("reopenings", "reopened"));
        assertEquals(1, day.count("reopenings", "pending"));
        assertEquals(1, day.count("reopenings", "aboveSizeReopenedCumulative"));

        Delta before = new Delta(district(yesterdayBefore, DISTRICT), district(yesterdayAfter, DISTRICT));
        assertEquals(1, before.count("registrations", "count"), "23:59:59 yesterday belongs to yesterday");
        assertEquals(new BigDecimal("100.00"), before.money("donations", "funds"));
    }

    private record Delta(JsonNode before, JsonNode after) {
        long count(String group, String figure) {
            return after.path(group).path(figure).asLong() - before.path(group).path(figure).asLong();
        }

        BigDecimal money(String group, String figure) {
            return new BigDecimal(after.path(group).path(figure).asText())
                    .subtract(new BigDecimal(before.path(group).path(figure).asText()));
        }
    }

    private static void register(Api api, String extra) {
        String body = "{\"name\": \"张伟\", \"idNumber\": \"11010519491231002X\", \"phone\": \"13800138000\", "
                + "\"district\": \"" + DISTRICT + "\", \"consent\": true, " + extra.substring(1);
        Api.Response response = api.postJson("/registrations", body);
        assertEquals(201, response.status(), response.body());
    }

    private static void donate(Api api, String extra) {
        Api.Response response = api.postJson("/donations", "{\"donor\": {\"name\": \"兰州某公司\", \"type\": \"ORGANIZATION\"}, "
                + "\"district\": \"" + DISTRICT + "\", " + extra + "}");
        assertEquals(201, response.status(), response.body());
    }

    private static String apply(Api api) {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("91620100");
        while (code.length() < 17) {
            code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        code.append(CreditCode.checkCharacter(code.toString()));
        Api.Response response = api.postJson("/reopenings", """
            {"enterprise": {"name": "榆中某食品有限公司", "creditCode": "%s", "industry": "食品加工",
                            "aboveDesignatedSize": true, "employees": 200},
             "district": "%s", "street": "城关镇",
             "contact": {"name": "王经理", "phone": "13812345678"},
             "plannedDate": "%s", "returningEmployees": 150, "employeesFromHubei": 0,
             "prevention": {"responsiblePerson": "李主任", "disinfectionsPerDay": 3,
                            "entrySteps": ["MASK", "TEMPERATURE", "DISINFECTION", "HEALTH_FORM", "CONSENT", "PASS"],
                            "masksInStock": 5000, "thermometers": 10, "emergencyPlan": true}}
            """.formatted(code, DISTRICT, LocalDate.now(LANZHOU).plusDays(2)));
        assertEquals(201, response.status(), response.body());
        return response.json().path("id").asText();
    }

    private static void decide(Api api, String token, String id, String body) {
        Api.Response response = api.postJson("/reopenings/" + id + "/decision", body, token);
        assertEquals(200, response.status(), response.body());
    }
}
