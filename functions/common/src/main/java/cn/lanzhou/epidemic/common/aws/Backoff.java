package cn.lanzhou.epidemic.common.aws;

import java.util.concurrent.ThreadLocalRandom;

/** The wait before another attempt of a call to AWS: full jitter, base 50 ms, doubling, at most 1 s (the SDK's standard mode). */
public final class Backoff {
    private Backoff() {
    }

    /** Sleeps before attempt {@code attempt + 1}; false, without sleeping, when the deadline ({@link System#nanoTime()}) would pass. */
    public static boolean sleep(int attempt, long deadline) {
        long ceiling = Math.min(1000, 50L << Math.min(attempt, 10));
        long sleep = ThreadLocalRandom.current().nextLong(ceiling + 1);
        if (System.nanoTime() + sleep * 1_000_000 >= deadline) {
            return false;
        }
        try {
            Thread.sleep(sleep);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
