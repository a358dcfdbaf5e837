package cn.lanzhou.epidemic.bench;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.local.runtime.TimedRuntime;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cold starts as Lambda runs them (see BENCHMARKS.md, "How each figure is taken"): each run a new
 * JVM through the runtime interface client and a Runtime API, timed from process start to the
 * runtime's answer to the probe. Every run of a function is interleaved with a run of the floor in
 * the same setup, with and without the CPU quota, so that the ratios come from one stretch of the
 * machine's load. Then per function: the classes loaded by the first request, the AOT cache
 * (a training run, then cold starts with the cache, again beside the floor) and the first request
 * after SnapStart-style priming against warm requests in the same JVM.
 */
final class ColdStart {
    /** Idle time before the first request after priming: past the 5 s keep-alive of dynalite and HttpURLConnection, as after a restore. */
    static final long RESTORE_IDLE_MILLIS = Long.getLong("bench.restoreIdleMillis", 6_000);
    static final int PRIMED_CONTAINERS = 3;
    static final int WARM_REQUESTS = 10;

    private final Launcher launcher;
    private final Path work;

    ColdStart(Launcher launcher, Path work) {
        this.launcher = launcher;
        this.work = work;
    }

    ObjectNode measure(List<Functions.Function> functions, int runs, boolean aot, boolean primed) throws Exception {
        boolean quota = CpuQuota.available();
        if (!quota) {
            System.err.println("[bench] no writable cgroup v1 cpu controller at " + CpuQuota.CPU_CGROUP + ": no CPU quota");
        }
        Map<String, Map<String, List<Double>>> times = new LinkedHashMap<>();
        for (int round = 0; round <= runs; round++) { // round 0 warms the OS file cache, as a host that ran the function before
            for (Functions.Function f : functions) {
                for (boolean withQuota : quota ? List.of(true, false) : List.of(false)) {
                    Launcher.Setup setup = Launcher.Setup.of(f, withQuota);
                    double floor = launcher.once(f, true, setup).sinceStartMs();
                    double function = launcher.once(f, false, setup).sinceStartMs();
                    if (round > 0) {
                        var byKind = times.computeIfAbsent(f.name(), k -> new LinkedHashMap<>());
                        byKind.computeIfAbsent(withQuota ? "floor" : "floorNoQuota", k -> new ArrayList<>()).add(floor);
                        byKind.computeIfAbsent(withQuota ? "function" : "functionNoQuota", k -> new ArrayList<>()).add(function);
                    }
                }
            }
            System.out.println("[bench] cold starts: round " + round + " of " + runs + " done");
        }
        ObjectNode node = Json.object();
        for (Functions.Function f : functions) {
            var t = times.get(f.name());
            ObjectNode r = node.putObject(f.name());
            r.put("jvm", Integer.toString(Runtime.version().feature()))
                    .put("tls", true)
                    .put("memoryMb", f.memoryMb());
            String fn = quota ? "function" : "functionNoQuota";
            String fl = quota ? "floor" : "floorNoQuota";
            if (quota) {
                r.put("cpuQuota", Math.round(CpuQuota.vcpus(f.memoryMb()) * 1000) / 1000.0);
            } else {
                r.putNull("cpuQuota");
            }
            Stats function = Stats.of(t.get(fn));
            Stats floor = Stats.of(t.get(fl));
            r.put("medianMs", Stats.round(function.median())).put("maxMs", Stats.round(function.max()))
                    .put("floorMs", Stats.round(floor.median())).put("floorMaxMs", Stats.round(floor.max()))
                    .put("ratio", Stats.round(function.median() / floor.median()))
                    .put("classesLoaded", classes(f))
                    .put("runs", t.get(fn).size());
            r.putPOJO("runsMs", round(t.get(fn)));
            r.putPOJO("floorRunsMs", round(t.get(fl)));
            if (quota) {
                Stats free = Stats.of(t.get("functionNoQuota"));
                Stats freeFloor = Stats.of(t.get("floorNoQuota"));
                r.putObject("noQuota").put("medianMs", Stats.round(free.median())).put("maxMs", Stats.round(free.max()))
                        .put("floorMs", Stats.round(freeFloor.median())).put("ratio", Stats.round(free.median() / freeFloor.median()));
            }
        }
        if (aot) {
            for (Functions.Function f : functions) {
                aot((ObjectNode) node.get(f.name()), f, runs, quota);
            }
        }
        if (primed) {
            for (Functions.Function f : functions) {
                primed((ObjectNode) node.get(f.name()), f, quota);
            }
        }
        return node;
    }

