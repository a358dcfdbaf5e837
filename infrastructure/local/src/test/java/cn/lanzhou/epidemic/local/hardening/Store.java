package cn.lanzhou.epidemic.local.hardening;

import cn.lanzhou.epidemic.local.LocalNames;
import cn.lanzhou.epidemic.local.LocalResources;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the functions wrote, read by the tests straight from the DynamoDB endpoint. Tests may Scan;
 * the functions never do.
 */
final class Store implements AutoCloseable {
    /** Partition-key prefixes of the items that are records of a submission (openapi.yaml's three forms). */
    static final List<String> RECORD_PREFIXES = List.of("REG#", "DON#", "APP#");

    private final DynamoDbClient client;
    private final String table;

    Store(URI endpoint) {
        this.client = LocalResources.dynamoDb(endpoint);
        this.table = LocalNames.TABLE;
    }

    List<Map<String, AttributeValue>> scan() {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        client.scanPaginator(s -> s.tableName(table).consistentRead(true)).items().forEach(items::add);
        return items;
    }

    int count() {
        return client.scanPaginator(s -> s.tableName(table).consistentRead(true).select("COUNT")).stream()
                .mapToInt(r -> r.count()).sum();
    }

    /** The submission records (registrations, donations, applications), by their {@code id}. */
    List<Map<String, AttributeValue>> records() {
        return scan().stream().filter(Store::isRecord).toList();
    }

    static boolean isRecord(Map<String, AttributeValue> item) {
        String pk = item.get("pk").s();
        return RECORD_PREFIXES.stream().anyMatch(pk::startsWith) && item.containsKey("id");
    }

    static String id(Map<String, AttributeValue> item) {
        return item.get("id").s();
    }

    long recordsWithId(String id) {
        return records().stream().filter(r -> id.equals(id(r))).count();
    }

    @Override
    public void close() {
        client.close();
    }
}
