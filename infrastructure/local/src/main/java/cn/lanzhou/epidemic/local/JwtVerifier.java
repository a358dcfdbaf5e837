package cn.lanzhou.epidemic.local;

import com.fasterxml.jackson.core.type.TypeReference;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The API Gateway JWT authorizer, locally: an HS256 signature with the local secret and an
 * unexpired {@code exp}. Issuer and audience are not checked: on AWS only the authorizer's
 * configuration fixes them, and local tokens are not Cognito's.
 */
final class JwtVerifier {
    private static final TypeReference<Map<String, Object>> CLAIMS = new TypeReference<>() { };
    private final String secret;
    private final Clock clock;

    JwtVerifier(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    /** The claims of a valid {@code Authorization: Bearer} header; empty when missing or invalid. */
    Optional<Map<String, Object>> verify(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            value = value.substring("bearer ".length()).strip();
        }
        String[] parts = value.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            Map<String, Object> header = LocalJson.MAPPER.readValue(decoder.decode(parts[0]), CLAIMS);
            if (!"HS256".equals(header.get("alg"))) {
                return Optional.empty();
            }
            byte[] expected = Tokens.hmacSha256(secret, parts[0] + "." + parts[1]);
            // constant time, so the signature cannot be guessed byte by byte from response times
            if (!MessageDigest.isEqual(expected, decoder.decode(parts[2]))) {
                return Optional.empty();
            }
            Map<String, Object> claims = LocalJson.MAPPER.readValue(decoder.decode(parts[1]), CLAIMS);
            long now = clock.instant().getEpochSecond();
            if (!(claims.get("exp") instanceof Number exp) || exp.longValue() <= now) {
                return Optional.empty();
            }
            if (claims.get("nbf") instanceof Number nbf && nbf.longValue() > now) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (IllegalArgumentException | java.io.IOException e) {
            return Optional.empty();
        }
    }

}
