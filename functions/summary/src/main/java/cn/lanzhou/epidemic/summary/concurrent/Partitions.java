package cn.lanzhou.epidemic.summary.concurrent;

import cn.lanzhou.epidemic.summary.concurrent.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a day's partitions side by side. A day is 4 registration and 4 donation shards, each one
 * Query of one or more pages that mostly waits on the network; one after the other they cost a
 * round trip each, on a few threads a fraction of that. The threads are made
 * once per container, as daemons, and idle between compilations ({@code REPORT_READ_THREADS}, at
 * most four to be useful: one per shard). One by
 * default, i.e. the caller's thread: the three kinds of record are already read side by side, and
 * against the local stack a pool on top only added contention (BENCHMARKS.md); against AWS's network
 * latency a few threads may pay.
 */
public final class Partitions implements AutoCloseable {
    private final ExecutorService pool;

    public Partitions(int threads) {
        this.pool = threads <= 1 ? null : Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "partition-reader");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs every read and returns when all have finished; the first failure is rethrown as it was. */
    public void runAll(List<Runnable> reads) {
        if (pool == null) {
            reads.forEach(Runnable::run);
            return;
        }
        List<Future<?>> running = new ArrayList<>(reads.size());
        for (Runnable read : reads) {
            running.add(pool.submit(read));
        }
        RuntimeException failure = null;
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = Background.unwrapped(e);
                    running.forEach(f -> f.cancel(false));
                }
            } catch (java.util.concurrent.CancellationException e) {
                // cancelled after an earlier failure
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(f -> f.cancel(true));
                throw new IllegalStateException("interrupted while reading the day", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
