package cn.lanzhou.epidemic.local;

import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Checks a request's SigV4 signature as an AWS endpoint would: the request is signed again with the
 * SDK's own signer, with the secret of the key it names, over the headers it says it signed, at the
 * time it says it was signed, and the two signatures must be the same. A request older or newer than
 * 15 minutes is refused too (AWS's limit for clock skew).
 */
final class SigV4Verifier {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "^AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
                    + "SignedHeaders=([a-z0-9;_.-]+),\\s*Signature=([0-9a-f]{64})$");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Duration SKEW = Duration.ofMinutes(15);

    private final Map<String, String> secretsByAccessKey;
    private final Clock clock;

    SigV4Verifier(Map<String, String> secretsByAccessKey, Clock clock) {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
        this.clock = clock;
    }

    /** True when the request is signed, by a key this stack handed out, and the signature holds. */
    boolean verify(String method, String rawPathAndQuery, Map<String, List<String>> headers, byte[] body) {
        String authorization = first(headers, "authorization").orElse("").strip();
        Matcher m = AUTHORIZATION.matcher(authorization);
        Optional<String> amzDate = first(headers, "x-amz-date");
        if (!m.matches() || amzDate.isEmpty() || !secretsByAccessKey.containsKey(m.group(1))) {
            return false;
        }
        Instant signedAt;
        try {
            signedAt = Instant.from(AMZ_DATE.parse(amzDate.get()));
        } catch (DateTimeParseException e) {
            return false;
        }
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(SKEW) > 0
                || !AMZ_DATE.format(signedAt).startsWith(m.group(2))) {
            return false;
        }
        Optional<String> host = first(headers, "host");
        if (host.isEmpty()) {
            return false;
        }
        SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://" + host.get() + rawPathAndQuery));
        for (String name : m.group(5).split(";")) {
            List<String> values = headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
            if (values.isEmpty()) {
                return false;
            }
            if (!name.equals("host")) { // the signer signs the URI's host itself
                request.putHeader(name, values);
            }
        }
        String expected;
        try {
            expected = AwsV4HttpSigner.create().sign(r -> r
                            .identity(AwsCredentialsIdentity.create(m.group(1), secretsByAccessKey.get(m.group(1))))
                            .request(request.build())
                            .payload(ContentStreamProvider.fromByteArray(body))
                            .putProperty(AwsV4HttpSigner.REGION_NAME, m.group(3))
                            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, m.group(4))
                            .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(signedAt, ZoneOffset.UTC)))
                    .request().firstMatchingHeader("Authorization").orElse("");
        } catch (RuntimeException e) {
            return false;
        }
        Matcher again = AUTHORIZATION.matcher(expected);
        return again.matches() && MessageDigest.isEqual(again.group(6).getBytes(StandardCharsets.US_ASCII),
                m.group(6).getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().toLowerCase(Locale.ROOT).equals(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }
}
