package cn.lanzhou.epidemic.common.store;

import cn.lanzhou.epidemic.common.model.Ids;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The key design of a day's registrations and donations, shared by the functions that write them
 * and the daily report that reads them: {@code pk = REG#{localDate}#{shard}} (or {@code DON#…}),
 * {@code sk = {id}}. A day's writes from the whole city are spread over {@value #SHARDS}
 * partitions by the record id (each takes 1,000 writes/s, so about 4,000 a second in all); the
 * report Queries each of them, {@value #SHARDS} Queries per kind and day whatever the number of
 * districts. The district is an attribute of the item. Writers and the report must agree on the
 * count, so it is fixed before the first deployment: docs/registrations.md says why it is 4.
 */
public final class DayPartitions {
    public static final int SHARDS = 4;
    public static final String REGISTRATIONS = "REG#";
    public static final String DONATIONS = "DON#";

    private DayPartitions() {
    }

    /** The shard of the record with this id: the first byte of its SHA-256, modulo {@value #SHARDS}. */
    public static int shard(String id) {
        return (Ids.sha256(id.getBytes(StandardCharsets.UTF_8))[0] & 0xff) % SHARDS;
    }

    /** {@code prefix} is {@link #REGISTRATIONS} or {@link #DONATIONS}. */
    public static String key(String prefix, LocalDate localDate, int shard) {
        return prefix + localDate + "#" + shard;
    }
}
