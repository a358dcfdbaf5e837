package cn.lanzhou.epidemic.registration;

import cn.lanzhou.epidemic.common.config.Clients;
import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.log.Log;
import cn.lanzhou.epidemic.common.validation.MobilePhone;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * What becomes of an identity number and a phone before anything is stored: a keyed hash
 * (HMAC-SHA256, the key a Secrets Manager secret) to match registrations of one person without
 * keeping the number, and a masked copy for display. Without the key, the hash of an 18-digit
 * number with a known structure cannot be reversed by trying every number, which a plain SHA-256
 * would allow.
 *
 * <p>The key is read once, at init. If that read fails (credentials refused, endpoint down), init
 * goes on and the first request that needs the key tries again; while it cannot be read, such a
 * request fails with the generic 500 and the log says why. The key itself is never logged.
 */
public final class PersonalData {
    private static final String HMAC = "HmacSHA256";

    private final Supplier<String> source;
    private volatile SecretKeySpec key;

    public PersonalData(String secret) {
        this(() -> secret);
    }

    private PersonalData(Supplier<String> source) {
        this.source = source;
        try {
            key();
        } catch (KeyUnavailable e) {
            // logged in key(); the first request that needs the key tries again
        }
    }

    /** Reads the secret {@code ID_HASH_SECRET_ARN} through the SDK (its SecretString is the key). */
    public static PersonalData fromEnvironment() {
        String secretId = Env.required("ID_HASH_SECRET_ARN");
        SecretsManagerClient secrets = Clients.configure(SecretsManagerClient.builder()).build();
        return fromSecret(() -> secrets.getSecretValue(b -> b.secretId(secretId)).secretString());
    }

    /** The key from {@code source}, read now and, while that fails, again when it is needed. */
    static PersonalData fromSecret(Supplier<String> source) {
        return new PersonalData(source);
    }

    /** The hash of a normalised identity number, prefixed by its type (a passport and an ID card never collide). */
    public String idHash(IdType type, String normalisedNumber) {
        return hmacHex(type.name() + ":" + normalisedNumber);
    }

    /**
     * Every hash a person's records may be keyed by, the current one first. The one place where key
     * versions plug in: while the hash key has a single version, that is the one hash.
     */
    public java.util.List<String> idHashesForLookup(IdType type, String normalisedNumber) {
        return java.util.List.of(idHash(type, normalisedNumber));
    }

    public String phoneHash(String normalisedPhone) {
        return hmacHex("PHONE:" + normalisedPhone);
    }

    /**
     * Keeps the first character and the last two ({@code 1***************2X}). A number too short to
     * hide at least three characters that way is masked entirely.
     */
    public static String maskIdNumber(String number) {
        int length = number.length();
        if (length < 6) {
            return "*".repeat(length);
        }
        return number.charAt(0) + "*".repeat(length - 3) + number.substring(length - 2);
    }

    public static String maskPhone(String normalisedPhone) {
        return MobilePhone.mask(normalisedPhone);
    }

    private String hmacHex(String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key());
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + HMAC, e);
        }
    }

    private SecretKeySpec key() {
        SecretKeySpec current = key;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (key == null) {
                String secret;
                try {
                    secret = source.get();
                } catch (RuntimeException e) {
                    // the SDK's messages name the secret and the failure, never its value
                    Log.warn(null, "ID-hash key unavailable", "error", e.getClass().getName(),
                            "cause", String.valueOf(e.getMessage()));
                    throw new KeyUnavailable(e);
                }
                if (secret == null || secret.isEmpty()) {
                    Log.warn(null, "ID-hash key unavailable", "error", "the secret has no SecretString");
                    throw new KeyUnavailable(null);
                }
                key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
            }
            return key;
        }
    }

    /** The key could not be read: a request that needs it answers the generic 500. */
    static final class KeyUnavailable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        KeyUnavailable(Throwable cause) {
            super("the ID-hash key could not be read", cause);
        }
    }
}
