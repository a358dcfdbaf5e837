package cn.lanzhou.epidemic.bench;

import cn.lanzhou.epidemic.local.LocalStack;
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
 * The report at scale: days of each size (79 % registrations, 20 % donations, 1 % reopening
 * applications) written into dynalite, then compiled by the summary in its own container (its
 * template memory and CPU share), the day before first, as the nightly schedule runs. Per day the
 * nightly compilation (then the same day once more, recorded apart), and the live heap after a forced full GC in that container
 * ({@code jcmd GC.run}, then {@code GC.heap_info}).
 */
final class ReportScaling {
    private static final Pattern USED = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K");

    private final LocalStack stack;
    private final Launcher launcher;

    ReportScaling(LocalStack stack, Launcher launcher) {
        this.stack = stack;
        this.launcher = launcher;
    }

    ArrayNode measure(Functions.Function summary, List<Integer> sizes) throws Exception {
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        LocalDate first = LocalDate.parse("2021-03-10");
        for (int i = 0; i < sizes.size(); i++) {
            long start = System.nanoTime();
            DynaliteSummaryBenchmark.write(stack, first.plusMonths(i), sizes.get(i));
            System.out.printf("[bench] report: %,d submissions written in %d s%n", sizes.get(i), (System.nanoTime() - start) / 1_000_000_000L);
        }
        try (TimedRuntime runtime = launcher.start(summary, false, Launcher.Setup.of(summary, CpuQuota.available()))) {
            compile(runtime, first.minusYears(1)); // the container's own first request, not measured
            for (int i = 0; i < sizes.size(); i++) {
                LocalDate day = first.plusMonths(i);
                compile(runtime, day.minusDays(1));
                double ms = compile(runtime, day);
                double heapMb = liveHeapMb(runtime.pid());
                var row = out.addObject().put("submissions", sizes.get(i)).put("ms", Stats.round(ms))
                        .put("msPer10k", Stats.round(ms / (sizes.get(i) / 10_000.0))).put("heapMb", Stats.round(heapMb));
                try {
                    row.put("recompileMs", Stats.round(compile(runtime, day)));
                } catch (IllegalStateException e) {
                    // the same day compiled again at once: recorded, not fatal (seen failing with an SdkClientException)
                    row.put("recompileError", e.getMessage().lines().findFirst().orElse(""));
                    System.err.println("[bench] report: compiling " + day + " again failed: " + e.getMessage());
                }
                System.out.printf("[bench] report: %,d submissions compiled in %.0f ms, live heap %.1f MB%n", sizes.get(i), ms, heapMb);
            }
        } finally {
            CpuQuota.cleanUp();
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
