package cn.lanzhou.epidemic.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import cn.lanzhou.epidemic.registration.domain.IdType;
import org.junit.jupiter.api.Test;

class PersonalDataTest {
    private final PersonalData data = new PersonalData("a-secret-key-for-tests");

    @Test
    void anIdNumberKeepsItsFirstCharacterAndLastTwo() {
        assertEquals("1***************2X", PersonalData.maskIdNumber("11010519491231002X"));
        assertEquals("E******78", PersonalData.maskIdNumber("E12345678"));
    }

    @Test
    void aNumberTooShortToHideThreeCharactersIsMaskedEntirely() {
        assertEquals("*****", PersonalData.maskIdNumber("AB123"));
        assertEquals("A***23", PersonalData.maskIdNumber("AB1C23"));
    }

    @Test
    void aPhoneKeepsThreeAndFourDigits() {
        assertEquals("138****1234", PersonalData.maskPhone("13800001234"));
    }

    @Test
    void theHashIsHmacSha256OfTheTypedNumberSoItMatchesAPersonButDependsOnTheKey() {
        String hash = data.idHash(IdType.RESIDENT_ID, "11010519491231002X");
        assertEquals(64, hash.length());
        assertEquals(hash, data.idHash(IdType.RESIDENT_ID, "11010519491231002X"));
        assertNotEquals(hash, data.idHash(IdType.PASSPORT, "11010519491231002X"));
        assertNotEquals(hash, new PersonalData("another-key-entirely").idHash(IdType.RESIDENT_ID, "11010519491231002X"));
        assertEquals(hmac("a-secret-key-for-tests", "RESIDENT_ID:11010519491231002X"), hash);
        assertEquals(hmac("a-secret-key-for-tests", "PHONE:13800001234"), data.phoneHash("13800001234"));
    }

    @Test
    void aKeyThatCannotBeReadAtInitIsReadAgainWhenAHashIsNeeded() {
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        PersonalData lazy = PersonalData.fromSecret(() -> {
            if (reads.incrementAndGet() < 3) {
                throw new IllegalStateException("endpoint down");
            }
            return "a-secret-key-for-tests";
        });
        assertEquals(1, reads.get());
        org.junit.jupiter.api.Assertions.assertThrows(PersonalData.KeyUnavailable.class, () -> lazy.phoneHash("13800001234"));
        assertEquals(data.phoneHash("13800001234"), lazy.phoneHash("13800001234"));
        assertEquals(data.phoneHash("13800001234"), lazy.phoneHash("13800001234"));
        assertEquals(3, reads.get());
    }

    private static String hmac(String key, String message) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
            return java.util.HexFormat.of().formatHex(mac.doFinal(message.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
