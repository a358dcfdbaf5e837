package cn.lanzhou.epidemic.bench;

import cn.lanzhou.epidemic.local.LocalStack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The first request of a fresh JVM, as Lambda runs it: only the function's deployment jar (and the
 * few classes of the driver that stands in for the runtime) on the class path, the Lambda runtime's
 * JIT setting, the function's environment pointing at the local stack. Timed from process start to
 * the line the driver prints after the handler answered.
 */
final class ColdStart {
    /** The JVM options of the Lambda Java runtime that matter for start-up (JAVA_TOOL_OPTIONS in template.yaml). */
    static final List<String> JVM_OPTIONS = List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    /** One function and the request its first invocation gets. */
    record Target(String name, String functionId, Path jar, String handler, List<String> driverArgs, Supplier<String> body) {
    }

    record Result(double medianMs, double maxMs, List<Double> runsMs, int classesLoaded) {
    }

    private final LocalStack stack;
    private final Path driverJar;
    private final Path work;

    ColdStart(LocalStack stack, Path driverJar, Path work) {
        this.stack = stack;
        this.driverJar = driverJar;
        this.work = work;
    }

    Result measure(Target target, int runs) throws IOException, InterruptedException {
        run(target, false); // warm-up: the OS file cache, as a Lambda host that has run the function before
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            times.add(run(target, false));
        }
        int classes = countClasses(target);
        Stats stats = Stats.of(times);
        return new Result(Stats.round(stats.median()), Stats.round(stats.max()), times.stream().map(Stats::round).toList(), classes);
    }

    /** One cold start, timed; throws when the first request does not succeed. */
    double run(Target target, boolean logClasses) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        if (logClasses) {
            command.add("-Xlog:class+load:file=" + work.resolve(target.name() + "-classes.txt"));
        } else if (System.getenv("BENCH_PROFILE") != null) {
            // to see where a first request spends its time (not for the figures: the recorder slows the start)
            command.add("-XX:StartFlightRecording=filename=" + work.resolve(target.name() + ".jfr")
                    + ",settings=" + System.getenv("BENCH_PROFILE"));
        }
        if (System.getenv("BENCH_JAVA_OPTIONS") != null) { // diagnostics only, e.g. -Xlog:class+load:file=…:uptime
            command.addAll(List.of(System.getenv("BENCH_JAVA_OPTIONS").trim().split("\\s+")));
        }
        command.add("-cp");
        command.add(driverJar + java.io.File.pathSeparator + target.jar());
        command.add("cn.lanzhou.epidemic.bench.driver.ColdStartDriver");
        command.add(target.handler());
        command.addAll(target.driverArgs());
        if (target.body() != null) {
            Path body = work.resolve(target.name() + "-body.json");
            Files.writeString(body, target.body().get(), StandardCharsets.UTF_8);
            command.add(body.toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        if (target.functionId() != null) {
            env.putAll(stack.processEnvironment(target.functionId()));
            env.remove("JAVA_TOOL_OPTIONS"); // given on the command line instead, without its banner line
        }
        long start = System.nanoTime();
        Process process = builder.start();
        String verdict = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("OK ") || line.startsWith("FAILED ")) {
                    verdict = line;
                    break;
                }
                output.append(line).append('\n');
            }
            long elapsed = System.nanoTime() - start;
            if (System.getenv("BENCH_CPU") != null) {
                System.out.println(target.name() + " wall " + elapsed / 1_000_000 + " ms, cpu "
                        + process.toHandle().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(-1L) + " ms");
            }
            out.transferTo(java.io.Writer.nullWriter());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            if (verdict == null || !verdict.startsWith("OK ")) {
                throw new IllegalStateException(target.name() + ": the first request did not succeed: " + verdict + "\n" + output);
            }
            return elapsed / 1_000_000.0;
        }
    }

    private int countClasses(Target target) throws IOException, InterruptedException {
        run(target, true);
        try (var lines = Files.lines(work.resolve(target.name() + "-classes.txt"))) {
            return (int) lines.filter(l -> l.contains("source:")).count();
        }
    }
}
