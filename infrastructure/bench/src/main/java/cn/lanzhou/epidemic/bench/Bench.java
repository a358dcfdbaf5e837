package cn.lanzhou.epidemic.bench;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalTls;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./dev bench}: every function of template.yaml that has a probe ({@link Probes}), measured as
 * Lambda runs it (BENCHMARKS.md): cold starts through the runtime interface client beside the
 * trivial-handler floor, with and without the CPU quota of the function's memory, the AOT cache and
 * the first request after priming; memory sizes; the report at scale; jar sizes. DynamoDB and S3
 * are reached over TLS. Writes {@code target/bench/results.json} and prints a table.
 * Options: {@code --runs N} (cold starts per function and setup, default 10), {@code --only
 * cold|memory|report|warm|jmh|jars}, {@code --functions a,b} (jar or logical names), {@code --memory-runs N}
 * (default 5), {@code --load-seconds N} (warm load per function and size, default 10),
 * {@code --report-sizes 20000,100000,200000}, {@code --aot false}, {@code --primed false},
 * {@code --warm-seconds N} and {@code --clients N} (the 16-client load of {@code --only warm}).
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
        int memoryRuns = Integer.parseInt(options.getOrDefault("memory-runs", "5"));
        int loadSeconds = Integer.parseInt(options.getOrDefault("load-seconds", "10"));
        int warmSeconds = Integer.parseInt(options.getOrDefault("warm-seconds", "30"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        List<Integer> reportSizes = List.of(options.getOrDefault("report-sizes", "20000,100000,200000").split(",")).stream()
                .map(Integer::parseInt).toList();
        String only = options.getOrDefault("only", "all");
        Path root = Path.of(System.getProperty("local.repoRoot", ".")).toAbsolutePath().normalize();
        Path out = root.resolve("target/bench");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("bench");
        LocalTls tls = LocalTls.generate(work.resolve("tls"));
        tls.trustInThisJvm();

        ObjectNode results = Json.object();
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        results.put("measuredAt", java.time.Instant.now().toString());
        results.put("method", "each run a fresh JVM through the runtime interface client and a Runtime API; DynamoDB and S3 "
                + "over TLS (a test CA in a PKCS12 trust store given with -Djavax.net.ssl.trustStore); CPU quota = MemorySize/1769 vCPU "
                + "(cgroup v1 CFS, period 100 ms); function and floor interleaved in one run; the machine shared with other builds");
        try (LocalStack stack = LocalStack.start(LocalStack.Options.inMemory().repoRoot(root).tls(tls))) {
            List<Functions.Function> functions = Functions.of(stack, root,
                    options.containsKey("functions") ? List.of(options.get("functions").split(",")) : null);
            Launcher launcher = new Launcher(stack, driverJar(root), work);
            if (only.equals("all") || only.equals("cold")) {
                results.set("coldStart", new ColdStart(launcher, work).measure(functions, runs,
                        !"false".equals(options.get("aot")), !"false".equals(options.get("primed"))));
            }
            if (only.equals("all") || only.equals("memory")) {
                results.set("memory", new MemorySweep(launcher, root, tls, work).measure(functions, memoryRuns,
                        Duration.ofSeconds(loadSeconds)));
            }
            if (only.equals("all") || only.equals("report")) {
                results.putObject("report").set("scaling", new ReportScaling(root, tls, work).measure(reportSizes));
            }
            if (only.equals("warm")) {
                results.set("warm", warm(stack, functions, clients, Duration.ofSeconds(warmSeconds)));
            }
            if (only.equals("all") || only.equals("jars")) {
                ObjectNode jars = results.putObject("jars");
                for (Functions.Function f : functions) {
                    Jars jar = Jars.of(f.jar());
                    jars.putObject(f.name()).put("bytes", jar.bytes()).put("classes", jar.classes());
                }
            }
        } finally {
            CpuQuota.cleanUp();
        }
        if (only.equals("jmh")) {
            ObjectNode warm = results.has("warm") ? (ObjectNode) results.get("warm") : results.putObject("warm");
            warm.set("handlerOverhead", HandlerOverhead.run());
        }
        Path file = out.resolve("results.json");
        if (!only.equals("all") && Files.isRegularFile(file)) {
            // a partial run updates its sections of the last full run's file
            ObjectNode previous = (ObjectNode) Json.mapper().readTree(file.toFile());
            results.fields().forEachRemaining(e -> previous.set(e.getKey(), e.getValue()));
            results = previous;
        }
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println(Table.render(results));
        System.out.println("written: " + root.relativize(file));
    }

    static Path driverJar(Path root) {
        return root.resolve("infrastructure/bench-driver/target/bench-driver-1.0.0-SNAPSHOT.jar");
    }

    /** {@code clients} concurrent clients posting fresh submissions to each POST function's route for {@code duration}. */
    private static ObjectNode warm(LocalStack stack, List<Functions.Function> functions, int clients, Duration duration)
            throws InterruptedException {
        ObjectNode node = Json.object();
        ObjectNode http = node.putObject("http");
        for (Functions.Function f : functions) {
            if (!f.postsOverHttp()) {
                continue;
            }
            HttpLoad.Result r = HttpLoad.run(stack.baseUrl().resolve(f.probe().path()), f.probe().body(), clients, duration);
            http.putObject(f.name())
                    .put("clients", r.clients())
                    .put("seconds", r.seconds())
                    .put("requests", r.requests())
                    .put("throughputPerSecond", r.throughputPerSecond())
                    .put("p50Ms", r.p50Ms())
                    .put("p99Ms", r.p99Ms())
                    .put("errors", r.errors())
                    .put("non2xx", r.nonSuccess());
        }
        return node;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", "").toLowerCase(Locale.ROOT), args[i + 1]);
        }
        return options;
    }
}
