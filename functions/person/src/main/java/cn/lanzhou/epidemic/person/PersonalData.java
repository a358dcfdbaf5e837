package cn.lanzhou.epidemic.person;

import cn.lanzhou.epidemic.common.aws.Clients;
import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.json.Json;
import cn.lanzhou.epidemic.common.log.Log;
import cn.lanzhou.epidemic.common.validation.MobilePhone;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
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
 * <p>Keys have versions, so the key can be rotated (docs/registrations.md): every hash is stored with
 * the version of the key that made it ({@code v2:<hex>}), new hashes use the current version, and a
 * lookup tries every live version ({@link #idHashes}). The secret's value is either JSON
 * {@code {"current": 2, "keys": {"1": "...", "2": "..."}}} or, as before versions existed, a plain
 * string, which is version 1.
 *
 * <p>The keys are read once, at init. If that read fails (credentials refused, endpoint down), init
 * goes on and the first request that needs the key tries again; while it cannot be read, such a
 * request fails with the generic 500 and the log says why. The key itself is never logged.
 */
public final class PersonalData {
    private static final String HMAC = "HmacSHA256";

    private final Supplier<String> source;
    private volatile Keys keys;

    public PersonalData(String secret) {
        this(() -> secret);
    }

    private PersonalData(Supplier<String> source) {
        this.source = source;
        try {
            keys();
        } catch (KeyUnavailable e) {
            // logged in keys(); the first request that needs the key tries again
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

    /**
     * The hash to store for a normalised identity number: of the number prefixed by its type (a
     * passport and an ID card never collide), with the current key, as {@code v<version>:<hex>}.
     */
    public String idHash(IdType type, String normalisedNumber) {
        Keys k = keys();
        return versioned(k.current(), k.byVersion().get(k.current()), type.name() + ":" + normalisedNumber);
    }

    /** A keyed digest of a request that carries personal data, with the current key, for its Idempotency-Key record. */
    public String fingerprint(byte[] request) {
        Keys k = keys();
        return versioned(k.current(), k.byVersion().get(k.current()), HexFormat.of().formatHex(request));
    }

    public String phoneHash(String normalisedPhone) {
        Keys k = keys();
        return versioned(k.current(), k.byVersion().get(k.current()), "PHONE:" + normalisedPhone);
    }

    /**
     * Every form in which a stored hash of this number can be found: one per live key version, the
     * current first, and for version 1 also the bare hex that was stored before hashes carried their
     * version. A lookup matches a stored hash against any of them.
     */
    public List<String> idHashes(IdType type, String normalisedNumber) {
        return allHashes(type.name() + ":" + normalisedNumber);
    }

    public List<String> phoneHashes(String normalisedPhone) {
        return allHashes("PHONE:" + normalisedPhone);
    }

    /** Whether {@code storedHash} (any live version) is the hash of this number. */
    public boolean matches(String storedHash, IdType type, String normalisedNumber) {
        return idHashes(type, normalisedNumber).contains(storedHash);
    }

    /** The key version a stored hash was made with; a bare hex hash is version 1. */
    public static int keyVersion(String storedHash) {
        int colon = storedHash.indexOf(':');
        if (colon < 0) {
            return 1;
        }
        if (colon < 2 || storedHash.charAt(0) != 'v') {
            throw new IllegalArgumentException("not a stored hash");
        }
        return Integer.parseInt(storedHash.substring(1, colon));
    }

    private List<String> allHashes(String value) {
        Keys k = keys();
        List<String> hashes = new ArrayList<>();
        hashes.add(versioned(k.current(), k.byVersion().get(k.current()), value));
        for (Map.Entry<Integer, SecretKeySpec> e : k.byVersion().descendingMap().entrySet()) {
            if (e.getKey() != k.current()) {
                hashes.add(versioned(e.getKey(), e.getValue(), value));
            }
        }
        SecretKeySpec first = k.byVersion().get(1);
        if (first != null) {
            hashes.add(hmacHex(first, value));
        }
        return Collections.unmodifiableList(hashes);
    }

    private static String versioned(int version, SecretKeySpec key, String value) {
        return "v" + version + ":" + hmacHex(key, value);
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

    private static String hmacHex(SecretKeySpec key, String value) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has " + HMAC, e);
        }
    }

    /** The live keys by version, and the version new hashes use. */
    private record Keys(int current, NavigableMap<Integer, SecretKeySpec> byVersion) {
    }

    private Keys keys() {
        Keys current = keys;
        if (current != null) {
            return current;
        }
        synchronized (this) {
            if (keys == null) {
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
                keys = parse(secret);
            }
            return keys;
        }
    }

    /** A plain string is version 1; JSON (starting with '{') holds the versions. Never logs the value. */
    private static Keys parse(String secret) {
        if (!secret.stripLeading().startsWith("{")) {
            return new Keys(1, new TreeMap<>(Map.of(1, key(secret))));
        }
        try {
            JsonNode json = Json.parse(secret);
            JsonNode keysNode = json.path("keys");
            if (!json.path("current").canConvertToInt() || !keysNode.isObject() || keysNode.isEmpty()) {
                throw new IllegalArgumentException("needs a number \"current\" and an object \"keys\"");
            }
            NavigableMap<Integer, SecretKeySpec> byVersion = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = keysNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                int version = Integer.parseInt(e.getKey());
                if (version < 1 || !e.getValue().isTextual() || e.getValue().asText().isEmpty()) {
                    throw new IllegalArgumentException("versions are positive numbers, keys non-empty strings");
                }
                byVersion.put(version, key(e.getValue().asText()));
            }
            int current = json.get("current").asInt();
            if (!byVersion.containsKey(current)) {
                throw new IllegalArgumentException("the current version has no key");
            }
            return new Keys(current, Collections.unmodifiableNavigableMap(byVersion));
        } catch (JsonProcessingException e) {
            // the parser's message may quote the secret: only the shape is logged
            throw unusable("the secret is not valid JSON");
        } catch (NumberFormatException e) {
            throw unusable("the secret's JSON: versions are positive numbers");
        } catch (IllegalArgumentException e) {
            throw unusable("the secret's JSON " + e.getMessage());
        }
    }

    private static KeyUnavailable unusable(String why) {
        Log.warn(null, "ID-hash key unavailable", "error", why);
        return new KeyUnavailable(null);
    }

    private static SecretKeySpec key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** The key could not be read: a request that needs it answers the generic 500. */
    static final class KeyUnavailable extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        KeyUnavailable(Throwable cause) {
            super("the ID-hash key could not be read", cause);
        }
    }
}
