package cn.lanzhou.epidemic.common.store;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** One request's time for all its backend calls (per thread), so their timeouts cannot add up past what a client waits; free of SDK types for functions without AWS clients. */
public final class RequestBudget {
    /** One SDK call's timeout, so that a request answers 503 well inside API Gateway's limit. */
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
