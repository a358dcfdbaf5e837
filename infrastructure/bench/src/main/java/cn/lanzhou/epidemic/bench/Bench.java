package cn.lanzhou.epidemic.bench;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.contract.reports.DynaliteSummaryBenchmark;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./dev bench}: cold start per function next to the trivial-handler floor, warm latency
 * over HTTP, handler overhead without I/O (JMH), and jar sizes. Writes
 * {@code target/bench/results.json} and prints a table. Options: {@code --runs N} (cold starts per
 * function, default 10), {@code --warm-seconds N} (default 30), {@code --clients N} (default 16),
 * {@code --only cold|warm|jmh|report|jars}, {@code --functions a,b} (cold starts of these functions only). The report benchmark writes 220,000 items into dynalite
 * first (several minutes).
 */
public final class Bench {
    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
        int warmSeconds = Integer.parseInt(options.getOrDefault("warm-seconds", "30"));
        int clients = Integer.parseInt(options.getOrDefault("clients", "16"));
        String only = options.getOrDefault("only", "all");
        Path root = Path.of(System.getProperty("local.repoRoot", ".")).toAbsolutePath().normalize();
        Path out = root.resolve("target/bench");
        Files.createDirectories(out);
        Path work = Files.createTempDirectory("bench");

        ObjectNode results = Json.object();
        results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        results.put("measuredAt", java.time.Instant.now().toString());
        try (LocalStack stack = LocalStack.start(LocalStack.Options.inMemory().repoRoot(root))) {
            if (only.equals("all") || only.equals("cold")) {
                results.set("coldStart", coldStarts(stack, root, work, runs,
                        options.containsKey("functions") ? List.of(options.get("functions").split(",")) : null));
            }
            if (only.equals("all") || only.equals("warm")) {
                results.set("warm", warm(stack, clients, Duration.ofSeconds(warmSeconds)));
            }
            if (only.equals("all") || only.equals("report")) {
                var report = DynaliteSummaryBenchmark.measure(stack, 20_000, 200_000);
                results.putObject("report")
                        .put("day20kMs", report.day20kMs())
                        .put("day20kWith200kHistoryMs", report.day20kWith200kHistoryMs())
                        .put("ratio", Stats.round((double) report.day20kWith200kHistoryMs() / Math.max(1, report.day20kMs())));
            }
        }
        if (only.equals("all") || only.equals("jmh")) {
            ObjectNode warm = results.has("warm") ? (ObjectNode) results.get("warm") : results.putObject("warm");
            warm.set("handlerOverhead", HandlerOverhead.run());
        }
        if (only.equals("all") || only.equals("jars")) {
            ObjectNode jars = results.putObject("jars");
            for (String module : FUNCTIONS.values()) {
                Jars jar = Jars.of(jar(root, module));
                jars.putObject(module).put("bytes", jar.bytes()).put("classes", jar.classes());
            }
        }
        Path file = out.resolve("results.json");
        Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
        System.out.println(Table.render(results));
        System.out.println("written: " + root.relativize(file));
    }

    /** Template function id → module (and jar) name. */
    static final Map<String, String> FUNCTIONS = new LinkedHashMap<>();

    static {
        FUNCTIONS.put("DistrictsFunction", "districts");
        FUNCTIONS.put("RegistrationFunction", "registration");
        FUNCTIONS.put("DonationFunction", "donation");
        FUNCTIONS.put("ReopeningFunction", "reopening");
        FUNCTIONS.put("ReportsFunction", "reports");
        FUNCTIONS.put("SummaryFunction", "summary");
    }

    static Path jar(Path root, String module) {
        return root.resolve("functions").resolve(module).resolve("target/lambda").resolve(module + ".jar");
    }

    private static ObjectNode coldStarts(LocalStack stack, Path root, Path work, int runs, List<String> functions) throws Exception {
        ColdStart cold = new ColdStart(stack, driverJar(root), work);
        Path lambdaCore = Path.of(com.amazonaws.services.lambda.runtime.RequestHandler.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI());
        ColdStart.Result floor = cold.measure(new ColdStart.Target("floor", null, lambdaCore,
                "cn.lanzhou.epidemic.bench.driver.TrivialHandler", List.of("map"), null), runs);
        List<ColdStart.Target> targets = targets(stack, root);
        if (functions != null) {
            targets.removeIf(t -> !functions.contains(t.name()));
        }
        ObjectNode node = Json.object();
        node.putObject("floor").put("medianMs", floor.medianMs()).put("maxMs", floor.maxMs()).put("classesLoaded", floor.classesLoaded());
        for (ColdStart.Target t : targets) {
            ColdStart.Result r;
            try {
                r = cold.measure(t, runs);
            } catch (IllegalStateException e) {
                System.err.println(e.getMessage());
                node.putObject(t.name()).put("error", "the first request did not succeed; see the output above");
                continue;
            }
            node.putObject(t.name())
                    .put("medianMs", r.medianMs())
                    .put("maxMs", r.maxMs())
                    .put("floorMedianMs", floor.medianMs())
                    .put("ratio", Stats.round(r.medianMs() / floor.medianMs()))
                    .put("classesLoaded", r.classesLoaded())
                    .putPOJO("runsMs", r.runsMs());
        }
        return node;
    }

    /** Each function with the first request it gets: a real one, against the local stack. */
    static List<ColdStart.Target> targets(LocalStack stack, Path root) {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        List<ColdStart.Target> targets = new ArrayList<>();
        targets.add(target(stack, root, "DistrictsFunction", http("GET", "/districts", false), null));
        targets.add(target(stack, root, "RegistrationFunction", http("POST", "/registrations", false), Submissions::registration));
        targets.add(target(stack, root, "DonationFunction", http("POST", "/donations", false), Submissions::donation));
        targets.add(target(stack, root, "ReopeningFunction", http("POST", "/reopenings", false), Submissions::reopening));
        targets.add(target(stack, root, "ReportsFunction", http("GET", "/reports", true), null));
        targets.add(target(stack, root, "SummaryFunction", List.of("map", today), null));
        return targets;
    }

    static Path driverJar(Path root) {
        return root.resolve("infrastructure/bench-driver/target/bench-driver-1.0.0-SNAPSHOT.jar");
    }

    private static List<String> http(String method, String path, boolean staff) {
        List<String> args = new ArrayList<>(List.of("http", method, path, method + " " + path));
        if (staff) {
            args.add("-");
            args.add("staff");
        }
        return args;
    }

    private static ColdStart.Target target(LocalStack stack, Path root, String functionId, List<String> driverArgs,
            java.util.function.Supplier<String> body) {
        String module = FUNCTIONS.get(functionId);
        String handler = stack.template().function(functionId).orElseThrow().handlerClass();
        return new ColdStart.Target(module, functionId, jar(root, module), handler, driverArgs, body);
    }

    private static ObjectNode warm(LocalStack stack, int clients, Duration duration) throws InterruptedException {
        ObjectNode node = Json.object();
        ObjectNode http = node.putObject("http");
        Map<String, java.util.function.Supplier<String>> routes = new LinkedHashMap<>();
        routes.put("registration", Submissions::registration);
        routes.put("donation", Submissions::donation);
        routes.put("reopening", Submissions::reopening);
        Map<String, String> paths = Map.of("registration", "/registrations", "donation", "/donations", "reopening", "/reopenings");
        for (var route : routes.entrySet()) {
            HttpLoad.Result r = HttpLoad.run(stack.baseUrl().resolve(paths.get(route.getKey())), route.getValue(), clients, duration);
            http.putObject(route.getKey())
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
