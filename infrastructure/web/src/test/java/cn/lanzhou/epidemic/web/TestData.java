package cn.lanzhou.epidemic.web;

import cn.lanzhou.epidemic.local.LocalResources;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.contract.DistrictDayItems;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Valid values for the forms, and a look into the table behind them. */
final class TestData {
    /** GB 11643-1999's own sample: valid check character X. */
    static final String RESIDENT_ID = "11010519491231002X";
    /** The same number with a wrong check character. */
    static final String RESIDENT_ID_BAD_CHECK = "110105194912310021";
    static final String PHONE = "13800138000";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final String CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final SecureRandom RANDOM = new SecureRandom();

    private TestData() {
    }

    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    /** A fresh unified social credit code with a valid GB 32100-2015 check character. */
    static String creditCode() {
        StringBuilder code = new StringBuilder("91620100");
        for (int i = 0; i < 9; i++) {
            code.append(RANDOM.nextInt(10));
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += CREDIT_CHARS.indexOf(code.charAt(i)) * CREDIT_WEIGHTS[i];
        }
        return code.append(CREDIT_CHARS.charAt((31 - sum % 31) % 31)).toString();
    }

    /** A fresh valid resident ID number (GB 11643-1999 check character): each test has its own persons. */
    static String residentId() {
        String first17 = "620102" + "1985" + String.format("%02d%02d%03d", 1 + RANDOM.nextInt(12), 1 + RANDOM.nextInt(28), RANDOM.nextInt(1000));
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * weights[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** The API's mask of an ID number: its first character and last two. */
    static String masked(String idNumber) {
        return idNumber.charAt(0) + "*".repeat(idNumber.length() - 3) + idNumber.substring(idNumber.length() - 2);
    }

    /** A site code no other test uses. */
    static String siteCode(String prefix) {
        return prefix + "-" + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36).toUpperCase(java.util.Locale.ROOT);
    }

    /** Every item of one district on a day (`REG` or `DON`), as the daily report reads them. */
    static List<Map<String, AttributeValue>> districtDay(LocalStack stack, String prefix, LocalDate day, String district) {
        try (DynamoDbClient dynamo = LocalResources.dynamoDb(stack.dynamoDbEndpoint())) {
            return DistrictDayItems.read(dynamo, prefix, day, district);
        }
    }
}
