package cn.lanzhou.epidemic.common.idempotency;

import java.time.Instant;
import java.util.Optional;

/** Where Idempotency-Key records live: claimed with a conditional write, never read-then-write. */
public interface IdempotencyStore {
    /** A stored key: its request fingerprint, and the outcome once there is one. */
    record KeyRecord(String fingerprint, Instant startedAt, Instant leaseUntil, Integer status, String body) {
        public boolean completed() {
            return status != null;
        }
    }

    /** Claims the key; false when an unexpired record already stands. */
    boolean claim(String key, String fingerprint, Instant now, Instant leaseUntil, Instant expiresAt);

    /** The record under the key, read consistently. */
    Optional<KeyRecord> find(String key, Instant now);

    /** Takes over an in-progress record whose lease ran out (its first attempt died); true if won. */
    boolean takeOver(String key, Instant expiredLease, Instant newLease);

    void complete(String key, int status, String body);

    /** Drops an in-progress claim whose request failed, so that a retry runs again. */
    void release(String key);
}
