package cn.lanzhou.epidemic.common.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class Sha256Test {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void theStandardsTestVectors() {
        // FIPS 180-4 examples (NIST's SHA256.pdf)
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hex(Sha256.hash(ascii("abc"))));
        assertEquals("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
                hex(Sha256.hash(ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", hex(Sha256.hash(new byte[0])));
        byte[] million = new byte[1_000_000];
        java.util.Arrays.fill(million, (byte) 'a');
        assertEquals("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", hex(Sha256.hash(million)));
        // RFC 4231, test cases 1, 2 and 6 (a key longer than a block)
        assertEquals("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
                hex(Sha256.hmac(HEX.parseHex("0b".repeat(20)), ascii("Hi There"))));
        assertEquals("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                hex(Sha256.hmac(ascii("Jefe"), ascii("what do ya want for nothing?"))));
        assertEquals("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                hex(Sha256.hmac(HEX.parseHex("aa".repeat(131)),
                        ascii("Test Using Larger Than Block-Size Key - Hash Key First"))));
    }

    @Test
    void agreesWithTheJdkForEveryLengthAroundTheBlockBoundaries() throws Exception {
        Random random = new Random(20200213);
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        Mac mac = Mac.getInstance("HmacSHA256");
        for (int length = 0; length <= 300; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertArrayEquals(jdk.digest(data), Sha256.hash(data), "length " + length);
            byte[] key = new byte[length % 150];
            random.nextBytes(key);
            if (key.length > 0) {
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                assertArrayEquals(mac.doFinal(data), Sha256.hmac(key, data), "key " + key.length + ", length " + length);
            }
        }
    }

    @Test
    void aMessageFedInPiecesHashesAsAWhole() throws Exception {
        byte[] data = new byte[1000];
        new Random(7).nextBytes(data);
        Sha256 sha = new Sha256();
        for (int offset = 0; offset < data.length; offset += 37) {
            sha.update(data, offset, Math.min(37, data.length - offset));
        }
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(data), sha.digest());
        assertEquals(hex(Sha256.hash(new byte[0])), hex(sha.digest()), "digest() starts the next message afresh");
        assertThrows(IndexOutOfBoundsException.class, () -> sha.update(data, 990, 11));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }
}
