package cn.lanzhou.epidemic.local.runtime;

import java.util.concurrent.TimeUnit;

/** A container's JVM is ended as Lambda ends an execution environment: at once, not asked to shut down. */
public final class Processes {
    private Processes() {
    }

    public static void kill(Process process) {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
