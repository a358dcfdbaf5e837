package cn.lanzhou.epidemic.summary.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PartitionsTest {

    @Test
    void everyReadRunsOnceAndRunAllReturnsOnlyWhenAllHaveFinished() {
        try (Partitions partitions = new Partitions(5)) {
            AtomicInteger done = new AtomicInteger();
            List<Runnable> reads = new ArrayList<>();
            for (int i = 0; i < 144; i++) {
                reads.add(() -> {
                    sleep(2);
                    done.incrementAndGet();
                });
            }
            partitions.runAll(reads);
            assertEquals(144, done.get());
        }
    }

    @Test
    void readsOverlap() throws InterruptedException {
        // five reads that each wait for all five to have started can only finish side by side
        try (Partitions partitions = new Partitions(5)) {
            CountDownLatch started = new CountDownLatch(5);
            Set<String> threads = ConcurrentHashMap.newKeySet();
            List<Runnable> reads = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                reads.add(() -> {
                    threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
                    started.countDown();
                    try {
                        assertTrue(started.await(5, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            }
            partitions.runAll(reads);
            assertEquals(5, threads.size());
        }
    }

    @Test
    void theFirstFailureIsRethrownAsItWas() {
        try (Partitions partitions = new Partitions(3)) {
            BackendUnavailable outage = new BackendUnavailable(new IllegalStateException("throttled"));
            List<Runnable> reads = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                reads.add(() -> {
                    if (n == 7) {
                        throw outage;
                    }
                });
            }
            assertSame(outage, assertThrows(BackendUnavailable.class, () -> partitions.runAll(reads)));
        }
    }

    @Test
    void oneThreadReadsInOrderOnTheCallersThread() {
        try (Partitions partitions = new Partitions(1)) {
            List<Integer> order = new ArrayList<>();
            Thread caller = Thread.currentThread();
            List<Runnable> reads = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                int n = i;
                reads.add(() -> {
                    assertSame(caller, Thread.currentThread());
                    order.add(n);
                });
            }
            partitions.runAll(reads);
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), order);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
