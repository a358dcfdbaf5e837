package cn.lanzhou.epidemic.common.crypto;

/**
 * SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), the only two primitives a function needs: for
 * SigV4 signatures, idempotency fingerprints and the keyed hash of an ID number.
 *
 * <p>Why not the JDK's {@code MessageDigest} and {@code Mac}: their first use in a JVM sets up the
 * cryptography provider framework (the provider list, every provider's service table, the JCE's
 * checks), about 90 ms of a 2-vCPU Lambda's cold start and some 150 classes, to compute a hash
 * that takes microseconds. This class is one small class with no lookup. Nothing secret depends on
 * table lookups or branches here (the rounds are plain 32-bit arithmetic), and the tests check it
 * against the JDK's implementations and the standards' test vectors.
 *
 * <p>An instance is not thread-safe; the static methods are.
 */
public final class Sha256 {
    private static final int BLOCK = 64;
    private static final int[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };
    private static final int[] INITIAL = {
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    };

    private final int[] state = new int[8];
    private final int[] schedule = new int[64];
    private final byte[] buffer = new byte[BLOCK];
    private int buffered;
    private long length;

    public Sha256() {
        reset();
    }

    /** The digest of {@code data}. */
    public static byte[] hash(byte[] data) {
        return new Sha256().update(data, 0, data.length).digest();
    }

    /** HMAC-SHA256 of {@code message} under {@code key} (a key longer than a block is hashed first). */
    public static byte[] hmac(byte[] key, byte[] message) {
        byte[] block = new byte[BLOCK];
        byte[] k = key.length > BLOCK ? hash(key) : key;
        System.arraycopy(k, 0, block, 0, k.length);
        byte[] pad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            pad[i] = (byte) (block[i] ^ 0x36);
        }
        byte[] inner = new Sha256().update(pad, 0, BLOCK).update(message, 0, message.length).digest();
        for (int i = 0; i < BLOCK; i++) {
            pad[i] = (byte) (block[i] ^ 0x5c);
        }
        return new Sha256().update(pad, 0, BLOCK).update(inner, 0, inner.length).digest();
    }

    /** {@code bytes} as lower-case hex, the form SigV4 signs and the stores keep hashes in. */
    public static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            out.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        }
        return out.toString();
    }

    public Sha256 update(byte[] data, int offset, int count) {
        if (offset < 0 || count < 0 || offset > data.length - count) {
            throw new IndexOutOfBoundsException("offset " + offset + ", count " + count + ", length " + data.length);
        }
        length += count;
        int end = offset + count;
        while (offset < end) {
            int n = Math.min(BLOCK - buffered, end - offset);
            System.arraycopy(data, offset, buffer, buffered, n);
            buffered += n;
            offset += n;
            if (buffered == BLOCK) {
                compress();
                buffered = 0;
            }
        }
        return this;
    }

    /** Finishes the hash (the message's bit length in the padding) and resets for the next message. */
    public byte[] digest() {
        long bits = length * 8;
        buffer[buffered++] = (byte) 0x80;
        if (buffered > BLOCK - 8) {
            java.util.Arrays.fill(buffer, buffered, BLOCK, (byte) 0);
            compress();
            buffered = 0;
        }
        java.util.Arrays.fill(buffer, buffered, BLOCK - 8, (byte) 0);
        for (int i = 0; i < 8; i++) {
            buffer[BLOCK - 1 - i] = (byte) (bits >>> (8 * i));
        }
        compress();
        byte[] out = new byte[32];
        for (int i = 0; i < 8; i++) {
            out[4 * i] = (byte) (state[i] >>> 24);
            out[4 * i + 1] = (byte) (state[i] >>> 16);
            out[4 * i + 2] = (byte) (state[i] >>> 8);
            out[4 * i + 3] = (byte) state[i];
        }
        reset();
        return out;
    }

    private void reset() {
        System.arraycopy(INITIAL, 0, state, 0, 8);
        buffered = 0;
        length = 0;
    }

    private void compress() {
        int[] w = schedule;
        for (int t = 0; t < 16; t++) {
            int i = 4 * t;
            w[t] = (buffer[i] & 0xff) << 24 | (buffer[i + 1] & 0xff) << 16 | (buffer[i + 2] & 0xff) << 8
                    | (buffer[i + 3] & 0xff);
        }
        for (int t = 16; t < 64; t++) {
            int s0 = Integer.rotateRight(w[t - 15], 7) ^ Integer.rotateRight(w[t - 15], 18) ^ (w[t - 15] >>> 3);
            int s1 = Integer.rotateRight(w[t - 2], 17) ^ Integer.rotateRight(w[t - 2], 19) ^ (w[t - 2] >>> 10);
            w[t] = w[t - 16] + s0 + w[t - 7] + s1;
        }
        int a = state[0];
        int b = state[1];
        int c = state[2];
        int d = state[3];
        int e = state[4];
        int f = state[5];
        int g = state[6];
        int h = state[7];
        for (int t = 0; t < 64; t++) {
            int sum1 = Integer.rotateRight(e, 6) ^ Integer.rotateRight(e, 11) ^ Integer.rotateRight(e, 25);
            int choose = (e & f) ^ (~e & g);
            int t1 = h + sum1 + choose + K[t] + w[t];
            int sum0 = Integer.rotateRight(a, 2) ^ Integer.rotateRight(a, 13) ^ Integer.rotateRight(a, 22);
            int majority = (a & b) ^ (a & c) ^ (b & c);
            int t2 = sum0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state[0] += a;
        state[1] += b;
        state[2] += c;
        state[3] += d;
        state[4] += e;
        state[5] += f;
        state[6] += g;
        state[7] += h;
    }
}
