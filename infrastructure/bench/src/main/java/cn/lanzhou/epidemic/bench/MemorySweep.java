package cn.lanzhou.epidemic.bench;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalTls;
import cn.lanzhou.epidemic.local.runtime.ContainerSpec;
import cn.lanzhou.epidemic.local.runtime.TimedRuntime;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Memory by measurement: for each POST function and the summary, at each memory size (its CPU share
 * emulated by the quota), the cold start (median of runs interleaved across the functions) and the
 * warm latency — over HTTP through a local stack whose containers run at that size for the POST
 * functions, repeated invocations of one container for the summary — and the cost per million
 * requests at Lambda's x86 prices.
 */
final class MemorySweep {
    static final List<Integer> SIZES = List.of(512, 1024, 1769, 3538);
    /** AWS Lambda pricing page, x86, us-east-1, first 6 billion GB-s a month (as read on 2026-12-03). */
    static final double USD_PER_GB_SECOND = 0.0000166667;
    static final double USD_PER_MILLION_REQUESTS = 0.20;
    /** A setting within this much of the best cold start counts as good as the best. */
    static final double COLD_START_TOLERANCE = 1.10;

    private final Launcher launcher;
    private final Path root;
    private final LocalTls tls;
    private final Path work;

    MemorySweep(Launcher launcher, Path root, LocalTls tls, Path work) {
        this.launcher = launcher;
        this.root = root;
        this.tls = tls;
        this.work = work;
    }

    ObjectNode measure(List<Functions.Function> functions, int runs, Duration load) throws Exception {
        List<Functions.Function> swept = functions.stream().filter(MemorySweep::swept).toList();
        Map<String, Map<Integer, List<Double>>> cold = new LinkedHashMap<>();
        for (int round = 0; round <= runs; round++) {
            for (int mb : SIZES) {
                for (Functions.Function f : swept) {
                    double ms = launcher.once(f, false, setup(mb)).sinceStartMs();
                    if (round > 0) {
                        cold.computeIfAbsent(f.name(), k -> new TreeMap<>()).computeIfAbsent(mb, k -> new ArrayList<>()).add(ms);
                    }
                }
            }
            System.out.println("[bench] memory sizes: cold-start round " + round + " of " + runs + " done");
        }
        ObjectNode node = Json.object();
        for (int mb : SIZES) {
            Map<String, double[]> warm = warm(swept, mb, load);
            for (Functions.Function f : swept) {
                double[] w = warm.get(f.name());
                double coldMs = Stats.of(cold.get(f.name()).get(mb)).median();
                ObjectNode byMb = node.has(f.name()) ? (ObjectNode) node.get(f.name()) : node.putObject(f.name());
                byMb.putObject(Integer.toString(mb))
                        .put("coldMs", Stats.round(coldMs))
                        .put("warmP50Ms", Stats.round(w[0]))
                        .put("warmP99Ms", Stats.round(w[1]))
                        .put("usdPerMillion", Math.round(usdPerMillion(mb, w[0]) * 100) / 100.0)
                        .put("vcpus", Math.round(CpuQuota.vcpus(mb) * 100) / 100.0);
            }
        }
        for (Functions.Function f : swept) {
            ObjectNode byMb = (ObjectNode) node.get(f.name());
            double best = SIZES.stream().mapToDouble(mb -> byMb.get(Integer.toString(mb)).get("coldMs").asDouble()).min().orElseThrow();
            int choice = SIZES.stream()
                    .filter(mb -> byMb.get(Integer.toString(mb)).get("coldMs").asDouble() <= best * COLD_START_TOLERANCE)
                    .min((a, b) -> Double.compare(byMb.get(Integer.toString(a)).get("usdPerMillion").asDouble(),
                            byMb.get(Integer.toString(b)).get("usdPerMillion").asDouble()))
                    .orElseThrow();
            byMb.put("cheapestWithin10PercentOfBestColdMb", choice).put("templateMb", f.memoryMb());
        }
        return node;
    }

