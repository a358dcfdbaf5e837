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
            out.append("\ncold start (fresh JVM → first handled request)\n");
            out.append(String.format("%-14s %10s %10s %8s %10s%n", "function", "median ms", "max ms", "× floor", "classes"));
            for (Iterator<Map.Entry<String, JsonNode>> it = cold.fields(); it.hasNext();) {
                var e = it.next();
                JsonNode r = e.getValue();
                out.append(String.format("%-14s %10.1f %10.1f %8s %10d%n", e.getKey(), r.path("medianMs").asDouble(),
                        r.path("maxMs").asDouble(), r.has("ratio") ? String.format("%.1f", r.path("ratio").asDouble()) : "1.0",
                        r.path("classesLoaded").asInt()));
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
        JsonNode report = results.path("report");
        if (!report.isMissingNode()) {
            out.append("\ndaily report, 20,000 submissions in the day\n");
            out.append(String.format("without history %.0f ms, with 200,000 of history %.0f ms%n",
                    report.path("day20kMs").asDouble(), report.path("day20kWith200kHistoryMs").asDouble()));
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
