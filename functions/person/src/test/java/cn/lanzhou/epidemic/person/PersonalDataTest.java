package cn.lanzhou.epidemic.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class PersonalDataTest {
    private final PersonalData data = new PersonalData("a-secret-key-for-tests");

    @Test
    void aRequestFingerprintIsKeyedSoNoOneWithoutTheKeyCanRecomputeIt() {
        byte[] body = "POST /persons/lookup\n{\"idNumber\":\"11010519491231002X\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String fingerprint = data.fingerprint(body);
        assertTrue(fingerprint.startsWith("v1:"), fingerprint);
        assertEquals(fingerprint, data.fingerprint(body));
        assertNotEquals(fingerprint, new PersonalData("another-key-entirely").fingerprint(body));
        assertFalse(fingerprint.contains(java.util.HexFormat.of().formatHex(body)));
    }

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
        assertEquals(67, hash.length());
        assertEquals(hash, data.idHash(IdType.RESIDENT_ID, "11010519491231002X"));
        assertNotEquals(hash, data.idHash(IdType.PASSPORT, "11010519491231002X"));
        assertNotEquals(hash, new PersonalData("another-key-entirely").idHash(IdType.RESIDENT_ID, "11010519491231002X"));
        assertEquals("v1:" + hmac("a-secret-key-for-tests", "RESIDENT_ID:11010519491231002X"), hash);
        assertEquals("v1:" + hmac("a-secret-key-for-tests", "PHONE:13800001234"), data.phoneHash("13800001234"));
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

    @Test
    void aPlainStringSecretIsKeyVersion1AndEveryHashSaysSo() {
        assertEquals(1, PersonalData.keyVersion(data.idHash(IdType.RESIDENT_ID, "11010519491231002X")));
        assertEquals(1, PersonalData.keyVersion(hmac("a-secret-key-for-tests", "PHONE:13800001234")), "a bare hash is version 1");
        assertEquals(data.idHash(IdType.RESIDENT_ID, "11010519491231002X"),
                new PersonalData("{\"current\": 1, \"keys\": {\"1\": \"a-secret-key-for-tests\"}}").idHash(IdType.RESIDENT_ID, "11010519491231002X"));
    }

    @Test
    void aHashMadeWithKeyVersion1IsStillFoundAfterVersion2IsAdded() {
        String before = data.idHash(IdType.RESIDENT_ID, "11010519491231002X");
        String phoneBefore = data.phoneHash("13800001234");
        PersonalData rotated = new PersonalData("""
                {"current": 2, "keys": {"1": "a-secret-key-for-tests", "2": "the-new-key-of-version-2"}}""");

        String after = rotated.idHash(IdType.RESIDENT_ID, "11010519491231002X");

        assertEquals(2, PersonalData.keyVersion(after));
        assertEquals("v2:" + hmac("the-new-key-of-version-2", "RESIDENT_ID:11010519491231002X"), after);
        assertEquals(after, rotated.idHashes(IdType.RESIDENT_ID, "11010519491231002X").get(0), "the current version first");
        assertTrue(rotated.matches(before, IdType.RESIDENT_ID, "11010519491231002X"));
        assertTrue(rotated.matches(after, IdType.RESIDENT_ID, "11010519491231002X"));
        assertTrue(rotated.phoneHashes("13800001234").contains(phoneBefore));
        assertTrue(rotated.matches(hmac("a-secret-key-for-tests", "RESIDENT_ID:11010519491231002X"), IdType.RESIDENT_ID,
                "11010519491231002X"), "hashes stored before they carried a version");
        assertFalse(rotated.matches(before, IdType.RESIDENT_ID, "11010519491231002Y"));
        assertFalse(rotated.matches(before, IdType.PASSPORT, "11010519491231002X"));
    }

    @Test
    void onceVersion1IsRemovedItsHashesAreNoLongerFound() {
        String before = data.idHash(IdType.RESIDENT_ID, "11010519491231002X");
        PersonalData retired = new PersonalData("""
                {"current": 2, "keys": {"2": "the-new-key-of-version-2"}}""");

        assertFalse(retired.matches(before, IdType.RESIDENT_ID, "11010519491231002X"));
        assertEquals(1, retired.idHashes(IdType.RESIDENT_ID, "11010519491231002X").size());
    }

    @Test
    void aVersionedSecretThatDoesNotHoldItsCurrentKeyIsUnavailableAndItsValueIsNeverLogged() {
        for (String bad : List.of("{\"current\": 3, \"keys\": {\"1\": \"k1-secret-value\"}}", "{\"current\": 1}",
                "{\"current\": 1, \"keys\": {\"one\": \"k1-secret-value\"}}", "{\"current\": 1, \"keys\": {\"1\": \"\"}}",
                "{not json k1-secret-value")) {
            PersonalData broken = new PersonalData(bad);
            assertThrows(PersonalData.KeyUnavailable.class, () -> broken.idHash(IdType.RESIDENT_ID, "11010519491231002X"), bad);
        }
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
