package cn.lanzhou.epidemic.registration;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Registrations in a map, with the conditional semantics of the DynamoDB store. */
final class InMemoryRegistrations implements Registrations {
    final Map<String, Registration> byId = new ConcurrentHashMap<>();
    final AtomicInteger writes = new AtomicInteger();

    @Override
    public Registration addIfAbsent(Registration registration) {
        writes.incrementAndGet();
        Registration existing = byId.putIfAbsent(registration.id(), registration);
        return existing == null ? registration : existing;
    }
}
