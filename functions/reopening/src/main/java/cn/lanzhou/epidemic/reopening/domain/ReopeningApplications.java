package cn.lanzhou.epidemic.reopening.domain;

import cn.lanzhou.epidemic.common.store.Locks;
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

    /** Each enterprise's open-application lock, keyed by credit code, held by an application id. */
    Locks locks();

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
