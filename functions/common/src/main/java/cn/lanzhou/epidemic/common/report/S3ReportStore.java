package cn.lanzhou.epidemic.common.report;

import cn.lanzhou.epidemic.common.aws.LeanS3Client;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ReportStore} on S3, through {@link LeanS3Client}: throttling, 5xx and timeouts become
 * {@link cn.lanzhou.epidemic.common.store.BackendUnavailable} there, a missing file is empty here.
 */
public final class S3ReportStore implements ReportStore {
    private final LeanS3Client s3;
    private final String bucket;

    public S3ReportStore(LeanS3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public Optional<String> put(String key, byte[] content, String contentType, Map<String, String> metadata) {
        // "null" is the version of an object written while versioning is suspended: no version to pin a link to
        return s3.putObject(bucket, key, content, contentType, "no-store", metadata)
                .filter(v -> !v.isBlank() && !v.equals("null"));
    }

    @Override
    public Optional<StoredFile> head(String key) {
        return s3.headObject(bucket, key).map(h -> new StoredFile(h.contentLength(), h.contentType(), h.metadata()));
    }

    @Override
    public List<LocalDate> compiledDates() {
        // listing summary.json keys rather than folders: a folder whose compile never finished is not a report
        List<LocalDate> dates = new ArrayList<>();
        for (String key : s3.listKeys(bucket, ReportFiles.PREFIX)) {
            ReportFiles.summaryDate(key).ifPresent(dates::add);
        }
        dates.sort(null);
        return dates;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return s3.getObject(bucket, key);
    }

    @Override
    public Link presignGet(String key, Optional<String> versionId, Duration validFor) {
        LeanS3Client.PresignedGet presigned = s3.presignGet(bucket, key, versionId, validFor);
        return new Link(presigned.url(), presigned.expiresAt());
    }
}
