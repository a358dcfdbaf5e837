package cn.lanzhou.epidemic.common.runtime;

import cn.lanzhou.epidemic.common.log.Log;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming: work registered here runs once before Lambda takes the snapshot of an
 * initialised function, so the classes and code paths of a first request are already loaded (and
 * compiled) in the snapshot that every cold start restores. The work must be harmless: it writes
 * nothing (a request that fails validation, a read of a key that does not exist).
 *
 * <p>{@link #warmUp} is for work without I/O that a function with more than one vCPU can do on a
 * second thread while its first request waits on the network: loading and linking the classes of
 * the later stages of that request (signing, rendering) off its critical path.
 */
public final class Priming {
    // org.crac keeps weak references: the resources must stay reachable from here
    private static final List<Resource> RESOURCES = new ArrayList<>();

    private Priming() {
    }

    public static synchronized void register(String name, Runnable work) {
        Resource resource = new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    // a failed priming costs only speed; the snapshot is still good
                    Log.warn(null, "priming failed", "name", name, "error", e.getClass().getSimpleName());
                }
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                // nothing: clients read credentials per call and reconnect on a stale connection
            }
        };
        RESOURCES.add(resource);
        Core.getGlobalContext().register(resource);
    }

    /**
     * Registers {@code work} for the snapshot, as {@link #register} does, and also starts it now on a
     * daemon thread, for a cold start without a snapshot. The work must be harmless, free of I/O and
     * safe to run beside the first request. The thread starts before the registration, and is not
     * given a lambda: the first lambda of a JVM sets up the lambda machinery, some 15 ms that are
     * better spent on the second thread than on the first.
     */
    public static void warmUp(String name, Runnable work) {
        Thread thread = new Thread(new Quietly(name, work), name);
        thread.setDaemon(true);
        thread.start();
        register(name, work);
    }

    /** Runs a warm-up; a failure costs only speed. */
    private static final class Quietly implements Runnable {
        private final String name;
        private final Runnable work;

        Quietly(String name, Runnable work) {
            this.name = name;
            this.work = work;
        }

        @Override
        public void run() {
            try {
                work.run();
            } catch (RuntimeException e) {
                Log.warn(null, "warm-up failed", "name", name, "error", e.getClass().getSimpleName());
            }
        }
    }
}
