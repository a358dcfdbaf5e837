package cn.lanzhou.epidemic.registration;

import cn.lanzhou.epidemic.common.config.Env;
import cn.lanzhou.epidemic.common.crypto.Sha256;
import cn.lanzhou.epidemic.common.validation.MobilePhone;
import java.nio.charset.StandardCharsets;

/**
 * What becomes of an identity number and a phone before anything is stored: a keyed hash
 * (HMAC-SHA256, key from {@code ID_HASH_KEY}, which in AWS comes from Secrets Manager) to match
 * registrations of one person without keeping the number, and a masked copy for display. Without
 * the key, the hash of an 18-digit number with a known structure cannot be reversed by trying
 * every number, which a plain SHA-256 would allow.
 */
public final class PersonalData {
    private final byte[] key;

    public PersonalData(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalStateException("ID_HASH_KEY is empty");
        }
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    public static PersonalData fromEnvironment() {
        return new PersonalData(Env.required("ID_HASH_KEY"));
    }

    /** The hash of a normalised identity number, prefixed by its type (a passport and an ID card never collide). */
    public String idHash(IdType type, String normalisedNumber) {
        return hmacHex(type.name() + ":" + normalisedNumber);
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
        return Sha256.hex(Sha256.hmac(key, value.getBytes(StandardCharsets.UTF_8)));
    }
}
