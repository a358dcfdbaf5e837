package cn.lanzhou.epidemic.common.testing;

import cn.lanzhou.epidemic.common.store.Locks;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@link Locks} in a map, with the conditional puts' semantics; {@link #held} is open to tests. */
public final class InMemoryLocks implements Locks {
    public final Map<String, Held> held = new HashMap<>();

    @Override
    public synchronized boolean take(String key, String by, Instant at) {
        return held.putIfAbsent(key, new Held(by, at)) == null;
    }

    @Override
    public synchronized Optional<Held> held(String key) {
        return Optional.ofNullable(held.get(key));
    }

    @Override
    public synchronized boolean takeOver(String key, String stale, String by, Instant at) {
        Held current = held.get(key);
        if (current == null || !current.holder().equals(stale)) {
            return false;
        }
        held.put(key, new Held(by, at));
        return true;
    }

    @Override
    public synchronized void release(String key, String by) {
        Held current = held.get(key);
        if (current != null && current.holder().equals(by)) {
            held.remove(key);
        }
    }
}
