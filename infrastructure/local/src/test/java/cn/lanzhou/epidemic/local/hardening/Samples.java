package cn.lanzhou.epidemic.local.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Valid request bodies of every POST route (openapi.yaml), and valid identifiers made up for tests. */
final class Samples {
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Samples() {
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A resident ID number with a valid GB 11643 check character and birth date. */
    static String idNumber() {
        return idNumber(ThreadLocalRandom.current());
    }

    /** The same, drawn from {@code random} (a seeded run draws the same numbers). */
    static String idNumber(Random random) {
        String first17 = "620102" + (1950 + random.nextInt(50)) + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28))
                + String.format("%03d", random.nextInt(1000));
        return first17 + idCheck(first17);
    }

    static char idCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    static String phone() {
        return phone(ThreadLocalRandom.current());
    }

    static String phone(Random random) {
        return "139" + String.format("%08d", random.nextInt(100_000_000));
    }

    /** A unified social credit code with a valid GB 32100 check character, different on every call. */
    static String creditCode() {
        return creditCode(ThreadLocalRandom.current());
    }

    static String creditCode(Random random) {
        StringBuilder code = new StringBuilder("91620100");
        while (code.length() < 17) {
            code.append(CREDIT_CHARS.charAt(random.nextInt(10)));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARS.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return code.append(CREDIT_CHARS.charAt(check)).toString();
    }

    static ObjectNode registration() {
        ObjectNode body = object("""
                {"name": "王五", "idType": "RESIDENT_ID", "district": "chengguan",
                 "site": {"type": "CHECKPOINT", "code": "G312-K1"}, "temperatureCelsius": 36.6,
                 "vehiclePlate": "甘A12345", "origin": "天水", "travelHistory": ["定西"], "symptoms": [],
                 "contactWithCases": false, "cohabitantsUnwell": false, "consent": true}""");
        return body.put("idNumber", idNumber()).put("phone", phone());
    }

    static ObjectNode donation() {
        return object("""
                {"donor": {"name": "兰州某某商贸有限公司", "type": "ORGANIZATION", "anonymous": false},
                 "district": "chengguan", "recipient": "城关区红十字会", "kind": "FUNDS", "amount": "2000.20", "note": "抗疫"}""");
    }

    static ObjectNode materials() {
        return object("""
                {"donor": {"name": "张三", "type": "INDIVIDUAL"}, "district": "qilihe", "kind": "MATERIALS",
                 "items": [{"category": "MASK", "name": "医用外科口罩", "quantity": 10000, "unit": "只", "unitValue": "0.85"}]}""");
    }

    static ObjectNode reopening() {
        ObjectNode body = object("""
                {"enterprise": {"name": "兰州某某机械有限公司", "industry": "机械制造", "aboveDesignatedSize": true, "employees": 120},
                 "district": "xigu", "street": "陈坪街道",
                 "contact": {"name": "赵六"},
                 "returningEmployees": 100, "employeesFromHubei": 0,
                 "prevention": {"responsiblePerson": "赵六", "disinfectionsPerDay": 3,
                   "entrySteps": ["MASK", "TEMPERATURE", "DISINFECTION", "HEALTH_FORM", "CONSENT", "PASS"],
                   "masksInStock": 5000, "thermometers": 4, "emergencyPlan": true},
                 "difficulties": ["SUPPLIES"], "difficultyNote": "口罩紧缺"}""");
        ((ObjectNode) body.get("enterprise")).put("creditCode", creditCode());
        ((ObjectNode) body.get("contact")).put("phone", phone());
        return body.put("plannedDate", today().plusDays(3).toString());
    }

    static ObjectNode decision() {
        return object("{\"decision\": \"APPROVE\", \"expectedVersion\": 1}");
    }

    static ObjectNode reopened() {
        return object("{\"expectedVersion\": 2}").put("reopenedOn", today().toString());
    }

    static ObjectNode object(String json) {
        try {
            return (ObjectNode) MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
