package cn.lanzhou.epidemic.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/** The results as a plain-text table, for the terminal and BENCHMARKS.md. */
final class Table {
    private Table() {
    }

    static String render(JsonNode results) {
        StringBuilder out = new StringBuilder();
        out.append("machine: ").append(results.path("machine").asText()).append('\n');
        JsonNode cold = results.path("coldStart");
        if (!cold.isMissingNode()) {
            out.append("\ncold start through the runtime interface client (fresh JVM → first answer), TLS, CPU quota of the memory\n");
            out.append(String.format("%-13s %5s %5s %9s %9s %8s %6s | %9s %8s %6s | %7s | %8s %5s | %8s %6s %5s%n", "function", "MB",
                    "vCPU", "median", "max", "floor", "×", "no quota", "floor", "×", "classes", "AOT", "×", "primed", "warm", "×"));
            for (Iterator<Map.Entry<String, JsonNode>> it = cold.fields(); it.hasNext();) {
                var e = it.next();
                JsonNode r = e.getValue();
                out.append(String.format("%-13s %5d %5s %9.1f %9.1f %8.1f %6.1f | %9.1f %8.1f %6.1f | %7d | %8.1f %5.1f | %8.1f %6.1f %5.1f%n",
                        e.getKey(), r.path("memoryMb").asInt(), r.path("cpuQuota").isNull() ? "-" : r.path("cpuQuota").asText(),
                        r.path("medianMs").asDouble(), r.path("maxMs").asDouble(), r.path("floorMs").asDouble(), r.path("ratio").asDouble(),
                        r.path("noQuota").path("medianMs").asDouble(), r.path("noQuota").path("floorMs").asDouble(),
                        r.path("noQuota").path("ratio").asDouble(), r.path("classesLoaded").asInt(), r.path("aotMedianMs").asDouble(),
                        r.path("aotRatio").asDouble(), r.path("primedFirstMs").asDouble(), r.path("warmMs").asDouble(),
                        r.path("primedRatio").asDouble()));
            }
        }
        JsonNode memory = results.path("memory");
        if (!memory.isMissingNode()) {
            out.append("\nmemory sizes (CPU quota of each): cold start, warm p50/p99 (ms), USD per million requests\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = memory.fields(); it.hasNext();) {
                var e = it.next();
                out.append(e.getKey()).append(" (template ").append(e.getValue().path("templateMb").asInt())
                        .append(" MB; cheapest within 10 % of the best cold start: ")
                        .append(e.getValue().path("cheapestWithin10PercentOfBestColdMb").asInt()).append(" MB)\n");
                for (Iterator<Map.Entry<String, JsonNode>> sizes = e.getValue().fields(); sizes.hasNext();) {
                    var size = sizes.next();
                    if (!size.getValue().isObject()) {
                        continue;
                    }
                    JsonNode m = size.getValue();
                    out.append(String.format("  %5s MB  cold %8.1f  warm p50 %7.1f  p99 %7.1f  $%.2f%n", size.getKey(),
                            m.path("coldMs").asDouble(), m.path("warmP50Ms").asDouble(), m.path("warmP99Ms").asDouble(),
                            m.path("usdPerMillion").asDouble()));
                }
            }
        }
        JsonNode http = results.path("warm").path("http");
        if (!http.isMissingNode()) {
            out.append("\nwarm, end to end over HTTP\n");
            out.append(String.format("%-14s %8s %10s %10s %8s %8s %8s%n", "route", "clients", "req/s", "p50 ms", "p99 ms", "errors", "non-2xx"));
            for (Iterator<Map.Entry<String, JsonNode>> it = http.fields(); it.hasNext();) {
                var e = it.next();
                JsonNode r = e.getValue();
                out.append(String.format("%-14s %8d %10.1f %10.1f %8.1f %8d %8d%n", e.getKey(), r.path("clients").asInt(),
                        r.path("throughputPerSecond").asDouble(), r.path("p50Ms").asDouble(), r.path("p99Ms").asDouble(),
                        r.path("errors").asLong(), r.path("non2xx").asLong()));
            }
        }
        JsonNode overhead = results.path("warm").path("handlerOverhead");
        if (!overhead.isMissingNode()) {
            out.append("\nhandler overhead without I/O (JMH, sampled)\n");
            out.append(String.format("%-14s %10s %10s%n", "function", "p50 µs", "p99 µs"));
            for (Iterator<Map.Entry<String, JsonNode>> it = overhead.fields(); it.hasNext();) {
                var e = it.next();
                out.append(String.format("%-14s %10.1f %10.1f%n", e.getKey(), e.getValue().path("p50Us").asDouble(),
                        e.getValue().path("p99Us").asDouble()));
            }
        }
        JsonNode scaling = results.path("report").path("scaling");
        if (!scaling.isMissingNode()) {
            out.append("\ndaily report at scale (the summary in its container)\n");
            out.append(String.format("%12s %10s %12s %10s%n", "submissions", "ms", "ms/10,000", "heap MB"));
            for (JsonNode day : scaling) {
                out.append(String.format("%12d %10.1f %12.1f %10.1f%n", day.path("submissions").asInt(), day.path("ms").asDouble(),
                        day.path("msPer10k").asDouble(), day.path("heapMb").asDouble()));
            }
        }
        JsonNode jars = results.path("jars");
        if (!jars.isMissingNode()) {
            out.append("\ndeployment jars\n");
            out.append(String.format("%-14s %12s %10s%n", "function", "bytes", "classes"));
            for (Iterator<Map.Entry<String, JsonNode>> it = jars.fields(); it.hasNext();) {
                var e = it.next();
                out.append(String.format("%-14s %12d %10d%n", e.getKey(), e.getValue().path("bytes").asLong(),
                        e.getValue().path("classes").asInt()));
            }
        }
        return out.toString();
    }
}
