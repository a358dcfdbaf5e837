package cn.lanzhou.epidemic.reportfiles;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reports bucket: the daily report's files, what has been compiled, and short-lived links. */
public interface ReportStore {
    /** Writes (overwrites) one file; the version id when the bucket keeps versions. */
    Optional<String> put(String key, byte[] content, String contentType, Map<String, String> metadata);

    /** Size, content type and metadata of a file, or empty when it does not exist. */
    Optional<StoredFile> head(String key);

    /** The file's content, or empty when it does not exist. */
    Optional<byte[]> get(String key);

    /** The dates whose {@code summary.json} exists (complete sets), oldest first. */
    List<LocalDate> compiledDates();

    /** A GET link to the file (to that version, when given) valid for {@code validFor}. */
    Link presignGet(String key, Optional<String> versionId, Duration validFor);

    record StoredFile(long bytes, String contentType, Map<String, String> metadata) {
    }

    record Link(String url, Instant expiresAt) {
    }
}