    /** The classes loaded by the time the first request is answered (-Xlog:class+load, without the quota: the count does not depend on it). */
    private int classes(Functions.Function f) throws IOException, InterruptedException {
        Path log = work.resolve(f.name() + "-classes.txt");
        Files.deleteIfExists(log);
        launcher.once(f, false, Launcher.Setup.of(f, false).withJvmOptions(List.of("-Xlog:class+load:file=" + log)));
        try (var lines = Files.lines(log)) {
            return (int) lines.filter(l -> l.contains("source:")).count();
        }
    }

    /**
     * JDK 25's AOT cache (JEP 483/514): a training run with {@code -XX:AOTCacheOutput} serves three
     * probes and is ended with SIGTERM (the JVM writes the cache as it exits); then cold starts with
     * {@code -XX:AOTCache}, interleaved with the floor (without a cache).
     */
    private void aot(ObjectNode r, Functions.Function f, int runs, boolean quota) throws Exception {
        Path cache = work.resolve(f.name() + ".aot");
        Files.deleteIfExists(cache);
        Launcher.Setup training = Launcher.Setup.of(f, false).withJvmOptions(List.of("-XX:AOTCacheOutput=" + cache));
        try (TimedRuntime runtime = launcher.start(f, false, training)) {
            for (int i = 0; i < 3; i++) {
                TimedRuntime.Timing timing = runtime.invoke(f.probe().freshEvent());
                if (!timing.ok()) {
                    throw new IllegalStateException(f.name() + ": the AOT training request failed: " + timing.answer());
                }
            }
            runtime.stop(180);
            if (!Files.isRegularFile(cache)) {
                r.put("aotError", "no AOT cache was written; the training JVM's last lines: " + runtime.output());
                return;
            }
        } finally {
            CpuQuota.cleanUp();
        }
        Launcher.Setup plain = Launcher.Setup.of(f, quota);
        Launcher.Setup cached = plain.withJvmOptions(List.of("-XX:AOTCache=" + cache));
        List<Double> floors = new ArrayList<>();
        List<Double> withCache = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            double floor = launcher.once(f, true, plain).sinceStartMs();
            double function = launcher.once(f, false, cached).sinceStartMs();
            if (i > 0) {
                floors.add(floor);
                withCache.add(function);
            }
        }
        Stats cachedStats = Stats.of(withCache);
        Stats floorStats = Stats.of(floors);
        r.put("aotMedianMs", Stats.round(cachedStats.median())).put("aotMaxMs", Stats.round(cachedStats.max()))
                .put("aotFloorMs", Stats.round(floorStats.median()))
                .put("aotRatio", Stats.round(cachedStats.median() / floorStats.median()))
                .put("aotCacheBytes", Files.size(cache));
        r.putPOJO("aotRunsMs", round(withCache));
        System.out.println("[bench] AOT cache: " + f.name() + " done");
    }

    /**
     * SnapStart as the runtime client runs it: init, the beforeCheckpoint hooks (priming), /restore/next,
     * the afterRestore hooks; then, after an idle pause (a restore finds no open connection), the first
     * real request, and {@value #WARM_REQUESTS} more in the same JVM. Times are the requests' own,
     * from the runtime taking the event to its answer.
     */
    private void primed(ObjectNode r, Functions.Function f, boolean quota) throws Exception {
        List<Double> firsts = new ArrayList<>();
        List<Double> warm = new ArrayList<>();
        for (int c = 0; c < PRIMED_CONTAINERS; c++) {
            try (TimedRuntime runtime = launcher.start(f, false, Launcher.Setup.of(f, quota).snapStarted())) {
                if (!runtime.awaitOutput("\"restored\"", 60_000)) {
                    System.err.println("[bench] " + f.name() + ": no \"restored\" line from the afterRestore hook within 60 s");
                }
                Thread.sleep(RESTORE_IDLE_MILLIS);
                TimedRuntime.Timing first = runtime.invoke(f.probe().freshEvent());
                check(f, first);
                firsts.add(first.requestMs());
                for (int i = 0; i < WARM_REQUESTS; i++) {
                    TimedRuntime.Timing next = runtime.invoke(f.probe().freshEvent());
                    check(f, next);
                    warm.add(next.requestMs());
                }
            } finally {
                CpuQuota.cleanUp();
            }
        }
        double first = Stats.of(firsts).median();
        double warmMedian = Stats.of(warm).median();
        r.put("primedFirstMs", Stats.round(first)).put("warmMs", Stats.round(warmMedian))
                .put("primedRatio", Stats.round(first / warmMedian));
        r.putPOJO("primedFirstRunsMs", round(firsts));
        System.out.println("[bench] primed first request: " + f.name() + " done");
    }

    private static void check(Functions.Function f, TimedRuntime.Timing timing) {
        if (!timing.ok() || !f.probe().succeeded(timing.answer())) {
            throw new IllegalStateException(f.name() + ": a request did not succeed: " + timing.answer());
        }
    }

    static List<Double> round(List<Double> values) {
        return values.stream().map(Stats::round).toList();
    }
}
