package cn.lanzhou.epidemic.donation;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.model.Districts;
import cn.lanzhou.epidemic.common.time.AppClock;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

public final class Fixtures {
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2020-02-13 16:00 in Lanzhou. */
    public static final Instant NOW = Instant.parse("2020-02-13T08:00:00Z");
    public static final LocalDate TODAY = LocalDate.of(2020, 2, 13);
    public static final Districts DISTRICTS = Districts.fromEnvironment();

    private Fixtures() {
    }

    public static AppClock clock(Instant now) {
        return new AppClock(Clock.fixed(now, ZoneOffset.UTC), SHANGHAI);
    }

    public static ObjectNode funds() {
        return (ObjectNode) Json.parseTrusted("""
                {"donor": {"name": "兰州某某商贸有限公司", "type": "ORGANIZATION", "phone": "+86 138-0931-1234"},
                 "district": "chengguan", "recipient": "城关区红十字会", "kind": "FUNDS", "amount": "200000.20",
                 "note": "用于防疫物资采购"}""");
    }

    public static ObjectNode materials() {
        return (ObjectNode) Json.parseTrusted("""
                {"donor": {"name": "张三", "type": "INDIVIDUAL"}, "district": "qilihe", "kind": "MATERIALS",
                 "items": [{"category": "MASK", "name": "医用外科口罩", "quantity": 10000, "unit": "只", "unitValue": "0.85"},
                           {"category": "DISINFECTANT", "name": "84 消毒液", "quantity": 200, "unit": "瓶", "unitValue": 12.5}]}""");
    }
}
