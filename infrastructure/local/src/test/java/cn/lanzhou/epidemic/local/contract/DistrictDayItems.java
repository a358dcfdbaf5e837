package cn.lanzhou.epidemic.local.contract;

import cn.lanzhou.epidemic.local.LocalNames;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the tests read back of one district's day: the day's shards of registrations
 * ({@code REG}) or donations ({@code DON}), as the daily report reads them, of that district. The
 * key is spelt here as docs/registrations.md and docs/donations.md agree it, not taken from the
 * functions' code, so that a test catches a writer that strays from it.
 */
public final class DistrictDayItems {
    /** The shards of a day and kind, 0–3 (docs/registrations.md), written out rather than read from the code. */
    public static final int SHARDS = 4;

    private DistrictDayItems() {
    }

    public static List<Map<String, AttributeValue>> read(DynamoDbClient dynamo, String prefix, LocalDate day, String district) {
        String table = LocalNames.TABLE;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int shard = 0; shard < SHARDS; shard++) {
            String pk = prefix + "#" + day + "#" + shard;
            dynamo.queryPaginator(q -> q.tableName(table).keyConditionExpression("pk = :pk")
                    .filterExpression("district = :d")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk), ":d", AttributeValue.fromS(district)))
                    .consistentRead(true))
                    .items().forEach(items::add);
        }
        return items;
    }
}
