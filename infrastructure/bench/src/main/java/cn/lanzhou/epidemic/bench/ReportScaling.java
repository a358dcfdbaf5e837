package cn.lanzhou.epidemic.bench;

import cn.lanzhou.epidemic.local.LocalStack;
import cn.lanzhou.epidemic.local.LocalTls;
import cn.lanzhou.epidemic.local.contract.reports.DynaliteSummaryBenchmark;
import cn.lanzhou.epidemic.local.runtime.TimedRuntime;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report at scale: for each size a day (79 % registrations, 20 % donations, 1 % reopening
 * applications) written into a fresh local stack's dynalite (TLS), so that each day is measured
 * alone and dynalite holds one day at a time, then compiled by the summary in its own container (its
 * template memory and CPU share): a warm-up compilation of an empty day, the day before, then the
 * day, as the nightly schedule runs. Per day the compilation, the same day once more (recorded
 * apart), and the live heap after a forced full GC in that container ({@code jcmd GC.run}, then
 * {@code GC.heap_info}: used young + tenured).
 */
final class ReportScaling {
    private static final Pattern USED = Pattern.compile("total \\d+K, used (\\d+)K");

    private final Path root;
    private final LocalTls tls;
    private final Path work;

    ReportScaling(Path root, LocalTls tls, Path work) {
        this.root = root;
        this.tls = tls;
        this.work = work;
    }

    ArrayNode measure(List<Integer> sizes) throws Exception {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        LocalDate day = LocalDate.parse("2021-03-10");
        for (int submissions : sizes) {
            try (LocalStack stack = LocalStack.start(LocalStack.Options.inMemory().repoRoot(root).tls(tls))) {
                long start = System.nanoTime();
                DynaliteSummaryBenchmark.write(stack, day, submissions);
                System.out.printf("[bench] report: %,d submissions written in %d s%n", submissions, (System.nanoTime() - start) / 1_000_000_000L);
                Functions.Function summary = Functions.of(stack, root, List.of("SummaryFunction")).getFirst();
                Launcher launcher = new Launcher(stack, Bench.driverJar(root), work);
                try (TimedRuntime runtime = launcher.start(summary, false, Launcher.Setup.of(summary, CpuQuota.available()))) {
                    compile(runtime, day.minusYears(1)); // the container's own first request, not measured
                    compile(runtime, day.minusDays(1));
                    double ms = compile(runtime, day);
                    double heapMb = liveHeapMb(runtime.pid());
                    var row = out.addObject().put("submissions", submissions).put("ms", Stats.round(ms))
                            .put("msPer10k", Stats.round(ms / (submissions / 10_000.0))).put("heapMb", Stats.round(heapMb));
                    row.put("recompileMs", Stats.round(compile(runtime, day)));
                    System.out.printf("[bench] report: %,d submissions compiled in %.0f ms (again: %.0f ms), live heap %.1f MB%n",
                            submissions, ms, row.get("recompileMs").asDouble(), heapMb);
                } finally {
                    CpuQuota.cleanUp();
                }
            }
        }
        return out;
    }

    private static double compile(TimedRuntime runtime, LocalDate day) throws InterruptedException {
        TimedRuntime.Timing t = runtime.invoke(Probes.summaryOf(day));
        if (!t.ok()) {
            throw new IllegalStateException("the summary of " + day + " failed: " + t.answer());
        }
        return t.requestMs();
    }

    /** The heap in use after a full GC: what the day left alive. */
    static double liveHeapMb(long pid) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        run(jcmd.toString(), Long.toString(pid), "GC.run");
        String info = run(jcmd.toString(), Long.toString(pid), "GC.heap_info");
        Matcher m = USED.matcher(info);
        long kb = 0;
        while (m.find()) {
            kb += Long.parseLong(m.group(1));
        }
        return kb / 1024.0;
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }
}
