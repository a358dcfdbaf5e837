package cn.lanzhou.epidemic.reportfiles;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A reports bucket in memory, for unit tests: keeps the order of writes and hands out fake links.
 * Synchronized: the summary writes two files side by side.
 */
public final class InMemoryReportStore implements ReportStore {
    /** One written file. */
    public record Stored(byte[] content, String contentType, Map<String, String> metadata) {
    }

    private final Map<String, Stored> files = new TreeMap<>();
    private final List<String> writes = new ArrayList<>();
    private final Clock clock;

    public InMemoryReportStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Optional<String> put(String key, byte[] content, String contentType, Map<String, String> metadata) {
        files.put(key, new Stored(content.clone(), contentType, new LinkedHashMap<>(metadata)));
        writes.add(key);
        return Optional.empty();
    }

    @Override
    public synchronized Optional<StoredFile> head(String key) {
        return Optional.ofNullable(files.get(key))
                .map(f -> new StoredFile(f.content().length, f.contentType(), f.metadata()));
    }

    @Override
    public synchronized Optional<byte[]> get(String key) {
        return Optional.ofNullable(files.get(key)).map(f -> f.content().clone());
    }

    @Override
    public synchronized List<LocalDate> compiledDates() {
        return files.keySet().stream().map(ReportFiles::summaryDate).flatMap(Optional::stream).sorted().toList();
    }

    @Override
    public Link presignGet(String key, Optional<String> versionId, Duration validFor) {
        return new Link("https://reports.invalid/" + key + versionId.map(v -> "?versionId=" + v).orElse(""),
                clock.instant().plus(validFor));
    }

    public synchronized Map<String, Stored> files() {
        return files;
    }

    /** Keys in the order they were written. */
    public synchronized List<String> writes() {
        return writes;
    }

    public synchronized String text(String key) {
        return new String(files.get(key).content(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
