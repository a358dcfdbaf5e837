package cn.lanzhou.epidemic.reopening.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CreditCodeTest {
    private static final String ALL_UPPER = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Codes whose check characters were computed independently of this class. */
    private static final List<String> VALID = List.of(
            "91110000600037341L", // the example of the issue
            "91350100M000100Y43",
            "911100007109288314",
            "916201002243330859");

    @Test
    void acceptsKnownValidCodes() {
        for (String code : VALID) {
            assertTrue(CreditCode.isValid(code), code);
        }
    }

    @Test
    void rejectsEverySingleCharacterChangeOfValidCodes() {
        for (String code : VALID) {
            for (int position = 0; position < code.length(); position++) {
                for (char c : (ALL_UPPER + "iosvzl-").toCharArray()) {
                    if (c == code.charAt(position)) {
                        continue;
                    }
                    String changed = code.substring(0, position) + c + code.substring(position + 1);
                    assertFalse(CreditCode.isValid(changed), changed);
                }
            }
        }
    }

    @Test
    void aWeightedSumDivisibleBy31GivesZero() {
        // all zeros: the weighted sum is 0, 31 - 0 = 31, which stands for '0'
        assertEquals('0', CreditCode.checkCharacter("00000000000000000"));
        assertTrue(CreditCode.isValid("000000000000000000"));
        // the last weight (28) is invertible mod 31, so exactly one 17th character makes any prefix divisible
        String prefix = "9111000060003734";
        int found = 0;
        for (char c : CreditCode.ALPHABET.toCharArray()) {
            String candidate = prefix + c;
            if (sum(candidate) % 31 == 0) {
                assertEquals('0', CreditCode.checkCharacter(candidate));
                assertTrue(CreditCode.isValid(candidate + '0'));
                found++;
            }
        }
        assertEquals(1, found, "exactly one last character makes the sum divisible by 31");
    }

    @Test
    void rejectsWrongLengthsLowerCaseAndLettersOutsideTheSet() {
        assertFalse(CreditCode.isValid(null));
        assertFalse(CreditCode.isValid(""));
        assertFalse(CreditCode.isValid("91110000600037341"));
        assertFalse(CreditCode.isValid("91110000600037341LL"));
        assertFalse(CreditCode.isValid("91110000600037341l"));
        assertFalse(CreditCode.isValid("9111000060003734IL"));
    }

    private static int sum(String first17) {
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int s = 0;
        for (int i = 0; i < 17; i++) {
            s += CreditCode.ALPHABET.indexOf(first17.charAt(i)) * weights[i];
        }
        return s;
    }
}
