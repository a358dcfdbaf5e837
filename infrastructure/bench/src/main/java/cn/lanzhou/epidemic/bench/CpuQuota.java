package cn.lanzhou.epidemic.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;

/**
 * Lambda's CPU share emulated with a CFS quota (cgroup v1, cpu controller): 1,769 MB of memory buys
 * one vCPU, proportionally. Each JVM gets a group of its own, made by a small wrapper script that
 * joins the group and then execs java, so the quota holds from the JVM's first instruction.
 */
final class CpuQuota {
    static final Path CPU_CGROUP = Path.of("/sys/fs/cgroup/cpu");
    static final Path GROUP = CPU_CGROUP.resolve("perf-bench");
    static final int MB_PER_VCPU = 1769;
    static final long PERIOD_US = 100_000;

    private CpuQuota() {
    }

    /** The vCPUs a function of {@code memoryMb} gets. */
    static double vcpus(int memoryMb) {
        return (double) memoryMb / MB_PER_VCPU;
    }

    static boolean available() {
        return Files.isWritable(CPU_CGROUP.resolve("cgroup.procs"));
    }

    /** A script that runs {@code java} held to {@code vcpus}, or {@code java} itself when {@code vcpus} is null. */
    static Path launcher(Path java, Double vcpus, Path work) throws IOException {
        if (vcpus == null) {
            return java;
        }
        Files.createDirectories(GROUP);
        long quota = Math.round(vcpus * PERIOD_US);
        Path script = work.resolve(String.format(Locale.ROOT, "java-%dus.sh", quota));
        if (!Files.exists(script)) {
            Files.writeString(script, "#!/bin/sh\n"
                    + "g=" + GROUP + "/$$\n"
                    + "mkdir \"$g\" && echo " + PERIOD_US + " > \"$g/cpu.cfs_period_us\" && echo " + quota
                    + " > \"$g/cpu.cfs_quota_us\" && echo $$ > \"$g/cgroup.procs\" || exit 97\n"
                    + "exec " + java + " \"$@\"\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return script;
    }

    /** Removes the group of an ended process, and any other empty group left behind. */
    static void cleanUp() {
        if (!Files.isDirectory(GROUP)) {
            return;
        }
        try (var groups = Files.list(GROUP)) {
            groups.filter(Files::isDirectory).forEach(g -> {
                try {
                    Files.delete(g); // cgroupfs: rmdir of an empty group (its files go with it)
                } catch (IOException stillInUse) {
                    // a process still runs in it
                }
            });
        } catch (IOException e) {
            // nothing to clean
        }
    }
}
