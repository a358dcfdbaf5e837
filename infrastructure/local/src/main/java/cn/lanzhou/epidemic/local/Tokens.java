package cn.lanzhou.epidemic.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints the HS256 tokens that the local JWT authorizer accepts, shaped like Cognito's: {@code sub},
 * {@code cognito:groups} (an array) and {@code exp}. Used by {@code ./dev token}, at start-up and by tests.
 */
public final class Tokens {
    public static final String DEFAULT_SECRET = "local-dev-secret";
    public static final String STAFF_SUB = "staff-local";
    public static final Duration STAFF_VALIDITY = Duration.ofHours(12);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Tokens() {
    }

    /** The signing secret: env {@code LOCAL_JWT_SECRET}, else {@value #DEFAULT_SECRET}. */
    public static String secret() {
        String secret = System.getenv("LOCAL_JWT_SECRET");
        return secret == null || secret.isBlank() ? DEFAULT_SECRET : secret;
    }

    /** A staff token ({@code sub} {@value #STAFF_SUB}, group {@code staff}) valid for 12 hours. */
    public static String staff() {
        return mint(STAFF_SUB, List.of("staff"), STAFF_VALIDITY);
    }

    /** A token signed with {@link #secret()}, valid for {@code validity} from now. */
    public static String mint(String sub, List<String> groups, Duration validity) {
        return mint(secret(), sub, groups, Instant.now().plus(validity));
    }

    public static String mint(String secret, String sub, List<String> groups, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("cognito:groups", List.copyOf(groups));
        claims.put("token_use", "id");
        claims.put("iat", Instant.now().getEpochSecond());
        claims.put("exp", expiresAt.getEpochSecond());
        return mint(secret, claims);
    }

    /** A token with exactly these claims: for tests of the authorizer's edge cases. */
    public static String mint(String secret, Map<String, Object> claims) {
        try {
            String header = BASE64URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
            String payload = BASE64URL.encodeToString(LocalJson.MAPPER.writeValueAsBytes(claims));
            String signingInput = header + "." + payload;
            return signingInput + "." + BASE64URL.encodeToString(hmacSha256(secret, signingInput));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("claims are not serializable", e);
        }
    }

    static byte[] hmacSha256(String secret, String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** {@code ./dev token [--sub X] [--groups a,b] [--hours N]}: prints one token. */
    public static void main(String[] args) {
        String sub = STAFF_SUB;
        List<String> groups = new ArrayList<>(List.of("staff"));
        Duration validity = STAFF_VALIDITY;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--sub" -> { sub = value; i++; }
                case "--groups" -> {
                    groups = Arrays.stream(value.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
                    i++;
                }
                case "--hours" -> { validity = Duration.ofHours(Long.parseLong(value)); i++; }
                default -> {
                    System.err.println("usage: ./dev token [--sub SUB] [--groups a,b] [--hours N]");
                    System.exit(2);
                }
            }
        }
        System.out.println(mint(sub, groups, validity));
    }
}
