package cn.lanzhou.epidemic.reports;

import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.problem.Problem;
import cn.lanzhou.epidemic.reportfiles.ReportFiles;
import cn.lanzhou.epidemic.reportfiles.ReportStore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/** The answer of {@code GET /reports/{date}}: short-lived links to the day's complete set of files. */
final class ReportLinks {
    private final ReportStore store;
    private final Duration lifetime;

    ReportLinks(ReportStore store, Duration lifetime) {
        this.store = store;
        this.lifetime = lifetime;
    }

    ObjectNode of(LocalDate date) {
        String summaryKey = ReportFiles.key(date, ReportFiles.JSON);
        ReportStore.StoredFile summary = store.head(summaryKey)
                .orElseThrow(() -> Problem.notFound("该日日报尚未编制 / The report of that day has not been compiled"));
        String generatedAt = Optional.ofNullable(summary.metadata().get(ReportFiles.META_GENERATED_AT))
                .orElseGet(() -> generatedAtInside(summaryKey));
        ObjectNode body = Json.object().put("date", date.toString()).put("generatedAt", generatedAt);
        ArrayNode files = body.putArray("files");
        for (ReportFiles.File file : ReportFiles.ALL) {
            long bytes;
            Optional<String> version = Optional.empty();
            String key = ReportFiles.key(date, file);
            if (file == ReportFiles.JSON) {
                bytes = summary.bytes();
            } else {
                // the sizes and versions summary.json announced: the set it completes, not a newer file half-written
                version = Optional.ofNullable(summary.metadata().get(file.versionMeta()));
                String announced = summary.metadata().get(file.bytesMeta());
                if (announced != null) {
                    bytes = Long.parseLong(announced);
                } else {
                    Optional<ReportStore.StoredFile> stored = store.head(key);
                    if (stored.isEmpty()) {
                        continue;
                    }
                    bytes = stored.get().bytes();
                }
            }
            ReportStore.Link link = store.presignGet(key, version, lifetime);
            files.addObject()
                    .put("name", file.name())
                    .put("contentType", file.contentType())
                    .put("bytes", bytes)
                    .put("url", link.url())
                    .put("expiresAt", link.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
        }
        return body;
    }

    private String generatedAtInside(String summaryKey) {
        return store.get(summaryKey)
                .map(bytes -> Json.parseTrusted(new String(bytes, StandardCharsets.UTF_8)).path("generatedAt").asText())
                .orElse("");
    }
}
