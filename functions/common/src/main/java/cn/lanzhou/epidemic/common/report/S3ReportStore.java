package cn.lanzhou.epidemic.common.report;

import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;

/** {@link ReportStore} on S3. Throttling, 5xx and timeouts become {@link cn.lanzhou.epidemic.common.store.BackendUnavailable} . */
public final class S3ReportStore implements ReportStore {
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;

    public S3ReportStore(S3Client s3, S3Presigner presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public Optional<String> put(String key, byte[] content, String contentType, Map<String, String> metadata) {
        var response = call(() -> s3.putObject(PutObjectRequest.builder()
                .bucket(bucket)
                .key(key)
                .contentType(contentType)
                .cacheControl("no-store")
                .metadata(metadata)
                .build(), RequestBody.fromBytes(content)));
        return Optional.ofNullable(response.versionId()).filter(v -> !v.isBlank() && !v.equals("null"));
    }

    @Override
    public Optional<StoredFile> head(String key) {
        try {
            var response = call(() -> s3.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build()));
            return Optional.of(new StoredFile(response.contentLength(), response.contentType(), response.metadata()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<LocalDate> compiledDates() {
        // listing summary.json keys rather than folders: a folder whose compile never finished is not a report
        List<LocalDate> dates = new ArrayList<>();
        var pages = call(() -> s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                .bucket(bucket)
                .prefix(ReportFiles.PREFIX)
                .build()));
        call(() -> {
            pages.contents().forEach(o -> ReportFiles.summaryDate(o.key()).ifPresent(dates::add));
            return null;
        });
        dates.sort(null);
        return dates;
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(call(() -> s3.getObjectAsBytes(GetObjectRequest.builder().bucket(bucket).key(key).build()))
                    .asByteArray());
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    @Override
    public Link presignGet(String key, Optional<String> versionId, Duration validFor) {
        var get = GetObjectRequest.builder().bucket(bucket).key(key);
        versionId.ifPresent(get::versionId);
        var presigned = presigner.presignGetObject(GetObjectPresignRequest.builder()
                .signatureDuration(validFor)
                .getObjectRequest(get.build())
                .build());
        return new Link(presigned.url().toString(), presigned.expiration());
    }

    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (NoSuchKeyException e) {
            throw e;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw e;
            }
            throw translate(e);
        } catch (SdkException e) {
            throw translate(e);
        }
    }

    private static RuntimeException translate(SdkException e) {
        boolean transientFault = e instanceof SdkClientException
                || e instanceof AwsServiceException service
                        && (service.isThrottlingException() || service.statusCode() >= 500)
                || e.retryable();
        return transientFault ? new BackendUnavailable(e) : e;
    }
}
