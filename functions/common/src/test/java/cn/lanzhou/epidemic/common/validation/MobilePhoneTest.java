package cn.lanzhou.epidemic.common.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MobilePhoneTest {

    @ParameterizedTest
    @ValueSource(strings = {"13812341234", "138 1234 1234", "138-1234-1234", "+8613812341234", "+86 138 1234 1234",
            "008613812341234", "0086-138-1234-1234", " 13812341234 "})
    void writtenFormsOfOneMobileNumberNormaliseToIts11Digits(String input) {
        assertEquals(Optional.of("13812341234"), MobilePhone.normalise(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"13012345678", "14512345678", "15912345678", "16612345678", "17712345678", "18812345678",
            "19912345678"})
    void everyPrefixFrom13To19IsAMobileNumber(String input) {
        assertTrue(MobilePhone.isValid(input));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12812341234", "10012341234", "1381234123", "138123412345", "02861234567",
            "+85213812341234", "86 13812341234", "1381234123a", "138.1234.1234", "+86+8613812341234", "０13812341234"})
    void anythingElseIsNot(String input) {
        assertEquals(Optional.empty(), MobilePhone.normalise(input));
    }

    @Test
    void theMaskKeepsThreeAndFourDigits() {
        assertEquals("138****1234", MobilePhone.mask("13800001234"));
    }
}
