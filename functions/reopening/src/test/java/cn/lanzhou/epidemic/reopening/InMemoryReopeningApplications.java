package cn.lanzhou.epidemic.reopening;

import cn.lanzhou.epidemic.common.store.Locks;
import cn.lanzhou.epidemic.common.testing.InMemoryLocks;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplication;
import cn.lanzhou.epidemic.reopening.domain.ReopeningApplications;
import cn.lanzhou.epidemic.reopening.domain.Status;
import cn.lanzhou.epidemic.reopening.domain.Transition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The store in maps, with the same conditional semantics as DynamoDB (each operation atomic). */
public final class InMemoryReopeningApplications implements ReopeningApplications {
    public final Map<String, ReopeningApplication> applications = new HashMap<>();
    public final InMemoryLocks locks = new InMemoryLocks();
    public final Set<String> pointers = new LinkedHashSet<>();
    public final Set<LocalDate> changedDays = new LinkedHashSet<>();
    int transitionsApplied;

    @Override
    public synchronized Optional<ReopeningApplication> find(String id) {
        return Optional.ofNullable(applications.get(id));
    }

    @Override
    public synchronized boolean create(ReopeningApplication application) {
        return applications.putIfAbsent(application.id(), application) == null;
    }

    @Override
    public synchronized Optional<ReopeningApplication> apply(Transition t) {
        ReopeningApplication current = applications.get(t.applicationId());
        if (current == null || current.version() != t.expectedVersion() || current.status() != t.entry().from()) {
            return Optional.empty();
        }
        ReopeningApplication next = current.after(t);
        applications.put(next.id(), next);
        transitionsApplied++;
        return Optional.of(next);
    }

    @Override
    public Locks locks() {
        return locks;
    }

    @Override
    public synchronized void announce(LocalDate date, String district, String applicationId, LocalDate today, Instant now) {
        if (date.isBefore(today)) {
            changedDays.add(date);
        }
        pointers.add("REOEV#" + date + "/" + district + "#" + applicationId);
    }

    @Override
    public synchronized Slice slice(String district, Optional<Status> status, int limit, String after) {
        List<ReopeningApplication> matching = new ArrayList<>(applications.values().stream()
                .filter(a -> a.district().equals(district))
                .filter(a -> status.isEmpty() || a.status() == status.get())
                .filter(a -> after.isEmpty() || ReopeningApplications.position(a).compareTo(after) < 0)
                .sorted(Comparator.comparing(ReopeningApplications::position).reversed())
                .toList());
        return new Slice(List.copyOf(matching.subList(0, Math.min(limit, matching.size()))), matching.size() > limit);
    }
}
