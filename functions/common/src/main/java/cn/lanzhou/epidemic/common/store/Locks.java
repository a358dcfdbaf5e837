package cn.lanzhou.epidemic.common.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Lock items of one kind, keyed by what must be unique (an enterprise's open application, a person's
 * active observation): taken by a conditional put, so two writers never both hold one; a holder that
 * died is taken over only by naming it, and released only by itself.
 */
public interface Locks {
    int ATTEMPTS = 5;

    record Held(String holder, Instant lockedAt) {
    }

    /** True when this call took the free lock. */
    boolean take(String key, String by, Instant at);

    Optional<Held> held(String key);

    /** True when the lock still named {@code stale} and now names {@code by}. */
    boolean takeOver(String key, String stale, String by, Instant at);

    /** Frees the lock if {@code by} still holds it. */
    void release(String key, String by);

    /**
     * Takes the lock of {@code key} for {@code by}, or takes it over from a holder that is done
     * ({@code open} says false) or left no record within {@code grace}; a run again of {@code by}
     * finds it its own. Returns the live holder when another has it.
     */
    default Optional<String> acquire(String key, String by, Instant at, Function<String, Optional<Boolean>> open, Duration grace,
            Supplier<Instant> now) {
        for (int i = 0; i < ATTEMPTS; i++) {
            if (take(key, by, at)) {
                return Optional.empty();
            }
            Optional<Held> held = held(key);
            if (held.isEmpty()) {
                continue; // released meanwhile: try again
            }
            String holder = held.get().holder();
            if (holder.equals(by)) {
                return Optional.empty(); // this very writer, run again after a crash
            }
            boolean done = open.apply(holder).map(isOpen -> !isOpen)
                    .orElseGet(() -> held.get().lockedAt().plus(grace).isBefore(now.get()));
            if (!done) {
                return Optional.of(holder);
            }
            if (takeOver(key, holder, by, at)) {
                return Optional.empty();
            }
        }
        throw new BackendUnavailable(new IllegalStateException("the lock changed hands " + ATTEMPTS + " times"));
    }
}
