package cn.lanzhou.epidemic.summary.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One piece of a compilation run on a thread of its own, so that it waits on DynamoDB or S3 while
 * the rest goes on: the day's records while the history is brought up to date, the two companion
 * files side by side. {@link #join()} rethrows its failure as it was.
 */
public final class Background<T> {
    private final FutureTask<T> task;
    private final Thread thread;

    private Background(String name, Callable<T> work) {
        this.task = new FutureTask<>(work);
        this.thread = new Thread(task, name);
        thread.setDaemon(true);
    }

    public static <T> Background<T> start(String name, Callable<T> work) {
        Background<T> background = new Background<>(name, work);
        background.thread.start();
        return background;
    }

    /** {@link #start} for work without a result. */
    public static Background<Void> run(String name, Runnable work) {
        return start(name, () -> {
            work.run();
            return null;
        });
    }

    /** Waits for the result; the work's own exception is rethrown unchanged. */
    public T join() {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw unwrapped(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new IllegalStateException("interrupted while waiting for " + thread.getName(), e);
        } catch (CancellationException e) {
            throw new IllegalStateException(thread.getName() + " was cancelled", e);
        }
    }

    /** The failure of a task run on another thread: its runtime exception as it was, anything else wrapped. */
    public static RuntimeException unwrapped(ExecutionException e) {
        return e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    }

    /** The result is no longer wanted (another part failed). */
    public void cancel() {
        task.cancel(true);
    }
}
