package cn.lanzhou.epidemic.summary.store;

import cn.lanzhou.epidemic.common.store.DayPartitions;
import java.time.LocalDate;

/**
 * The key design and attribute names of what the daily report reads, in one place, as agreed with
 * the writers (registration, donation, reopening; docs/reports.md). Names the docs do not fix are
 * the report's assumption; align them here if a writer spells one differently.
 */
public final class ReportInputs {
    private ReportInputs() {
    }

    static final String PK = "pk";
    static final String SK = "sk";

    /** A day's registrations and donations (each kind) are spread over this many partitions. */
    static final int SHARDS = DayPartitions.SHARDS;

    // ---- registration: pk = REG#{localDate}#{shard}, sk = {id}; DISTRICT (below) is an attribute
    static final String RISK_LEVEL = "riskLevel";
    static final String FEVER = "fever";
    static final String VEHICLE_PLATE = "vehiclePlate";

    // ---- donation: pk = DON#{localDate}#{shard}, sk = {id}
    static final String KIND = "kind";
    static final String AMOUNT = "amount";
    static final String VALUE = "value";
    static final String ITEMS = "items";
    static final String ITEM_CATEGORY = "category";
    static final String ITEM_QUANTITY = "quantity";
    static final String ITEM_UNIT_VALUE = "unitValue";

    // ---- reopening: pointer pk = REOEV#{date}, sk = {district}#{appId}; application pk = APP#{id}, sk = APP
    static final String POINTER_PREFIX = "REOEV#";
    static final String APPLICATION_PREFIX = "APP#";
    static final String APPLICATION_SK = "APP";
    static final String STATUS = "status";
    static final String DISTRICT = "district";
    static final String SUBMITTED_ON = "submittedOn";
    static final String DECIDED_ON = "decidedOn";
    static final String REOPENED_ON = "reopenedOn";
    static final String SUBMITTED_AT = "submittedAt";
    static final String DECIDED_AT = "decidedAt";
    static final String ENTERPRISE = "enterprise";
    static final String ABOVE_DESIGNATED_SIZE = "aboveDesignatedSize";

    // ---- late-change markers (common DayChanges): pk = CHANGED, sk = {date}, changedAt (epoch millis)
    static final String CHANGED_PK = cn.lanzhou.epidemic.common.store.DayChanges.PK;
    static final String CHANGED_AT = "changedAt";

    // ---- the report's own per-day aggregates: pk = AGG, sk = {date}
    static final String AGGREGATE_PK = "AGG";

    static String registrationKey(LocalDate day, int shard) {
        return DayPartitions.key(DayPartitions.REGISTRATIONS, day, shard);
    }

    static String donationKey(LocalDate day, int shard) {
        return DayPartitions.key(DayPartitions.DONATIONS, day, shard);
    }

    static String pointerKey(LocalDate day) {
        return POINTER_PREFIX + day;
    }
}
