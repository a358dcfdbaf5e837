package cn.lanzhou.epidemic.reopening.domain;

import cn.lanzhou.epidemic.common.time.UtcMillis;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where applications live. Every write is a single conditional operation: no transactions (the
 * local DynamoDB-compatible server has none), so crash safety comes from ordering and idempotent
 * writes (see docs/reopenings.md).
 */
public interface ReopeningApplications {

    Optional<ReopeningApplication> find(String id);

    /** Puts the application unless it exists; true when this call created it. */
    boolean create(ReopeningApplication application);

    /**
     * Applies the transition if the application is still at {@code expectedVersion} and in the
     * entry's {@code from} status; the application afterwards, or empty when the condition failed.
     */
    Optional<ReopeningApplication> apply(Transition transition);

    /** The enterprise's open-application lock: who holds it and since when. */
    record Lock(String applicationId, Instant lockedAt) {
    }

    Optional<Lock> lockOf(String creditCode);

    /** Takes the free lock; false when someone holds it. */
    boolean lock(String creditCode, String applicationId, Instant at);

    /** Takes the lock over from {@code staleHolder}; false when it no longer holds it. */
    boolean takeOver(String creditCode, String staleHolder, String applicationId, Instant at);

    /** Frees the lock if {@code applicationId} still holds it. */
    void release(String creditCode, String applicationId);

    /**
     * Announces to the daily report that something happened to the application on {@code date}
     * (idempotent), and marks the day as changed when it is already over. Called BEFORE the write.
     */
    void announce(LocalDate date, String district, String applicationId, LocalDate today, Instant now);

    /**
     * Up to {@code limit} applications of one district, newest first, optionally of one status,
     * strictly after the position {@code after} ({@code ""} = from the newest). {@code more} tells
     * whether any may follow the returned ones.
     */
    record Slice(List<ReopeningApplication> items, boolean more) {
    }

    Slice slice(String district, Optional<Status> status, int limit, String after);

    /** The listing order key: submission time at fixed millisecond width, then the id. */
    static String position(ReopeningApplication application) {
        return UtcMillis.format(application.submittedAt()) + "#" + application.id();
    }
}
