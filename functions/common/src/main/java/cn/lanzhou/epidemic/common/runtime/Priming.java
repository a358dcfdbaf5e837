package cn.lanzhou.epidemic.common.runtime;

import cn.lanzhou.epidemic.common.log.Log;
import cn.lanzhou.epidemic.common.model.Ids;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart hooks: registered work, harmless (it writes nothing), loads a first request's code paths into the snapshot.
 * After a restore only randomness is renewed: the SDK refreshes credentials itself and drops or retries stale connections.
 */
public final class Priming {
    // org.crac keeps weak references: the resources must stay reachable from here
    private static final List<Resource> RESOURCES = new ArrayList<>();

    static {
        add(new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                // nothing: the priming work is registered separately
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                Ids.renewRandomness();
                Log.info(null, "restored", "randomness", "renewed");
            }
        });
    }

    private Priming() {
    }

    /** Runs {@code work} before the snapshot; {@code name} only labels a failure in the log. */
    public static void register(String name, Runnable work) {
        add(new Resource() {
            @Override
            public void beforeCheckpoint(Context<? extends Resource> context) {
                long start = System.nanoTime();
                try {
                    work.run();
                    Log.info(null, "primed", "name", name, "ms", (System.nanoTime() - start) / 1_000_000);
                } catch (RuntimeException e) {
                    // a failed priming costs only speed; the snapshot is still good
                    Log.warn(null, "priming failed", "name", name, "error", e.getClass().getName());
                }
            }

            @Override
            public void afterRestore(Context<? extends Resource> context) {
                // nothing per work: see the class comment
            }
        });
    }

    private static synchronized void add(Resource resource) {
        RESOURCES.add(resource);
        Core.getGlobalContext().register(resource);
    }

    /** The registered hooks in registration order, for tests that drive a checkpoint and a restore. */
    public static synchronized List<Resource> resources() {
        return List.copyOf(RESOURCES);
    }
}
