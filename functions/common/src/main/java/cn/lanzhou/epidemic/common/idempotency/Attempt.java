package cn.lanzhou.epidemic.common.idempotency;

import java.time.Instant;

/**
 * One execution of a POST. {@code recordId} is the id the request's new record gets and
 * {@code receivedAt} its "now": both are fixed by the first attempt of an Idempotency-Key, so an
 * attempt that runs again after a crash writes the very same item.
 */
public record Attempt(String recordId, Instant receivedAt, boolean keyed) {
}
