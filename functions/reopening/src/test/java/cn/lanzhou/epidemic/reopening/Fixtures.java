package cn.lanzhou.epidemic.reopening;

import cn.lanzhou.epidemic.common.idempotency.Idempotency;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.testing.InMemoryIdempotencyStore;
import cn.lanzhou.epidemic.common.time.AppClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Shared test data: a fixed clock on 2020-02-13 in Lanzhou, a valid application body. */
public final class Fixtures {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final Instant NOW = Instant.parse("2020-02-13T02:00:00Z"); // 10:00 local
    public static final String CREDIT_CODE = "91110000600037341L";
    public static final String OTHER_CREDIT_CODE = "91350100M000100Y43";

    private Fixtures() {
    }

    public static AppClock clock() {
        return new AppClock(Clock.fixed(NOW, ZoneOffset.UTC), SHANGHAI);
    }

    public static Districts districts() {
        return Districts.fromEnvironment();
    }

    public static ReopeningHandler handler(InMemoryReopeningApplications store) {
        return new ReopeningHandler(store, new Idempotency(new InMemoryIdempotencyStore(), clock()), districts(), clock());
    }

    public static String body(String creditCode) {
        return """
            {"enterprise": {"name": "兰州某机械制造有限公司", "creditCode": "%s", "industry": "机械制造",
                            "aboveDesignatedSize": true, "employees": 120},
             "district": "chengguan", "street": "东岗西路街道",
             "contact": {"name": "王经理", "phone": "+86 138-1234-5678"},
             "plannedDate": "2020-02-17", "returningEmployees": 80, "employeesFromHubei": 0,
             "prevention": {"responsiblePerson": "李主任", "disinfectionsPerDay": 3,
                            "entrySteps": ["MASK", "TEMPERATURE", "DISINFECTION", "HEALTH_FORM", "CONSENT", "PASS"],
                            "masksInStock": 2000, "thermometers": 4, "emergencyPlan": true},
             "difficulties": ["SUPPLIES"], "difficultyNote": "口罩采购困难"}
            """.formatted(creditCode);
    }

    public static String body() {
        return body(CREDIT_CODE);
    }
}
