package cn.lanzhou.epidemic.local.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * One function's containers: an idle one is reused, another is started (lazily, on demand) while
 * fewer than {@code maximum} exist, otherwise the request waits, as Lambda queues beyond a
 * function's concurrency. A container that was killed or exited is dropped; the next request gets a
 * fresh one.
 */
final class ContainerPool implements AutoCloseable {
    private final ContainerSpec spec;
    private final int maximum;
    private final Credentials credentials;
    private final FunctionLogs logs;
    private final Deque<Container> idle = new ArrayDeque<>();
    private final List<Container> all = new ArrayList<>();
    /** Containers being started: they count against the maximum before they exist. */
    private int starting;
    private boolean closed;

    ContainerPool(ContainerSpec spec, int maximum, Credentials credentials, FunctionLogs logs) {
        this.spec = spec;
        this.maximum = maximum;
        this.credentials = credentials;
        this.logs = logs;
    }

    Outcome invoke(byte[] payload) throws InterruptedException {
        Container container = acquire();
        try {
            return container.invoke(payload);
        } finally {
            release(container);
        }
    }

    private Container acquire() throws InterruptedException {
        synchronized (this) {
            while (true) {
                if (closed) {
                    throw new IllegalStateException("the containers of " + spec.functionId() + " are stopped");
                }
                Container reusable = idle.pollFirst();
                if (reusable != null && reusable.alive()) {
                    return reusable;
                }
                if (reusable != null) {
                    discard(reusable);
                    continue;
                }
                if (all.size() + starting < maximum) {
                    starting++;
                    break;
                }
                wait();
            }
        }
        Container started = null;
        try {
            started = Container.start(spec, credentials, logs);
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a container of " + spec.functionId(), e);
        } finally {
            synchronized (this) {
                starting--;
                if (started != null) {
                    all.add(started);
                }
                notifyAll();
            }
        }
    }

    private synchronized void release(Container container) {
        if (container.alive() && !closed) {
            idle.addFirst(container); // the most recently used first: the others may stay cold
        } else {
            discard(container);
        }
        notifyAll();
    }

    private void discard(Container container) {
        all.remove(container);
        container.close();
    }

    /** The process ids of the running containers (for tests). */
    synchronized List<Long> pids() {
        return all.stream().filter(Container::alive).map(Container::pid).toList();
    }

    @Override
    public void close() {
        List<Container> stopping;
        synchronized (this) {
            closed = true;
            stopping = new ArrayList<>(all);
            all.clear();
            idle.clear();
            notifyAll();
        }
        stopping.forEach(Container::close);
    }
}
