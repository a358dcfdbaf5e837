package cn.lanzhou.epidemic.local;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The access key a SigV4 {@code Authorization} header names. The local endpoints accept only the key
 * the credentials endpoint hands out, so a function that signs with anything else (or not at all)
 * fails as it would in AWS; the signature itself is not verified here.
 */
final class AwsAuthorization {
    private static final Pattern CREDENTIAL = Pattern.compile("^AWS4-HMAC-SHA256\\s+Credential=([^/,\\s]+)/");

    private AwsAuthorization() {
    }

    static Optional<String> accessKey(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher matcher = CREDENTIAL.matcher(authorization.strip());
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    static boolean signedWith(String authorization, String accessKeyId) {
        return accessKey(authorization).filter(accessKeyId::equals).isPresent();
    }
}
