package cn.lanzhou.epidemic.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.model.Ids;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void aRecordsPartitionIsItsDayAndAShardOfItsId() {
        String id = "01M8ME7YE78TEJBRY6642PCPVP";
        int shard = Table.shard(id);
        assertEquals(shard, Table.shard(id));
        assertEquals("REG#2020-02-13#" + shard,
                Table.RegistrationItem.pk(LocalDate.parse("2020-02-13"), shard));
    }

    @Test
    void idsSpreadOverEveryShard() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            int shard = Table.shard(Ids.random(Instant.now()));
            assertTrue(shard >= 0 && shard < Table.SHARDS);
            seen.add(shard);
        }
        assertEquals(Table.SHARDS, seen.size());
    }
}
