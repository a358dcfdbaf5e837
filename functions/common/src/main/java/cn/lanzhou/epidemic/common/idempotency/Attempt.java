package cn.lanzhou.epidemic.common.idempotency;

import java.time.Instant;

/** One execution of a POST; its record id and "now" are fixed by a key's first attempt, so that a rerun after a crash writes the same item. */
public record Attempt(String recordId, Instant receivedAt, boolean keyed) {
}
