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

    /** Every item of one district on a day (`REG` or `DON`), as the daily report reads them. */
    static List<Map<String, AttributeValue>> districtDay(LocalStack stack, String prefix, LocalDate day, String district) {
        try (DynamoDbClient dynamo = LocalResources.dynamoDb(stack.dynamoDbEndpoint())) {
            return DistrictDayItems.read(dynamo, prefix, day, district);
        }
    }
}
