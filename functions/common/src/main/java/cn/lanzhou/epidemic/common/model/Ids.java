package cn.lanzhou.epidemic.common.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.time.Instant;

/** Time-ordered ids (ULID-like, Crockford's base-32); a keyed request's id derives from its key, so that a rerun writes the same item. */
public final class Ids {
    public static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static volatile SecureRandom random = new SecureRandom();

    private Ids() {
    }

    /** After a SnapStart restore: otherwise every copy restored from one snapshot draws the same sequence. */
    public static void renewRandomness() {
        random = new SecureRandom();
    }

    public static String random(Instant at) {
        byte[] tail = new byte[10];
        random.nextBytes(tail);
        return encode(at.toEpochMilli(), tail);
    }

    /** The same seed and instant always give the same id. */
    public static String derived(Instant at, String seed) {
        byte[] digest = sha256(seed.getBytes(StandardCharsets.UTF_8));
        byte[] tail = new byte[10];
        System.arraycopy(digest, 0, tail, 0, 10);
        return encode(at.toEpochMilli(), tail);
    }

    /** {@code length} random characters of Crockford's alphabet (receipt numbers). */
    public static String randomCrockford(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(CROCKFORD.charAt(random.nextInt(32)));
        }
        return out.toString();
    }

    private static String encode(long millis, byte[] tail) {
        // 128 bits: 48 of time, 80 of tail, written as 26 base-32 digits (the first carries 3 bits)
        long hi = (millis << 16) | ((tail[0] & 0xffL) << 8) | (tail[1] & 0xffL);
        long lo = 0;
        for (int i = 2; i < 10; i++) {
            lo = (lo << 8) | (tail[i] & 0xffL);
        }
        char[] out = new char[26];
        for (int i = 25; i >= 0; i--) {
            out[i] = CROCKFORD.charAt((int) (lo & 31));
            lo = (lo >>> 5) | ((hi & 31) << 59);
            hi >>>= 5;
        }
        return new String(out);
    }

    public static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public static String sha256Hex(byte[] input) {
        return HexFormat.of().formatHex(sha256(input));
    }
}
