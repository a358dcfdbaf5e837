package cn.lanzhou.epidemic.common.store;

import cn.lanzhou.epidemic.common.model.Ids;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * The key design of a day's registrations and donations, shared by the functions that write them
 * and the daily report that reads them: {@code pk = REG#{localDate}#{district}#{shard}} (or
 * {@code DON#…}), {@code sk = {id}}. A busy district-day is spread over {@value #SHARDS}
 * partitions by the record id; the report Queries each of them.
 */
public final class DayPartitions {
    public static final int SHARDS = 8;
    public static final String REGISTRATIONS = "REG#";
    public static final String DONATIONS = "DON#";

    private DayPartitions() {
    }

    /** The shard of the record with this id: the first byte of its SHA-256, modulo {@value #SHARDS}. */
    public static int shard(String id) {
        return (Ids.sha256(id.getBytes(StandardCharsets.UTF_8))[0] & 0xff) % SHARDS;
    }

    /** {@code prefix} is {@link #REGISTRATIONS} or {@link #DONATIONS}. */
    public static String key(String prefix, LocalDate localDate, String district, int shard) {
        return prefix + localDate + "#" + district + "#" + shard;
    }
}
