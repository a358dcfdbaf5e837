package cn.lanzhou.epidemic.common.testing;

import cn.lanzhou.epidemic.common.runtime.Priming;
import java.util.List;
import org.crac.Resource;

/** Drives the registered SnapStart hooks as Lambda does: every beforeCheckpoint, then every afterRestore. */
public final class Snapshots {
    private Snapshots() {
    }

    public static void checkpointAndRestore() throws Exception {
        List<Resource> resources = Priming.resources();
        // org.crac notifies in reverse order of registration before the checkpoint, in order after the restore
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).beforeCheckpoint(null);
        }
        for (Resource resource : resources) {
            resource.afterRestore(null);
        }
    }
}