    /**
     * The functions whose memory the template sets for speed: the public POST functions, the follow-up (staff
     * writes as well as reads; measured with its probe, the list of observations, invoked in one container) and
     * the summary. Districts and reports keep 1,024 MB: one answers from memory, the other lists a bucket.
     */
    static boolean swept(Functions.Function f) {
        return f.postsOverHttp() || f.id().equals("SummaryFunction") || f.id().equals("FollowUpFunction");
    }

    /** Lambda bills each request's duration rounded up to the millisecond, times the memory in GB. */
    static double usdPerMillion(int mb, double durationMs) {
        return 1_000_000 * (mb / 1024.0) * (Math.ceil(durationMs) / 1000.0) * USD_PER_GB_SECOND + USD_PER_MILLION_REQUESTS;
    }

    private Launcher.Setup setup(int mb) {
        return new Launcher.Setup(mb, CpuQuota.available() ? CpuQuota.vcpus(mb) : null, false, List.of());
    }

    /** p50 and p99 of warm requests at {@code mb}: one client over HTTP to a stack of containers of that size, one container per function. */
    private Map<String, double[]> warm(List<Functions.Function> functions, int mb, Duration load) throws Exception {
        Map<String, double[]> out = new LinkedHashMap<>();
        Double vcpus = CpuQuota.available() ? CpuQuota.vcpus(mb) : null;
        LocalStack.Options options = LocalStack.Options.inMemory().repoRoot(root).tls(tls).containersPerFunction(1)
                .containers(spec -> atSize(spec, mb, vcpus));
        try (LocalStack stack = LocalStack.start(options)) {
            for (Functions.Function f : functions) {
                if (!f.postsOverHttp()) {
                    continue;
                }
                var url = stack.baseUrl().resolve(f.probe().path());
                HttpLoad.run(url, f.probe().body(), 1, Duration.ofSeconds(3)); // the cold start and the JIT's first minutes, not measured
                HttpLoad.Result r = HttpLoad.run(url, f.probe().body(), 1, load);
                if (r.errors() > 0 || r.nonSuccess() > 0) {
                    System.err.println("[bench] " + f.name() + " at " + mb + " MB: " + r.errors() + " errors, " + r.nonSuccess() + " non-2xx");
                }
                out.put(f.name(), new double[] {r.p50Ms(), r.p99Ms()});
            }
        } finally {
            CpuQuota.cleanUp();
        }
        for (Functions.Function f : functions) {
            if (!f.postsOverHttp()) {
                out.put(f.name(), repeated(f, mb, 10));
            }
        }
        System.out.println("[bench] memory sizes: warm at " + mb + " MB done");
        return out;
    }

    /** A function invoked directly (the summary, the follow-up's staff list): p50 and p99 of {@code n} invocations after the first, in one container. */
    private double[] repeated(Functions.Function f, int mb, int n) throws Exception {
        List<Double> times = new ArrayList<>();
        try (TimedRuntime runtime = launcher.start(f, false, setup(mb))) {
            for (int i = 0; i <= n; i++) {
                TimedRuntime.Timing t = runtime.invoke(f.probe().freshEvent());
                if (!t.ok()) {
                    throw new IllegalStateException(f.name() + " at " + mb + " MB failed: " + t.answer());
                }
                if (i > 0) {
                    times.add(t.requestMs());
                }
            }
        } finally {
            CpuQuota.cleanUp();
        }
        Stats stats = Stats.of(times);
        return new double[] {stats.median(), stats.percentile(99)};
    }

    private ContainerSpec atSize(ContainerSpec spec, int mb, Double vcpus) {
        try {
            Map<String, String> env = new TreeMap<>(spec.environment());
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(mb));
            return new ContainerSpec(spec.functionId(), spec.functionArn(), spec.handler(), CpuQuota.launcher(spec.java(), vcpus, work),
                    Launcher.resized(spec.jvmOptions(), mb), spec.classPath(), env, spec.taskRoot(), spec.timeout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
