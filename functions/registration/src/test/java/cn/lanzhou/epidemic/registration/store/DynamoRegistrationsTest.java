package cn.lanzhou.epidemic.registration.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.model.Ids;
import cn.lanzhou.epidemic.common.store.Table;
import cn.lanzhou.epidemic.person.IdType;
import cn.lanzhou.epidemic.registration.domain.Registration;
import cn.lanzhou.epidemic.registration.domain.RiskLevel;
import cn.lanzhou.epidemic.person.SiteType;
import cn.lanzhou.epidemic.person.Symptom;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The item layout, without a database: key design and a lossless round trip. */
class DynamoRegistrationsTest {

    private static Registration sample(String id) {
        return new Registration(id, Instant.parse("2020-02-13T16:00:00.123Z"), Instant.parse("2020-02-13T15:59:59Z"),
                LocalDate.of(2020, 2, 13), "chengguan", SiteType.CHECKPOINT, "G312", "张伟", IdType.RESIDENT_ID,
                "ab".repeat(32), "1***************2X", "cd".repeat(32), "138****8000", Optional.of("甘AD12345"),
                Optional.of("西安"), List.of("西安", "天水"), true, Optional.of(new BigDecimal("37.5")),
                Set.of(Symptom.COUGH, Symptom.FEVER), Optional.of(false), true, RiskLevel.HIGH,
                Optional.of(LocalDate.of(2020, 2, 27)));
    }

    @Test
    void aRegistrationIsKeyedByLocalDateAndShardWithItsIdAsSortKey() {
        String id = Ids.random(Instant.parse("2020-02-13T16:00:00Z"));
        var item = DynamoRegistrations.toItem(sample(id));
        assertEquals("REG#2020-02-13#" + Table.shard(id), item.get("pk").s());
        assertEquals(id, item.get("sk").s());
        assertEquals("37.5", item.get("temperatureCelsius").n());
    }

    @Test
    void idsSpreadOverAllFourShards() {
        Set<Integer> shards = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            int shard = Table.shard(Ids.random(Instant.now()));
            assertTrue(shard >= 0 && shard < 4);
            shards.add(shard);
        }
        assertEquals(4, shards.size());
    }

    @Test
    void anItemReadsBackAsTheRegistrationItWasMadeFrom() {
        Registration registration = sample(Ids.random(Instant.now()));
        assertEquals(registration, DynamoRegistrations.fromItem(DynamoRegistrations.toItem(registration)));
        Registration bare = new Registration("X", Instant.EPOCH, Instant.EPOCH, LocalDate.of(1970, 1, 1), "qilihe",
                SiteType.COMMUNITY, "C", "A", IdType.PASSPORT, "h", "E******78", "p", "138****8000", Optional.empty(),
                Optional.empty(), List.of(), false, Optional.empty(), Set.of(), Optional.empty(), false, RiskLevel.LOW,
                Optional.empty());
        assertEquals(bare, DynamoRegistrations.fromItem(DynamoRegistrations.toItem(bare)));
    }
}
