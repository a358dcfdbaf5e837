package cn.lanzhou.epidemic.common.testing;

import cn.lanzhou.epidemic.common.idempotency.IdempotencyStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** An idempotency store in a map, with the same conditional semantics as the DynamoDB one: for unit tests. */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
    private record Entry(KeyRecord record, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean claim(String key, String fingerprint, Instant now, Instant leaseUntil, Instant expiresAt) {
        Entry existing = entries.get(key);
        if (existing != null && !existing.expiresAt().isBefore(now)) {
            return false;
        }
        entries.put(key, new Entry(new KeyRecord(fingerprint, now, leaseUntil, null, null), expiresAt));
        return true;
    }

    @Override
    public synchronized Optional<KeyRecord> find(String key, Instant now) {
        return Optional.ofNullable(entries.get(key)).filter(e -> !e.expiresAt().isBefore(now)).map(Entry::record);
    }

    @Override
    public synchronized boolean takeOver(String key, Instant expiredLease, Instant newLease) {
        Entry e = entries.get(key);
        if (e == null || e.record().completed() || !e.record().leaseUntil().equals(expiredLease)) {
            return false;
        }
        KeyRecord r = e.record();
        entries.put(key, new Entry(new KeyRecord(r.fingerprint(), r.startedAt(), newLease, null, null), e.expiresAt()));
        return true;
    }

    @Override
    public synchronized void complete(String key, int status, String body) {
        Entry e = entries.get(key);
        KeyRecord r = e.record();
        entries.put(key, new Entry(new KeyRecord(r.fingerprint(), r.startedAt(), r.leaseUntil(), status, body), e.expiresAt()));
    }

    @Override
    public synchronized void release(String key) {
        Entry e = entries.get(key);
        if (e != null && !e.record().completed()) {
            entries.remove(key);
        }
    }

    public int size() {
        return entries.size();
    }
}
