package cn.lanzhou.epidemic.registration;

import cn.lanzhou.epidemic.registration.domain.Registration;
import cn.lanzhou.epidemic.registration.domain.Registrations;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Registrations in a map, with the conditional semantics of the DynamoDB store. */
public final class InMemoryRegistrations implements Registrations {
    public final Map<String, Registration> byId = new ConcurrentHashMap<>();
    public final AtomicInteger writes = new AtomicInteger();

    @Override
    public Registration addIfAbsent(Registration registration) {
        writes.incrementAndGet();
        Registration existing = byId.putIfAbsent(registration.id(), registration);
        return existing == null ? registration : existing;
    }
}
