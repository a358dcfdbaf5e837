package cn.lanzhou.epidemic.common.aws;

import cn.lanzhou.epidemic.common.crypto.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * AWS Signature Version 4: signed headers for a request ({@link LeanDynamoDbClient}'s JSON POSTs,
 * {@link LeanS3Client}'s object requests) and the query-string form of a presigned URL. Checked
 * against the SDK's own signer and presigner in the tests.
 */
public final class SigV4 {
    private static final Map<String, byte[]> SIGNING_KEYS = new ConcurrentHashMap<>();
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private SigV4() {
    }

    /** Credentials as Lambda hands them over (the session token is absent locally). */
    public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    }

    /** A POST to {@code path} with no query: the JSON-protocol calls (DynamoDB, Lambda's Invoke). */
    public static Map<String, String> sign(String service, String region, Credentials credentials, Instant now,
            String path, Map<String, String> headers, byte[] payload) {
        return sign("POST", service, region, credentials, now, path, "", headers, Sha256.hex(Sha256.hash(payload)));
    }

    /**
     * Returns the headers to add to the request: {@code X-Amz-Date}, {@code Authorization} and, with
     * a session token, {@code X-Amz-Security-Token}. {@code canonicalUri} and {@code canonicalQuery}
     * are already encoded as the service wants them (see {@link #canonicalQuery}); {@code headers}
     * are the other headers to sign (lower-case names), {@code host} included.
     */
    public static Map<String, String> sign(String method, String service, String region, Credentials credentials,
            Instant now, String canonicalUri, String canonicalQuery, Map<String, String> headers, String payloadHash) {
        String amzDate = amzDate(now);
        TreeMap<String, String> signed = new TreeMap<>(headers);
        signed.put("x-amz-date", amzDate);
        if (credentials.sessionToken() != null) {
            signed.put("x-amz-security-token", credentials.sessionToken());
        }
        StringBuilder canonicalHeaders = new StringBuilder();
        StringBuilder signedHeaders = new StringBuilder();
        for (var h : signed.entrySet()) {
            canonicalHeaders.append(h.getKey()).append(':').append(trimAll(h.getValue())).append('\n');
            signedHeaders.append(signedHeaders.length() == 0 ? "" : ";").append(h.getKey());
        }
        String canonicalRequest = method + "\n" + canonicalUri + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
                + signedHeaders + "\n" + payloadHash;
        String scope = scope(amzDate, region, service);
        String signature = signature(credentials, amzDate, region, service, scope, canonicalRequest);
        Map<String, String> result = new TreeMap<>();
        result.put("X-Amz-Date", amzDate);
        if (credentials.sessionToken() != null) {
            result.put("X-Amz-Security-Token", credentials.sessionToken());
        }
        result.put("Authorization", ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
        return result;
    }

    /**
     * The query string of a presigned URL (SigV4 in the query, only {@code host} signed):
     * {@code parameters} (the request's own, unencoded) with the {@code X-Amz-*} ones added, in
     * canonical order and encoding, {@code X-Amz-Signature} last.
     */
    public static String presignedQuery(String method, String service, String region, Credentials credentials,
            Instant now, Duration validFor, String host, String canonicalUri, Map<String, String> parameters,
            String payloadHash) {
        String amzDate = amzDate(now);
        String scope = scope(amzDate, region, service);
        TreeMap<String, String> query = new TreeMap<>(parameters);
        query.put("X-Amz-Algorithm", ALGORITHM);
        query.put("X-Amz-Credential", credentials.accessKeyId() + "/" + scope);
        query.put("X-Amz-Date", amzDate);
        query.put("X-Amz-Expires", Long.toString(validFor.getSeconds()));
        if (credentials.sessionToken() != null) {
            query.put("X-Amz-Security-Token", credentials.sessionToken());
        }
        query.put("X-Amz-SignedHeaders", "host");
        String canonicalQuery = canonicalQuery(query);
        String canonicalRequest = method + "\n" + canonicalUri + "\n" + canonicalQuery + "\nhost:" + host + "\n\nhost\n"
                + payloadHash;
        return canonicalQuery + "&X-Amz-Signature="
                + signature(credentials, amzDate, region, service, scope, canonicalRequest);
    }

    /** Parameters encoded (RFC 3986) and sorted by encoded name, then value, joined with {@code &}. */
    public static String canonicalQuery(Map<String, String> parameters) {
        TreeMap<String, String> encoded = new TreeMap<>();
        parameters.forEach((name, value) -> encoded.put(uriEncode(name, false), uriEncode(value, false)));
        StringBuilder query = new StringBuilder();
        for (var p : encoded.entrySet()) {
            query.append(query.length() == 0 ? "" : "&").append(p.getKey()).append('=').append(p.getValue());
        }
        return query.toString();
    }

    /**
     * Percent-encodes the UTF-8 bytes of {@code value} except RFC 3986's unreserved characters
     * ({@code A-Z a-z 0-9 - . _ ~}) and, when {@code keepSlash}, {@code /}: space is {@code %20},
     * {@code +} is {@code %2B}, hex digits upper-case — the encoding SigV4 signs.
     */
    public static String uriEncode(String value, boolean keepSlash) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            char c = (char) (b & 0xff);
            if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' && keepSlash) {
                out.append(c);
            } else {
                out.append('%').append(HEX_UPPER[c >> 4]).append(HEX_UPPER[c & 15]);
            }
        }
        return out.toString();
    }

    private static String scope(String amzDate, String region, String service) {
        return amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
    }

    private static String signature(Credentials credentials, String amzDate, String region, String service, String scope,
            String canonicalRequest) {
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n"
                + Sha256.hex(Sha256.hash(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        return Sha256.hex(hmac(signingKey(credentials.secretAccessKey(), amzDate.substring(0, 8), region, service), stringToSign));
    }

    /**
     * The day's signing key, derived once per secret, day, region and service (four HMACs) and then
     * reused, as the SDK's signer does: a function signs every call with the same one all day.
     */
    private static byte[] signingKey(String secret, String day, String region, String service) {
        String id = day + "/" + region + "/" + service + "/" + secret;
        byte[] key = SIGNING_KEYS.get(id);
        if (key == null) {
            key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
            key = hmac(key, region);
            key = hmac(key, service);
            key = hmac(key, "aws4_request");
            if (SIGNING_KEYS.size() >= 16) {
                SIGNING_KEYS.clear(); // a new day, or rotated credentials: the old keys are of no more use
            }
            SIGNING_KEYS.put(id, key);
        }
        return key;
    }

    static byte[] hmac(byte[] key, String data) {
        return Sha256.hmac(key, data.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} in UTC, the form of {@code X-Amz-Date}. */
    static String amzDate(Instant now) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(now.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder out = new StringBuilder(16);
        digits(out, utc.getYear(), 4);
        digits(out, utc.getMonthValue(), 2);
        digits(out, utc.getDayOfMonth(), 2);
        out.append('T');
        digits(out, utc.getHour(), 2);
        digits(out, utc.getMinute(), 2);
        digits(out, utc.getSecond(), 2);
        return out.append('Z').toString();
    }

    private static void digits(StringBuilder out, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            out.append('0');
        }
        out.append(text);
    }

    /** A header value as SigV4 signs it: trimmed, each run of ASCII white space inside made one space. */
    static String trimAll(String value) {
        String trimmed = value.trim();
        StringBuilder out = new StringBuilder(trimmed.length());
        boolean space = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\u000b' || c == '\f' || c == '\r') {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

}
