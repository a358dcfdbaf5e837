package cn.lanzhou.epidemic.common.aws;

import cn.lanzhou.epidemic.common.crypto.Sha256;
import cn.lanzhou.epidemic.common.store.BackendUnavailable;
import cn.lanzhou.epidemic.common.store.RequestBudget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The S3 operations the report store uses — put, head and get an object, list keys under a prefix,
 * presign a GET — over {@link HttpURLConnection} with our {@link SigV4}. The SDK's S3 client would
 * load some 2,000 classes at cold start for these (endpoint rules, interceptors, the XML protocol,
 * auth-scheme resolution); this is a few classes of ours, with a small XML scanner ({@link S3Xml}).
 *
 * <p>Addressing: with an endpoint override (the local S3Proxy), path style
 * {@code {endpoint}/{bucket}/{key}}; otherwise virtual-hosted {@code https://{bucket}.s3.{region}.amazonaws.com/{key}}
 * ({@code amazonaws.com.cn} in the China regions), or path style on the regional endpoint for a
 * bucket name that cannot be a host label (dots), as the SDK does.
 *
 * <p>Failures: throttling, 5xx, I/O errors and timeouts are retried with jittered backoff inside
 * a total call deadline (bounded by {@link RequestBudget}), then become {@link BackendUnavailable};
 * 404 is an empty answer where the operation has one (head, get); any other error is a
 * {@link S3RequestRejected} with S3's status and error code. Credentials are read at every call,
 * so a SnapStart restore signs with the current ones.
 */
public final class LeanS3Client {
    /** The longest a SigV4 presigned URL may be valid. */
    public static final Duration MAX_PRESIGNED_VALIDITY = Duration.ofDays(7);

    private static final String USER_AGENT = "epidemic-lean-s3/1.0";
    private static final String METADATA_PREFIX = "x-amz-meta-";
    private static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final byte[] NO_CONTENT = new byte[0];
    private static final Set<String> THROTTLING_CODES = Set.of("SlowDown", "Throttling", "ThrottlingException",
            "RequestTimeout", "RequestThrottled");

    /** Size, content type and user metadata (names lower-case, without {@code x-amz-meta-}) of an object. */
    public record ObjectHead(long contentLength, String contentType, Map<String, String> metadata) {
    }

    /** A presigned GET and the instant it stops working. */
    public record PresignedGet(String url, Instant expiresAt) {
    }

    /** One page of a listing: its keys and, when there are more, the token of the next page. */
    record ListPage(List<String> keys, Optional<String> nextContinuationToken) {
    }

    /** A request before signing: {@code headers} are the ones to send and sign besides host (lower-case names). */
    record Request(String method, URI uri, String host, String canonicalUri, String canonicalQuery,
            Map<String, String> headers, byte[] payload) {
    }

    private record Response(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            for (var h : headers.entrySet()) {
                if (h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty()) {
                    return h.getValue().get(0);
                }
            }
            return null;
        }

        S3RequestRejected rejected(String operation) {
            return new S3RequestRejected(operation, status, errorCode(body), header("x-amz-request-id"));
        }
    }

    private final URI endpointOverride;
    private final String region;
    private final Supplier<SigV4.Credentials> credentials;
    private final int maxAttempts;
    private final Duration callTimeout;
    private final Duration attemptTimeout;
    private final int listPageSize;
    private final Clock clock;

    /**
     * {@code endpointOverride}: an S3-compatible server addressed path style (the local stack);
     * empty for AWS's regional endpoint.
     */
    public LeanS3Client(Optional<URI> endpointOverride, String region, Supplier<SigV4.Credentials> credentials,
            int maxAttempts, Duration callTimeout, Duration attemptTimeout) {
        this(endpointOverride.orElse(null), region, credentials, maxAttempts, callTimeout, attemptTimeout, 0,
                Clock.systemUTC());
    }

    private LeanS3Client(URI endpointOverride, String region, Supplier<SigV4.Credentials> credentials, int maxAttempts,
            Duration callTimeout, Duration attemptTimeout, int listPageSize, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        this.endpointOverride = endpointOverride;
        this.region = region;
        this.credentials = credentials;
        this.maxAttempts = maxAttempts;
        this.callTimeout = callTimeout;
        this.attemptTimeout = attemptTimeout;
        this.listPageSize = listPageSize;
        this.clock = clock;
    }

    /** The same client asking for at most {@code keys} keys per listing page (S3's default is 1,000); for tests. */
    public LeanS3Client withListPageSize(int keys) {
        if (keys < 1 || keys > 1000) {
            throw new IllegalArgumentException("a listing page holds 1 to 1000 keys");
        }
        return new LeanS3Client(endpointOverride, region, credentials, maxAttempts, callTimeout, attemptTimeout, keys, clock);
    }

    LeanS3Client withClock(Clock fixed) {
        return new LeanS3Client(endpointOverride, region, credentials, maxAttempts, callTimeout, attemptTimeout, listPageSize, fixed);
    }

    // ---------------------------------------------------------------- operations

    /**
     * Writes (overwrites) an object; its version id when the bucket keeps versions. Metadata names
     * are lower-case and values printable ASCII, which is what S3 keeps as sent.
     */
    public Optional<String> putObject(String bucket, String key, byte[] content, String contentType, String cacheControl,
            Map<String, String> metadata) {
        Response response = execute("PutObject", putRequest(bucket, key, content, contentType, cacheControl, metadata));
        if (response.status() == 404) {
            throw response.rejected("PutObject");
        }
        return Optional.ofNullable(response.header("x-amz-version-id"));
    }

    /** Size, content type and metadata of an object, or empty when there is none. */
    public Optional<ObjectHead> headObject(String bucket, String key) {
        Response response = execute("HeadObject", request("HEAD", bucket, key, Map.of(), Map.of(), NO_CONTENT));
        if (response.status() == 404) {
            return Optional.empty();
        }
        Map<String, String> metadata = new TreeMap<>();
        for (var h : response.headers().entrySet()) {
            String name = h.getKey() == null ? "" : h.getKey().toLowerCase(Locale.ROOT);
            if (name.startsWith(METADATA_PREFIX) && !h.getValue().isEmpty()) {
                metadata.put(name.substring(METADATA_PREFIX.length()), h.getValue().get(0));
            }
        }
        String length = response.header("Content-Length");
        return Optional.of(new ObjectHead(length == null ? -1 : Long.parseLong(length.trim()),
                response.header("Content-Type"), Collections.unmodifiableMap(metadata)));
    }

    /** The object's content, or empty when there is no such key. */
    public Optional<byte[]> getObject(String bucket, String key) {
        Response response = execute("GetObject", request("GET", bucket, key, Map.of(), Map.of(), NO_CONTENT));
        if (response.status() == 404) {
            S3RequestRejected rejected = response.rejected("GetObject");
            if (rejected.code().equals("NoSuchKey") || rejected.code().isEmpty()) {
                return Optional.empty();
            }
            throw rejected; // NoSuchBucket: a configuration fault, not an absent file
        }
        return Optional.of(response.body());
    }

    /** Every key under {@code prefix}, in S3's order (UTF-8 binary), reading page after page (ListObjectsV2). */
    public List<String> listKeys(String bucket, String prefix) {
        List<String> keys = new ArrayList<>();
        Optional<String> token = Optional.empty();
        do {
            Map<String, String> query = new LinkedHashMap<>();
            query.put("list-type", "2");
            query.put("prefix", prefix);
            token.ifPresent(t -> query.put("continuation-token", t));
            if (listPageSize > 0) {
                query.put("max-keys", Integer.toString(listPageSize));
            }
            Response response = execute("ListObjectsV2", request("GET", bucket, "", query, Map.of(), NO_CONTENT));
            if (response.status() == 404) {
                throw response.rejected("ListObjectsV2");
            }
            ListPage page = parseListPage(response.body());
            keys.addAll(page.keys());
            token = page.nextContinuationToken();
        } while (token.isPresent());
        return keys;
    }

    /**
     * A GET link to the object (to that version, when given) valid for {@code validFor}, signed in
     * the query (only {@code host} signed, payload unsigned) as S3's presigned URLs are.
     */
    public PresignedGet presignGet(String bucket, String key, Optional<String> versionId, Duration validFor) {
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_PRESIGNED_VALIDITY) > 0) {
            throw new IllegalArgumentException("a presigned URL is valid for 1 second to 7 days");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, String> parameters = versionId.map(v -> Map.of("versionId", v)).orElse(Map.of());
        Request target = request("GET", bucket, key, Map.of(), Map.of(), NO_CONTENT);
        String query = SigV4.presignedQuery("GET", "s3", region, credentials.get(), now, validFor, target.host(),
                target.canonicalUri(), parameters, UNSIGNED_PAYLOAD);
        return new PresignedGet(target.uri() + "?" + query, now.plus(validFor));
    }

    // ---------------------------------------------------------------- requests

    Request putRequest(String bucket, String key, byte[] content, String contentType, String cacheControl,
            Map<String, String> metadata) {
        Map<String, String> headers = new TreeMap<>();
        headers.put("content-type", contentType);
        headers.put("cache-control", cacheControl);
        metadata.forEach((name, value) -> headers.put(METADATA_PREFIX + metadataName(name), metadataValue(value)));
        return request("PUT", bucket, key, Map.of(), headers, content);
    }

    private Request request(String method, String bucket, String key, Map<String, String> query,
            Map<String, String> headers, byte[] payload) {
        String scheme;
        String authority;
        String path;
        String encodedKey = key.isEmpty() ? "" : "/" + SigV4.uriEncode(key, true);
        if (endpointOverride != null) {
            scheme = endpointOverride.getScheme();
            authority = endpointOverride.getRawAuthority();
            String base = endpointOverride.getRawPath() == null ? "" : endpointOverride.getRawPath();
            path = (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/" + SigV4.uriEncode(bucket, false) + encodedKey;
        } else if (virtualHostable(bucket)) {
            scheme = "https";
            authority = bucket + ".s3." + region + "." + Endpoints.domain(region);
            path = encodedKey.isEmpty() ? "/" : encodedKey;
        } else {
            scheme = "https";
            authority = "s3." + region + "." + Endpoints.domain(region);
            path = "/" + SigV4.uriEncode(bucket, false) + encodedKey;
        }
        String canonicalQuery = SigV4.canonicalQuery(query);
        URI uri = URI.create(scheme + "://" + authority + path + (canonicalQuery.isEmpty() ? "" : "?" + canonicalQuery));
        return new Request(method, uri, host(uri), path, canonicalQuery, headers, payload);
    }

    /** The headers to set: the request's own, the payload's hash and the signature. */
    Map<String, String> signedHeaders(Request request, Instant now) {
        Map<String, String> signed = new TreeMap<>(request.headers());
        signed.put("host", request.host());
        signed.put("x-amz-content-sha256", Sha256.hex(Sha256.hash(request.payload())));
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put("x-amz-content-sha256", signed.get("x-amz-content-sha256"));
        headers.putAll(SigV4.sign(request.method(), "s3", region, credentials.get(), now, request.canonicalUri(),
                request.canonicalQuery(), signed, signed.get("x-amz-content-sha256")));
        return headers;
    }

    /** The Host header HttpURLConnection sends: the port only when it is not the scheme's default. */
    private static String host(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == 80 && uri.getScheme().equals("http") || port == 443 && uri.getScheme().equals("https");
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    /** A bucket name usable as a host label under TLS: lower-case letters, digits and hyphens, 3 to 63. */
    static boolean virtualHostable(String bucket) {
        if (bucket.length() < 3 || bucket.length() > 63 || bucket.startsWith("-") || bucket.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < bucket.length(); i++) {
            char c = bucket.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static String metadataName(String name) {
        if (name.isEmpty() || !name.equals(name.toLowerCase(Locale.ROOT)) || !printableAscii(name) || name.contains(" ")
                || name.contains(":")) {
            throw new IllegalArgumentException("S3 metadata names are lower-case header tokens");
        }
        return name;
    }

    private static String metadataValue(String value) {
        if (!printableAscii(value)) {
            throw new IllegalArgumentException("S3 metadata values are sent as printable ASCII");
        }
        return value;
    }

    private static boolean printableAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20 || s.charAt(i) > 0x7e) {
                return false;
            }
        }
        return true;
    }

    /**
     * Signs a PUT and reads a listing and an error answer once, without I/O: the classes and code of
     * the S3 path, loaded ahead of a first call (see {@code common.runtime.Priming#warmUp}).
     */
    public static void warmUp() {
        byte[] content = "warm-up".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new TreeMap<>();
        headers.put("host", "warm-up.s3.cn-northwest-1.amazonaws.com.cn");
        headers.put("content-type", "text/plain; charset=UTF-8");
        headers.put(METADATA_PREFIX + "generated-at", "2020-02-13T16:00:00Z");
        SigV4.sign("PUT", "s3", "cn-northwest-1", new SigV4.Credentials("warm-up", "warm-up", null), Instant.EPOCH,
                "/" + SigV4.uriEncode("reports/daily/2020-02-13/summary.csv", true), "", headers,
                Sha256.hex(Sha256.hash(content)));
        parseListPage(("<ListBucketResult><Contents><Key>a&amp;b</Key></Contents><IsTruncated>false</IsTruncated>"
                + "</ListBucketResult>").getBytes(StandardCharsets.UTF_8));
        errorCode("<Error><Code>NoSuchKey</Code></Error>".getBytes(StandardCharsets.UTF_8));
    }

    // ---------------------------------------------------------------- responses

    static ListPage parseListPage(byte[] body) {
        String xml = new String(body, StandardCharsets.UTF_8);
        List<String> keys = S3Xml.all(xml, "Key");
        boolean truncated = S3Xml.first(xml, "IsTruncated").map(v -> v.trim().equals("true")).orElse(false);
        if (!truncated) {
            return new ListPage(keys, Optional.empty());
        }
        String token = S3Xml.first(xml, "NextContinuationToken").filter(t -> !t.isEmpty())
                .orElseThrow(() -> new IllegalStateException("S3 answered a truncated listing without a continuation token"));
        return new ListPage(keys, Optional.of(token));
    }

    /** The {@code <Code>} of an S3 error answer, or empty when it has none (HEAD, or not S3's XML). */
    static String errorCode(byte[] body) {
        if (body.length == 0) {
            return "";
        }
        try {
            return S3Xml.first(new String(body, StandardCharsets.UTF_8), "Code").orElse("").trim();
        } catch (IllegalStateException e) {
            return "";
        }
    }

    // ---------------------------------------------------------------- the wire

    /** Sends with retries; returns a 2xx or 404 answer, throws {@link S3RequestRejected} or {@link BackendUnavailable}. */
    private Response execute(String operation, Request request) {
        long deadline = RequestBudget.bound(System.nanoTime() + callTimeout.toNanos());
        Exception last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                Response response = send(request, deadline);
                if (response.status() / 100 == 2 || response.status() == 404) {
                    return response;
                }
                S3RequestRejected rejected = response.rejected(operation);
                if (!retryable(rejected)) {
                    throw rejected;
                }
                last = rejected;
            } catch (IOException e) {
                last = e;
            }
            if (attempt < maxAttempts && !Backoff.sleep(attempt, deadline)) {
                break;
            }
        }
        throw new BackendUnavailable(last);
    }

    private static boolean retryable(S3RequestRejected e) {
        return e.status() >= 500 || e.status() == 429 || THROTTLING_CODES.contains(e.code());
    }

    private Response send(Request request, long deadline) throws IOException {
        long remainingMs = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMs <= 0) {
            throw new SocketTimeoutException("no time left for another attempt");
        }
        URL url = request.uri().toURL();
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        try {
            int timeout = (int) Math.min(attemptTimeout.toMillis(), remainingMs);
            connection.setConnectTimeout(Math.min(timeout, 2000));
            connection.setReadTimeout(timeout);
            connection.setInstanceFollowRedirects(false); // a redirect means a wrong region: an error, not a detour
            connection.setRequestMethod(request.method());
            connection.setRequestProperty("User-Agent", USER_AGENT);
            signedHeaders(request, clock.instant()).forEach(connection::setRequestProperty);
            if (request.method().equals("PUT")) {
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(request.payload().length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(request.payload());
                }
            }
            int status = connection.getResponseCode();
            InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] body = in == null ? NO_CONTENT : readAll(in);
            return new Response(status, connection.getHeaderFields(), body);
        } catch (IOException e) {
            connection.disconnect();
            throw e;
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
