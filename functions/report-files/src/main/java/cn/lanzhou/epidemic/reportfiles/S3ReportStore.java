package cn.lanzhou.epidemic.reportfiles;

import cn.lanzhou.epidemic.common.store.Faults;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/** {@link ReportStore} on S3: transient faults become {@link cn.lanzhou.epidemic.common.store.BackendUnavailable} ({@link Faults}); a missing file is empty. */
public record S3ReportStore(S3Client s3, S3Presigner presigner, String bucket) implements ReportStore {
    @Override
    public Optional<String> put(String key, byte[] content, String contentType, Map<String, String> metadata) {
        String version = call(() -> s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType)
                .cacheControl("no-store").metadata(metadata), RequestBody.fromBytes(content))).versionId();
        // "null" is the version of an object written while versioning is suspended: no version to pin a link to
        return Optional.ofNullable(version).filter(v -> !v.isBlank() && !v.equals("null"));
    }

    @Override
    public Optional<StoredFile> head(String key) {
        return absentIfMissing(() -> {
            HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key));
            return new StoredFile(head.contentLength(), head.contentType(), head.metadata());
        });
    }

    @Override
    public List<LocalDate> compiledDates() {
        // listing summary.json keys rather than folders: a folder whose compile never finished is not a report
        List<LocalDate> dates = new ArrayList<>();
        String token = null;
        do {
            String continuation = token;
            ListObjectsV2Response page = call(() -> s3.listObjectsV2(b -> b.bucket(bucket)
                    .prefix(ReportFiles.PREFIX).continuationToken(continuation)));
            for (S3Object object : page.contents()) {
                ReportFiles.summaryDate(object.key()).ifPresent(dates::add);
            }
            token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
        } while (token != null);
        dates.sort(null);
        return dates;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return absentIfMissing(() -> s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
    }

    @Override
    public Link presignGet(String key, Optional<String> versionId, Duration validFor) {
        PresignedGetObjectRequest presigned = presigner.presignGetObject(p -> p
                .signatureDuration(validFor)
                .getObjectRequest(g -> g.bucket(bucket).key(key).versionId(versionId.orElse(null))));
        return new Link(presigned.url().toString(), presigned.expiration());
    }

    /** GET's {@code NoSuchKey} and HEAD's bare 404 mean no file; a 404 for a missing bucket is a misconfiguration and propagates. */
    private static <T> Optional<T> absentIfMissing(Supplier<T> operation) {
        try {
            return Optional.of(call(operation));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (e.statusCode() == 404 && (code == null || code.isEmpty() || code.equals("NoSuchKey"))) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (SdkException e) {
            throw Faults.translate(e);
        }
    }
}
