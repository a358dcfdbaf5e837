package cn.lanzhou.epidemic.local.contract.donation;

import cn.lanzhou.epidemic.local.LocalNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.local.Api;
import cn.lanzhou.epidemic.local.LocalResources;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalStackExtension;
import cn.lanzhou.epidemic.local.contract.DistrictDayItems;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** What POST /donations writes, read back through the DynamoDB API of the local stack (dynalite). */
@ExtendWith(LocalStackExtension.class)
class DonationStorageContractTest {

    @Test
    void amountsSurviveTheRoundTripThroughDynamoDbExactly(Api api, LocalStack stack) {
        // a district-day of its own, so that other tests' donations do not count
        LocalDate day = DonationContractTest.TODAY.minusDays(300);
        BigDecimal sent = BigDecimal.ZERO;
        Map<String, String> valueById = new HashMap<>();
        for (String amount : List.of("202241.00", "0.01")) {
            ObjectNode body = DonationContractTest.funds().put("district", "yuzhong").put("amount", amount)
                    .put("donatedOn", day.toString());
            JsonNode created = DonationContractTest.created(DonationContractTest.post(api, body, null));
            valueById.put(created.get("id").asText(), created.get("value").asText());
            sent = sent.add(new BigDecimal(amount));
        }
        try (DynamoDbClient dynamo = LocalResources.dynamoDb(stack.dynamoDbEndpoint())) {
            List<Map<String, AttributeValue>> items = DistrictDayItems.read(dynamo, "DON", day, "yuzhong");
            BigDecimal stored = BigDecimal.ZERO;
            for (Map<String, AttributeValue> item : items) {
                if (valueById.containsKey(item.get("id").s())) {
                    stored = stored.add(new BigDecimal(item.get("value").n()));
                    assertEquals(0, new BigDecimal(valueById.get(item.get("id").s())).compareTo(new BigDecimal(item.get("amount").n())));
                }
            }
            assertEquals(2, items.stream().filter(i -> valueById.containsKey(i.get("id").s())).count());
            assertEquals("202241.01", stored.setScale(2).toPlainString());
            assertEquals(0, sent.compareTo(stored));

            // a donation dated back marked its day for the report to recompile
            String table = LocalNames.TABLE;
            var marker = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(Map.of(
                    "pk", AttributeValue.fromS("CHANGED"), "sk", AttributeValue.fromS(day.toString()))));
            assertTrue(marker.hasItem() && !marker.item().isEmpty());
        }
    }

    @Test
    void materialsAndAnAnonymousDonorAreStoredAsTheContractSays(Api api, LocalStack stack) {
        LocalDate day = DonationContractTest.TODAY.minusDays(301);
        ObjectNode body = DonationContractTest.materials().put("district", "gaolan").put("donatedOn", day.toString());
        ((ObjectNode) body.get("donor")).put("anonymous", true).put("phone", "13912345678");
        JsonNode created = DonationContractTest.created(DonationContractTest.post(api, body, null));
        String receipt = created.get("receiptNumber").asText();
        try (DynamoDbClient dynamo = LocalResources.dynamoDb(stack.dynamoDbEndpoint())) {
            Map<String, AttributeValue> item = DistrictDayItems.read(dynamo, "DON", day, "gaolan").stream()
                    .filter(i -> i.get("id").s().equals(created.get("id").asText())).findFirst().orElseThrow();
            assertEquals("匿名", item.get("donorName").s());
            assertEquals("139****5678", item.get("donorPhoneMasked").s());
            assertTrue(item.values().stream().noneMatch(v -> "13912345678".equals(v.s()) || "张三".equals(v.s())));
            assertEquals(0, new BigDecimal("11000").compareTo(new BigDecimal(item.get("value").n())));
            assertEquals(2, item.get("items").l().size());
            assertEquals(0, new BigDecimal("0.85").compareTo(new BigDecimal(item.get("items").l().get(0).m().get("unitValue").n())));
            assertEquals(receipt, item.get("receiptNumber").s());

            String table = LocalNames.TABLE;
            var reservation = dynamo.getItem(g -> g.tableName(table).consistentRead(true).key(Map.of(
                    "pk", AttributeValue.fromS("RECEIPT#" + receipt), "sk", AttributeValue.fromS("RECEIPT"))));
            assertEquals(created.get("id").asText(), reservation.item().get("donationId").s());
            assertEquals(Set.of("pk", "sk", "donationId", "reservedAt"), reservation.item().keySet());
        }
    }
}
