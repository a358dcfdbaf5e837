package cn.lanzhou.epidemic.donation.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.store.Table;
import cn.lanzhou.epidemic.donation.domain.Donation;
import cn.lanzhou.epidemic.donation.domain.DonationCommand.Category;
import cn.lanzhou.epidemic.donation.domain.DonationCommand.DonorType;
import cn.lanzhou.epidemic.donation.domain.DonationCommand.Item;
import cn.lanzhou.epidemic.donation.domain.DonationCommand.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDonationsTest {
    private static final Donation MATERIALS = new Donation("01ID", "DN-20200213-ABCDEF",
            Instant.parse("2020-02-13T08:00:00Z"), LocalDate.of(2020, 2, 12), "qilihe", Kind.MATERIALS,
            DonorType.INDIVIDUAL, true, "匿名", Optional.of("138****1234"), Optional.empty(), Optional.empty(),
            List.of(new Item(Category.MASK, "口罩", 10_000, "只", new BigDecimal("0.85")),
                    new Item(Category.FOOD, "大米", 3, "袋", new BigDecimal("0.00"))),
            new BigDecimal("8500.00"), Optional.of("备注"));

    @Test
    void aDonationIsFiledUnderItsDayShardWithItsDistrictAsAnAttribute() {
        Map<String, AttributeValue> item = DynamoDonations.toItem(MATERIALS);
        int shard = Table.shard("01ID");
        assertTrue(shard >= 0 && shard < 4);
        assertEquals("DON#2020-02-12#" + shard, item.get("pk").s());
        assertEquals("qilihe", item.get("district").s());
        assertEquals("01ID", item.get("sk").s());
        assertEquals("8500.00", item.get("value").n());
        assertEquals("匿名", item.get("donorName").s());
        assertFalse(item.containsKey("amount"));
    }

    @Test
    void shardsSpreadOverAllFour() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(Table.shard("id-" + i));
        }
        assertEquals(4, seen.size());
    }

    @Test
    void readingRestoresTwoFractionDigitsThatDynamoDbDrops() {
        Map<String, AttributeValue> item = new HashMap<>(DynamoDonations.toItem(MATERIALS));
        // DynamoDB answers numbers in canonical form: 8500.00 comes back as 8500, 0.00 as 0
        item.put("value", AttributeValue.fromN("8500"));
        Donation read = DynamoDonations.fromItem(item);
        assertEquals("8500.00", read.value().toPlainString());
        assertEquals("0.85", read.items().get(0).unitValue().toPlainString());
        assertEquals(MATERIALS, DynamoDonations.fromItem(DynamoDonations.toItem(MATERIALS)));
    }

    @Test
    void aFundsDonationKeepsItsAmount() {
        Donation funds = new Donation("02ID", "DN-20200213-ZZZZZZ", Instant.parse("2020-02-13T08:00:00Z"),
                LocalDate.of(2020, 2, 13), "chengguan", Kind.FUNDS, DonorType.ORGANIZATION, false, "某公司",
                Optional.empty(), Optional.of("区红十字会"), Optional.of(new BigDecimal("202241.01")), List.of(),
                new BigDecimal("202241.01"), Optional.empty());
        Map<String, AttributeValue> item = DynamoDonations.toItem(funds);
        assertEquals("202241.01", item.get("amount").n());
        assertFalse(item.containsKey("items"));
        assertEquals(funds, DynamoDonations.fromItem(item));
    }
}
