package cn.lanzhou.epidemic.common.store;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The time one HTTP request may spend on backend calls, all of them together. Each SDK call has its
 * own timeout, but a request makes several (idempotency claim, writes, the release after a failure),
 * and under an outage their timeouts would add up past what a client waits. Within a budget, a call
 * gets at most what is left as its {@code apiCallTimeout} (the SDK clients' interceptor in
 * {@code common/config}), so the request answers 503 in time. Per thread: a handler runs on one.
 * No SDK type here: a function without AWS clients (districts) uses it too.
 */
public final class RequestBudget {
    /**
     * What one HTTP request may spend on backend calls: one SDK call's timeout (8 s), so that a
     * request answers within about 8.5 s even under an outage, well inside API Gateway's 30 s.
     */
    public static final Duration PER_REQUEST = Duration.ofSeconds(8);

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private RequestBudget() {
    }

    /** Runs {@code work} with backend calls bounded to {@code budget} in total (an outer budget, if any, stays). */
    public static <T> T within(Duration budget, Supplier<T> work) {
        Long outer = DEADLINE.get();
        long deadline = System.nanoTime() + budget.toNanos();
        if (outer != null && outer - deadline < 0) {
            deadline = outer;
        }
        DEADLINE.set(deadline);
        try {
            return work.get();
        } finally {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        }
    }

    /** What is left of the current request's budget; empty outside of one. */
    public static Optional<Duration> remaining() {
        Long deadline = DEADLINE.get();
        return deadline == null ? Optional.empty() : Optional.of(Duration.ofNanos(deadline - System.nanoTime()));
    }
}
